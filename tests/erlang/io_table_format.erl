-module(io_table_format).
-export([main/0]).

main() ->
    Rows = [{"apple", 3, 1.25}, {"banana", 12, 0.5}, {"cherry", 200, 12.0}, {"kiwi", 0, 0.333}],
    io:format("~-10s|~6s|~10s~n", ["name", "qty", "price"]),
    io:format("~s~n", [lists:duplicate(28, $-)]),
    lists:foreach(fun({N, Q, P}) -> io:format("~-10s|~6w|~10.2f~n", [N, Q, P]) end, Rows),
    Total = lists:sum([Q * P || {_, Q, P} <- Rows]),
    io:format("~-10s|~6s|~10.2f~n", ["total", "", Total]),
    io:format("~n"),
    lists:foreach(fun(N) -> io:format("~3w ~8.2. f ~10.16#~n", [N, math:sqrt(N), N * N * N]) end, [1, 2, 10, 100]),
    io:format("~s~n", [string:pad("centered", 30, both, $=)]),
    lists:foreach(fun(L) -> io:format("~s~n", [string:pad(L, 12, leading)]) end, ["a", "bb", "ccc"]),
    Bar = fun(V) -> io:format("~5w ~s~n", [V, lists:duplicate(V div 5, $#)]) end,
    lists:foreach(Bar, [5, 23, 47, 12]),
    io:format("io_table_format done~n").
