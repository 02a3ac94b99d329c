-module(float_shortest).
-export([main/0]).

%% ~p / ~w print floats with the shortest digits that read back exactly.
main() ->
    Vals = [0.1, 0.2, 0.3, 1/3, 2/3, 1.0e23, 9.007199254740993e15, 123456789012345680.0,
            1.0e-7, 1.0e-6, 0.001, 0.0001, 1.0e15, 1.0e16, 1.0e17, 1.0e21, 1.0e22,
            4.35, 0.000123, 100.0, 1000000.0, 12345.6789e10, 5.0e-324, 1.0e-323,
            2.2250738585072009e-308, 1.7976931348623157e308, 3.0e10, 1.5e300, -2.5e-300,
            299792458.0, 6.02214076e23, 6.62607015e-34, 1.602176634e-19, 0.5, 0.25, 0.125,
            1.0 / 1024, 1.0 / 3.0e10, 9.999999999999999e22],
    lists:foreach(fun(V) -> io:format("~p ~w~n", [V, V]) end, Vals),
    io:format("~p~n", [[X / 10 || X <- lists:seq(1, 20)]]),
    io:format("~p~n", [[math:pow(2, N) || N <- [-3, 10, 52, 53, 60, 70]]]),
    io:format("~p~n", [[float(N) || N <- [999999999999999, 9999999999999999, 99999999999999999]]]),
    io:format("~s~n", [io_lib:write(1.0e-5)]),
    io:format("~s~n", [float_to_list(1.0e-5, [short])]),
    io:format("float_shortest done~n").
