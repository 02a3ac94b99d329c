-module(maps_ops).
-export([main/0]).

main() ->
    M0 = #{a => 1, b => 2},
    M1 = M0#{c => 3},
    M2 = M1#{a := 10},
    io:format("~p~n", [M2]),
    #{a := A, c := C} = M2,
    io:format("~p~n", [{A, C}]),
    io:format("~p~n", [lookup(b, M2)]),
    io:format("~p~n", [lookup(z, M2)]),
    io:format("~p~n", [has(M2)]),
    io:format("~p~n", [maps:to_list(maps:map(fun(_, V) -> V * 2 end, M2))]),
    io:format("~p~n", [element(1, element(2, catch M0#{zz := 1}))]),
    io:format("maps_ops done~n").

lookup(K, M) ->
    case M of
        #{K := V} -> {ok, V};
        #{} -> error
    end.

has(#{a := _, b := _}) -> both;
has(_) -> not_both.
