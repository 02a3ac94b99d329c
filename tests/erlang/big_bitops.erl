-module(big_bitops).
-export([main/0]).

main() ->
    Vals = [0, 1, -1, 255, -256, 1 bsl 64, -(1 bsl 64), (1 bsl 100) - 1, -(1 bsl 100) + 1,
            16#123456789ABCDEF0123456789, -16#FEDCBA9876543210FEDCBA98],
    lists:foreach(fun(A) ->
                          lists:foreach(fun(B) ->
                                                io:format("~.16B ~.16B: ~.16B ~.16B ~.16B~n", [A, B, A band B, A bor B, A bxor B])
                                        end, Vals)
                  end, [1 bsl 64, -(1 bsl 64), -16#FEDCBA9876543210FEDCBA98, -1, 12345]),
    io:format("~p~n", [[bnot X || X <- Vals]]),
    io:format("~p~n", [[bnot bnot X =:= X || X <- Vals]]),
    io:format("~p~n", [popcount((1 bsl 200) - 1)]),
    io:format("~p~n", [(1 bsl 100) band -(1 bsl 100)]),
    io:format("~p~n", [-(1 bsl 100) band ((1 bsl 101) - 1)]),
    io:format("~p~n", [-12345678901234567890123 bxor -98765432109876543210]),
    io:format("~p~n", [-12345678901234567890123 bor 98765432109876543210]),
    io:format("~p~n", [-12345678901234567890123 band 98765432109876543210]),
    io:format("big_bitops done~n").

popcount(0) -> 0;
popcount(N) -> (N band 1) + popcount(N bsr 1).
