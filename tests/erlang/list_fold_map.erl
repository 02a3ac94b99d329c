-module(list_fold_map).
-export([main/0]).

main() ->
    L = lists:seq(1, 10),
    io:format("~p~n", [lists:foldl(fun(X, Acc) -> Acc * 10 + X end, 0, [1, 2, 3])]),
    io:format("~p~n", [lists:foldr(fun(X, Acc) -> Acc * 10 + X end, 0, [1, 2, 3])]),
    io:format("~p~n", [lists:foldl(fun(X, {Min, Max}) -> {min(X, Min), max(X, Max)} end, {inf, 0}, [3, 9, 1, 7])]),
    io:format("~p~n", [lists:mapfoldl(fun(X, Sum) -> {Sum + X, Sum + X} end, 0, L)]),
    io:format("~p~n", [lists:mapfoldr(fun(X, Sum) -> {Sum + X, Sum + X} end, 0, L)]),
    io:format("~p~n", [lists:map(fun({K, V}) -> {V, K} end, [{a, 1}, {b, 2}])]),
    io:format("~p~n", [lists:foldl(fun(W, D) -> orddict:update_counter(W, 1, D) end, orddict:new(),
                                   ["a", "b", "a", "c", "b", "a"])]),
    io:format("~p~n", [lists:foldr(fun(X, Acc) -> [X, sep | Acc] end, [], [a, b, c])]),
    io:format("~p~n", [lists:foldl(fun(_, Acc) -> Acc + 1 end, 0, lists:seq(1, 500000))]),
    io:format("~p~n", [lists:foldr(fun(X, Acc) -> X + Acc end, 0, lists:seq(1, 200000))]),
    io:format("~p~n", [lists:map(fun(X) -> X * X end, [])]),
    io:format("~p~n", [lists:foldl(fun(F, X) -> F(X) end, 2, [fun(X) -> X + 3 end, fun(X) -> X * X end])]),
    io:format("~p~n", [element(2, lists:mapfoldl(fun(X, Acc) -> {ok, [X | Acc]} end, [], "abc"))]),
    io:format("list_fold_map done~n").
