-module(map_keys_types).
-export([main/0]).

main() ->
    M = #{1 => integer, 1.0 => float, -0.0 => negzero, "1" => string, <<"1">> => binary, '1' => atom,
          [1] => list, {1} => tuple, #{1 => 1} => map, 1 bsl 80 => big, -(1 bsl 80) => negbig},
    io:format("~p~n", [M]),
    io:format("~p~n", [map_size(M)]),
    io:format("~p~n", [[maps:get(K, M) || K <- [1, 1.0, "1", <<"1">>, '1', [1], {1}, #{1 => 1}, 1 bsl 80]]]),
    io:format("~p~n", [maps:find(2 - 1, M)]),
    io:format("~p~n", [maps:find(2.0 - 1, M)]),
    io:format("~p~n", [maps:find(1 bsl 80 + 0, M)]),
    io:format("~p~n", [maps:is_key(1.0000001, M)]),
    io:format("~p~n", [maps:keys(M)]),
    Z = #{0 => int_zero, 0.0 => float_zero},
    io:format("~p~n", [Z]),
    io:format("~p~n", [#{[] => nil, {} => empty_tuple, <<>> => empty_bin, #{} => empty_map}]),
    io:format("~p~n", [lists:sort([#{b => 1}, #{a => 2}, #{a => 1, b => 1}, #{}, #{1 => x}, #{a => 1}])]),
    io:format("~p~n", [#{a => 1, b => 2} < #{a => 1, c => 0}]),
    io:format("~p~n", [#{1 => a} < #{1.0 => a}]),
    io:format("map_keys_types done~n").
