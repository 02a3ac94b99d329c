%% gen_server hibernation: a server that returns `hibernate` from its callbacks (and from
%% init) sleeps in erlang:hibernate/3, wakes on the next message with its state intact, and
%% a server started with hibernate_after hibernates when idle. proc_lib:hibernate/3 and a
%% bare erlang:hibernate/3 resume in the given function, with an empty stack.
-module(otp_gs_hibernate).
-behaviour(gen_server).
-export([main/0, wake/1]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2]).

main() ->
    {ok, S} = gen_server:start(?MODULE, hibernate_at_init, []),
    io:format("after init ~p~n", [wait_hibernating(S)]),
    io:format("call ~p~n", [gen_server:call(S, {push, a})]),
    io:format("after call ~p~n", [wait_hibernating(S)]),
    gen_server:cast(S, {push, b}),
    io:format("after cast ~p~n", [wait_hibernating(S)]),
    S ! {push, c},
    io:format("after info ~p~n", [wait_hibernating(S)]),
    io:format("state kept ~p~n", [gen_server:call(S, get)]),
    io:format("awake after get ~p~n", [current(S)]),
    gen_server:stop(S),
    %% hibernate_after: idle for 20 ms, then hibernated by gen_server itself.
    {ok, T} = gen_server:start(?MODULE, plain, [{hibernate_after, 20}]),
    io:format("busy ~p~n", [gen_server:call(T, get)]),
    io:format("idle ~p~n", [wait_hibernating(T)]),
    io:format("still serving ~p~n", [gen_server:call(T, {push, x})]),
    gen_server:stop(T),
    %% A plain process hibernating: erlang:hibernate/3 calls wake/1 on the next message.
    Me = self(),
    P = spawn(fun() -> erlang:hibernate(?MODULE, wake, [Me]) end),
    io:format("plain ~p~n", [wait_hibernating(P)]),
    P ! hello,
    receive {woke, Msg, Depth} -> io:format("woke with ~p, stack depth ~p~n", [Msg, Depth]) end,
    Q = proc_lib:spawn(fun() -> proc_lib:hibernate(?MODULE, wake, [Me]) end),
    io:format("proc_lib ~p~n", [wait_hibernating(Q)]),
    Q ! there,
    receive {woke, Msg2, _} -> io:format("proc_lib woke with ~p~n", [Msg2]) end,
    io:format("otp_gs_hibernate done~n").

%% Polls until P is in erlang:hibernate/3 (it gets there asynchronously).
wait_hibernating(P) -> wait_hibernating(P, 500).

wait_hibernating(P, 0) -> current(P);
wait_hibernating(P, N) ->
    case current(P) of
        hibernating -> hibernating;
        _ -> receive after 1 -> wait_hibernating(P, N - 1) end
    end.

current(P) ->
    case process_info(P, current_function) of
        {current_function, {erlang, hibernate, 3}} -> hibernating;
        {current_function, _} -> awake;
        undefined -> dead
    end.

wake(Parent) ->
    receive Msg ->
        {current_stacktrace, Stack} = process_info(self(), current_stacktrace),
        Parent ! {woke, Msg, length(Stack)}
    end.

init(hibernate_at_init) -> {ok, [], hibernate};
init(plain) -> {ok, []}.

handle_call({push, X}, _From, L) -> {reply, ok, [X | L], hibernate};
handle_call(get, _From, L) -> {reply, lists:reverse(L), L}.

handle_cast({push, X}, L) -> {noreply, [X | L], hibernate}.

handle_info({push, X}, L) -> {noreply, [X | L], hibernate}.
