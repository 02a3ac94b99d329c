-module(bif_type_tests).
-export([main/0]).

main() ->
    Terms = [{int, 1}, {big, 1 bsl 80}, {float, 1.5}, {atom, ok}, {true, true}, {nil, []}, {list, [1]},
             {improper, [1 | 2]}, {string, "abc"}, {tuple, {1, 2}}, {empty_tuple, {}}, {map, #{a => 1}},
             {binary, <<1, 2>>}, {bitstring, <<1:3>>}, {fun0, fun() -> ok end}, {fun2, fun erlang:max/2},
             {pid, self()}, {ref, make_ref()}, {record, {rec, 1, 2}}],
    Tests = [{is_atom, fun erlang:is_atom/1}, {is_binary, fun erlang:is_binary/1},
             {is_bitstring, fun erlang:is_bitstring/1}, {is_boolean, fun erlang:is_boolean/1},
             {is_float, fun erlang:is_float/1}, {is_function, fun erlang:is_function/1},
             {is_integer, fun erlang:is_integer/1}, {is_list, fun erlang:is_list/1},
             {is_map, fun erlang:is_map/1}, {is_number, fun erlang:is_number/1},
             {is_pid, fun erlang:is_pid/1}, {is_port, fun erlang:is_port/1},
             {is_reference, fun erlang:is_reference/1}, {is_tuple, fun erlang:is_tuple/1}],
    lists:foreach(fun({Name, T}) ->
                          io:format("~-13s ~w~n", [Name, [N || {N, X} <- Terms, T(X)]])
                  end, Tests),
    io:format("~w~n", [[N || {N, X} <- Terms, is_function(X, 0)]]),
    io:format("~w~n", [[N || {N, X} <- Terms, is_function(X, 2)]]),
    io:format("~w~n", [[N || {N, X} <- Terms, is_record(X, rec, 3)]]),
    io:format("~w~n", [[N || {N, X} <- Terms, guard_kind(X) =:= number]]),
    io:format("~w~n", [[{N, guard_kind(X)} || {N, X} <- Terms]]),
    io:format("bif_type_tests done~n").

guard_kind(X) when is_number(X) -> number;
guard_kind(X) when is_boolean(X) -> boolean;
guard_kind(X) when is_atom(X) -> atom;
guard_kind(X) when is_list(X) -> list;
guard_kind(X) when is_tuple(X), tuple_size(X) > 2 -> big_tuple;
guard_kind(X) when is_tuple(X) -> tuple;
guard_kind(X) when is_map(X) -> map;
guard_kind(X) when is_binary(X) -> binary;
guard_kind(X) when is_bitstring(X) -> bitstring;
guard_kind(X) when is_function(X) -> function;
guard_kind(X) when is_pid(X) -> pid;
guard_kind(X) when is_reference(X) -> reference.
