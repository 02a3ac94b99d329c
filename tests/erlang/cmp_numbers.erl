-module(cmp_numbers).
-export([main/0]).

main() ->
    Nums = [0, 0.0, -0.0, 1, 1.0, -1, -1.0, 2, 1.5, 1 bsl 60, float(1 bsl 60), 1 bsl 100, float(1 bsl 100)],
    io:format("~p~n", [[{A, B} || A <- Nums, B <- Nums, A == B, A =/= B]]),
    io:format("~p~n", [[{A, B} || A <- Nums, B <- Nums, A =:= B, is_float(A), float_to_list(A) =/= float_to_list(B)]]),
    io:format("~p~n", [length([x || A <- Nums, B <- Nums, A < B])]),
    io:format("~p~n", [lists:sort(fun(A, B) -> A =< B end, Nums)]),
    io:format("~p~n", [lists:usort(Nums)]),
    io:format("~p~n", [[eq(A, B) || {A, B} <- [{1, 1.0}, {1, 1}, {1.0, 1.0}, {0, -0.0}]]]),
    io:format("~p~n", [[case X of 1 -> int_one; 1.0 -> float_one; _ -> other end || X <- [1, 1.0, 2]]]),
    io:format("~p~n", [[X || X <- [1, 1.0, 2], X == 1]]),
    io:format("~p~n", [[X || X <- [1, 1.0, 2], X =:= 1]]),
    io:format("~p~n", [lists:member(1, [1.0])]),
    io:format("~p~n", [lists:delete(1, [1.0, 1])]),
    io:format("~p~n", [[1.0] -- [1]]),
    io:format("~p~n", [[1, 1.0] -- [1.0]]),
    io:format("~p~n", [lists:usort([{1, a}, {1.0, a}])]),
    io:format("~p~n", [lists:ukeysort(1, [{1, a}, {1.0, b}])]),
    io:format("~p~n", [proplists:get_value(1, [{1.0, float}, {1, int}])]),
    io:format("cmp_numbers done~n").

eq(A, B) -> {A == B, A =:= B, A /= B, A =/= B}.
