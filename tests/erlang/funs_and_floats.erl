-module(funs_and_floats).
-export([main/0]).

main() ->
    Add = fun(X) -> fun(Y) -> X + Y end end,
    Inc = Add(1),
    io:format("~p~n", [lists:map(Inc, [1, 2, 3])]),
    io:format("~p~n", [apply(lists, reverse, [[1, 2, 3]])]),
    F = fun lists:sum/1,
    io:format("~p~n", [F([1.5, 2.25, 3])]),
    io:format("~p~n", [area({circle, 2.0})]),
    io:format("~p~n", [area({rect, 3, 4.5})]),
    io:format("~p~n", [norm(3.0, 4.0)]),
    io:format("~p~n", [fact(25)]),
    io:format("~p~n", [{-16#FFFFFFFFFFFFFFFFFF, 1 bsl 70, -(1 bsl 63)}]),
    io:format("funs_and_floats done~n").

area({circle, R}) -> 3.14159 * R * R;
area({rect, W, H}) -> W * H.

norm(X, Y) when is_float(X), is_float(Y) -> math:sqrt(X * X + Y * Y).

fact(0) -> 1;
fact(N) -> N * fact(N - 1).
