-module(float_arith).
-export([main/0]).

main() ->
    io:format("~p~n", [[1.5 + 2.25, 10.0 - 0.1, 3.0 * 1.1, 1 / 3, 2 / 2, 7 / 2, -7 / 2]]),
    io:format("~p~n", [[0.1 + 0.2, 0.1 * 3, 1.0e16 + 1, 1.0e-10 * 1.0e-10, 123456789.0 * 987654321.0]]),
    io:format("~p~n", [[1 + 0.5, 3 * 0.5, 10 - 0.25, 2.0 * 3, 1 bsl 60 + 0.0]]),
    io:format("~p~n", [[-0.0, 0.0 * -1, -(0.0), abs(-2.5), abs(-0.0), -(-1.5)]]),
    io:format("~p~n", [sum([0.1 || _ <- lists:seq(1, 10)])]),
    io:format("~p~n", [lists:sum([1.0e300, 1.0e300, -1.0e300])]),
    io:format("~p~n", [[X * X || X <- [1.5, -2.5, 1.0e100, 1.0e-100]]]),
    io:format("~p~n", [1.7976931348623157e308]),
    io:format("~p~n", [2.2250738585072014e-308]),
    io:format("~p~n", [5.0e-324]),
    io:format("~p~n", [5.0e-324 / 2]),
    io:format("~p~n", [[1.0 / 3.0 * 3.0, 2.0 / 3.0, 100.0 / 7.0]]),
    io:format("~p~n", [mean([1, 2, 3, 4.5])]),
    io:format("~p~n", [newton_sqrt(2.0, 1.0, 20)]),
    io:format("~p~n", [horner([1.0, -2.0, 0.5, 3.25], 1.5)]),
    io:format("~p~n", [is_float(1 / 1)]),
    io:format("float_arith done~n").

sum(L) -> lists:foldl(fun(X, A) -> X + A end, 0, L).

mean(L) -> lists:sum(L) / length(L).

newton_sqrt(_, G, 0) -> G;
newton_sqrt(X, G, N) -> newton_sqrt(X, (G + X / G) / 2, N - 1).

horner(Coeffs, X) -> lists:foldl(fun(C, Acc) -> Acc * X + C end, 0.0, Coeffs).
