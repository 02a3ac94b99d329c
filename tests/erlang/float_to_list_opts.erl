-module(float_to_list_opts).
-export([main/0]).

main() ->
    Vals = [0.0, 1.0, -1.5, 3.14159265358979, 1.0e10, 1.0e-10, 123456.789, 0.1, 1.0e100, 2.5e-5, 5.0e-324],
    lists:foreach(fun(V) ->
                          io:format("~s | ~s | ~s | ~s | ~s~n",
                                    [float_to_list(V), float_to_list(V, [short]),
                                     float_to_list(V, [{decimals, 3}]), float_to_list(V, [{scientific, 4}]),
                                     float_to_list(V, [{decimals, 4}, compact])])
                  end, Vals),
    io:format("~s~n", [float_to_list(2.5, [{decimals, 0}])]),
    io:format("~s~n", [float_to_list(3.5, [{decimals, 0}])]),
    io:format("~s~n", [float_to_list(0.125, [{decimals, 2}])]),
    io:format("~s~n", [float_to_list(1.005, [{decimals, 2}])]),
    io:format("~s~n", [float_to_list(1.0e20, [{decimals, 2}])]),
    io:format("~s~n", [float_to_list(123.0, [{decimals, 10}, compact])]),
    io:format("~s~n", [float_to_list(123.0, [{scientific, 0}])]),
    io:format("~s~n", [float_to_list(-0.0, [short])]),
    io:format("~p~n", [float_to_binary(1.5)]),
    io:format("~p~n", [float_to_binary(1.5, [short])]),
    io:format("~p~n", [float_to_binary(1.5, [{decimals, 2}])]),
    io:format("~p~n", [[list_to_float(float_to_list(V, [short])) =:= V || V <- Vals]]),
    io:format("~p~n", [[list_to_float(float_to_list(V)) =:= V || V <- Vals]]),
    io:format("~p~n", [try float_to_list(1.0, [{decimals, 300}]) catch error:E -> E end]),
    io:format("~p~n", [try float_to_list(id(1)) catch error:E2 -> E2 end]),
    io:format("float_to_list_opts done~n").

id(X) -> X.
