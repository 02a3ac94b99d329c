%% OTP's gen_server, unmodified: start with a local name, call, cast, info messages,
%% timeouts, replies from another process, stop, and calls to dead or missing servers.
-module(otp_gen_server).
-behaviour(gen_server).
-export([main/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, handle_continue/2,
         terminate/2, code_change/3]).

main() ->
    {ok, Pid} = gen_server:start({local, kv}, ?MODULE, #{}, []),
    io:format("started ~p, registered ~p~n", [is_pid(Pid), whereis(kv) =:= Pid]),
    io:format("already started: ~p~n", [shape(gen_server:start({local, kv}, ?MODULE, #{}, []))]),
    ok = gen_server:call(kv, {put, a, 1}),
    ok = gen_server:call(kv, {put, b, 2}),
    io:format("get a ~p, get c ~p~n", [gen_server:call(kv, {get, a}), gen_server:call(kv, {get, c})]),
    ok = gen_server:cast(kv, {put, c, 3}),
    io:format("after cast ~p~n", [gen_server:call(kv, {get, c})]),
    kv ! {put, d, 4},
    io:format("after info ~p~n", [gen_server:call(kv, {get, d})]),
    io:format("continue ~p~n", [gen_server:call(kv, continue_then_get)]),
    io:format("deferred reply ~p~n", [gen_server:call(kv, deferred)]),
    io:format("call by pid ~p~n", [gen_server:call(Pid, keys)]),
    %% A server timeout: the server sees `timeout` when no message comes in time.
    ok = gen_server:call(kv, {arm_timeout, 10}),
    receive after 50 -> ok end,
    io:format("timeouts seen ~p~n", [gen_server:call(kv, timeouts)]),
    %% A call that takes longer than the caller waits.
    io:format("slow call: ~p~n", [shape(catch gen_server:call(kv, {sleep, 200}, 20))]),
    %% The late reply is dropped (the call used an alias): nothing in the mailbox.
    receive after 300 -> ok end,
    io:format("mailbox after late reply ~p~n", [flush()]),
    io:format("still serving ~p~n", [gen_server:call(kv, {get, a})]),
    %% multi-requests: send_request/receive_response.
    ReqId = gen_server:send_request(kv, {get, b}),
    io:format("send_request ~p~n", [gen_server:receive_response(ReqId, 1000)]),
    %% Stop with a reason; terminate/2 runs.
    ok = gen_server:stop(kv, normal, infinity),
    io:format("stopped, registered ~p, alive ~p~n", [whereis(kv), is_process_alive(Pid)]),
    io:format("call to a dead name: ~p~n", [shape(catch gen_server:call(kv, keys))]),
    io:format("call to a dead pid: ~p~n", [shape(catch gen_server:call(Pid, keys))]),
    io:format("cast to a dead name ~p~n", [gen_server:cast(kv, anything)]),
    %% start_link and a server stopping itself from a call.
    process_flag(trap_exit, true),
    {ok, P2} = gen_server:start_link(?MODULE, #{}, []),
    io:format("stop from call ~p~n", [gen_server:call(P2, stop_me)]),
    receive {'EXIT', P2, Why} -> io:format("linked server exit ~p~n", [Why]) end,
    %% init returning ignore and {stop, Reason}.
    io:format("init ignore ~p~n", [gen_server:start(?MODULE, ignore_me, [])]),
    io:format("init stop ~p~n", [gen_server:start(?MODULE, stop_me, [])]),
    io:format("otp_gen_server done~n").

shape({ok, P}) when is_pid(P) -> {ok, pid};
shape({error, {already_started, P}}) when is_pid(P) -> {error, {already_started, pid}};
shape({'EXIT', {Reason, {gen_server, call, [Dest | _]}}}) when is_pid(Dest) ->
    {exit, Reason, call_to_pid};
shape({'EXIT', {Reason, {gen_server, call, [Dest | _]}}}) -> {exit, Reason, call_to, Dest};
shape(Other) -> Other.

flush() ->
    receive M -> [M | flush()] after 0 -> [] end.

init(ignore_me) -> ignore;
init(stop_me) -> {stop, no_way};
init(Map) -> {ok, Map#{timeouts => 0}}.

handle_call({put, K, V}, _From, S) -> {reply, ok, S#{K => V}};
handle_call({get, K}, _From, S) -> {reply, maps:get(K, S, none), S};
handle_call(keys, _From, S) -> {reply, lists:sort(maps:keys(S)), S};
handle_call(continue_then_get, From, S) -> {noreply, S, {continue, {reply_to, From}}};
handle_call(deferred, From, S) ->
    spawn(fun() -> gen_server:reply(From, {from_helper, 42}) end),
    {noreply, S};
handle_call({arm_timeout, T}, _From, S) -> {reply, ok, S, T};
handle_call(timeouts, _From, S) -> {reply, maps:get(timeouts, S), S};
handle_call({sleep, T}, _From, S) -> receive after T -> ok end, {reply, slept, S};
handle_call(stop_me, _From, S) -> {stop, normal, stopping, S}.

handle_continue({reply_to, From}, S) ->
    gen_server:reply(From, {continued, maps:get(a, S)}),
    {noreply, S}.

handle_cast({put, K, V}, S) -> {noreply, S#{K => V}};
handle_cast(_, S) -> {noreply, S}.

handle_info(timeout, S) -> {noreply, S#{timeouts := maps:get(timeouts, S) + 1}};
handle_info({put, K, V}, S) -> {noreply, S#{K => V}}.

terminate(Reason, _S) ->
    io:format("terminate ~p~n", [Reason]).

code_change(_Old, S, _Extra) -> {ok, S}.
