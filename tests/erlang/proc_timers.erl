-module(proc_timers).
-export([main/0]).

%% erlang:send_after/3,4, start_timer/3,4, cancel_timer/1,2 and read_timer/1,2.
main() ->
    %% timers fire in due order, whatever order they were started in
    Self = self(),
    [erlang:send_after(T, Self, {tick, T}) || T <- [60, 20, 40, 0]],
    io:format("~p~n", [[receive {tick, T} -> T end || _ <- [1, 2, 3, 4]]]),
    %% start_timer wraps the message with its reference
    R1 = erlang:start_timer(10, self(), hello),
    receive {timeout, R1, hello} -> io:format("start_timer: ok~n") end,
    %% read_timer and cancel_timer report the time left, then false
    R2 = erlang:send_after(100000, self(), never),
    Left = erlang:read_timer(R2),
    io:format("read: ~p~n", [is_integer(Left) andalso Left > 99000 andalso Left =< 100000]),
    Cancelled = erlang:cancel_timer(R2),
    io:format("cancel: ~p~n", [is_integer(Cancelled) andalso Cancelled =< 100000]),
    io:format("again: ~p ~p~n", [erlang:cancel_timer(R2), erlang:read_timer(R2)]),
    %% a fired timer cannot be cancelled; its message stays
    R3 = erlang:send_after(0, self(), fired),
    receive fired -> ok end,
    io:format("after firing: ~p~n", [erlang:cancel_timer(R3)]),
    %% asynchronous cancel and read answer with a message
    R4 = erlang:start_timer(100000, self(), x),
    ok = erlang:cancel_timer(R4, [{async, true}]),
    receive {cancel_timer, R4, L4} -> io:format("async cancel: ~p~n", [is_integer(L4)]) end,
    ok = erlang:cancel_timer(R4, [{async, true}, {info, true}]),
    receive {cancel_timer, R4, L5} -> io:format("async cancel again: ~p~n", [L5]) end,
    R6 = erlang:send_after(100000, self(), y),
    ok = erlang:read_timer(R6, [{async, true}]),
    receive {read_timer, R6, L6} -> io:format("async read: ~p~n", [is_integer(L6)]) end,
    io:format("sync no info: ~p~n", [erlang:cancel_timer(R6, [{info, false}])]),
    %% a cancelled timer never delivers
    R7 = erlang:send_after(10, self(), cancelled),
    erlang:cancel_timer(R7),
    receive cancelled -> io:format("cancelled timer fired~n") after 50 -> io:format("cancelled stays quiet~n") end,
    %% a registered name is looked up when the timer fires
    erlang:send_after(20, timer_target, by_name),
    register(timer_target, self()),
    receive by_name -> io:format("by name: ok~n") end,
    unregister(timer_target),
    %% absolute time
    Now = erlang:monotonic_time(millisecond),
    erlang:send_after(Now + 10, self(), absolute, [{abs, true}]),
    receive absolute -> io:format("absolute: ok~n") end,
    %% timers to a process that has died are dropped
    Dead = spawn(fun() -> ok end),
    erlang:send_after(10, Dead, lost),
    timer:sleep(30),
    %% bad arguments
    Bad = [catch erlang:send_after(-1, self(), x),
           catch erlang:send_after(10, "name", x),
           catch erlang:send_after(10, self(), x, [bogus]),
           catch erlang:start_timer(a, self(), x),
           catch erlang:cancel_timer(not_a_ref),
           catch erlang:read_timer(12),
           catch erlang:cancel_timer(make_ref(), [{async, maybe}])],
    io:format("~p~n", [[element(1, element(2, B)) || B <- Bad]]),
    io:format("unknown ref: ~p~n", [erlang:cancel_timer(make_ref())]),
    io:format("proc_timers done~n").
