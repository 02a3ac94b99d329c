-module(exc_system_limit).
-export([main/0]).

main() ->
    Long = lists:duplicate(256, $a),
    Max = lists:duplicate(255, $b),
    io:format("~p~n", [t(fun() -> list_to_atom(Long) end)]),
    io:format("~p~n", [t(fun() -> length(atom_to_list(list_to_atom(Max))) end)]),
    io:format("~p~n", [t(fun() -> list_to_atom(lists:duplicate(255, 300)) =:= list_to_atom(lists:duplicate(255, 300)) end)]),
    io:format("~p~n", [t(fun() -> list_to_atom(lists:duplicate(256, 300)) end)]),
    io:format("~p~n", [t(fun() -> binary_to_atom(list_to_binary(Long), latin1) end)]),
    io:format("~p~n", [t(fun() -> list_to_existing_atom(Long) end)]),
    io:format("~p~n", [t(fun() -> erlang:make_tuple(id(16#1000000), a) end)]),
    io:format("~p~n", [t(fun() -> erlang:make_tuple(id(-1), a) end)]),
    io:format("~p~n", [t(fun() -> id(1) bsl id(1 bsl 30) end)]),
    io:format("~p~n", [t(fun() -> id(-1) bsl id(1 bsl 30) end)]),
    io:format("~p~n", [t(fun() -> id(1) bsr id(1 bsl 30) end)]),
    io:format("~p~n", [t(fun() -> id(0) bsl id(1 bsl 30) end)]),
    io:format("~p~n", [t(fun() -> list_to_atom(Long ++ "x") end)]),
    io:format("~p~n", [t(fun() -> list_to_atom(id(not_a_list)) end)]),
    io:format("exc_system_limit done~n").

id(X) -> X.

t(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:E -> {C, E}
    end.
