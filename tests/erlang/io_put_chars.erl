-module(io_put_chars).
-export([main/0]).

main() ->
    io:put_chars("plain string\n"),
    io:put_chars(<<"binary string\n">>),
    io:put_chars(["io", $l, "ist ", [<<"with ">>, ["nested", [[[" parts"]]]]], $\n]),
    io:put_chars([]),
    io:put_chars(<<>>),
    io:put_chars([[], <<>>, [[]], "x\n"]),
    io:put_chars(standard_io, "explicit device\n"),
    io:put_chars(lists:duplicate(3, "repeat ")),
    io:nl(),
    io:put_chars([<<"bin">> | "tail\n"]),
    io:put_chars(io_lib:format("formatted ~p~n", [{a, 1}])),
    io:put_chars(unicode:characters_to_binary("latin é\n")),
    io:put_chars(["byte values: ", 200, 255, $\n]),
    io:put_chars(lists:seq($a, $z) ++ "\n"),
    io:put_chars(integer_to_list(12345) ++ "\n"),
    io:write({written, [1, 2]}),
    io:nl(),
    io:write("string via write"),
    io:nl(),
    io:fwrite("fwrite ~w~n", [ok]),
    io:fwrite("fwrite no args~n"),
    io:format(standard_io, "to standard_io ~p~n", [1]),
    io:format(user, "", []),
    Big = lists:duplicate(1000, $x),
    io:put_chars([Big, $\n]),
    io:put_chars(<< <<C>> || C <- lists:seq($0, $9) >>),
    io:nl(),
    io:put_chars("tabs\tand\\backslash\n"),
    io:format("~p~n", [try io:put_chars(id([a, b])) catch error:E -> E end]),
    io:format("~p~n", [try io:put_chars(id(1234)) catch error:E2 -> E2 end]),
    io:format("io_put_chars done~n").

id(X) -> X.
