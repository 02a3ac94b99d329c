-module(big_base_conv).
-export([main/0]).

main() ->
    Vals = [0, 1, -1, 255, -255, 1 bsl 64, -(1 bsl 64) + 7, 123456789012345678901234567890],
    lists:foreach(fun(V) ->
                          io:format("~p: ~s ~s ~s ~s ~s~n",
                                    [V, integer_to_list(V, 2), integer_to_list(V, 8), integer_to_list(V, 16),
                                     integer_to_list(V, 36), integer_to_list(V, 7)])
                  end, Vals),
    io:format("~p~n", [[list_to_integer(S, B) || {S, B} <- [{"ff", 16}, {"FF", 16}, {"-101", 2}, {"zz", 36}, {"777", 8},
                                                          {"123456789abcdef0123456789abcdef", 16}, {"+42", 10}, {"-0", 10}]]]),
    io:format("~p~n", [[list_to_integer(S) || S <- ["0", "-12", "+12", "000123", "99999999999999999999999999999"]]]),
    io:format("~p~n", [[catch_bad(S, B) || {S, B} <- [{"12", 2}, {"g", 16}, {"", 10}, {"-", 10}, {"1 2", 10}, {"1", 37}, {"1", 1}]]]),
    io:format("~p~n", [[integer_to_binary(V, 16) || V <- [255, -(1 bsl 70)]]]),
    io:format("~p~n", [[binary_to_integer(B, 36) || B <- [<<"ZZ">>, <<"-10">>]]]),
    io:format("~p~n", [[list_to_integer(integer_to_list(V, B), B) =:= V || V <- Vals, B <- [2, 3, 16, 36]]]),
    io:format("~p~n", [erlang:integer_to_list(1 bsl 200, 32)]),
    io:format("big_base_conv done~n").

catch_bad(S, B) ->
    try list_to_integer(S, B) catch error:E -> {S, B, E} end.
