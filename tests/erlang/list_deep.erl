-module(list_deep).
-export([main/0]).

main() ->
    Deep = nest(100000),
    io:format("~p~n", [depth(Deep, 0)]),
    io:format("~p~n", [lists:flatten(Deep)]),
    Wide = [[I, [I + 1, [I + 2]]] || I <- lists:seq(1, 30000, 3)],
    Flat = lists:flatten(Wide),
    io:format("~p~n", [{length(Flat), lists:sum(Flat)}]),
    Tree = build(12),
    io:format("~p~n", [count(Tree)]),
    io:format("~p~n", [length(lists:flatten(Tree))]),
    io:format("~p~n", [iolist_size(Tree)]),
    IoDeep = lists:foldl(fun(C, Acc) -> [Acc, C] end, [], lists:duplicate(50000, $x)),
    io:format("~p~n", [iolist_size(IoDeep)]),
    io:format("~p~n", [byte_size(iolist_to_binary(IoDeep))]),
    io:format("~p~n", [nest(5)]),
    io:format("list_deep done~n").

nest(0) -> [];
nest(N) -> [nest(N - 1)].

depth([], D) -> D;
depth([X], D) -> depth(X, D + 1).

build(0) -> [$a];
build(N) -> [build(N - 1), build(N - 1)].

count([$a]) -> 1;
count([A, B]) -> count(A) + count(B).
