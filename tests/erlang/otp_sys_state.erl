%% OTP's sys on running behaviours: get_state and replace_state on a gen_server, a
%% gen_statem ({State, Data}) and a gen_event manager (per handler), suspend/resume (a
%% suspended server queues calls and answers them after resume; sys messages still work),
%% statistics and trace/log switched on and off, and a replace_state fun that crashes.
-module(otp_sys_state).
-behaviour(gen_server).
-export([main/0]).
-export([init/1, handle_call/3, handle_cast/2, callback_mode/0, idle/3, busy/3]).
%% The same module is a gen_statem and a gen_event handler too (init/1 serves all three).
-export([handle_event/2]).

main() ->
    {ok, S} = gen_server:start(?MODULE, server, []),
    io:format("get_state ~p~n", [sys:get_state(S)]),
    io:format("replace_state ~p~n", [sys:replace_state(S, fun(N) -> N * 10 end)]),
    io:format("after replace ~p~n", [gen_server:call(S, get)]),
    io:format("crashing replace ~p~n", [shape(catch sys:replace_state(S, fun(_) -> error(nope) end))]),
    io:format("state unchanged ~p~n", [sys:get_state(S)]),
    %% Suspend: a call made now waits; resume lets it through.
    ok = sys:suspend(S),
    Me = self(),
    spawn(fun() -> Me ! {late, gen_server:call(S, get)} end),
    Waiting = receive {late, _} -> answered_while_suspended after 50 -> waited end,
    io:format("suspended call ~p, get_state while suspended ~p~n", [Waiting, sys:get_state(S)]),
    ok = sys:resume(S),
    receive {late, V} -> io:format("answered after resume ~p~n", [V]) end,
    %% statistics: reductions and times are not printed, only what is deterministic.
    ok = sys:statistics(S, true),
    gen_server:cast(S, bump),
    gen_server:call(S, get),
    {ok, Stats} = sys:statistics(S, get),
    io:format("statistics keys ~p~n", [lists:sort([K || {K, _} <- Stats])]),
    io:format("messages in/out ~p~n", [[proplists:get_value(K, Stats) || K <- [messages_in, messages_out]]]),
    ok = sys:statistics(S, false),
    io:format("statistics off ~p~n", [sys:statistics(S, get)]),
    ok = sys:log(S, {true, 5}),
    gen_server:cast(S, bump),
    gen_server:call(S, get),
    {ok, Log} = sys:log(S, get),
    io:format("logged events ~p~n", [length(Log)]),
    ok = sys:log(S, false),
    ok = sys:no_debug(S),
    gen_server:stop(S),
    %% gen_statem: the state is {StateName, Data}.
    {ok, M} = gen_statem:start(?MODULE, statem, []),
    io:format("statem state ~p~n", [sys:get_state(M)]),
    io:format("statem replaced ~p~n", [sys:replace_state(M, fun({idle, D}) -> {busy, D + 1} end)]),
    io:format("statem call ~p~n", [gen_statem:call(M, where)]),
    gen_statem:stop(M),
    %% gen_event: the state of each handler.
    {ok, E} = gen_event:start(),
    ok = gen_event:add_handler(E, ?MODULE, 5),
    ok = gen_event:add_handler(E, {?MODULE, two}, 7),
    io:format("event states ~p~n", [lists:sort(sys:get_state(E))]),
    sys:replace_state(E, fun({Mod, Id, St}) -> {Mod, Id, St * 2} end),
    io:format("event replaced ~p~n", [lists:sort(sys:get_state(E))]),
    gen_event:stop(E),
    io:format("otp_sys_state done~n").

shape({'EXIT', {{callback_failed, _, {error, Reason}}, [{sys, replace_state, 2, _} | _]}}) ->
    {callback_failed, Reason};
shape({'EXIT', {Reason, {sys, F, _}}}) -> {exit, Reason, F};
shape(Other) -> Other.

init(server) -> {ok, 4};
init(statem) -> {ok, idle, 0};
init(N) -> {ok, N}.

handle_call(get, _From, N) -> {reply, N, N}.

handle_cast(bump, N) -> {noreply, N + 1}.

callback_mode() -> state_functions.

idle({call, From}, where, D) -> {keep_state, D, [{reply, From, {idle, D}}]}.

handle_event(_, S) -> {ok, S}.

busy({call, From}, where, D) -> {keep_state, D, [{reply, From, {busy, D}}]}.
