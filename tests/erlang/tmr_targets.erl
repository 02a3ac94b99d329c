-module(tmr_targets).
-export([main/0]).

%% Timers whose receiver is a dead process or a name: a name is looked up when the timer
%% fires; a timer to a process that has ended (or to a name nobody holds then) is dropped.
main() ->
    Self = self(),
    %% to a process that dies before the timer fires
    P = spawn(fun() -> receive stop -> ok end end),
    R = erlang:send_after(50, P, lost),
    P ! stop,
    wait_dead(P),
    io:format("dead target read: ~p~n", [type(erlang:read_timer(R))]),
    timer:sleep(80),
    io:format("dead target after: ~p~n", [erlang:read_timer(R)]),
    %% to a pid already dead when the timer starts
    R2 = erlang:send_after(10, P, lost2),
    io:format("started to dead: ~p~n", [is_reference(R2)]),
    %% to a name registered only after the timer started
    erlang:send_after(30, tmr_targets_late, late),
    register(tmr_targets_late, self()),
    receive late -> io:format("late name: ok~n") end,
    unregister(tmr_targets_late),
    %% to a name unregistered before the timer fires: dropped, no error
    register(tmr_targets_gone, self()),
    erlang:send_after(20, tmr_targets_gone, gone),
    unregister(tmr_targets_gone),
    io:format("gone name: ~p~n", [receive gone -> delivered after 60 -> dropped end]),
    %% to a name that moves to another process
    Q = spawn(fun() -> receive M -> Self ! {q_got, M} end end),
    register(tmr_targets_moving, self()),
    erlang:send_after(30, tmr_targets_moving, moved),
    unregister(tmr_targets_moving),
    register(tmr_targets_moving, Q),
    receive {q_got, M} -> io:format("moved name: ~p~n", [M]) end,
    %% start_timer to a name
    register(tmr_targets_st, self()),
    RS = erlang:start_timer(10, tmr_targets_st, hi),
    receive {timeout, RS, hi} -> io:format("start_timer name: ok~n") end,
    %% a timer outlives the process that started it
    spawn(fun() -> erlang:send_after(20, Self, from_dead_starter) end),
    receive from_dead_starter -> io:format("starter gone: delivered~n") end,
    io:format("tmr_targets done~n").

type(N) when is_integer(N) -> integer;
type(X) -> X.

wait_dead(P) ->
    M = monitor(process, P),
    receive {'DOWN', M, process, P, _} -> ok end.
