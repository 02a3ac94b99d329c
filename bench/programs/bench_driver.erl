-module(bench_driver).
-export([main/1]).

%% Runs one benchmark program once and prints one line the runner (bench/run) parses:
%%
%%   bench NAME N US RESULT
%%
%% US is the in-program time of `b_NAME:run(N)` in microseconds (erlang:monotonic_time), and
%% RESULT the returned term in ~w notation, which every engine must print the same. Called as
%% `-run bench_driver main NAME N` by erl and rbeam alike; N is an integer, or `default` (about
%% a second on OTP under qemu-arm) or `quick` (a smoke-test size), which the program defines.
main([Name, NText]) ->
    Module = list_to_atom("b_" ++ Name),
    N = case NText of
            "default" -> Module:default_n();
            "quick" -> Module:quick_n();
            _ -> list_to_integer(NText)
        end,
    T0 = erlang:monotonic_time(microsecond),
    Result = Module:run(N),
    T1 = erlang:monotonic_time(microsecond),
    io:format("bench ~s ~w ~w ~w~n", [Name, N, T1 - T0, Result]).
