-module(big_shift).
-export([main/0]).

main() ->
    Vals = [1, -1, 5, -5, 16#7FFFFFFFFFFFFFF, -16#800000000000000, 1 bsl 64, -(1 bsl 64) - 1,
            123456789123456789123456789, -123456789123456789123456789],
    Shifts = [0, 1, 3, 27, 28, 31, 32, 59, 60, 63, 64, 65, 100, 200],
    lists:foreach(fun(V) ->
                          io:format("~p:~n ~p~n ~p~n", [V, [V bsl S || S <- Shifts], [V bsr S || S <- Shifts]])
                  end, Vals),
    io:format("~p~n", [[1 bsl -S || S <- [0, 1, 5]]]),
    io:format("~p~n", [[(1 bsl 100) bsr -S || S <- [1, 5]]]),
    io:format("~p~n", [[-1 bsr S || S <- [1, 64, 1000]]]),
    io:format("~p~n", [[(-(1 bsl 100)) bsr S || S <- [99, 100, 101, 1000]]]),
    io:format("~p~n", [[((1 bsl 100) + 1) bsr S || S <- [99, 100, 101]]]),
    io:format("~p~n", [try 1 bsl id(a) catch error:E -> E end]),
    io:format("~p~n", [try id(1.0) bsl 1 catch error:E2 -> E2 end]),
    io:format("big_shift done~n").

id(X) -> X.
