-module(big_divrem).
-export([main/0]).

main() ->
    Nums = [17, -17, 1 bsl 70 + 3, -(1 bsl 70) - 3, 123456789012345678901234567890],
    Dens = [5, -5, 1 bsl 35, -(1 bsl 35), 1 bsl 66 + 1, -(1 bsl 66) - 1, 7],
    lists:foreach(fun(N) ->
                          lists:foreach(fun(D) ->
                                                Q = N div D, R = N rem D,
                                                io:format("~p div ~p = ~p rem ~p ~p~n", [N, D, Q, R, Q * D + R =:= N])
                                        end, Dens)
                  end, Nums),
    io:format("~p~n", [[{X div 3, X rem 3} || X <- [7, -7, 6, -6, 0]]]),
    io:format("~p~n", [[{X div -3, X rem -3} || X <- [7, -7]]]),
    io:format("~p~n", [[floor_mod(X, 3) || X <- [7, -7, 1 bsl 80, -(1 bsl 80)]]]),
    io:format("~p~n", [(1 bsl 200) div (1 bsl 100)]),
    io:format("~p~n", [(1 bsl 200) div ((1 bsl 100) + 1)]),
    io:format("~p~n", [(1 bsl 64) div 1]),
    io:format("~p~n", [(1 bsl 64) rem 1]),
    io:format("~p~n", [5 div (1 bsl 80)]),
    io:format("~p~n", [-5 div (1 bsl 80)]),
    io:format("~p~n", [-5 rem (1 bsl 80)]),
    io:format("~p~n", [try (1 bsl 80) div id(0) catch error:E -> E end]),
    io:format("~p~n", [try (1 bsl 80) rem id(0) catch error:E2 -> E2 end]),
    io:format("~p~n", [(-576460752303423488) div -1]),
    io:format("~p~n", [(-576460752303423488) * -1]),
    io:format("~p~n", [(-9223372036854775808) div -1]),
    io:format("~p~n", [-(-9223372036854775808)]),
    io:format("big_divrem done~n").

id(X) -> X.

floor_mod(X, M) -> ((X rem M) + M) rem M.
