-module(stdlib_array).
-export([main/0]).

main() ->
    A0 = array:new(10),
    A1 = array:set(3, three, array:set(0, zero, A0)),
    io:format("~p~n", [array:to_list(A1)]),
    io:format("~p~n", [{array:size(A1), array:get(3, A1), array:get(5, A1)}]),
    io:format("~p~n", [array:sparse_to_orddict(A1)]),
    A2 = array:new([{default, 0}]),
    A3 = lists:foldl(fun(I, A) -> array:set(I, I * I, A) end, A2, lists:seq(0, 20, 4)),
    io:format("~p~n", [{array:size(A3), array:to_list(A3)}]),
    io:format("~p~n", [array:sparse_to_list(A3)]),
    io:format("~p~n", [array:to_orddict(array:from_list([a, b, c]))]),
    io:format("~p~n", [array:to_list(array:map(fun(I, V) -> {I, V} end, array:from_list([x, y])))]),
    io:format("~p~n", [array:foldl(fun(I, V, Acc) -> [{I, V} | Acc] end, [], array:from_list([p, q, r]))]),
    io:format("~p~n", [array:foldr(fun(_, V, Acc) -> [V | Acc] end, [], array:from_list([p, q, r]))]),
    io:format("~p~n", [array:sparse_foldl(fun(I, V, Acc) -> Acc + I * V end, 0, A3)]),
    io:format("~p~n", [{array:is_array(A1), array:is_array([]), array:is_fix(A0), array:is_fix(A2)}]),
    io:format("~p~n", [try array:set(20, x, A0) catch error:E -> E end]),
    io:format("~p~n", [array:size(array:set(20, x, array:relax(A0)))]),
    io:format("~p~n", [array:to_list(array:resize(3, array:from_list([1, 2, 3, 4, 5])))]),
    io:format("~p~n", [array:default(array:new([{default, none}]))]),
    Big = array:from_list(lists:seq(1, 10000)),
    io:format("~p~n", [{array:size(Big), array:get(9999, Big), array:foldl(fun(_, V, S) -> S + V end, 0, Big)}]),
    io:format("~p~n", [array:to_list(array:reset(1, array:from_list([a, b, c])))]),
    io:format("stdlib_array done~n").
