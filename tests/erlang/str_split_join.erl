-module(str_split_join).
-export([main/0]).

main() ->
    io:format("~p~n", [string:split("a,b,,c", ",")]),
    io:format("~p~n", [string:split("a,b,,c", ",", all)]),
    io:format("~p~n", [string:split("a,b,,c", ",", trailing)]),
    io:format("~p~n", [string:split("a--b--c", "--", all)]),
    io:format("~p~n", [string:split("no separator", ",")]),
    io:format("~p~n", [string:split("", ",")]),
    io:format("~p~n", [string:split(<<"x=1;y=2">>, ";", all)]),
    io:format("~p~n", [string:join(["a", "b", "c"], ", ")]),
    io:format("~p~n", [string:join([], ", ")]),
    io:format("~p~n", [string:join(["only"], "-")]),
    io:format("~p~n", [lists:join($,, ["a", "b"])]),
    io:format("~p~n", [string:tokens("  the quick  brown fox ", " ")]),
    io:format("~p~n", [string:tokens("a,b;c d", ",; ")]),
    io:format("~p~n", [string:lexemes("  the quick  brown fox ", " ")]),
    io:format("~p~n", [string:lexemes("a,b;;c", ",;")]),
    io:format("~p~n", [string:lexemes(<<"a b  c">>, " ")]),
    io:format("~p~n", [string:lexemes("line1\r\nline2\nline3", [[$\r, $\n], $\n])]),
    io:format("~p~n", [string:nth_lexeme("a,b,c", 2, ",")]),
    io:format("~p~n", [[string:nth_lexeme("a b c", N, " ") || N <- [1, 3]]]),
    io:format("~p~n", [string:join(string:tokens("/usr/local/bin", "/"), "|")]),
    io:format("str_split_join done~n").
