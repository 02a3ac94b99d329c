-module(bin_bifs).
-export([main/0]).

%% The binary BIFs of the erlang and binary modules, called through export entries (apply)
%% and directly, with their errors.

out(T) -> io:format("~w~n", [T]).

id(X) -> X.

calls() ->
    Big = list_to_binary(lists:seq(0, 99)),
    [{erlang, byte_size, [<<1,2,3>>]}, {erlang, byte_size, [<<1:9>>]}, {erlang, byte_size, [a]},
     {erlang, bit_size, [<<1:9>>]}, {erlang, bit_size, [<<>>]}, {erlang, bit_size, [[]]},
     {erlang, split_binary, [<<1,2,3:3>>, 1]}, {erlang, split_binary, [<<1,2>>, 3]}, {erlang, split_binary, [Big, 20]},
     {erlang, split_binary, [<<1,2>>, -1]}, {erlang, split_binary, [<<1,2>>, 2]},
     {erlang, binary_part, [<<1,2,3:3>>, 0, 1]}, {erlang, binary_part, [<<1,2,3>>, 3, -2]},
     {erlang, binary_part, [<<1,2,3>>, {3, 0}]}, {erlang, binary_part, [<<1,2,3>>, {3, 1}]},
     {erlang, binary_part, [<<1,2,3>>, {0, -1}]}, {erlang, binary_part, [Big, {10, 75}]}, {erlang, binary_part, [<<1>>, {a, 1}]},
     {erlang, binary_to_list, [<<1,2:3>>]}, {erlang, binary_to_list, [<<1,2,3>>]}, {erlang, binary_to_list, [<<>>]},
     {erlang, binary_to_list, [<<1,2,3>>, 2, 1]}, {erlang, binary_to_list, [<<1,2,3>>, 2, 3]},
     {erlang, binary_to_list, [<<1,2,3>>, 0, 3]}, {erlang, binary_to_list, [<<1,2,3>>, 3, 3]}, {erlang, binary_to_list, [<<1,2,3>>, 1, 4]},
     {erlang, bitstring_to_list, [<<1,2:3>>]}, {erlang, bitstring_to_list, [<<1,2>>]}, {erlang, bitstring_to_list, [<<5:3>>]},
     {erlang, list_to_binary, [[1, <<2>>, [3, [<<4>>]] | <<5>>]]}, {erlang, list_to_binary, [[1, <<2:3>>]]},
     {erlang, list_to_binary, [<<1>>]}, {erlang, list_to_binary, [[256]]}, {erlang, list_to_binary, [[-1]]},
     {erlang, list_to_binary, [[]]}, {erlang, list_to_binary, [[[[[[]]]], "abc", [[<<"d">>]]]]}, {erlang, list_to_binary, [[1 | 2]]},
     {erlang, list_to_binary, [[a]]}, {erlang, list_to_binary, [[Big, Big]]},
     {erlang, list_to_bitstring, [[1, <<2:3>>, [<<1:1>>] | <<1:2>>]]}, {erlang, list_to_bitstring, [[<<1:1>>, 255]]},
     {erlang, list_to_bitstring, [<<1:1>>]},
     {erlang, iolist_to_binary, [<<1:3>>]}, {erlang, iolist_to_binary, [<<1,2>>]}, {erlang, iolist_to_binary, [["ab", <<"cd">> | <<"e">>]]},
     {erlang, iolist_to_binary, [a]},
     {erlang, iolist_size, [[1, <<2,3>>, [[]] | <<4>>]]}, {erlang, iolist_size, [<<1:3>>]}, {erlang, iolist_size, [<<1,2,3>>]},
     {erlang, iolist_size, [[<<1:3>>]]}, {erlang, iolist_size, [foo]},
     {erlang, iolist_to_iovec, [[<<"ab">>, "cd", <<"ef">>]]}, {erlang, iolist_to_iovec, [[]]}, {erlang, iolist_to_iovec, [[[], <<>>]]},
     {erlang, iolist_to_iovec, [<<"abc">>]}, {erlang, iolist_to_iovec, [<<>>]}, {erlang, iolist_to_iovec, [<<1:1>>]},
     {erlang, iolist_to_iovec, [[binary:copy(<<"x">>, 300), "ab", binary:copy(<<"y">>, 10), binary:copy(<<"z">>,300)]]},
     {erlang, iolist_to_iovec, [[binary:copy(<<"x">>, 30), binary:copy(<<"y">>, 70)]]},
     {erlang, iolist_to_iovec, [[binary:copy(<<"x">>, 200), binary:copy(<<"y">>, 400)]]},
    
     {erlang, atom_to_binary, ['héllo', latin1]}, {erlang, atom_to_binary, ['héllo']}, {erlang, atom_to_binary, ['héllo', utf8]},
     {erlang, atom_to_binary, [list_to_atom([300]), latin1]}, {erlang, atom_to_binary, [list_to_atom([300]), unicode]},
     {erlang, atom_to_binary, [abc, foo]}, {erlang, atom_to_binary, ["abc", utf8]},
     {erlang, binary_to_atom, [<<"h", 233, "llo">>, latin1]}, {erlang, binary_to_atom, [<<"h", 233, "llo">>, utf8]},
     {erlang, binary_to_atom, [<<"héllo"/utf8>>, utf8]}, {erlang, binary_to_atom, [<<"héllo"/utf8>>]},
     {erlang, binary_to_atom, [binary:copy(<<"a">>, 256), utf8]}, {erlang, binary_to_atom, [binary:copy(<<"a">>, 255), latin1]},
     {erlang, binary_to_atom, [<<1:3>>, utf8]}, {erlang, binary_to_atom, [<<"x">>, bad]},
     {erlang, binary_to_existing_atom, [<<"no_such_atom_xyz_123">>, utf8]}, {erlang, binary_to_existing_atom, [<<"ok">>]},
     {erlang, binary_to_existing_atom, [<<"ok">>, latin1]},
     {binary, match, [<<"abcabc">>, [<<"bc">>, <<"b">>]]}, {binary, match, [<<"abcabc">>, <<"c">>, [{scope, {3, 3}}]]},
     {binary, match, [<<"abcabc">>, <<"c">>, [{scope, {6, -3}}]]}, {binary, match, [<<"abcabc">>, <<>>]},
     {binary, match, [<<"abcabc">>, []]}, {binary, match, [<<"abcabc">>, <<"x">>]}, {binary, match, [<<"abcd">>, [<<"abcd">>,<<"bc">>]]},
     {binary, match, [<<"xabcabcd">>, [<<"abcd">>,<<"bca">>]]}, {binary, match, [<<1:3>>, <<"a">>]},
     {binary, match, [<<"abc">>, <<"c">>, [{scope, {0, 4}}]]}, {binary, match, [<<"abc">>, <<"c">>, [bad]]},
     {binary, match, [<<"abc">>, <<"abcd">>]}, {binary, match, [Big, <<99>>]},
     {binary, matches, [<<"aaaa">>, <<"aa">>]}, {binary, matches, [<<"abcde">>, [<<"bcd">>, <<"c">>, <<"de">>]]},
     {binary, matches, [<<"abcde">>, [<<"c">>, <<"bcd">>]]}, {binary, matches, [<<"abcabc">>, <<"c">>, [{scope, {1, 7}}]]},
     {binary, matches, [<<"abcdabcd">>, [<<"abcd">>,<<"bc">>, <<"d">>]]}, {binary, matches, [<<"aaa">>, [<<"a">>,<<"aa">>]]},
     {binary, matches, [<<"abc">>, <<"z">>]}, {binary, matches, [<<"abcabc">>, <<"c">>, [{scope, {5, -5}}]]},
     {binary, split, [<<"a,b,,c,">>, <<",">>]}, {binary, split, [<<"a,b,,c,">>, <<",">>, [global]]},
     {binary, split, [<<"a,b,,c,,">>, <<",">>, [global, trim]]}, {binary, split, [<<",a,b,,c,,">>, <<",">>, [global, trim_all]]},
     {binary, split, [<<"a,b,,c,">>, [<<",">>, <<"b">>], [global, {scope, {1, 4}}]]},
     {binary, split, [<<>>, <<",">>]}, {binary, split, [<<>>, <<",">>, [trim_all]]}, {binary, split, [<<>>, <<",">>, [trim]]},
     {binary, split, [<<"abc">>, <<"b">>, [bad]]}, {binary, split, [<<"abcabc">>, <<"b">>, [{scope, {2, 3}}, global]]},
     {binary, split, [<<"abcd">>, [<<"abcd">>,<<"bc">>], [global]]}, {binary, split, [<<"abc">>, <<"x">>, [trim]]},
     {binary, split, [<<",,">>, <<",">>, [global, trim]]}, {binary, split, [Big, <<10>>]},
     {binary, part, [<<1,2,3>>, {3, -2}]}, {binary, part, [<<1,2,3>>, 1, 5]}, {binary, part, [<<1,2,3>>, 1, 2]},
     {binary, part, [<<1,2,3:3>>, 0, 1]}, {binary, part, [Big, 1, 98]},
     {binary, at, [<<1,2,3>>, 2]}, {binary, at, [<<1,2,3>>, 3]}, {binary, at, [<<1,2,3>>, -1]},
     {binary, first, [<<>>]}, {binary, first, [<<7,8>>]}, {binary, last, [<<1,2,3>>]}, {binary, last, [<<1,2:3>>]},
     {binary, bin_to_list, [<<1,2,3>>]}, {binary, bin_to_list, [<<1,2,3>>, {1, 2}]}, {binary, bin_to_list, [<<1,2,3>>, 3, -2]},
     {binary, bin_to_list, [<<1,2,3>>, 3, 1]},
     {binary, copy, [<<1,2>>, 3]}, {binary, copy, [<<1:3>>]}, {binary, copy, [<<1>>, -1]}, {binary, copy, [<<1,2>>]},
     {binary, copy, [<<1,2>>, 0]}, {binary, copy, [Big, 2]},
     {binary, decode_unsigned, [<<1,2>>]}, {binary, decode_unsigned, [<<1,2>>, little]}, {binary, decode_unsigned, [<<>>]},
     {binary, decode_unsigned, [<<1:3>>]}, {binary, decode_unsigned, [<<1,2,3,4,5,6,7,8,9,10,11,12>>]},
     {binary, decode_unsigned, [<<1,2,3,4,5,6,7,8,9,10,11,12>>, little]}, {binary, decode_unsigned, [<<1>>, middle]},
     {binary, encode_unsigned, [0]}, {binary, encode_unsigned, [258, little]}, {binary, encode_unsigned, [1 bsl 80]},
     {binary, encode_unsigned, [-1]}, {binary, encode_unsigned, [(1 bsl 80) + 5, little]}, {binary, encode_unsigned, [1.0]},
     {binary, longest_common_prefix, [[<<"abcd">>, <<"abxy">>, <<"ab">>]]}, {binary, longest_common_prefix, [[]]},
     {binary, longest_common_prefix, [[<<"abc">>]]}, {binary, longest_common_prefix, [[<<"abc">>, <<"xyz">>]]},
     {binary, longest_common_suffix, [[<<"xabc">>, <<"yybc">>]]}, {binary, longest_common_suffix, [[<<"abc">>, <<1:3>>]]},
     {binary, longest_common_suffix, [[<<"abc">>, <<>>]]},
     {binary, list_to_bin, [[1, <<2>>]]}, {binary, list_to_bin, [<<2>>]},
     {binary, referenced_byte_size, [<<1,2,3>>]}, {binary, referenced_byte_size, [a]}, {binary, referenced_byte_size, [Big]},
     {binary, referenced_byte_size, [binary:part(Big, 10, 70)]}, {binary, referenced_byte_size, [binary:part(Big, 10, 10)]}
    ].

