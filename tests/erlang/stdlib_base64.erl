-module(stdlib_base64).
-export([main/0]).

main() ->
    Inputs = [<<>>, <<"f">>, <<"fo">>, <<"foo">>, <<"foob">>, <<"fooba">>, <<"foobar">>, <<0, 255, 128, 1>>,
              <<"Many hands make light work.">>],
    lists:foreach(fun(I) -> E = base64:encode(I), io:format("~p ~p ~p~n", [I, E, base64:decode(E) =:= I]) end, Inputs),
    io:format("~p~n", [base64:encode_to_string("hello")]),
    io:format("~p~n", [base64:decode_to_string("aGVsbG8=")]),
    io:format("~p~n", [base64:mime_decode(<<"aGVs\r\nbG8=">>)]),
    io:format("~p~n", [base64:decode("aGVsbG8gd29ybGQ=")]),
    io:format("~p~n", [try base64:decode(<<"!!!!">>) catch error:E -> E end]),
    Big = list_to_binary(lists:seq(0, 255)),
    io:format("~p~n", [base64:encode(Big)]),
    io:format("~p~n", [base64:decode(base64:encode(binary:copy(Big, 100))) =:= binary:copy(Big, 100)]),
    io:format("stdlib_base64 done~n").
