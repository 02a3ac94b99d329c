-module(stdlib_gb_sets).
-export([main/0]).

main() ->
    S = gb_sets:from_list([5, 1, 9, 3, 7, 3, 1]),
    io:format("~p~n", [{gb_sets:size(S), gb_sets:to_list(S)}]),
    io:format("~p~n", [S]),
    io:format("~p~n", [{gb_sets:is_member(3, S), gb_sets:is_element(4, S)}]),
    io:format("~p~n", [gb_sets:to_list(gb_sets:add(4, S))]),
    io:format("~p~n", [gb_sets:to_list(gb_sets:delete(5, S))]),
    io:format("~p~n", [gb_sets:to_list(gb_sets:del_element(100, S))]),
    S2 = gb_sets:from_list([3, 4, 5, 6]),
    io:format("~p~n", [gb_sets:to_list(gb_sets:union(S, S2))]),
    io:format("~p~n", [gb_sets:to_list(gb_sets:intersection(S, S2))]),
    io:format("~p~n", [gb_sets:to_list(gb_sets:difference(S, S2))]),
    io:format("~p~n", [{gb_sets:smallest(S), gb_sets:largest(S)}]),
    io:format("~p~n", [gb_sets:take_smallest(S)]),
    io:format("~p~n", [gb_sets:to_list(gb_sets:filter(fun(X) -> X > 4 end, S))]),
    io:format("~p~n", [gb_sets:fold(fun(X, A) -> [X | A] end, [], S)]),
    io:format("~p~n", [gb_sets:is_subset(gb_sets:from_list([1, 3]), S)]),
    io:format("~p~n", [gb_sets:is_disjoint(S, gb_sets:from_list([2, 4]))]),
    io:format("~p~n", [gb_sets:next(gb_sets:iterator_from(4, S))]),
    io:format("~p~n", [gb_sets:to_list(gb_sets:singleton(x))]),
    io:format("~p~n", [gb_sets:is_empty(gb_sets:empty())]),
    io:format("stdlib_gb_sets done~n").
