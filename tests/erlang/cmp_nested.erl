-module(cmp_nested).
-export([main/0]).

main() ->
    A = {a, [1, 2, {b, #{k => [1.0]}}], <<"x">>},
    B = {a, [1, 2, {b, #{k => [1]}}], <<"x">>},
    C = {a, [1, 2, {b, #{k => [2]}}], <<"x">>},
    io:format("~p~n", [[A == B, A =:= B, A < C, B < C, A > B, B > A]]),
    Deep1 = nest(1000, leaf), Deep2 = nest(1000, leaf), Deep3 = nest(1000, leaf2),
    io:format("~p~n", [[Deep1 == Deep2, Deep1 =:= Deep2, Deep1 < Deep3, Deep3 > Deep2]]),
    L1 = lists:seq(1, 10000), L2 = lists:seq(1, 10000) ++ [0], L3 = lists:seq(1, 9999) ++ [10000.0],
    io:format("~p~n", [[L1 < L2, L1 == L3, L1 =:= L3, L1 > L3, L1 < L3]]),
    io:format("~p~n", [lists:sort([{1, [a, {2}]}, {1, [a, {1}]}, {1, [a]}, {0, [z]}, {1, [a, {1.5}]}])]),
    io:format("~p~n", [lists:sort([[{a, 1}], [{a, 1.0}], [{a, 0}], [{b, 0}]])]),
    io:format("~p~n", [#{a => {1, 2}} == #{a => {1.0, 2.0}}]),
    io:format("~p~n", [#{a => {1, 2}} =:= #{a => {1.0, 2.0}}]),
    io:format("~p~n", [[{1, 1} < {1, 1.0}, {1, 1} > {1, 1.0}, [1] < [1.0], [1.0] < [1]]]),
    io:format("cmp_nested done~n").

nest(0, X) -> X;
nest(N, X) -> {N, [nest(N - 1, X)]}.
