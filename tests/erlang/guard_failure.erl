-module(guard_failure).
-export([main/0]).

%% An exception inside a guard makes the guard fail; it never escapes.
main() ->
    io:format("~p~n", [[f(X) || X <- [1, a, [], {x}, "str", 2.0, {}]]]),
    io:format("~p~n", [[g(X) || X <- [{1, 2}, {}, a, [1]]]]),
    io:format("~p~n", [[h(X) || X <- [[], [1], [1, 2 | 3], a]]]),
    io:format("~p~n", [[k(X) || X <- [0, 2, a]]]),
    io:format("~p~n", [[m(X) || X <- [#{a => 1}, #{}, notmap]]]),
    io:format("~p~n", [[or_guard(X) || X <- [a, 1, {}]]]),
    io:format("~p~n", [[semi(X) || X <- [a, 1, {}]]]),
    io:format("~p~n", [[if_guard(X) || X <- [0, 4, a]]]),
    io:format("~p~n", [[case_guard(X) || X <- [1, a]]]),
    io:format("guard_failure done~n").

f(X) when X + 1 > 1 -> numeric_positive;
f(X) when length(X) >= 0 -> list;
f(X) when element(1, X) =:= x -> x_tuple;
f(_) -> other.

g(T) when element(2, T) > 0 -> has_second;
g(_) -> no_second.

h(L) when length(L) > 0 -> non_empty;
h(L) when length(L) =:= 0 -> empty;
h(_) -> improper_or_not_list.

k(X) when 10 div X > 1 -> divides;
k(_) -> failed.

m(M) when map_get(a, M) =:= 1 -> a_is_1;
m(_) -> no.

%% 'orelse' sees the exception in its left side as failure of the whole guard
or_guard(X) when (X + 1 > 0) orelse is_atom(X) -> matched;
or_guard(_) -> not_matched.

%% ';' evaluates the next guard after an exception
semi(X) when X + 1 > 0; is_atom(X) -> matched;
semi(_) -> not_matched.

if_guard(X) ->
    if 8 div X > 1 -> big;
       true -> fallback
    end.

case_guard(X) ->
    case X of
        Y when abs(Y) > 0 -> positive_abs;
        _ -> fallback
    end.
