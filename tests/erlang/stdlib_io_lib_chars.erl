-module(stdlib_io_lib_chars).
-export([main/0]).

main() ->
    Terms = [atom, 'Atom', "string", [1, 2, 3], {tuple, 1}, <<"bin">>, 3.14, -7, #{a => b}, [], {}, "",
             [$a | b], 'it\'s', "tab\there", [0, 1, 2]],
    lists:foreach(fun(T) ->
                          W = lists:flatten(io_lib:write(T)),
                          P = lists:flatten(io_lib:format("~p", [T])),
                          io:format("~s | ~s | ~p~n", [W, P, length(W)])
                  end, Terms),
    io:format("~p~n", [lists:flatten(io_lib:format("~s~s", ["a", <<"b">>]))]),
    io:format("~p~n", [lists:flatten(io_lib:format("~w|~10w|", [x, y]))]),
    io:format("~p~n", [io_lib:format("~p", ["x"])]),
    io:format("~p~n", [io_lib:latin1_char_list("héllo")]),
    io:format("~p~n", [io_lib:write_latin1_string("héllo")]),
    io:format("~p~n", [lists:flatten(io_lib:write_string([945], $'))]),
    io:format("~p~n", [lists:flatten(io_lib:format("~ts", [[945]]))]),
    io:format("~p~n", [lists:flatten(io_lib:format("~tp", [[945, 946]]))]),
    io:format("stdlib_io_lib_chars done~n").
