-module(stdlib_gb_trees).
-export([main/0]).

main() ->
    T = lists:foldl(fun(K, Acc) -> gb_trees:insert(K, integer_to_list(K), Acc) end, gb_trees:empty(),
                    [50, 20, 80, 10, 30, 70, 90, 25, 35, 60]),
    io:format("~p~n", [gb_trees:size(T)]),
    io:format("~p~n", [gb_trees:to_list(T)]),
    io:format("~p~n", [T]),
    io:format("~p~n", [{gb_trees:lookup(30, T), gb_trees:lookup(31, T), gb_trees:get(70, T)}]),
    io:format("~p~n", [{gb_trees:is_defined(90, T), gb_trees:is_empty(T)}]),
    io:format("~p~n", [{gb_trees:smallest(T), gb_trees:largest(T)}]),
    io:format("~p~n", [gb_trees:keys(T)]),
    io:format("~p~n", [gb_trees:values(T)]),
    T2 = gb_trees:delete(50, gb_trees:update(20, "twenty", T)),
    io:format("~p~n", [gb_trees:to_list(T2)]),
    io:format("~p~n", [gb_trees:to_list(gb_trees:enter(55, "new", gb_trees:enter(10, "ten", T2)))]),
    io:format("~p~n", [gb_trees:take_smallest(T)]),
    {K, V, _} = gb_trees:take_largest(T),
    io:format("~p~n", [{K, V}]),
    io:format("~p~n", [gb_trees:to_list(gb_trees:map(fun(Key, _) -> Key * 2 end, T))]),
    io:format("~p~n", [iterate(gb_trees:next(gb_trees:iterator(T)))]),
    io:format("~p~n", [iterate(gb_trees:next(gb_trees:iterator_from(33, T)))]),
    io:format("~p~n", [gb_trees:to_list(gb_trees:from_orddict([{1, a}, {2, b}]))]),
    io:format("~p~n", [gb_trees:delete_any(999, T) =:= T]),
    io:format("~p~n", [try gb_trees:insert(50, dup, T) catch error:E -> E end]),
    Big = lists:foldl(fun(N, Acc) -> gb_trees:insert(N, N, Acc) end, gb_trees:empty(), lists:seq(1, 10000)),
    io:format("~p~n", [{gb_trees:size(Big), gb_trees:get(5000, Big)}]),
    io:format("~p~n", [gb_trees:size(gb_trees:balance(Big))]),
    io:format("stdlib_gb_trees done~n").

iterate(none) -> [];
iterate({K, _, I}) -> [K | iterate(gb_trees:next(I))].
