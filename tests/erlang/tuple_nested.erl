-module(tuple_nested).
-export([main/0]).

main() ->
    T = {a, {b, {c, {d, {e, nil}}}}},
    io:format("~p~n", [T]),
    io:format("~p~n", [depth(T)]),
    io:format("~p~n", [flatten(T)]),
    io:format("~p~n", [update_path([2, 2, 1], T, 'C')]),
    Matrix = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}},
    io:format("~p~n", [transpose(Matrix)]),
    io:format("~p~n", [get(2, 3, Matrix)]),
    io:format("~p~n", [set(2, 2, Matrix, x)]),
    Tree = lists:foldl(fun insert/2, nil, [50, 30, 70, 20, 40, 60, 80, 35]),
    io:format("~p~n", [Tree]),
    io:format("~p~n", [to_list(Tree)]),
    io:format("~p~n", [{member(35, Tree), member(36, Tree)}]),
    io:format("tuple_nested done~n").

depth({_, Rest}) -> 1 + depth(Rest);
depth(nil) -> 0.

flatten({X, Rest}) -> [X | flatten(Rest)];
flatten(nil) -> [].

update_path([I], T, V) -> setelement(I, T, V);
update_path([I | Is], T, V) -> setelement(I, T, update_path(Is, element(I, T), V)).

transpose(M) ->
    N = tuple_size(M),
    list_to_tuple([list_to_tuple([element(C, element(R, M)) || R <- lists:seq(1, N)]) || C <- lists:seq(1, N)]).

get(R, C, M) -> element(C, element(R, M)).
set(R, C, M, V) -> setelement(R, M, setelement(C, element(R, M), V)).

insert(V, nil) -> {node, nil, V, nil};
insert(V, {node, L, X, R}) when V < X -> {node, insert(V, L), X, R};
insert(V, {node, L, X, R}) -> {node, L, X, insert(V, R)}.

to_list(nil) -> [];
to_list({node, L, X, R}) -> to_list(L) ++ [X] ++ to_list(R).

member(_, nil) -> false;
member(V, {node, _, V, _}) -> true;
member(V, {node, L, X, _}) when V < X -> member(V, L);
member(V, {node, _, _, R}) -> member(V, R).
