-module(tuple_basic).
-export([main/0]).

main() ->
    T = {a, b, c, d},
    io:format("~p~n", [[element(I, T) || I <- lists:seq(1, tuple_size(T))]]),
    io:format("~p~n", [setelement(1, T, z)]),
    io:format("~p~n", [setelement(4, T, {nested})]),
    io:format("~p~n", [T]),
    io:format("~p~n", [tuple_size({})]),
    io:format("~p~n", [erlang:make_tuple(4, [])]),
    io:format("~p~n", [erlang:make_tuple(0, x)]),
    io:format("~p~n", [erlang:append_element({}, first)]),
    io:format("~p~n", [lists:foldl(fun(X, Acc) -> erlang:append_element(Acc, X) end, {}, [1, 2, 3, 4, 5])]),
    io:format("~p~n", [erlang:delete_element(1, {only})]),
    io:format("~p~n", [erlang:insert_element(1, {}, x)]),
    io:format("~p~n", [erlang:insert_element(3, {a, b}, c)]),
    io:format("~p~n", [lists:foldl(fun(I, Acc) -> setelement(I, Acc, I * I) end, erlang:make_tuple(6, 0), [2, 4, 6])]),
    io:format("~p~n", [[t(F, A) || {F, A} <- [{element, [0, {a}]}, {element, [2, {a}]}, {setelement, [3, {a, b}, c]},
                                           {element, [1, [a]]}, {delete_element, [2, {a}]},
                                           {insert_element, [4, {a, b}, c]}, {tuple_size, [a]},
                                           {make_tuple, [2, x, [{3, y}]]}, {append_element, [[], x]}]]]),
    {X, Y, _} = {1, 2, 3},
    io:format("~p~n", [{Y, X}]),
    io:format("~p~n", [swap({left, right})]),
    io:format("~p~n", [{{{}}}]),
    io:format("~p~n", [tuple_to_list(list_to_tuple(lists:seq(1, 20)))]),
    io:format("tuple_basic done~n").

swap({A, B}) -> {B, A}.

t(F, A) ->
    try apply(erlang, F, A) catch error:E -> {F, E} end.
