-module(fun_closures).
-export([main/0]).

main() ->
    Adders = [make_adder(N) || N <- [1, 10, 100]],
    io:format("~p~n", [[A(5) || A <- Adders]]),
    {Inc, Get} = counter_pair(7),
    io:format("~p~n", [{Inc(), Get()}]),
    X = 3, Y = {pair, a, b}, Z = "str", W = [1, 2, 3], V = 2.5,
    Big = fun(Q) -> {Q, X, Y, Z, W, V, X * V} end,
    io:format("~p~n", [Big(q)]),
    Nested = fun(A) -> fun(B) -> fun(C) -> [A, B, C, X] end end end,
    io:format("~p~n", [((Nested(1))(2))(3)]),
    Shadow = fun(X1) -> X1 + X end,
    io:format("~p~n", [Shadow(10)]),
    io:format("~p~n", [lists:map(fun({K, Vv}) -> {Vv, K} end, [{a, 1}, {b, 2}])]),
    Acc = lists:foldl(fun(E, F) -> fun(T) -> F([E | T]) end end, fun(T) -> T end, [a, b, c]),
    io:format("~p~n", [Acc([])]),
    Fs = [fun() -> I * I end || I <- lists:seq(1, 5)],
    io:format("~p~n", [[F() || F <- Fs]]),
    Env = #{k => v},
    MF = fun(K) -> maps:get(K, Env, none) end,
    io:format("~p~n", [{MF(k), MF(j)}]),
    Self = fun(F, N) when N > 0 -> N * F(F, N - 1); (_, 0) -> 1 end,
    io:format("~p~n", [Self(Self, 20)]),
    io:format("~p~n", [erlang:fun_info(Big, arity)]),
    io:format("~p~n", [erlang:fun_info(Big, type)]),
    io:format("~p~n", [erlang:fun_info(Big, module)]),
    io:format("fun_closures done~n").

make_adder(N) -> fun(X) -> X + N end.

counter_pair(Start) ->
    Inc = fun() -> Start + 1 end,
    Get = fun() -> Start end,
    {Inc, Get}.
