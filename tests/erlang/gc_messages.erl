-module(gc_messages).
-export([main/0]).

%% Large terms copied between process heaps.
main() ->
    Self = self(),
    Echo = spawn(fun() -> echo() end),
    Terms = [lists:seq(1, 100000), list_to_tuple(lists:seq(1, 50000)),
             maps:from_list([{N, N} || N <- lists:seq(1, 10000)]),
             [{N, integer_to_list(N), <<N:32>>} || N <- lists:seq(1, 20000)],
             binary:copy(<<"abc">>, 100000)],
    Back = [begin Echo ! {Self, T}, receive {echo, R} -> R end end || T <- Terms],
    io:format("~p~n", [[A =:= B || {A, B} <- lists:zip(Terms, Back)]]),
    Echo ! stop,
    Workers = [spawn(fun() -> Self ! {sum, lists:sum(lists:seq(1, N * 10000))} end) || N <- lists:seq(1, 20)],
    Sums = lists:sort([receive {sum, S} -> S end || _ <- Workers]),
    io:format("~p~n", [lists:sum(Sums)]),
    Builder = spawn(fun() -> Self ! {built, [{I, lists:seq(1, 10)} || I <- lists:seq(1, 30000)]} end),
    receive {built, L} -> io:format("~p~n", [{length(L), is_pid(Builder)}]) end,
    io:format("gc_messages done~n").

echo() ->
    receive
        {From, T} -> From ! {echo, T}, echo();
        stop -> ok
    end.
