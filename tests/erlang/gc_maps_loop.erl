-module(gc_maps_loop).
-export([main/0]).

main() ->
    io:format("~p~n", [build_drop(50, 0)]),
    M = lists:foldl(fun(N, Acc) -> Acc#{N => integer_to_list(N)} end, #{}, lists:seq(1, 50000)),
    io:format("~p~n", [map_size(M)]),
    io:format("~p~n", [{maps:get(1, M), maps:get(50000, M)}]),
    M2 = maps:map(fun(_, V) -> length(V) end, M),
    io:format("~p~n", [lists:sum(maps:values(M2))]),
    M3 = lists:foldl(fun(N, Acc) -> maps:remove(N, Acc) end, M, lists:seq(1, 49990)),
    io:format("~p~n", [lists:sort(maps:keys(M3))]),
    Counts = lists:foldl(fun(N, Acc) -> maps:update_with(N rem 97, fun(C) -> C + 1 end, 1, Acc) end, #{}, lists:seq(1, 200000)),
    io:format("~p~n", [{map_size(Counts), maps:get(0, Counts), maps:get(96, Counts)}]),
    Small = [#{id => N, name => integer_to_list(N), tags => [a, b]} || N <- lists:seq(1, 20000)],
    io:format("~p~n", [lists:sum([Id || #{id := Id} <- Small])]),
    io:format("gc_maps_loop done~n").

build_drop(0, Acc) -> Acc;
build_drop(N, Acc) ->
    M = maps:from_list([{K, K * N} || K <- lists:seq(1, 2000)]),
    build_drop(N - 1, Acc + maps:get(2000, M)).
