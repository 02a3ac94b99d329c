-module(io_format_floats).
-export([main/0]).

main() ->
    Vals = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 0.05, 0.15, 0.25, 0.35, 1.0e-5, 123.456, 1.0e15, 1.0e16,
            9.999, 99.99, 0.001234, 6.02e23, 1.0e-300],
    lists:foreach(fun(V) ->
                          io:format("~w: ~f ~.1f ~.3f ~e ~.3e ~g ~.3g ~.10g~n", [V, V, V, V, V, V, V, V, V])
                  end, Vals),
    io:format("~p~n", [[try io_lib:format(F, [1]) catch error:E -> E end || F <- ["~e", "~f", "~g"]]]),
    io:format("io_format_floats done~n").