main() ->
    lists:foreach(fun({M, F, A}) ->
        R = try apply(M, F, A) of V -> {ok, V} catch error:E -> {error, E} end,
        out({F, length(A), R})
    end, calls()),
    direct(),
    io:format("bin_bifs done~n").

%% Guard BIFs and calls the compiler emits directly (gc_bif, call_ext).
direct() ->
    B = list_to_binary(lists:seq(1, 100)),
    out([byte_size(B), bit_size(B), byte_size(<<1:9>>), bit_size(<<1:9>>)]),
    out([X || X <- [<<1>>, <<1:1>>, a, <<>>], is_binary(X)]),
    out([X || X <- [<<1>>, <<1:1>>, a, <<>>], is_bitstring(X)]),
    out([case X of _ when byte_size(X) > 2 -> big; _ -> small end || X <- [<<1,2,3>>, <<1>>]]),
    out(case catch byte_size(id(x)) of {'EXIT', {R, _}} -> R end),
    out(binary_to_list(binary_part(B, {98, 2}))),
    out(binary:bin_to_list(B, {0, 3})),
    out(atom_to_binary(hello, utf8)),
    out(binary_to_atom(<<"hello">>, utf8)),
    out(binary:encode_unsigned(binary:decode_unsigned(B)) =:= B),
    out(iolist_size([B, [B, [B | B]]])),
    out(erlang:iolist_to_iovec([B, "abc", [B]])).
