-module(bif_conversions).
-export([main/0]).

main() ->
    io:format("~p~n", [[atom_to_list(A) || A <- [ok, 'hello world', 'Cap', '', 'a@b']]]),
    io:format("~p~n", [[list_to_atom(S) || S <- ["ok", "with space", "Cap", "", "123"]]]),
    io:format("~p~n", [[atom_to_binary(A) || A <- [ok, 'x y']]]),
    io:format("~p~n", [[atom_to_binary(A, latin1) || A <- [ok, 'é']]]),
    io:format("~p~n", [[binary_to_atom(B) || B <- [<<"ok">>, <<"x y">>]]]),
    io:format("~p~n", [binary_to_existing_atom(<<"ok">>, utf8)]),
    io:format("~p~n", [[integer_to_list(I) || I <- [0, -5, 1 bsl 64]]]),
    io:format("~p~n", [[integer_to_binary(I) || I <- [0, -5, 1 bsl 64]]]),
    io:format("~p~n", [[list_to_integer(S) || S <- ["0", "-5", "18446744073709551616"]]]),
    io:format("~p~n", [[binary_to_integer(B) || B <- [<<"0">>, <<"-5">>, <<"18446744073709551616">>]]]),
    io:format("~p~n", [tuple_to_list({a, {b}, [c]})]),
    io:format("~p~n", [list_to_tuple([a, {b}, [c]])]),
    io:format("~p~n", [{list_to_tuple([]), tuple_to_list({})}]),
    io:format("~p~n", [list_to_binary([1, 2, [3, <<4, 5>>], <<>>, "ab"])]),
    io:format("~p~n", [binary_to_list(<<"hello">>)]),
    io:format("~p~n", [binary_to_list(<<"hello">>, 2, 4)]),
    io:format("~p~n", [iolist_to_binary(["a", [$b, [<<"c">>]], $d])]),
    io:format("~p~n", [iolist_size(["a", [$b, [<<"cde">>]], $d])]),
    io:format("~p~n", [[float_to_list(F) || F <- [1.5]]]),
    io:format("~p~n", [list_to_float("2.5e3")]),
    io:format("~p~n", [[integer_to_list(I, 16) || I <- [255, -255]]]),
    io:format("~p~n", [term_to_binary({a, 1})]),
    io:format("~p~n", [binary_to_term(term_to_binary({a, [1, 2.5, "s", <<"b">>, #{k => v}]}))]),
    io:format("~p~n", [list_to_existing_atom("ok")]),
    io:format("~p~n", [[catch_bad(F, A) || {F, A} <- [{list_to_atom, [[a]]}, {list_to_tuple, [a]}, {list_to_binary, [[256]]},
                                                   {list_to_binary, [[-1]]}, {atom_to_list, ["s"]}, {binary_to_list, [a]},
                                                   {list_to_integer, ["12a"]}, {tuple_to_list, [[]]},
                                                   {binary_to_existing_atom, [<<"surely_not_an_atom_zq">>, utf8]},
                                                   {integer_to_list, [1.0]}, {list_to_float, ["1"]}]]]),
    io:format("bif_conversions done~n").

catch_bad(F, A) ->
    try apply(erlang, F, A) catch error:E -> {F, E} end.
