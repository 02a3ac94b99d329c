-module(bif_numeric).
-export([main/0]).

main() ->
    io:format("~p~n", [[abs(X) || X <- [0, 5, -5, 1.5, -1.5, -(1 bsl 70), -576460752303423488]]]),
    io:format("~p~n", [[max(A, B) || {A, B} <- [{1, 2}, {2, 1}, {a, 1}, {"s", a}, {1.0, 1}, {[], {}}]]]),
    io:format("~p~n", [[min(A, B) || {A, B} <- [{1, 2}, {2, 1}, {a, 1}, {"s", a}, {1, 1.0}, {[], {}}]]]),
    io:format("~p~n", [[sign(X) || X <- [-3, 0, 3, -0.5, 0.0]]]),
    io:format("~p~n", [[X div 2 || X <- [7, -7]] ++ [X rem 2 || X <- [7, -7]]]),
    io:format("~p~n", [[+X || X <- [1, -1, 2.0]]]),
    io:format("~p~n", [[X band 16#F0, X bor 1, X bxor 16#FF, bnot X, X bsl 2, X bsr 2] || X <- [16#AB]]),
    io:format("~p~n", [lists:seq(10, 1, -3)]),
    io:format("~p~n", [erlang:is_integer(7 div 2)]),
    io:format("~p~n", [[1 + 2 * 3 - 4 / 2, (1 + 2) * 3, 2 * 3 rem 4, -2 * -3, 10 - 3 - 2, 100 div 10 div 3]]),
    io:format("~p~n", [[X || X <- lists:seq(1, 30), X rem 3 =:= 0 orelse X rem 5 =:= 0]]),
    io:format("~p~n", [isqrt(1 bsl 100)]),
    io:format("~p~n", [isqrt(99999999999999999999)]),
    io:format("bif_numeric done~n").

sign(X) when X > 0 -> 1;
sign(X) when X < 0 -> -1;
sign(_) -> 0.

isqrt(N) -> isqrt(N, N).
isqrt(N, X) ->
    Y = (X + N div X) div 2,
    if Y >= X -> X; true -> isqrt(N, Y) end.
