-module(guard_boolean).
-export([main/0]).

main() ->
    Vals = [-5, 0, 5, 15, 25, a, "s", 2.5],
    io:format("~p~n", [[{V, and_also(V)} || V <- Vals]]),
    io:format("~p~n", [[{V, or_else(V)} || V <- Vals]]),
    io:format("~p~n", [[{V, negated(V)} || V <- Vals]]),
    io:format("~p~n", [[{V, semicolon(V)} || V <- Vals]]),
    io:format("~p~n", [[{V, strict(V)} || V <- Vals]]),
    io:format("~p~n", [[xor_guard(A, B) || A <- [true, false], B <- [true, false]]]),
    io:format("~p~n", [[{X, Y, X andalso Y, X orelse Y} || X <- [true, false], Y <- [true, false]]]),
    io:format("~p~n", [try true andalso id(notbool) catch error:E -> E end]),
    io:format("~p~n", [false andalso id(notbool)]),
    io:format("~p~n", [true orelse id(notbool)]),
    io:format("~p~n", [false orelse id(notbool)]),
    io:format("~p~n", [try id(notbool) andalso true catch error:E2 -> E2 end]),
    io:format("~p~n", [try not id(notbool) catch error:E3 -> E3 end]),
    io:format("~p~n", [try id(true) and id(x) catch error:E4 -> E4 end]),
    io:format("~p~n", [[is_small_even(X) || X <- [2, 3, 200, -4, a]]]),
    io:format("guard_boolean done~n").

id(X) -> X.

and_also(X) when is_integer(X) andalso X > 0 andalso X < 10 -> small_pos;
and_also(_) -> no.

or_else(X) when is_atom(X) orelse (is_integer(X) andalso X > 20) -> atom_or_big;
or_else(_) -> no.

negated(X) when not is_integer(X) -> not_int;
negated(X) when not (X > 0) -> non_pos;
negated(_) -> pos.

semicolon(X) when is_list(X); is_float(X) -> list_or_float;
semicolon(X) when X > 10, X < 20; X =:= 0 -> teen_or_zero;
semicolon(_) -> other.

strict(X) when is_integer(X) and (X > 0) -> pos_int;
strict(X) when is_integer(X) or is_float(X) -> number;
strict(_) -> other.

xor_guard(A, B) when A xor B -> differ;
xor_guard(_, _) -> same.

is_small_even(X) when is_integer(X), X rem 2 =:= 0, abs(X) < 100 -> true;
is_small_even(_) -> false.
