-module(float_conv).
-export([main/0]).

main() ->
    Vals = [2.5, 3.5, -2.5, -3.5, 2.4999, -0.5, 0.5, 1.0e15 + 0.5, -7.9, 7.9, 0.0, -0.0, 123.456],
    io:format("~p~n", [[{V, trunc(V), round(V), floor(V), ceil(V)} || V <- Vals]]),
    io:format("~p~n", [[float(X) || X <- [0, 1, -1, 1 bsl 53, (1 bsl 53) + 1, 1 bsl 100, -(1 bsl 70)]]]),
    io:format("~p~n", [[trunc(X) || X <- [1.0e20, -1.0e20, 1.0e30, 4.5e15]]]),
    io:format("~p~n", [[round(X) || X <- [1.0e20, 9007199254740993.0, 0.49999999999999994]]]),
    io:format("~p~n", [[floor(X) || X <- [1, -1, 5]]]),
    io:format("~p~n", [[ceil(X) || X <- [1, -1, 5]]]),
    io:format("~p~n", [[trunc(X) || X <- [7, -7]]]),
    io:format("~p~n", [{1.0 == 1, 1.0 =:= 1, 0.0 == -0.0, 0.0 =:= -0.0}]),
    io:format("~p~n", [[integer_to_list(trunc(X)) || X <- [3.99, -3.99]]]),
    io:format("~p~n", [[X / 1 || X <- [1, 1 bsl 62]]]),
    io:format("~p~n", [[list_to_float(S) || S <- ["1.0", "-0.5", "1.5e10", "2.0E-3", "0.1e1"]]]),
    io:format("~p~n", [[catch_bad(S) || S <- ["1", "1.", ".5", "1e5", "abc", "1.0x"]]]),
    io:format("~p~n", [[binary_to_float(B) || B <- [<<"3.25">>, <<"-1.0e-5">>]]]),
    io:format("~p~n", [string:to_float("3.14 rest")]),
    io:format("~p~n", [string:to_float("nope")]),
    io:format("~p~n", [[math:floor(X) || X <- [1.5, -1.5]]]),
    io:format("~p~n", [[math:ceil(X) || X <- [1.5, -1.5]]]),
    io:format("float_conv done~n").

catch_bad(S) ->
    try list_to_float(S) catch error:badarg -> {badarg, S} end.
