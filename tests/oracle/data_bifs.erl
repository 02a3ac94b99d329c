%% Prints, for each term of a fixed list, what OTP computes for it: term_to_binary with every
%% option, external_size, phash2/1,2 and phash/2. rbeam's tests (runtime/tests/data_bifs.rs)
%% decode the first field with their binary_to_term and compare the rest. One line per term,
%% fields separated by spaces:
%%   T2B COMPRESSED MINOR0 MINOR2 DETERMINISTIC COMPRESSED1 EXTERNAL_SIZE PHASH2 PHASH2_7919
%%   PHASH_2^32 PHASH_101
-module(data_bifs).
-export([main/0]).

hex(B) -> [io_lib:format("~2.16.0b", [X]) || <<X>> <= B].

terms() ->
    Atoms = [a, abc, 'hello world', '', 'héllo', 'h€llo', 'ÿþ', true, false, nonode@nohost,
             list_to_atom(lists:duplicate(255, $z)), list_to_atom(lists:duplicate(100, 16#1F600))],
    Ints = [0, 1, 255, 256, -1, -255, 1 bsl 27 - 1, 1 bsl 27, -(1 bsl 27), -(1 bsl 27) - 1,
            1 bsl 31 - 1, 1 bsl 31, -(1 bsl 31), -(1 bsl 31) - 1, 1 bsl 32, 1 bsl 32 - 1,
            1 bsl 59 - 1, 1 bsl 59, -(1 bsl 59), 1 bsl 60, 1 bsl 63, 1 bsl 64, -(1 bsl 64),
            1 bsl 64 - 1, 1 bsl 96 + 12345, -(1 bsl 200), 1 bsl 1000, 1 bsl 2040, 1 bsl 2048 - 1,
            123456789012345678901234567890],
    Floats = [0.0, -0.0, 1.0, -1.5, 3.141592653589793, 1.0e300, -1.0e-300, 5.0e-324,
              1.7976931348623157e308, 0.1, 123456.789],
    Lists = [[], [a], [[]], "abc", "a", "ab", "abcd", "abcde", lists:seq(0, 255), [256],
             [1, 2 | 3], [a | b], [1 | "bc"], "x" ++ [a], [[1], [2, [3]]], [-1], [1.0],
             lists:seq(1, 300), lists:duplicate(70000, $q), lists:duplicate(200, abc),
             [{a, 1}, {b, 2}], [<<1>> | <<2>>]],
    Tuples = [{}, {a}, {a, b}, {1, 2.0, "three", <<4>>}, list_to_tuple(lists:seq(1, 300)),
              {{{{{}}}}}, {[], [[]]}],
    Bins = [<<>>, <<1>>, <<1, 2, 3>>, <<"hello">>, list_to_binary(lists:seq(0, 255)),
            list_to_binary(lists:duplicate(100, 7)), <<1:1>>, <<5:3>>, <<1, 2, 3:4>>,
            <<255, 255, 127:7>>],
    Maps = [#{}, #{a => 1}, #{1 => a, a => 1, 1.0 => b, "s" => [], {t} => <<>>},
            #{k => #{k => #{}}}, #{[1, 2] => [3], <<"b">> => <<"c">>},
            maps:from_list([{I, I * I} || I <- lists:seq(1, 40)]),
            maps:from_list([{list_to_atom([$k | integer_to_list(I)]), I} || I <- lists:seq(1, 50)])],
    Ids = [list_to_pid("<0.0.0>"), list_to_pid("<0.5.7>"), list_to_pid("<0.32767.8191>"),
           list_to_port("#Port<0.0>"), list_to_port("#Port<0.12345>"),
           list_to_ref("#Ref<0.0.0.0>"), list_to_ref("#Ref<0.1.2.3>"),
           list_to_ref("#Ref<0.2660796761.2971402242.147379>")],
    Funs = [fun lists:map/2, fun erlang:abs/1, fun 'a b':'c d'/0],
    Mixed = [{ok, [1, 2 | x], "ab", <<1, 2:3>>, -(1 bsl 70), 1.5, #{b => 1, a => 2.0}},
             [{x, [y, {z, [<<"w">>]}]}], {self_ref, [1.0, -0.0, 0], {[], {}}}],
    Atoms ++ Ints ++ Floats ++ Lists ++ Tuples ++ Bins ++ Maps ++ Ids ++ Funs ++ Mixed.

line(T) ->
    Fields = [hex(term_to_binary(T)),
              hex(term_to_binary(T, [compressed])),
              hex(term_to_binary(T, [{minor_version, 0}])),
              hex(term_to_binary(T, [{minor_version, 2}])),
              hex(term_to_binary(T, [deterministic])),
              hex(term_to_binary(T, [{compressed, 1}])),
              integer_to_list(erlang:external_size(T)),
              integer_to_list(erlang:phash2(T)),
              integer_to_list(erlang:phash2(T, 7919)),
              integer_to_list(erlang:phash(T, 1 bsl 32)),
              integer_to_list(erlang:phash(T, 101))],
    io:format("~s~n", [lists:join(" ", Fields)]).

main() ->
    [line(T) || T <- terms()],
    ok.
