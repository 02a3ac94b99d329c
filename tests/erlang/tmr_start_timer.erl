-module(tmr_start_timer).
-export([main/0]).

%% erlang:start_timer/3,4: the message is {timeout, TimerRef, Msg}.
main() ->
    Self = self(),
    R = erlang:start_timer(10, Self, hello),
    receive {timeout, R2, Msg} -> io:format("~p ~p~n", [R2 =:= R, Msg]) end,
    %% several, each with its own reference
    Refs = [erlang:start_timer(T, Self, T) || T <- [30, 10, 20]],
    Got = [receive {timeout, Ref, T} -> {T, lists:member(Ref, Refs)} end || _ <- Refs],
    io:format("got: ~p~n", [Got]),
    %% matching on the reference picks one timer's message
    RA = erlang:start_timer(5, Self, a),
    RB = erlang:start_timer(5, Self, b),
    receive {timeout, RB, B} -> io:format("by ref: ~p~n", [B]) end,
    receive {timeout, RA, A} -> io:format("by ref: ~p~n", [A]) end,
    %% to another process and to a name
    P = spawn(fun() -> receive {timeout, _, X} -> Self ! {relay, X} end end),
    erlang:start_timer(5, P, for_p),
    receive {relay, X} -> io:format("relay: ~p~n", [X]) end,
    register(tmr_start_timer_me, self()),
    RN = erlang:start_timer(5, tmr_start_timer_me, named),
    receive {timeout, RN, named} -> io:format("named: ok~n") end,
    unregister(tmr_start_timer_me),
    %% absolute
    Now = erlang:monotonic_time(millisecond),
    RAbs = erlang:start_timer(Now + 10, Self, abs, [{abs, true}]),
    receive {timeout, RAbs, abs} -> io:format("abs: ok~n") end,
    %% cancelling
    RC = erlang:start_timer(1000, Self, cancelled),
    Left = erlang:cancel_timer(RC),
    io:format("cancel: ~p~n", [is_integer(Left) andalso Left > 0 andalso Left =< 1000]),
    io:format("quiet: ~p~n", [receive Q -> Q after 20 -> none end]),
    Bad = [catch erlang:start_timer(-5, Self, x), catch erlang:start_timer(5, "p", x),
           catch erlang:start_timer(5, Self, x, [{bogus, true}])],
    io:format("bad: ~p~n", [[element(1, element(2, E)) || E <- Bad]]),
    io:format("tmr_start_timer done~n").
