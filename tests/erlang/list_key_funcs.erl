-module(list_key_funcs).
-export([main/0]).

main() ->
    L = [{a, 1}, {b, 2}, {c, 3}, {b, 4}],
    io:format("~p~n", [lists:keyfind(b, 1, L)]),
    io:format("~p~n", [lists:keyfind(z, 1, L)]),
    io:format("~p~n", [lists:keyfind(3, 2, L)]),
    io:format("~p~n", [lists:keymember(c, 1, L)]),
    io:format("~p~n", [lists:keysearch(b, 1, L)]),
    io:format("~p~n", [lists:keyreplace(b, 1, L, {b, 20})]),
    io:format("~p~n", [lists:keyreplace(z, 1, L, {z, 0})]),
    io:format("~p~n", [lists:keystore(b, 1, L, {b, 200})]),
    io:format("~p~n", [lists:keystore(z, 1, L, {z, 26})]),
    io:format("~p~n", [lists:keydelete(b, 1, L)]),
    io:format("~p~n", [lists:keytake(b, 1, L)]),
    io:format("~p~n", [lists:keytake(q, 1, L)]),
    io:format("~p~n", [lists:keymap(fun(V) -> V * 100 end, 2, L)]),
    io:format("~p~n", [lists:keysort(2, [{x, 3}, {y, 1}, {z, 2}])]),
    io:format("~p~n", [lists:ukeymerge(1, [{a, 1}, {c, 3}], [{a, 10}, {b, 2}])]),
    io:format("~p~n", [lists:keymerge(2, [{x, 1}, {y, 3}], [{z, 2}])]),
    io:format("~p~n", [lists:keyfind(1, 1, [{1.0, float}, {1, int}])]),
    io:format("~p~n", [lists:keyfind(a, 1, [x, {a}, {a, b}])]),
    io:format("~p~n", [lists:keyfind(a, 2, [{a}, {b, a}])]),
    io:format("~p~n", [proplists_like(lists:seq(1, 5))]),
    io:format("list_key_funcs done~n").

proplists_like(Ns) ->
    Pl = [{N, N * N} || N <- Ns],
    {lists:keyfind(3, 1, Pl), lists:keyreplace(3, 1, Pl, {3, nine})}.
