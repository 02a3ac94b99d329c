-module(tuple_large).
-export([main/0]).

main() ->
    Big = list_to_tuple(lists:seq(1, 100000)),
    io:format("~p~n", [tuple_size(Big)]),
    io:format("~p~n", [{element(1, Big), element(50000, Big), element(100000, Big)}]),
    Big2 = setelement(50000, Big, changed),
    io:format("~p~n", [{element(50000, Big2), element(50000, Big), Big =:= Big2}]),
    io:format("~p~n", [sum(Big, tuple_size(Big), 0)]),
    Filled = erlang:make_tuple(1000, 0, [{I, I} || I <- lists:seq(1, 1000, 7)]),
    io:format("~p~n", [lists:sum(tuple_to_list(Filled))]),
    Updated = lists:foldl(fun(I, T) -> setelement(I, T, I * 2) end, erlang:make_tuple(5000, 0), lists:seq(1, 5000)),
    io:format("~p~n", [sum(Updated, 5000, 0)]),
    Grown = lists:foldl(fun(I, T) -> erlang:append_element(T, I) end, {}, lists:seq(1, 2000)),
    io:format("~p~n", [{tuple_size(Grown), element(2000, Grown)}]),
    io:format("~p~n", [list_to_tuple(lists:seq(1, 30))]),
    io:format("~p~n", [Big == list_to_tuple(lists:seq(1, 100000))]),
    io:format("~p~n", [Big < Big2]),
    io:format("tuple_large done~n").

sum(_, 0, Acc) -> Acc;
sum(T, I, Acc) -> sum(T, I - 1, Acc + element(I, T)).
