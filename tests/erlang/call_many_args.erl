-module(call_many_args).
-export([main/0, f20/20, f6/6]).

main() ->
    io:format("~p~n", [f6(1, 2, 3, 4, 5, 6)]),
    io:format("~p~n", [f20(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20)]),
    io:format("~p~n", [?MODULE:f20(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t)]),
    io:format("~p~n", [apply(?MODULE, f20, lists:seq(101, 120))]),
    F = fun f20/20,
    io:format("~p~n", [apply(F, lists:duplicate(20, 1))]),
    io:format("~p~n", [rotate(1, 2, 3, 4, 5, 6, 7, 8, 10)]),
    Fun = fun(A, B, C, D, E, G, H, I, J, K) -> [K, J, I, H, G, E, D, C, B, A] end,
    io:format("~p~n", [Fun(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)]),
    X1 = 1, X2 = 2, X3 = 3, X4 = 4, X5 = 5, X6 = 6, X7 = 7, X8 = 8,
    Closure = fun(Y) -> Y + X1 + X2 + X3 + X4 + X5 + X6 + X7 + X8 end,
    io:format("~p~n", [Closure(100)]),
    io:format("~p~n", [erlang:fun_info(fun f20/20, arity)]),
    io:format("~p~n", [try apply(?MODULE, f20, lists:seq(1, 19)) catch error:E -> E end]),
    io:format("call_many_args done~n").

f6(A, B, C, D, E, F) -> [F, E, D, C, B, A].

f20(A1, A2, A3, A4, A5, A6, A7, A8, A9, A10, A11, A12, A13, A14, A15, A16, A17, A18, A19, A20) ->
    {A20, A1, lists:sum([X || X <- [A1, A2, A3, A4, A5, A6, A7, A8, A9, A10, A11, A12, A13, A14, A15, A16,
                                   A17, A18, A19, A20], is_integer(X)])}.

%% tail-recursive shuffling of many arguments
rotate(A, B, C, D, E, F, G, H, 0) -> [A, B, C, D, E, F, G, H];
rotate(A, B, C, D, E, F, G, H, N) -> rotate(B, C, D, E, F, G, H, A, N - 1).
