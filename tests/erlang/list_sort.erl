-module(list_sort).
-export([main/0]).

main() ->
    L = [5, 3, 9, 1, 5, 7, 3, 2, 8, 6, 4, 0],
    io:format("~p~n", [lists:sort(L)]),
    io:format("~p~n", [lists:usort(L)]),
    io:format("~p~n", [lists:sort(fun(A, B) -> A > B end, L)]),
    io:format("~p~n", [lists:usort(fun(A, B) -> A >= B end, L)]),
    Ps = [{b, 2, x}, {a, 3, y}, {c, 1, z}, {a, 1, w}, {b, 2, v}],
    io:format("~p~n", [lists:keysort(1, Ps)]),
    io:format("~p~n", [lists:keysort(2, Ps)]),
    io:format("~p~n", [lists:keysort(3, Ps)]),
    io:format("~p~n", [lists:ukeysort(1, Ps)]),
    io:format("~p~n", [lists:ukeysort(2, Ps)]),
    io:format("~p~n", [lists:sort(["banana", "apple", "cherry", "apple pie", "Apple", ""])]),
    io:format("~p~n", [lists:sort([{2, a}, {1, b}, {2, [a]}, {1, a}])]),
    io:format("~p~n", [lists:merge([[1, 4, 7], [2, 5, 8], [3, 6, 9]])]),
    io:format("~p~n", [lists:merge3([1, 5], [2, 6], [3, 4])]),
    io:format("~p~n", [lists:umerge3([1, 5], [1, 6], [5, 6])]),
    io:format("~p~n", [lists:merge(fun(A, B) -> A >= B end, [9, 5, 1], [8, 4, 2])]),
    io:format("~p~n", [lists:keymerge(1, [{1, a}, {3, c}], [{2, b}, {3, d}])]),
    io:format("~p~n", [lists:ukeymerge(1, [{1, a}, {3, c}], [{2, b}, {3, d}])]),
    Rand = pseudo_random(2000, 12345, []),
    Sorted = lists:sort(Rand),
    io:format("~p~n", [{length(Sorted), hd(Sorted), lists:last(Sorted), is_sorted(Sorted)}]),
    io:format("~p~n", [length(lists:usort(Rand))]),
    io:format("~p~n", [lists:sublist(lists:sort(fun(A, B) -> A rem 10 =< B rem 10 end, lists:seq(1, 30)), 12)]),
    io:format("~p~n", [lists:sort([])]),
    io:format("~p~n", [lists:sort([x])]),
    io:format("list_sort done~n").

pseudo_random(0, _, Acc) -> Acc;
pseudo_random(N, Seed, Acc) ->
    Next = (Seed * 1103515245 + 12345) rem 2147483648,
    pseudo_random(N - 1, Next, [Next rem 1000 | Acc]).

is_sorted([A, B | T]) when A =< B -> is_sorted([B | T]);
is_sorted([_, _ | _]) -> false;
is_sorted(_) -> true.
