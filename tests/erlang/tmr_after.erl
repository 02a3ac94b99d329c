-module(tmr_after).
-export([main/0]).

%% receive ... after: 0 polls, N waits, infinity waits for ever; a message that arrives in
%% time wins over the timeout.
main() ->
    io:format("empty, after 0: ~p~n", [receive X -> X after 0 -> timeout end]),
    self() ! queued,
    io:format("queued, after 0: ~p~n", [receive X1 -> X1 after 0 -> timeout end]),
    io:format("after 20: ~p~n", [receive X2 -> X2 after 20 -> timeout end]),
    T0 = erlang:monotonic_time(millisecond),
    receive _ -> unexpected after 50 -> ok end,
    Waited = erlang:monotonic_time(millisecond) - T0,
    io:format("waited at least 50: ~p~n", [Waited >= 50]),
    %% a variable timeout
    Tmo = list_to_integer("10"),
    io:format("variable: ~p~n", [receive X3 -> X3 after Tmo -> timeout end]),
    %% a message arriving before the timeout
    Self = self(),
    spawn(fun() -> timer:sleep(10), Self ! arrived end),
    io:format("arrives in time: ~p~n", [receive X4 -> X4 after 5000 -> timeout end]),
    %% infinity
    spawn(fun() -> timer:sleep(10), Self ! forever end),
    io:format("infinity: ~p~n", [receive X5 -> X5 after infinity -> timeout end]),
    %% selective receive with a timeout leaves other messages queued
    self() ! other1, self() ! other2,
    io:format("selective: ~p~n", [receive wanted -> wanted after 10 -> timeout end]),
    io:format("still queued: ~p~n", [flush()]),
    %% after 0 as a flush loop
    [self() ! N || N <- lists:seq(1, 5)],
    io:format("flushed: ~p~n", [flush()]),
    %% bad timeouts raise timeout_value
    [io:format("~p: ~p~n", [Bad, try receive _ -> x after Bad -> y end catch error:E -> E end])
     || Bad <- [-1, foo, 1.5]],
    %% a timeout in a loop: each iteration waits anew
    io:format("loop: ~p~n", [count_ticks(3, 0)]),
    io:format("tmr_after done~n").

flush() ->
    receive M -> [M | flush()] after 0 -> [] end.

count_ticks(0, N) -> N;
count_ticks(K, N) ->
    receive never -> never after 5 -> count_ticks(K - 1, N + 1) end.
