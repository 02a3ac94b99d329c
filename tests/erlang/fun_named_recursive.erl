-module(fun_named_recursive).
-export([main/0]).

main() ->
    Fact = fun F(0) -> 1; F(N) -> N * F(N - 1) end,
    io:format("~p~n", [Fact(30)]),
    Fib = fun Fib(N) when N < 2 -> N; Fib(N) -> Fib(N - 1) + Fib(N - 2) end,
    io:format("~p~n", [[Fib(N) || N <- lists:seq(0, 20)]]),
    Len = fun L([]) -> 0; L([_ | T]) -> 1 + L(T) end,
    io:format("~p~n", [Len(lists:seq(1, 50000))]),
    Flat = fun Fl([]) -> []; Fl([H | T]) when is_list(H) -> Fl(H) ++ Fl(T); Fl([H | T]) -> [H | Fl(T)] end,
    io:format("~p~n", [Flat([1, [2, [3, [4, []]], 5], [[[6]]]])]),
    K = 3,
    Pow = fun P(0) -> 1; P(N) -> K * P(N - 1) end,
    io:format("~p~n", [Pow(40)]),
    Loop = fun Lp(0, Acc) -> Acc; Lp(N, Acc) -> Lp(N - 1, [N | Acc]) end,
    io:format("~p~n", [length(Loop(200000, []))]),
    Hanoi = fun H(0, _, _, _, Acc) -> Acc;
                H(N, From, To, Via, Acc) ->
                    Acc1 = H(N - 1, From, Via, To, Acc),
                    H(N - 1, Via, To, From, [{From, To} | Acc1])
            end,
    Moves = lists:reverse(Hanoi(4, a, c, b, [])),
    io:format("~p~n", [{length(Moves), lists:sublist(Moves, 5)}]),
    io:format("fun_named_recursive done~n").
