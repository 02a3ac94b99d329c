%% Word-size-dependent facts about terms, printed by the real BEAM so rbeam's term model can
%% be checked against them: one line per term, "HEX SIZE", where HEX is term_to_binary(Term)
%% in hexadecimal and SIZE is erts_debug:flat_size(Term), the heap words the term takes.
%% Run on the host's 64-bit erl and on 32-bit ARM OTP (scripts/erl-armhf) by generate.sh.
%%
%% Only terms whose heap layout OTP 25 (the oracle) shares with OTP 27 (the layout rbeam
%% follows) are listed: numbers, atoms, tuples, lists and maps of up to 32 keys. Binaries and
%% funs changed layout in OTP 27.
-module(word_size).
-export([main/0]).

main() ->
    [io:format("~s ~w~n", [hex(term_to_binary(T, [{minor_version, 1}])), erts_debug:flat_size(T)])
     || T <- terms()],
    ok.

hex(Bin) -> [io_lib:format("~2.16.0b", [B]) || <<B>> <= Bin].

terms() ->
    Ints = [0, 1, -1, (1 bsl 27) - 1, 1 bsl 27, -(1 bsl 27), -(1 bsl 27) - 1,
            (1 bsl 31) - 1, 1 bsl 31, 1 bsl 32, (1 bsl 59) - 1, 1 bsl 59, -(1 bsl 59), -(1 bsl 59) - 1,
            1 bsl 63, 1 bsl 64, -(1 bsl 64), 1 bsl 100, -(1 bsl 127), 1 bsl 200, 1 bsl 1000],
    Floats = [0.0, 1.5, -2.25e300, 5.0e-324],
    Compound = [{}, {a}, {1, 2.0, three}, [], [1], [1, 2 | 3], "hello", [1.0, 2.0],
                {[{a, 1}], [[]], {{}}}, #{}, #{a => 1}, #{1 => 2.5, b => [c], {k} => 1 bsl 70},
                maps:from_list([{K, K * 1.5} || K <- lists:seq(1, 32)]),
                [{I, -I, float(I)} || I <- lists:seq(1, 20)]],
    Ints ++ Floats ++ [atom, 'with space'] ++ Compound.
