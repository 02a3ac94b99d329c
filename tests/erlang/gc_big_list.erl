-module(gc_big_list).
-export([main/0]).

main() ->
    L = lists:seq(1, 1000000),
    R = lists:reverse(L),
    io:format("~p~n", [{length(R), hd(R), lists:last(R)}]),
    io:format("~p~n", [lists:sum(R)]),
    io:format("~p~n", [sum(R, 0)]),
    M = lists:map(fun(X) -> X * 2 end, L),
    io:format("~p~n", [lists:sum(M)]),
    F = [X || X <- L, X rem 1000 =:= 0],
    io:format("~p~n", [{length(F), lists:sum(F)}]),
    T = lists:foldl(fun(X, Acc) -> [{X, X} | Acc] end, [], lists:seq(1, 300000)),
    io:format("~p~n", [length(T)]),
    io:format("~p~n", [loop(20, 0)]),
    Z = lists:zip(lists:seq(1, 200000), lists:seq(200000, 1, -1)),
    io:format("~p~n", [lists:foldl(fun({A, B}, Acc) -> Acc + A * B end, 0, Z)]),
    Strs = [integer_to_list(N) || N <- lists:seq(1, 100000)],
    io:format("~p~n", [length(lists:append(Strs))]),
    io:format("gc_big_list done~n").

sum([], Acc) -> Acc;
sum([H | T], Acc) -> sum(T, Acc + H).

%% build and drop 100k-element lists repeatedly
loop(0, Acc) -> Acc;
loop(N, Acc) ->
    L = lists:seq(1, 100000),
    loop(N - 1, Acc + length(lists:reverse(L))).
