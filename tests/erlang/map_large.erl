-module(map_large).
-export([main/0]).

%% Maps beyond 32 keys (hash array mapped tries): only sorted views are printed.
main() ->
    M = maps:from_list([{N, N * 2} || N <- lists:seq(1, 1000)]),
    io:format("~p~n", [map_size(M)]),
    io:format("~p~n", [{maps:get(1, M), maps:get(500, M), maps:get(1000, M), maps:find(1001, M)}]),
    io:format("~p~n", [lists:sum(maps:values(M))]),
    io:format("~p~n", [lists:sublist(lists:sort(maps:to_list(M)), 5)]),
    M2 = maps:filter(fun(K, _) -> K rem 100 =:= 0 end, M),
    io:format("~p~n", [lists:sort(maps:to_list(M2))]),
    M3 = lists:foldl(fun(K, Acc) -> maps:remove(K, Acc) end, M, lists:seq(1, 990)),
    io:format("~p~n", [lists:sort(maps:to_list(M3))]),
    Atoms = maps:from_list([{list_to_atom("key_" ++ integer_to_list(N)), N} || N <- lists:seq(1, 60)]),
    io:format("~p~n", [lists:sublist(lists:sort(maps:keys(Atoms)), 8)]),
    io:format("~p~n", [maps:fold(fun(_, V, A) -> V + A end, 0, Atoms)]),
    Upd = maps:map(fun(_, V) -> V * V end, Atoms),
    io:format("~p~n", [maps:get(key_60, Upd)]),
    Merged = maps:merge(M, maps:from_list([{N, new} || N <- lists:seq(995, 1005)])),
    io:format("~p~n", [{map_size(Merged), [maps:get(N, Merged) || N <- [994, 995, 1005]]}]),
    Str = maps:from_list([{integer_to_list(N), N} || N <- lists:seq(1, 100)]),
    io:format("~p~n", [lists:sublist(lists:sort(maps:keys(Str)), 5)]),
    io:format("~p~n", [M =:= maps:from_list(lists:reverse(maps:to_list(M)))]),
    io:format("~p~n", [M == maps:from_list([{N, N * 2.0} || N <- lists:seq(1, 1000)])]),
    #{777 := V777} = M,
    io:format("~p~n", [V777]),
    Updated = M#{1 := one, 1000 := thousand, 2000 => new},
    io:format("~p~n", [[maps:get(K, Updated) || K <- [1, 2, 1000, 2000]]]),
    io:format("map_large done~n").
