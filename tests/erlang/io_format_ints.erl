-module(io_format_ints).
-export([main/0]).

main() ->
    Ns = [0, 1, -1, 42, 255, -255, 65535, 1 bsl 40, -(1 bsl 70)],
    lists:foreach(fun(N) ->
                          io:format("~b ~B ~.2B ~.8B ~.16B ~.16b ~.36B ~x ~X ~.16x ~.16X ~#~n",
                                    [N, N, N, N, N, N, N, N, "p_", N, "0x", N, "0x", N, "0x", N])
                  end, Ns),
    io:format("[~5B] [~-5B] [~05B] [~.10B] [~10.16B] [~-10.16B]~n", [42, 42, 42, 42, 255, 255]),
    io:format("[~3B] [~1B]~n", [12345, 12345]),
    io:format("[~10.2B]~n", [5]),
    io:format("[~.16#] [~.2#] [~10.16#]~n", [255, 5, 255]),
    io:format("[~w] [~10w] [~-10w] [~3w]~n", [123, 123, 123, 123456]),
    io:format("[~p] [~10p]~n", [-5, -5]),
    io:format("[~c] [~5c] [~-5c] [~.3c]~n", [$x, $y, $z, $w]),
    io:format("[~10.3.0B]~n", [7]),
    io:format("[~*B] [~*.*B]~n", [6, 99, 8, 2, 10]),
    io:format("[~.*B]~n", [16, 4095]),
    io:format("[~*c]~n", [4, $q]),
    io:format("~s~n", [integer_to_list(-255, 16)]),
    io:format("io_format_ints done~n").
