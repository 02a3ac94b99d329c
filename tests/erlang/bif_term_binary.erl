-module(bif_term_binary).
-export([main/0]).

main() ->
    Terms = [0, 1, 255, 256, -1, 1 bsl 31, 1 bsl 64, -(1 bsl 64), 1.5, ok, '', "abc", [1, 2], [a | b], [],
             {}, {a, b}, <<1, 2, 3>>, <<1:3>>, #{a => 1}, #{}, "", [256, 1000], 'élan'],
    lists:foreach(fun(T) ->
                          B = term_to_binary(T),
                          io:format("~w ~w ~w~n", [T, B, binary_to_term(B) =:= T])
                  end, Terms),
    io:format("~w~n", [term_to_binary(lists:seq(1, 5))]),
    io:format("~w~n", [term_to_binary({tuple, "string", 3.25, [atom]}, [compressed])]),
    io:format("~w~n", [term_to_binary(lists:duplicate(100, $a), [compressed])]),
    io:format("~p~n", [binary_to_term(term_to_binary(lists:duplicate(100, $a), [compressed]))]),
    io:format("~w~n", [term_to_binary(1.5, [{minor_version, 0}])]),
    io:format("~p~n", [erlang:external_size({a, [1, 2, 3]})]),
    io:format("~p~n", [byte_size(term_to_binary(lists:seq(1, 1000)))]),
    io:format("~p~n", [try binary_to_term(<<131, 200>>) catch error:E -> E end]),
    io:format("~p~n", [binary_to_term(<<131, 100, 0, 2, $h, $i>>)]),
    io:format("~p~n", [binary_to_term(<<131, 107, 0, 3, 1, 2, 3>>)]),
    io:format("bif_term_binary done~n").
