-module(call_arity_dispatch).
-export([main/0, f/0, f/1, f/2, f/3]).

main() ->
    io:format("~p~n", [[f(), f(a), f(a, b), f(a, b, c)]]),
    io:format("~p~n", [[?MODULE:f(), ?MODULE:f(1), ?MODULE:f(1, 2), ?MODULE:f(1, 2, 3)]]),
    Fs = [fun f/0, fun f/1, fun f/2, fun f/3],
    io:format("~p~n", [[call_with(F) || F <- Fs]]),
    io:format("~p~n", [[erlang:fun_info(F, arity) || F <- Fs]]),
    io:format("~p~n", [[g(X) || X <- [0, 1, -1, 2.5, foo, "str", [], {x}, {x, y}, #{}, <<>>]]]),
    io:format("~p~n", [[h(X, Y) || X <- [1, a], Y <- [1, a]]]),
    io:format("~p~n", [area_sum([{square, 2}, {rect, 2, 3}, {tri, 3, 4, 5}, {circle, 1}])]),
    io:format("call_arity_dispatch done~n").

f() -> zero.
f(X) -> {one, X}.
f(X, Y) -> {two, X, Y}.
f(X, Y, Z) -> {three, X, Y, Z}.

call_with(F) ->
    {arity, A} = erlang:fun_info(F, arity),
    apply(F, lists:seq(1, A)).

g(0) -> zero;
g(N) when is_integer(N), N > 0 -> pos;
g(N) when is_integer(N) -> neg;
g(N) when is_float(N) -> float;
g(A) when is_atom(A) -> atom;
g([]) -> nil;
g([_ | _]) -> cons;
g({_}) -> tuple1;
g(T) when is_tuple(T) -> tuple;
g(M) when is_map(M) -> map;
g(_) -> other.

h(X, Y) when is_integer(X), is_integer(Y) -> ii;
h(X, _) when is_integer(X) -> ia;
h(_, Y) when is_integer(Y) -> ai;
h(_, _) -> aa.

area_sum(Shapes) -> lists:sum([area(S) || S <- Shapes]).
area({square, S}) -> S * S;
area({rect, W, H}) -> W * H;
area({tri, A, B, C}) -> S = (A + B + C) / 2, math:sqrt(S * (S - A) * (S - B) * (S - C));
area({circle, R}) -> 3 * R * R.
