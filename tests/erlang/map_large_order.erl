-module(map_large_order).
-export([main/0]).

%% The one program that prints large maps in their internal (hash) order.
main() ->
    Ints = maps:from_list([{N, N} || N <- lists:seq(1, 100)]),
    io:format("~w~n", [maps:keys(Ints)]),
    io:format("~p~n", [maps:to_list(Ints)]),
    Atoms = maps:from_list([{list_to_atom("atom_" ++ integer_to_list(N)), N} || N <- lists:seq(1, 50)]),
    io:format("~p~n", [maps:to_list(Atoms)]),
    io:format("~p~n", [Atoms]),
    Small = maps:from_list([{N, N} || N <- lists:seq(32, 1, -1)]),
    io:format("~w~n", [maps:keys(Small)]),
    Grown = Small#{33 => 33},
    io:format("~w~n", [maps:keys(Grown)]),
    Shrunk = maps:remove(33, Grown),
    io:format("~w~n", [maps:keys(Shrunk)]),
    io:format("map_large_order done~n").
