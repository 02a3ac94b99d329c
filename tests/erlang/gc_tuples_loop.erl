-module(gc_tuples_loop).
-export([main/0]).

main() ->
    io:format("~p~n", [churn(200, 0)]),
    Records = [{rec, N, integer_to_list(N), [N, N + 1], {nested, N}} || N <- lists:seq(1, 100000)],
    io:format("~p~n", [lists:foldl(fun({rec, N, _, [_, M], {nested, K}}, A) -> A + N + M + K end, 0, Records)]),
    Big = erlang:make_tuple(5000, 0),
    Updated = update_all(Big, 5000),
    io:format("~p~n", [{element(1, Updated), element(5000, Updated)}]),
    Queue = lists:foldl(fun(N, Q) -> queue:in(N, Q) end, queue:new(), lists:seq(1, 100000)),
    io:format("~p~n", [drain(Queue, 0)]),
    io:format("~p~n", [tree_sum(build_tree(16))]),
    io:format("gc_tuples_loop done~n").

churn(0, Acc) -> Acc;
churn(N, Acc) ->
    T = list_to_tuple(lists:seq(1, 5000)),
    churn(N - 1, Acc + element(N, T)).

update_all(T, 0) -> T;
update_all(T, I) -> update_all(setelement(I, T, I), I - 1).

drain(Q, Acc) ->
    case queue:out(Q) of
        {{value, V}, Q2} -> drain(Q2, Acc + V);
        {empty, _} -> Acc
    end.

build_tree(0) -> {leaf, 1};
build_tree(N) -> {node, build_tree(N - 1), build_tree(N - 1)}.

tree_sum({leaf, V}) -> V;
tree_sum({node, L, R}) -> tree_sum(L) + tree_sum(R).
