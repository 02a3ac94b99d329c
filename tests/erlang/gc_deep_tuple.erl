-module(gc_deep_tuple).
-export([main/0]).

main() ->
    A = nest(100000, leaf),
    B = nest(100000, leaf),
    C = nest(100000, other),
    io:format("~p~n", [A == B]),
    io:format("~p~n", [A =:= B]),
    io:format("~p~n", [A == C]),
    io:format("~p~n", [A < C]),
    io:format("~p~n", [depth(A, 0)]),
    io:format("~p~n", [innermost(C)]),
    Copy = pass_through_process(A),
    io:format("~p~n", [Copy =:= A]),
    D = nest_list(100000),
    io:format("~p~n", [depth_list(D, 0)]),
    io:format("~p~n", [D =:= nest_list(100000)]),
    Bin = term_to_binary(nest(10000, x)),
    io:format("~p~n", [binary_to_term(Bin) =:= nest(10000, x)]),
    io:format("~p~n", [erlang:phash2(nest(1000, x))]),
    io:format("gc_deep_tuple done~n").

nest(0, X) -> X;
nest(N, X) -> nest(N - 1, {N, X}).

depth({_, X}, D) -> depth(X, D + 1);
depth(_, D) -> D.

innermost({_, X}) -> innermost(X);
innermost(X) -> X.

nest_list(0) -> [];
nest_list(N) -> [nest_list(N - 1)].

depth_list([], D) -> D;
depth_list([X], D) -> depth_list(X, D + 1).

pass_through_process(T) ->
    Self = self(),
    P = spawn(fun() -> receive {msg, X} -> Self ! {back, X} end end),
    P ! {msg, T},
    receive {back, Y} -> Y end.
