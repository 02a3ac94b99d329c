-module(atom_conv).
-export([main/0]).

main() ->
    io:format("~p~n", [[atom_to_list(A) || A <- [abc, 'A b', '', 'é']]]),
    io:format("~p~n", [[list_to_atom(L) || L <- ["abc", "A b", "", [233], "x" ++ integer_to_list(42)]]]),
    io:format("~p~n", [list_to_atom("dynamic_" ++ "atom") =:= dynamic_atom]),
    io:format("~p~n", [[atom_to_binary(A, utf8) || A <- [abc, 'é', 'αβ']]]),
    io:format("~p~n", [[binary_to_atom(B, utf8) || B <- [<<"abc">>, <<"é"/utf8>>]]]),
    io:format("~p~n", [binary_to_atom(<<233>>, latin1)]),
    io:format("~p~n", [try binary_to_atom(id(<<255, 255>>), utf8) catch error:E -> E end]),
    io:format("~p~n", [list_to_existing_atom("abc")]),
    io:format("~p~n", [try list_to_existing_atom("zz_surely_no_such_atom_123") catch error:E2 -> E2 end]),
    io:format("~p~n", [length(atom_to_list('αβγ'))]),
    io:format("~p~n", [atom_to_list('αβγ')]),
    io:format("~p~n", [byte_size(atom_to_binary('αβγ'))]),
    io:format("~p~n", [[erlang:atom_to_list(A) || A <- [true, false, nil, undefined]]]),
    io:format("~p~n", [lists:sort([b, 'B', a, 'A', '_', aa, 'a a', 'é', z])]),
    io:format("~p~n", [[is_atom(X) || X <- [a, true, [], "a", 'A', 1]]]),
    io:format("~p~n", [[is_boolean(X) || X <- [true, false, 'true', a]]]),
    io:format("~p~n", [erlang:list_to_atom(lists:duplicate(255, $z)) =:= list_to_atom(lists:duplicate(255, $z))]),
    Gen = [list_to_atom("gen_" ++ integer_to_list(N)) || N <- lists:seq(1, 5000)],
    io:format("~p~n", [{length(Gen), lists:last(Gen), length(lists:usort(Gen))}]),
    io:format("atom_conv done~n").

id(X) -> X.
