-module(big_compare).
-export([main/0]).

main() ->
    B1 = 1 bsl 100, B2 = (1 bsl 100) + 1, NB = -(1 bsl 100),
    io:format("~p~n", [[B1 < B2, B2 > B1, NB < B1, NB < -1, NB < 0, B1 > 576460752303423487, NB < -576460752303423488]]),
    io:format("~p~n", [[B1 == B1 + 0, B1 =:= (1 bsl 100), B1 == float(B1), B1 =:= float(B1), B2 == float(B2)]]),
    io:format("~p~n", [lists:sort([B2, 3, NB, B1, -5, 1.0e30, -1.0e30, 1.0e40, float(B1), 0])]),
    io:format("~p~n", [[max(B1, 1.0e31), min(NB, -1.0e31), max(B1, float(B1)), max(float(B1), B1)]]),
    io:format("~p~n", [[B1 < a, NB < a, B1 < {}, B1 < [], B1 > 1.0e308]]),
    io:format("~p~n", [[compare(X, Y) || X <- [1 bsl 62, 1 bsl 63, 1 bsl 64], Y <- [4.611686018427388e18, 9.223372036854776e18, 1.8446744073709552e19]]]),
    io:format("~p~n", [[compare(X, Y) || X <- [(1 bsl 63) - 1, (1 bsl 63) + 1], Y <- [9.223372036854776e18]]]),
    io:format("~p~n", [lists:max([B1, B2, float(B2), NB])]),
    io:format("~p~n", [lists:usort([B1, B1, float(B1), B2, B1 + 0])]),
    io:format("~p~n", [B1 - 1 < B1]),
    io:format("big_compare done~n").

compare(X, Y) when X < Y -> lt;
compare(X, Y) when X > Y -> gt;
compare(X, Y) when X == Y -> eq.
