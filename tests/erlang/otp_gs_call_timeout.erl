%% gen_server:call timeouts caught with catch: the caller gets exit {timeout, {gen_server,
%% call, Args}}, the server keeps running and its late reply never reaches the caller's
%% mailbox; calls with infinity, a zero timeout, calls to a server that dies meanwhile,
%% and a server stuck in a call while other callers time out too.
-module(otp_gs_call_timeout).
-behaviour(gen_server).
-export([main/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2]).

main() ->
    {ok, S} = gen_server:start({local, slowpoke}, ?MODULE, [], []),
    io:format("fast call ~p~n", [gen_server:call(slowpoke, {sleep, 0}, infinity)]),
    io:format("slow call ~p~n", [shape(catch gen_server:call(slowpoke, {sleep, 100}, 10))]),
    io:format("zero timeout ~p~n", [shape(catch gen_server:call(slowpoke, {sleep, 0}, 0))]),
    io:format("infinity ~p~n", [gen_server:call(slowpoke, {sleep, 20}, infinity)]),
    %% The late replies were dropped: the caller's mailbox is empty.
    io:format("mailbox ~p~n", [flush()]),
    io:format("calls served ~p~n", [gen_server:call(slowpoke, served)]),
    %% Two callers: while the server is busy with the first, the second times out.
    Me = self(),
    spawn(fun() -> Me ! {first, catch gen_server:call(slowpoke, {sleep, 60}, infinity)} end),
    receive after 10 -> ok end,
    Second = shape(catch gen_server:call(slowpoke, {sleep, 0}, 10)),
    First = receive {first, F} -> F end,
    io:format("first ~p, second ~p~n", [First, Second]),
    %% A timeout while the server dies: the caller gets the server's exit reason instead.
    io:format("dies during call ~p~n", [shape(catch gen_server:call(slowpoke, {die_after, 10}, infinity))]),
    io:format("alive ~p~n", [is_process_alive(S)]),
    %% A call to a name nobody has.
    io:format("noproc ~p~n", [shape(catch gen_server:call(slowpoke, {sleep, 0}, 100))]),
    %% The catch form as a try: class and reason.
    {ok, _} = gen_server:start({local, slowpoke}, ?MODULE, [], []),
    R = try gen_server:call(slowpoke, {sleep, 50}, 5) of
            V -> {value, V}
        catch
            Class:{Reason, {gen_server, call, _}} -> {Class, Reason}
        end,
    io:format("try ~p~n", [R]),
    ok = gen_server:stop(slowpoke),
    io:format("mailbox ~p~n", [flush()]),
    io:format("otp_gs_call_timeout done~n").

shape({'EXIT', {Reason, {gen_server, call, [Name, Req, Timeout]}}}) ->
    {exit, Reason, Name, Req, Timeout};
shape(Other) -> Other.

flush() -> receive M -> [M | flush()] after 0 -> [] end.

init([]) -> {ok, 0}.

handle_call({sleep, Ms}, _From, N) ->
    receive after Ms -> ok end,
    {reply, {slept, Ms}, N + 1};
handle_call({die_after, Ms}, _From, N) ->
    receive after Ms -> exit({died, N}) end;
handle_call(served, _From, N) ->
    {reply, N, N}.

handle_cast(_, N) -> {noreply, N}.

handle_info(_, N) -> {noreply, N}.
