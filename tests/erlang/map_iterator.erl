-module(map_iterator).
-export([main/0]).

main() ->
    M = maps:from_list([{N, N * N} || N <- lists:seq(1, 10)]),
    io:format("~p~n", [walk(maps:next(maps:iterator(M)))]),
    io:format("~p~n", [maps:next(maps:iterator(#{}))]),
    {K, V, I2} = maps:next(maps:iterator(#{only => one})),
    io:format("~p~n", [{K, V, maps:next(I2)}]),
    Mixed = #{b => 1, a => 2, 1 => x, "s" => y, {t} => z, 2.0 => w},
    io:format("~p~n", [walk(maps:next(maps:iterator(Mixed)))]),
    io:format("~p~n", [take(3, maps:iterator(M))]),
    io:format("map_iterator done~n").

walk(none) -> [];
walk({K, V, I}) -> [{K, V} | walk(maps:next(I))].

take(0, _) -> [];
take(N, I) ->
    case maps:next(I) of
        none -> [];
        {K, _, I2} -> [K | take(N - 1, I2)]
    end.
