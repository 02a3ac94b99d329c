-module(tmr_order).
-export([main/0]).

%% Timers fire in due-time order, whatever order they were started in. Due times are
%% absolute (from one base) so a slow start cannot reorder them.
main() ->
    Self = self(),
    Base = erlang:monotonic_time(millisecond) + 20,
    Delays = [90, 30, 150, 0, 60, 120, 15, 45, 105, 75, 135],
    [erlang:send_after(Base + D, Self, {tick, D}, [{abs, true}]) || D <- Delays],
    Got = [receive {tick, D} -> D end || _ <- Delays],
    io:format("send_after: ~p~n", [Got]),
    io:format("sorted: ~p~n", [Got =:= lists:sort(Delays)]),
    %% start_timer and send_after mixed, and one cancelled on the way
    Base2 = erlang:monotonic_time(millisecond) + 20,
    R1 = erlang:start_timer(Base2 + 40, Self, st40, [{abs, true}]),
    _ = erlang:send_after(Base2 + 20, Self, sa20, [{abs, true}]),
    Cancelled = erlang:send_after(Base2 + 30, Self, sa30, [{abs, true}]),
    _ = erlang:start_timer(Base2 + 0, Self, st0, [{abs, true}]),
    _ = erlang:send_after(Base2 + 60, Self, sa60, [{abs, true}]),
    erlang:cancel_timer(Cancelled),
    Mixed = [receive {timeout, _, M} -> M; M -> M end || _ <- [1, 2, 3, 4]],
    io:format("mixed: ~p~n", [Mixed]),
    io:format("st40 ref: ~p~n", [R1 =/= undefined]),
    %% receive timeouts of several processes end in order too
    Base3 = erlang:monotonic_time(millisecond) + 20,
    [spawn(fun() ->
                   Wait = Base3 + D - erlang:monotonic_time(millisecond),
                   receive never -> ok after max(Wait, 0) -> Self ! {woke, D} end
           end) || D <- [80, 20, 50]],
    io:format("receive timeouts: ~p~n", [[receive {woke, D} -> D end || _ <- [1, 2, 3]]]),
    %% many timers, relative, well apart
    Many = [erlang:send_after(T * 10, Self, {m, T}) || T <- [7, 3, 9, 1, 5]],
    io:format("many: ~p~n", [[receive {m, T} -> T end || _ <- Many]]),
    io:format("tmr_order done~n").
