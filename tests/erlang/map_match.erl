-module(map_match).
-export([main/0]).

main() ->
    io:format("~p~n", [[describe(M) || M <- [#{type => circle, r => 2}, #{type => square, side => 3},
                                             #{type => rect, w => 2, h => 5}, #{r => 1}, #{}, not_map]]]),
    io:format("~p~n", [get_both(#{x => 1, y => 2, z => 3})]),
    io:format("~p~n", [get_both(#{x => 1})]),
    Key = z,
    io:format("~p~n", [lookup(Key, #{z => found})]),
    io:format("~p~n", [lookup(Key, #{y => nope})]),
    #{a := A, b := B} = #{a => 1, b => 2, c => 3},
    io:format("~p~n", [{A, B}]),
    io:format("~p~n", [case #{status => ok, value => 42} of
                           #{status := error} -> failed;
                           #{status := ok, value := V} when V > 40 -> {big, V};
                           #{status := ok} -> small
                       end]),
    io:format("~p~n", [same_values(#{a => 1, b => 1})]),
    io:format("~p~n", [same_values(#{a => 1, b => 2})]),
    io:format("~p~n", [[X || #{keep := true, val := X} <- [#{keep => true, val => 1}, #{keep => false, val => 2}, #{val => 3}, #{keep => true, val => 4}]]]),
    io:format("~p~n", [nested(#{user => #{name => "al", roles => [admin]}})]),
    io:format("~p~n", [nested(#{user => #{name => "bo"}})]),
    io:format("~p~n", [try #{missing := _} = id(#{present => 1}) catch error:E -> E end]),
    io:format("~p~n", [guard_size(#{a => 1, b => 2})]),
    io:format("~p~n", [guard_key(#{k => 1}, k)]),
    io:format("~p~n", [guard_key(#{k => 1}, j)]),
    io:format("map_match done~n").

id(X) -> X.

describe(#{type := circle, r := R}) -> {circle, R};
describe(#{type := square, side := S}) -> {square, S * S};
describe(#{type := T}) -> {unknown_type, T};
describe(#{}) -> untyped;
describe(_) -> not_a_map.

get_both(#{x := X, y := Y}) -> {X, Y};
get_both(#{x := X}) -> {only_x, X}.

lookup(K, M) ->
    case M of
        #{K := V} -> {ok, V};
        _ -> error
    end.

same_values(#{a := V, b := V}) -> same;
same_values(_) -> different.

nested(#{user := #{name := N, roles := R}}) -> {N, R};
nested(#{user := #{name := N}}) -> {N, no_roles}.

guard_size(M) when map_size(M) > 1 -> many;
guard_size(_) -> few.

guard_key(M, K) when is_map_key(K, M), map_get(K, M) > 0 -> has_positive;
guard_key(_, _) -> no.
