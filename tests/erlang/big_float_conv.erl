-module(big_float_conv).
-export([main/0]).

main() ->
    io:format("~p~n", [[float(1 bsl N) || N <- [53, 54, 63, 64, 100, 500, 1023]]]),
    io:format("~p~n", [[float((1 bsl 53) + X) || X <- [1, 2, 3]]]),
    io:format("~p~n", [[trunc(math:pow(2, N)) || N <- [60, 64, 100, 200]]]),
    io:format("~p~n", [[round(X) || X <- [1.0e20, -1.5e20, 1.7976931348623157e308]]]),
    io:format("~p~n", [trunc(1.0e100)]),
    io:format("~p~n", [[(1 bsl 70) / 2, (1 bsl 70) / (1 bsl 69), 1 / (1 bsl 70)]]),
    io:format("~p~n", [[(1 bsl 70) * 1.5, (1 bsl 70) + 0.5, (1 bsl 70) - 1.0e21]]),
    io:format("~p~n", [[floor(1.0e20), ceil(-1.0e20), floor(-1.5e19), ceil(1.5e19)]]),
    io:format("~p~n", [float(123456789012345678901234567890)]),
    io:format("~p~n", [float(-123456789012345678901234567890)]),
    io:format("~p~n", [[float((1 bsl 1023) + (1 bsl 970)), float((1 bsl 1024) - (1 bsl 970) - 1)]]),
    io:format("~p~n", [try float(id(1 bsl 1024)) catch error:E -> E end]),
    io:format("~p~n", [math:sqrt(1 bsl 100)]),
    io:format("~p~n", [integer_to_list(trunc(1.0e18))]),
    io:format("big_float_conv done~n").

id(X) -> X.
