-module(call_higher_order).
-export([main/0, sq/1]).

main() ->
    L = lists:seq(1, 10),
    io:format("~p~n", [lists:map(fun sq/1, L)]),
    io:format("~p~n", [lists:map(fun ?MODULE:sq/1, L)]),
    io:format("~p~n", [lists:filter(fun(X) -> X rem 3 =:= 0 end, L)]),
    io:format("~p~n", [lists:foldl(fun(X, Acc) -> [X | Acc] end, [], L)]),
    io:format("~p~n", [lists:foldr(fun(X, Acc) -> [X | Acc] end, [], L)]),
    io:format("~p~n", [lists:mapfoldl(fun(X, S) -> {X * S, S + X} end, 0, L)]),
    io:format("~p~n", [lists:mapfoldr(fun(X, S) -> {X + S, S + 1} end, 0, L)]),
    io:format("~p~n", [lists:any(fun(X) -> X > 9 end, L)]),
    io:format("~p~n", [lists:all(fun is_integer/1, L)]),
    io:format("~p~n", [lists:filtermap(fun(X) when X rem 2 =:= 0 -> {true, X div 2}; (X) -> X > 8 end, L)]),
    io:format("~p~n", [lists:flatmap(fun(X) -> lists:duplicate(X, X) end, [1, 2, 3])]),
    io:format("~p~n", [lists:sort(fun(A, B) -> A >= B end, L)]),
    io:format("~p~n", [lists:zipwith(fun(A, B) -> A * B end, L, lists:reverse(L))]),
    io:format("~p~n", [lists:zipwith3(fun(A, B, C) -> {A, B, C} end, [1, 2], [a, b], ["x", "y"])]),
    io:format("~p~n", [lists:partition(fun(X) -> X < 4 end, L)]),
    io:format("~p~n", [lists:splitwith(fun(X) -> X < 4 end, L)]),
    io:format("~p~n", [lists:search(fun(X) -> X * X > 50 end, L)]),
    io:format("~p~n", [lists:search(fun(X) -> X > 50 end, L)]),
    lists:foreach(fun(X) -> io:format("<~p>", [X]) end, [a, b, c]),
    io:nl(),
    io:format("~p~n", [(compose([fun sq/1, fun(X) -> X + 1 end, fun erlang:integer_to_list/1]))(3)]),
    io:format("~p~n", [(twice(fun sq/1))(3)]),
    io:format("~p~n", [maps:fold(fun(K, V, A) -> [{V, K} | A] end, [], #{a => 1, b => 2})]),
    io:format("~p~n", [lists:usort(fun(A, B) -> A rem 5 =< B rem 5 end, L)]),
    io:format("call_higher_order done~n").

sq(X) -> X * X.

compose(Fs) -> fun(X) -> lists:foldl(fun(F, Acc) -> F(Acc) end, X, Fs) end.

twice(F) -> fun(X) -> F(F(X)) end.
