-module(records_and_guards).
-export([main/0]).
-record(point, {x = 0, y = 0, label = none}).

main() ->
    P = #point{x = 1, y = 2},
    P2 = P#point{label = origin_ish},
    io:format("~p~n", [P2]),
    io:format("~p~n", [quadrant(P2)]),
    io:format("~p~n", [[kind(T) || T <- [1, 1.0, a, "s", <<"b">>, {t}, [], #{}, self(), make_ref(), fun main/0]]]),
    io:format("~p~n", [compare_all()]),
    io:format("~p~n", [setelement(2, {a, b, c}, z)]),
    io:format("~p~n", [{tuple_size({1, 2}), length([1, 2, 3]), hd([h | t]), tl([h | t])}]),
    io:format("records_and_guards done~n").

quadrant(#point{x = X, y = Y}) when X >= 0, Y >= 0 -> first;
quadrant(#point{x = X}) when X < 0 -> left;
quadrant(_) -> other.

kind(X) when is_integer(X) -> integer;
kind(X) when is_float(X) -> float;
kind(X) when is_atom(X) -> atom;
kind(X) when is_binary(X) -> binary;
kind(X) when is_tuple(X), tuple_size(X) =:= 1 -> singleton;
kind([]) -> nil;
kind(X) when is_list(X) -> list;
kind(X) when is_map(X) -> map;
kind(X) when is_pid(X) -> pid;
kind(X) when is_reference(X) -> reference;
kind(X) when is_function(X, 0) -> fun0;
kind(_) -> other.

compare_all() ->
    [1 < 1.5, 1 == 1.0, 1 =:= 1.0, a < b, {1, 2} < {1, 3}, [] < [1], 1 /= 2, 1 =/= 1.0].
