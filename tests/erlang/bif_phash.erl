-module(bif_phash).
-export([main/0]).
-compile({nowarn_deprecated_function, [{erlang, phash, 2}]}).

main() ->
    Terms = [0, 1, -1, 1 bsl 64, 1.5, ok, '', "abc", [1, 2], [], {}, {a, b}, <<1, 2, 3>>, <<1:3>>,
             #{a => 1}, #{}, [a | b], lists:seq(1, 100), {1, {2, {3}}}, 'hello world', -(1 bsl 100)],
    lists:foreach(fun(T) ->
                          io:format("~w ~w ~w ~w~n", [T, erlang:phash2(T), erlang:phash2(T, 1000), erlang:phash(T, 1 bsl 32)])
                  end, Terms),
    io:format("~p~n", [[erlang:phash2(N, 7) || N <- lists:seq(1, 20)]]),
    io:format("~p~n", [erlang:phash2(maps:from_list([{N, N} || N <- lists:seq(1, 50)]))]),
    io:format("bif_phash done~n").
