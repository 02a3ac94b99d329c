-module(big_mixed_arith).
-export([main/0]).

main() ->
    Small = [0, 1, -1, 7, -7, 134217727, -134217728, 576460752303423487, -576460752303423488],
    Big = [1 bsl 64, -(1 bsl 64), 1 bsl 100 + 12345, -(1 bsl 99) - 1, 576460752303423488, -576460752303423489],
    All = Small ++ Big,
    lists:foreach(fun(A) ->
                          lists:foreach(fun(B) ->
                                                io:format("~p ~p: ~p ~p ~p~n", [A, B, A + B, A - B, A * B])
                                        end, Big)
                  end, All),
    io:format("~p~n", [lists:sum(All)]),
    io:format("~p~n", [lists:foldl(fun(X, Acc) -> X * Acc + 1 end, 1, All)]),
    io:format("~p~n", [[abs(X) || X <- Big]]),
    io:format("~p~n", [[-X || X <- Big]]),
    io:format("~p~n", [[X * 0 || X <- Big]]),
    io:format("~p~n", [[(X + 1) - 1 =:= X || X <- All]]),
    io:format("~p~n", [(1 bsl 64) - (1 bsl 64)]),
    io:format("~p~n", [is_integer((1 bsl 64) - (1 bsl 64) + 5)]),
    io:format("~p~n", [fib(300)]),
    io:format("~p~n", [gcd(fib(300), fib(200))]),
    io:format("big_mixed_arith done~n").

fib(N) -> fib(N, 0, 1).
fib(0, A, _) -> A;
fib(N, A, B) -> fib(N - 1, B, A + B).

gcd(A, 0) -> A;
gcd(A, B) -> gcd(B, A rem B).
