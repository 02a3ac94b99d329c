-module(io_pretty_print).
-export([main/0]).

%% ~p breaks lines at 80 columns and indents nested terms.
main() ->
    io:format("~p~n", [lists:seq(1, 100)]),
    io:format("~p~n", [[{N, atom_to_list(list_to_atom("item_" ++ integer_to_list(N)))} || N <- lists:seq(1, 12)]]),
    io:format("~p~n", [{config, [{host, "localhost"}, {port, 8080}, {options, [verbose, {timeout, 5000}, {retries, 3}]},
                                 {nested, {deeply, {nested, {tuple, with, many, elements, inside, it}}}}]}]),
    io:format("~p~n", [#{name => "a fairly long string value", list => lists:seq(1, 30), tuple => {a, b, c},
                         nested => #{inner => [x, y, z], more => "text"}}]),
    io:format("~p~n", [[lists:duplicate(N, N) || N <- lists:seq(1, 9)]]),
    io:format("~p~n", [{a, [{b, [{c, [{d, [{e, [{f, [{g, lists:seq(1, 20)}]}]}]}]}]}]}]),
    io:format("~p~n", [[<<"binary number ", (integer_to_binary(N))/binary>> || N <- lists:seq(1, 8)]]),
    io:format("~p~n", [["string number " ++ integer_to_list(N) || N <- lists:seq(1, 8)]]),
    io:format("prefix text: ~p~n", [lists:seq(1, 40)]),
    io:format("~p~n", [{record_like, field_one_value, field_two_value, field_three_value, field_four_value}]),
    io:format("~p~n", [[a_very_long_atom_name_number_one, a_very_long_atom_name_number_two, a_very_long_atom_name_number_three]]),
    io:format("~p~n", [{lists:seq(1, 25), {lists:seq(1, 25)}}]),
    io:format("~p~n", [[[[[[[[[[deep]]]]]]]]]]),
    io:format("~p~n", [{1.5, -2.25e-10, 1 bsl 100, "mixed", 'Atom', [], <<1, 2>>, #{}}]),
    io:format("~P~n", [lists:seq(1, 100), 10]),
    io:format("~P~n", [{a, {b, {c, {d, {e, {f}}}}}}, 4]),
    io:format("~W~n", [[1, [2, [3, [4, [5]]]]], 3]),
    io:format("~p~n", [lists:duplicate(5, "abcdefghijklmnopqrstuvwxyz")]),
    io:format("~80p~n", [lists:seq(1, 30)]),
    io:format("~40p~n", [lists:seq(1, 30)]),
    io:format("~p~n", [{'quoted atom key', [{'another one', "value"}], 'last'}]),
    io:format("io_pretty_print done~n").
