-module(float_format).
-export([main/0]).

main() ->
    Vals = [0.0, 1.0, -1.5, 3.14159265358979, 1.0e10, 1.0e-10, 123456.789, 0.1, 2.5, 1.0e100, 0.005, 99.995],
    lists:foreach(fun(V) ->
                          io:format("~f|~e|~g|~.2f|~.3e|~.4g|~p|~w~n", [V, V, V, V, V, V, V, V])
                  end, Vals),
    io:format("[~10.3f] [~-10.3f] [~10.3e] [~-10.3e] [~.1f] [~.1f]~n", [3.14159, 3.14159, 3.14159, 3.14159, 2.5, 0.05]),
    io:format("[~12.4g] [~.10g] [~.2e]~n", [1234.5678, 1.0 / 3, 123.0]),
    io:format("~p~n", [[bad(F) || F <- ["~.0f", "~.1e", "~.0e", "~.0g"]]]),
    io:format("~s~n", [io_lib:format("~.2f", [1.0 / 3])]),
    io:format("~s~n", [io_lib:format("~8.2f", [-1.0 / 3])]),
    io:format("~s~n", [io_lib:format("~*.*f", [10, 4, 2.0 / 3])]),
    io:format("~s~n", [io_lib:format("~.*f", [1, 9.96])]),
    io:format("~s~n", [io_lib:format("~f", [1.0e20])]),
    io:format("~s~n", [io_lib:format("~e", [0.0])]),
    io:format("~s~n", [io_lib:format("~g", [1.0e-5])]),
    io:format("~s~n", [io_lib:format("~g", [123456789.0])]),
    io:format("~s~n", [io_lib:format("~p", [[1.0, 2.5e-7, 1.0e21, 12345678901234567890.0]])]),
    io:format("float_format done~n").

bad(F) ->
    try lists:flatten(io_lib:format(F, [3.14159])) catch error:E -> {F, E} end.
