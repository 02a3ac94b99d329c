-module(select_floats).
-export([main/0]).

main() ->
    io:format("~p~n", [[f(X) || X <- [0.0, -0.0, 0.5, 1.0, 1, 1.5, 2.5, -1.5, 3.14, 1.0e100, 0.1 + 0.2, 0.3, 2]]]),
    io:format("~p~n", [[case X of 0.5 -> half; 0.25 -> quarter; 0.125 -> eighth; _ -> other end || X <- [1 / 2, 1 / 4, 1 / 8, 1 / 16]]]),
    io:format("~p~n", [[g({X, Y}) || {X, Y} <- [{1.0, 2.0}, {1, 2}, {1.0, 2}, {0.0, 0.0}]]]),
    io:format("select_floats done~n").

f(0.0) -> zero;
f(0.5) -> half;
f(1.0) -> one_float;
f(1) -> one_int;
f(1.5) -> one_and_half;
f(-1.5) -> neg_one_and_half;
f(3.14) -> pi_ish;
f(1.0e100) -> googol;
f(0.3) -> point_three;
f(X) when is_float(X) -> {other_float, X};
f(X) -> {other, X}.

g({1.0, 2.0}) -> floats;
g({1, 2}) -> ints;
g({0.0, 0.0}) -> origin;
g(_) -> mixed.
