-module(str_old_api).
-export([main/0]).

main() ->
    S = "The quick brown fox jumps over the lazy dog",
    io:format("~p~n", [string:len(S)]),
    io:format("~p~n", [string:substr(S, 5, 5)]),
    io:format("~p~n", [string:substr(S, 41)]),
    io:format("~p~n", [string:sub_string(S, 11, 15)]),
    io:format("~p~n", [string:words(S)]),
    io:format("~p~n", [string:words("a,b,,c", $,)]),
    io:format("~p~n", [string:sub_word(S, 4)]),
    io:format("~p~n", [string:sub_word("a,b,c", 2, $,)]),
    io:format("~p~n", [string:concat("abc", "def")]),
    io:format("~p~n", [string:chr(S, $q)]),
    io:format("~p~n", [string:span("   x", " ")]),
    io:format("~p~n", [string:substr("hello", 2, 3)]),
    io:format("~p~n", [string:strip("..x..", left, $.)]),
    io:format("~p~n", [string:strip("..x..", right, $.)]),
    io:format("~p~n", [string:to_lower("MiXeD")]),
    io:format("~p~n", [string:centre("x", 4, $*)]),
    io:format("~p~n", [string:left("toolong", 3)]),
    io:format("~p~n", [string:right("toolong", 3)]),
    io:format("~p~n", [string:tokens("", ",")]),
    io:format("~p~n", [string:join(["x"], "")]),
    io:format("~p~n", [[string:to_integer(X) || X <- ["12", "+3", "-0", "9z", "", "0x1F"]]]),
    io:format("~p~n", [[string:to_float(X) || X <- ["1.0", "-2.5e3", "1", "3.", ".5"]]]),
    io:format("str_old_api done~n").
