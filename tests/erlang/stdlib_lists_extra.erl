-module(stdlib_lists_extra).
-export([main/0]).

main() ->
    io:format("~p~n", [lists:foldl(fun lists:merge/2, [], [[3, 9], [1, 4], [2, 8]])]),
    io:format("~p~n", [lists:usort([[b], [a], [b], "a"])]),
    io:format("~p~n", [lists:zipwith(fun erlang:'+'/2, [1, 2, 3], [10, 20, 30])]),
    io:format("~p~n", [lists:map(fun erlang:atom_to_list/1, [a, bb, ccc])]),
    io:format("~p~n", [lists:flatmap(fun atom_to_list/1, [a, bb, ccc])]),
    io:format("~p~n", [lists:foldl(fun(X, {Evens, Odds}) when X rem 2 =:= 0 -> {[X | Evens], Odds};
                                      (X, {Evens, Odds}) -> {Evens, [X | Odds]} end, {[], []}, lists:seq(1, 10))]),
    io:format("~p~n", [lists:keysort(2, lists:zip(lists:seq(1, 6), [c, a, b, a, c, b]))]),
    io:format("~p~n", [group_by(fun(W) -> length(W) end, ["a", "bb", "cc", "d", "eee"])]),
    io:format("~p~n", [transpose([[1, 2, 3], [4, 5, 6]])]),
    io:format("~p~n", [run_length("aaabccdddd")]),
    io:format("~p~n", [powerset([a, b, c])]),
    io:format("~p~n", [lists:sublist(sieve(lists:seq(2, 200)), 20)]),
    io:format("~p~n", [frequencies("mississippi")]),
    io:format("~p~n", [lists:max([{3, b}, {3, a}, {2, z}])]),
    io:format("~p~n", [lists:nthtail(0, [a])]),
    io:format("~p~n", [lists:suffix("", "abc")]),
    io:format("~p~n", [[lists:nth(N, "abcdef") || N <- [1, 6]]]),
    io:format("stdlib_lists_extra done~n").

group_by(F, L) ->
    lists:foldr(fun(X, Acc) -> K = F(X), orddict:update(K, fun(Vs) -> [X | Vs] end, [X], Acc) end, orddict:new(), L).

transpose([[] | _]) -> [];
transpose(M) -> [[H || [H | _] <- M] | transpose([T || [_ | T] <- M])].

run_length([]) -> [];
run_length([C | T]) ->
    {Same, Rest} = lists:splitwith(fun(X) -> X =:= C end, T),
    [{C, length(Same) + 1} | run_length(Rest)].

powerset([]) -> [[]];
powerset([H | T]) -> P = powerset(T), [[H | S] || S <- P] ++ P.

sieve([]) -> [];
sieve([P | T]) -> [P | sieve([X || X <- T, X rem P =/= 0])].

frequencies(L) -> lists:foldl(fun(C, D) -> orddict:update_counter(C, 1, D) end, orddict:new(), L).
