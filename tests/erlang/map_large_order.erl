-module(map_large_order).
-export([main/0]).

%% The one program that prints large maps in their internal (hash) order. Only integer keys:
%% erts hashes an atom by its index in the atom table, which depends on the VM's history, so
%% the order of atom-keyed large maps legitimately differs between VMs.
main() ->
    Ints = maps:from_list([{N, N} || N <- lists:seq(1, 100)]),
    io:format("~w~n", [maps:keys(Ints)]),
    io:format("~p~n", [maps:to_list(Ints)]),
    Negative = maps:from_list([{-N * 1000003, N} || N <- lists:seq(1, 40)]),
    io:format("~w~n", [maps:keys(Negative)]),
    io:format("~p~n", [Negative]),
    Small = maps:from_list([{N, N} || N <- lists:seq(32, 1, -1)]),
    io:format("~w~n", [maps:keys(Small)]),
    Grown = Small#{33 => 33},
    io:format("~w~n", [maps:keys(Grown)]),
    Shrunk = maps:remove(33, Grown),
    io:format("~w~n", [maps:keys(Shrunk)]),
    io:format("map_large_order done~n").
