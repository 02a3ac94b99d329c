-module(fun_compose).
-export([main/0]).

main() ->
    Inc = fun(X) -> X + 1 end,
    Dbl = fun(X) -> X * 2 end,
    io:format("~p~n", [(compose(Inc, Dbl))(5)]),
    io:format("~p~n", [(compose(Dbl, Inc))(5)]),
    io:format("~p~n", [(pipe([Inc, Dbl, Inc, Dbl]))(1)]),
    Add = curry(fun(A, B, C) -> A + B * C end),
    io:format("~p~n", [((Add(1))(2))(3)]),
    io:format("~p~n", [(flip(fun erlang:'-'/2))(1, 10)]),
    io:format("~p~n", [(partial(fun lists:seq/2, [3]))(7)]),
    Y = y(fun(Self) -> fun(0) -> 1; (N) -> N * Self(N - 1) end end),
    io:format("~p~n", [Y(10)]),
    io:format("~p~n", [(iterate(Dbl, 10))(1)]),
    Memo = lists:foldl(fun(F, [H | _] = Acc) -> [F(H) | Acc] end, [0], [Inc, Dbl, Inc, Dbl]),
    io:format("~p~n", [Memo]),
    Church = fun(N) -> fun(F) -> fun(X) -> (iterate(F, N))(X) end end end,
    io:format("~p~n", [((Church(5))(Inc))(0)]),
    io:format("fun_compose done~n").

compose(F, G) -> fun(X) -> G(F(X)) end.
pipe(Fs) -> lists:foldl(fun(F, Acc) -> compose(Acc, F) end, fun(X) -> X end, Fs).
curry(F) -> fun(A) -> fun(B) -> fun(C) -> F(A, B, C) end end end.
flip(F) -> fun(A, B) -> F(B, A) end.
partial(F, Args) ->
    {arity, N} = erlang:fun_info(F, arity),
    case N - length(Args) of
        1 -> fun(X) -> apply(F, Args ++ [X]) end
    end.
y(F) -> G = fun(H) -> F(fun(X) -> (H(H))(X) end) end, G(G).
iterate(_, 0) -> fun(X) -> X end;
iterate(F, N) -> compose(F, iterate(F, N - 1)).
