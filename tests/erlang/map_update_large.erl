-module(map_update_large).
-export([main/0]).

main() ->
    Keys = [list_to_atom("k" ++ integer_to_list(N)) || N <- lists:seq(1, 40)],
    M = maps:from_list([{K, 0} || K <- Keys]),
    M2 = M#{k1 := 1, k20 := 20, k40 := 40},
    io:format("~p~n", [[maps:get(K, M2) || K <- [k1, k2, k20, k40]]]),
    #{k1 := A, k40 := B} = M2,
    io:format("~p~n", [{A, B}]),
    M3 = M2#{new1 => n1, new2 => n2},
    io:format("~p~n", [{map_size(M3), maps:get(new2, M3)}]),
    io:format("~p~n", [try M2#{missing := 1} catch error:E -> E end]),
    Bumped = lists:foldl(fun(K, Acc) -> Acc#{K := maps:get(K, Acc) + 1} end, M, Keys ++ Keys),
    io:format("~p~n", [lists:usort(maps:values(Bumped))]),
    Shrunk = maps:without(lists:sublist(Keys, 10, 31), M),
    io:format("~p~n", [{map_size(Shrunk), lists:sort(maps:keys(Shrunk))}]),
    io:format("~p~n", [Shrunk =:= maps:from_list([{K, 0} || K <- Keys -- lists:sublist(Keys, 10, 31)])]),
    io:format("~p~n", [Shrunk]),
    Same = maps:merge(M, M),
    io:format("~p~n", [Same =:= M]),
    io:format("~p~n", [M == maps:map(fun(_, V) -> V * 1.0 end, M)]),
    Mixed = maps:from_list([{N, N} || N <- lists:seq(1, 40)] ++ [{float(N), f} || N <- lists:seq(1, 5)]),
    io:format("~p~n", [{map_size(Mixed), maps:get(1, Mixed), maps:get(1.0, Mixed)}]),
    io:format("~p~n", [match_large(M2)]),
    io:format("map_update_large done~n").

match_large(#{k5 := 0, k20 := X, k39 := 0}) -> {matched, X};
match_large(_) -> no.
