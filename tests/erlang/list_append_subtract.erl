-module(list_append_subtract).
-export([main/0]).

main() ->
    io:format("~p~n", [[1, 2] ++ [3, 4]]),
    io:format("~p~n", [[] ++ [a]]),
    io:format("~p~n", [[a] ++ []]),
    io:format("~p~n", [[a] ++ b]),
    io:format("~p~n", [[a, b] ++ [c | d]]),
    io:format("~p~n", ["abc" ++ "def"]),
    io:format("~p~n", [[1, 2, 3, 2, 1] -- [2]]),
    io:format("~p~n", [[1, 2, 3, 2, 1] -- [2, 2]]),
    io:format("~p~n", [[1, 2, 3, 2, 1] -- [2, 2, 2, 4]]),
    io:format("~p~n", [[a, b, c] -- [c, b, a]]),
    io:format("~p~n", [[a, b, c] -- []]),
    io:format("~p~n", [[] -- [a]]),
    io:format("~p~n", [[1, 1.0, 1] -- [1.0]]),
    io:format("~p~n", [[{a}, {b}, {a}] -- [{a}]]),
    io:format("~p~n", ["hello world" -- "lo"]),
    io:format("~p~n", [lists:seq(1, 10) -- lists:seq(2, 10, 2)]),
    Big = lists:seq(1, 20000),
    io:format("~p~n", [length(Big -- lists:seq(1, 20000, 3))]),
    io:format("~p~n", [lists:sum(Big ++ Big)]),
    io:format("~p~n", [[1] ++ [2] ++ [3] -- [3]]),
    io:format("~p~n", [([1] ++ [2]) ++ ([3] -- [3])]),
    io:format("~p~n", [[1, 2, 3] -- [1] -- [1]]),
    io:format("~p~n", [try id([a | b]) -- [a] catch error:E -> E end]),
    io:format("~p~n", [try id(a) ++ [b] catch error:E2 -> E2 end]),
    io:format("~p~n", [try [a] -- id(b) catch error:E3 -> E3 end]),
    io:format("~p~n", [lists:append([[1], [2, 3], [], [4]])]),
    io:format("~p~n", [lists:append("ab", "cd")]),
    io:format("~p~n", [lists:subtract([a, b, a], [a])]),
    io:format("list_append_subtract done~n").

id(X) -> X.
