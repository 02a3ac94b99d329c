-module(big_pow2).
-export([main/0]).

main() ->
    Ns = [26, 27, 28, 31, 32, 59, 60, 61, 62, 63, 64, 65, 100, 127, 128, 200, 256],
    lists:foreach(fun(N) ->
                          P = 1 bsl N,
                          io:format("~p ~p ~p ~p ~p~n", [N, P, P - 1, -P, pow(2, N) =:= P])
                  end, Ns),
    io:format("~p~n", [pow(3, 200)]),
    io:format("~p~n", [pow(-7, 51)]),
    io:format("~p~n", [pow(10, 60) + 1]),
    io:format("~p~n", [[integer_log2(1 bsl N) || N <- [0, 10, 64, 1000]]]),
    io:format("~p~n", [length(integer_to_list(1 bsl 10000))]),
    io:format("~p~n", [(1 bsl 10000) rem 9999991]),
    io:format("~p~n", [powmod(3, 1 bsl 70, 1000000007)]),
    io:format("~p~n", [[N || N <- lists:seq(1, 127), is_small_boundary(N)]]),
    io:format("big_pow2 done~n").

pow(_, 0) -> 1;
pow(B, E) when E rem 2 =:= 0 -> H = pow(B, E div 2), H * H;
pow(B, E) -> B * pow(B, E - 1).

integer_log2(1) -> 0;
integer_log2(N) -> 1 + integer_log2(N bsr 1).

powmod(_, 0, _) -> 1;
powmod(B, E, M) when E rem 2 =:= 0 -> H = powmod(B, E div 2, M), H * H rem M;
powmod(B, E, M) -> B * powmod(B, E - 1, M) rem M.

%% (2^N - 1) + 1 =:= 2^N for every N, across the small/big boundary
is_small_boundary(N) ->
    P = 1 bsl N,
    (P - 1) + 1 =/= P.
