-module(float_math).
-export([main/0]).

main() ->
    io:format("~p~n", [math:pi()]),
    io:format("~p~n", [[math:sqrt(X) || X <- [0, 1, 2, 4.0, 1.0e10, 0.25]]]),
    io:format("~p~n", [[math:pow(B, E) || {B, E} <- [{2, 10}, {2.0, 0.5}, {10, -2}, {-8, 3}, {0, 0}]]]),
    io:format("~p~n", [[math:sin(X) || X <- [0, 0.5, 1.0, -1.0]]]),
    io:format("~p~n", [[math:cos(X) || X <- [0, 0.5, 1.0]]]),
    io:format("~p~n", [[math:tan(X) || X <- [0, 0.5]]]),
    io:format("~p~n", [[math:asin(0.5), math:acos(0.5), math:atan(1.0), math:atan2(1.0, -1.0)]]),
    io:format("~p~n", [[math:sinh(1.0), math:cosh(1.0), math:tanh(0.5)]]),
    io:format("~p~n", [[math:asinh(1.0), math:acosh(2.0), math:atanh(0.5)]]),
    io:format("~p~n", [[math:exp(X) || X <- [0, 1, -1, 10]]]),
    io:format("~p~n", [[math:log(X) || X <- [1, 2.718281828459045, 10, 0.5]]]),
    io:format("~p~n", [[math:log2(X) || X <- [1, 8, 1024, 3]]]),
    io:format("~p~n", [[math:log10(X) || X <- [1, 100, 1000.0, 2]]]),
    io:format("~p~n", [[math:fmod(X, Y) || {X, Y} <- [{10.0, 3.0}, {-10.0, 3.0}, {5.5, 1.5}]]]),
    io:format("~p~n", [[math:erf(0.5), math:erfc(0.5)]]),
    io:format("~p~n", [math:sqrt(2) * math:sqrt(2)]),
    io:format("~p~n", [[catch_err(F, A) || {F, A} <- [{sqrt, [-1]}, {log, [0]}, {log, [-1]}, {pow, [10, 400]}, {acos, [2]}, {sqrt, [a]}, {log2, [0.0]}]]]),
    io:format("float_math done~n").

catch_err(F, A) ->
    try apply(math, F, A) catch error:E -> {F, E} end.
