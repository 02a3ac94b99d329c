%% Expected results of Erlang arithmetic and number conversions, printed by the real BEAM for
%% runtime/tests/arith_oracle.rs. One case per line, tab-separated: the function (module:name
%% for non-erlang BIFs), its arguments, then the result; erlang:apply/3 calls each BIF at run
%% time (nothing is constant-folded by the compiler).
%%
%% Term syntax (the Rust side parses and prints the same): integers in decimal; floats as `f`
%% and the 16 hex digits of their IEEE bits; atoms in single quotes; `"..."` for a list of
%% printable ASCII characters, `[A,B|T]` for other lists; `<<hex>>` for binaries and
%% `<<hex:Bits>>` for other bitstrings; `{A,B}` for tuples; `!Reason` for error:Reason.
%%
%% Run on the host's 64-bit erl and on 32-bit ARM OTP by generate.sh, which merges the two
%% outputs: lines that differ are kept once per word size, prefixed `@64 ` and `@32 `.
-module(arith_oracle).
-export([main/0]).

main() ->
    Cases = binary_ops() ++ shifts() ++ unary() ++ float_conversions() ++ min_max() ++
        integer_text() ++ text_to_integer() ++ float_text() ++ text_to_float() ++ math(),
    [io:put_chars([line(Case), $\n]) || Case <- Cases],
    [io:put_chars([large(Case), $\n]) || Case <- large_cases()],
    ok.

line({M, F, Args}) ->
    Result = try {ok, apply(M, F, Args)} catch error:R -> {error, R} end,
    Name = case M of erlang -> atom_to_list(F); _ -> atom_to_list(M) ++ ":" ++ atom_to_list(F) end,
    lists:join($\t, [Name] ++ [enc(A) || A <- Args] ++ [res(Result)]).

res({ok, V}) -> enc(V);
res({error, R}) when is_atom(R) -> [$! | atom_to_list(R)];
res({error, R}) -> [$! | enc(R)].

enc(I) when is_integer(I) -> integer_to_list(I);
enc(F) when is_float(F) -> <<B:64>> = <<F/float>>, io_lib:format("f~16.16.0b", [B]);
enc(A) when is_atom(A) -> [$', atom_to_list(A), $'];
enc([]) -> "[]";
enc(L) when is_list(L) ->
    case printable(L) of
        true -> [$", L, $"];
        false -> enc_list(L, "[")
    end;
enc(B) when is_binary(B) -> ["<<", hex(B), ">>"];
enc(B) when is_bitstring(B) ->
    Bits = bit_size(B),
    Pad = (8 - Bits rem 8) rem 8,
    ["<<", hex(<<B/bitstring, 0:Pad>>), ":", integer_to_list(Bits), ">>"];
enc(T) when is_tuple(T) -> ["{", lists:join(",", [enc(E) || E <- tuple_to_list(T)]), "}"].

enc_list([H | T], Acc) when is_list(T) -> enc_list(T, [Acc, enc(H), ","]);
enc_list([H | T], Acc) -> [Acc, enc(H), "|", enc(T), "]"];
enc_list([], Acc) -> [lists:droplast(lists:flatten(Acc)), "]"].

printable(L) ->
    try lists:all(fun(C) -> is_integer(C) andalso C >= 32 andalso C =< 126 andalso C =/= $"
                               andalso C =/= $\\ end, L)
    catch _:_ -> false
    end.

hex(B) -> [io_lib:format("~2.16.0b", [X]) || <<X>> <= B].

%% Operations on integers of thousands of digits (Karatsuba multiplication, long division,
%% radix conversion). Arguments are written `x:B^E+C` (the integer sign·B^E + C) or
%% `s:B^E+C:Base` (that integer's integer_to_list/2 text), and results as a digest: for an
%% integer {Sign, HexDigits, X rem 1000000007, X rem 998244353, X band (2^48-1)}, for a
%% string {Length, crc32}.
large({F, Args}) ->
    Values = [spec_value(A) || A <- Args],
    Result = try {ok, apply(erlang, F, Values)} catch error:R -> {error, R} end,
    lists:join($\t, ["digest:" ++ atom_to_list(F)] ++ [spec_text(A) || A <- Args] ++ [digest(Result)]).

spec_value({x, B, E, C}) -> pow(B, E) + C;
spec_value({x, Sign, B, E, C}) -> Sign * pow(B, E) + C;
spec_value({s, B, E, C, Base}) -> integer_to_list(pow(B, E) + C, Base);
spec_value(V) -> V.

spec_text({x, B, E, C}) -> io_lib:format("x:~w^~w+~w", [B, E, C]);
spec_text({x, -1, B, E, C}) -> io_lib:format("x:-~w^~w+~w", [B, E, C]);
spec_text({s, B, E, C, Base}) -> io_lib:format("s:~w^~w+~w:~w", [B, E, C, Base]);
spec_text(V) -> enc(V).

digest({error, R}) -> [$! | atom_to_list(R)];
digest({ok, X}) when is_integer(X) ->
    enc({if X < 0 -> -1; true -> 1 end, length(integer_to_list(abs(X), 16)), X rem 1000000007,
         X rem 998244353, X band (p(48) - 1)});
digest({ok, L}) when is_list(L) -> enc({length(L), erlang:crc32(L)});
digest({ok, F}) -> enc(F).

large_cases() ->
    A = {x, 3, 20000, 0},
    B = {x, 7, 15000, 1},
    C = {x, 2, 100000, -1},
    D = {x, -1, 5, 30000, 3},
    E = {x, 10, 50000, 1},
    [{'*', [A, B]}, {'*', [C, {x, 2, 99999, 1}]}, {'*', [A, A]}, {'*', [D, {x, 11, 100, 0}]},
     {'*', [E, {x, 10, 200, -3}]}, {'*', [D, B]}, {'*', [{x, 3, 700, 1}, {x, 3, 650, 7}]},
     {'*', [{x, 7, 1000, 0}, {x, 5, 1200, -1}]}, {'*', [{x, 2, 4000, -1}, {x, 2, 2100, -1}]},
     {'div', [{x, 3, 30000, 0}, {x, 7, 8000, 1}]}, {'rem', [{x, 3, 30000, 0}, {x, 7, 8000, 1}]},
     {'div', [{x, 2, 60000, -1}, {x, 3, 10000, 1}]}, {'rem', [{x, 2, 60000, -1}, {x, 3, 10000, 1}]},
     {'div', [{x, -1, 10, 20000, 0}, {x, 10, 10000, 7}]}, {'rem', [{x, -1, 10, 20000, 0}, {x, 10, 10000, 7}]},
     {'div', [A, {x, 2, 64, -1}]}, {'rem', [A, {x, 2, 64, -1}]}, {'div', [A, {x, 2, 32, 1}]},
     {'rem', [A, {x, 2, 32, 1}]}, {'div', [A, A]}, {'rem', [A, {x, 3, 19999, 0}]},
     {'div', [{x, 2, 3000, 0}, {x, 2, 1500, -1}]}, {'rem', [{x, 2, 3000, 0}, {x, 2, 1500, -1}]},
     {'+', [A, B]}, {'-', [A, A]}, {'-', [D, A]}, {'bsl', [A, 12345]}, {'bsr', [A, 12345]},
     {'bsr', [D, 777]}, {'bsl', [D, 64]}, {'band', [{x, -1, 3, 20000, 0}, {x, 7, 10000, 0}]},
     {'bor', [{x, -1, 3, 20000, 0}, {x, -1, 5, 15000, 0}]}, {'bxor', [{x, -1, 3, 20000, 0}, B]},
     {'bnot', [A]}, {'float', [{x, 3, 600, 0}]}, {'float', [{x, 3, 700, 0}]},
     {integer_to_list, [A]}, {integer_to_list, [D, 2]}, {integer_to_list, [A, 16]}, {integer_to_list, [B, 36]},
     {integer_to_list, [{x, 10, 5000, -1}, 10]},
     {list_to_integer, [{s, 3, 20000, 0, 10}]}, {list_to_integer, [{s, 7, 15000, 1, 36}, 36]},
     {list_to_integer, [{s, 2, 100000, -1, 16}, 16]}, {list_to_integer, [{s, 10, 9000, 0, 10}]}].

%% ---------------------------------------------------------------------------------------------
%% Values

p(N) -> 1 bsl N.

%% Integers around the small limits of both word sizes and the digit boundaries.
ints() ->
    [0, 1, -1, 3, -7] ++
        lists:append([[p(E) - 1, p(E), -p(E), -p(E) - 1] || E <- [27, 28, 32, 59, 60, 64]]) ++
        [pow(3, 100), -(p(200) - 1)].

pow(_, 0) -> 1;
pow(B, N) -> B * pow(B, N - 1).

floats() ->
    [0.0, -0.0, 1.5, 1.0e308, 5.0e-324, 9007199254740993.0].

others() -> [a].

%% ---------------------------------------------------------------------------------------------
%% Arithmetic

binary_ops() ->
    Numbers = ints() ++ floats() ++ others(),
    Ints = ints() ++ [1.0, a],
    [{erlang, Op, [A, B]} || Op <- ['+', '-', '*', '/'], A <- Numbers, B <- Numbers] ++
        [{erlang, Op, [A, B]} || Op <- ['div', 'rem', 'band', 'bor', 'bxor'], A <- Ints, B <- Ints] ++
        %% A bignum divided by a small, and by bignums of about its size (Knuth's algorithm).
        [{erlang, Op, [A, B]} || Op <- ['div', 'rem'], A <- big_dividends(), B <- big_divisors()] ++
        [{erlang, '*', [A, B]} || A <- big_dividends(), B <- big_dividends()] ++
        %% Mixed big/float arithmetic that needs big_to_double's exact rounding.
        [{erlang, Op, [A, B]} || Op <- ['+', '*', '/'], A <- rounding_bigs(), B <- [1.0, 0.5, 3.0]] ++
        [{erlang, '/', [A, B]} || A <- [1, -1, 0, 1.0, 0.0], B <- [0, 0.0, -0.0]] ++
        [{erlang, '*', [1.0e308, 10]}, {erlang, '+', [1.7976931348623157e308, 1.0e292]},
         {erlang, '-', [-1.7976931348623157e308, 1.0e292]}, {erlang, '*', [1.0e-300, 1.0e-300]},
         {erlang, '/', [p(1023) * 2, 1.0]}, {erlang, '/', [-p(1024), 1.0]}].

big_dividends() ->
    [p(200) + 12345, -(p(300) - 1), pow(3, 400), p(1000) - 1, pow(10, 150) + 7].

big_divisors() ->
    [3, -65537, p(31) + 1, p(64) - 1, pow(3, 100), -(p(190) + 1), p(200), pow(7, 120), p(999) + 1,
     pow(10, 75) - 1].

%% Integers whose conversion to double rounds differently digit by digit than exactly.
rounding_bigs() ->
    [p(100) + p(47) + 1, p(116) + p(63) + 1, -(p(116) + p(63) + 1), p(116) + p(63), p(84) + p(31) + 1,
     p(180) + p(127) + 1, p(200) + p(147) + p(64) + 1, p(64) - 1, p(64) + 1, p(100) + p(46) + 1, p(100) + p(47) - 1, -(p(70) + p(17) + 1),
     p(53) + 1, p(1000) + p(947) + 1, pow(3, 200), p(1023) * 2 - p(970)].

shifts() ->
    Values = [0, 1, -1, 5, -5, p(27) - 1, -p(27), p(59) - 1, -p(59), p(64) + 3, -(p(100) + 1), pow(3, 90),
              -pow(3, 90), 1.0, a],
    Amounts = [0, 1, -1, 2, -2, 3, 4, 26, 27, 28, -27, -28, 31, 32, 33, -31, -32, -33, 58, 59, 60, 61,
               -59, -60, 63, 64, 65, -64, -65, 100, -100, 129, -129, 1000, -1000, p(27) - 1, -p(27),
               p(40), -p(40), p(59) - 1, -p(59), p(64), -p(64), 1.0, a],
    [{erlang, Op, [A, B]} || Op <- ['bsl', 'bsr'], A <- Values, B <- Amounts].

unary() ->
    Values = ints() ++ floats() ++ others() ++
        [0.49999999999999994, 0.5, -0.5, 1.5, 2.5, -2.5, 4503599627370497.0, 1.0e20, -1.0e20, 1.0e300,
         -576460752303423488.0, 576460752303423488.0, 134217728.0, -134217728.0, 134217727.5,
         -134217728.5, 1.7976931348623157e308, 0.9999999999999999, -0.9999999999999999],
    [{erlang, F, [V]} || F <- ['-', '+', 'bnot', abs, float, trunc, round, floor, ceil], V <- Values].

float_conversions() ->
    Bigs = rounding_bigs() ++ [p(1023) * 2 - 1, p(1024), -p(1024), p(1024) - p(970), p(1024) - p(971),
                               p(1024) - p(970) + p(950)],
    [{erlang, float, [B]} || B <- Bigs] ++ [{erlang, float, [-B]} || B <- Bigs].

min_max() ->
    Values = [1, 1.0, -0.0, 0.0, 0, p(64), float(p(64)), a, b, [], "x", {1}],
    [{erlang, F, [A, B]} || F <- [max, min], A <- Values, B <- Values].

%% ---------------------------------------------------------------------------------------------
%% Integers and text

integer_text() ->
    Ints = ints() ++ [123456789, -987654321, p(100) + 17, pow(36, 30) - 1],
    [{erlang, integer_to_list, [I]} || I <- Ints] ++
        [{erlang, integer_to_list, [I, B]} || I <- Ints, B <- lists:seq(2, 36)] ++
        [{erlang, integer_to_binary, [I]} || I <- Ints] ++
        [{erlang, integer_to_binary, [I, B]} || I <- Ints, B <- [2, 8, 16, 36]] ++
        [{erlang, F, Args} || F <- [integer_to_list, integer_to_binary],
                              Args <- [[1.0], [a], ["1"], [10, 1], [10, 37], [10, 0], [10, -16], [10, 10.0],
                                       [10, a], [10, p(64)]]].

strings() ->
    ["0", "-0", "+0", "007", "-007", "1", "-1", "+1", "123456789", "-123456789", "134217727", "134217728",
     "-134217728", "-134217729", "576460752303423487", "576460752303423488", "-576460752303423488",
     "-576460752303423489", "18446744073709551616", "-18446744073709551617",
     "340282366920938463463374607431768211456", "99999999999999999999999999999999999999999",
     "ff", "FF", "Ff", "zz", "ZZ", "z", "10", "777", "8", "9", "a", "g", "G",
     "", "-", "+", "--1", "+-1", "-+1", " 1", "1 ", "1_000", "1.0", "1e3", "0x10", "١",
     "0000000000000000000000000000000000000000000000001", "12345678901234567890123456789012345678901234567890"].

text_to_integer() ->
    Strings = strings(),
    [{erlang, list_to_integer, [S]} || S <- Strings] ++
        [{erlang, list_to_integer, [S, B]} || S <- Strings, B <- [2, 8, 16, 36]] ++
        [{erlang, binary_to_integer, [unicode:characters_to_binary(S)]} || S <- Strings] ++
        [{erlang, binary_to_integer, [unicode:characters_to_binary(S), B]} || S <- Strings, B <- [2, 16, 36]] ++
        [{erlang, list_to_integer, [integer_to_list(I, B), B]} || I <- ints(), B <- [2, 3, 7, 10, 16, 35, 36]] ++
        [{erlang, list_to_integer, [string:lowercase(integer_to_list(I, B)), B]} || I <- ints(), B <- [16, 36]] ++
        [{erlang, F, Args} || F <- [list_to_integer],
                              Args <- [[[$1 | $2]], [[$1, 256 + $2]], [[$1, -1]], [[$1, 1.0]], [a], [<<"1">>],
                                       [[$1, a]], [[$1, [$2]]], [[-1]], ["1", 1], ["1", 37], ["1", 10.0],
                                       ["1", a]]] ++
        [{erlang, F, Args} || F <- [binary_to_integer],
                              Args <- [[<<>>], [<<"1">>, 1], [<<"1">>, 37], [<<"12">>, a], ["12"], [a],
                                       [<<1:1>>], [<<"1", 1:1>>], [<<"12", 0>>], [<<"1", 255>>]]].

%% Floats: chosen values, then pseudo-random bit patterns of every magnitude.
sample_floats() ->
    Chosen = [0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 0.2, 0.3, 0.125, 0.375, 2.5, -2.5, 1.5, 0.05, 0.005, 0.045,
              1.005, 2.675, 1.0e-5, 1.0e-7, 1.0e-20, 1.0e-100, 1.0e-300, 1.0e-308, 2.2250738585072014e-308,
              5.0e-324, 1.0e5, 1.0e10, 1.0e15, 1.0e16, 1.0e17, 1.0e20, 1.0e21, 1.0e22, 1.0e23, 1.0e100,
              1.0e300, 1.7976931348623157e308, -1.7976931348623157e308, 123.456, -123.456, 9.5, 99.5,
              999.9999, 0.9999999, 0.99999999999, 9007199254740991.0, 9007199254740992.0,
              9007199254740994.0, 18014398509481984.0, 4503599627370495.5, 3.14159265358979,
              2.718281828459045, 1.0e-10, 123456789.98765433, 0.1 + 0.2, 1/3, 2/3, 100.0, 1234567.0,
              6.02214076e23, 1.602176634e-19, 299792458.0, 0.000123, 12345678901234567890.0],
    Chosen ++ [-F || F <- Chosen, F > 0.5, F < 1.0e10] ++ random_floats(100, 16#2545F4914F6CDD1D).

random_floats(0, _) -> [];
random_floats(N, X0) ->
    X = (X0 * 6364136223846793005 + 1442695040888963407) band (p(64) - 1),
    %% Spread exponents: mostly moderate magnitudes, some extreme ones.
    Bits = case N rem 4 of
               0 -> X;
               _ -> (X band (p(52) - 1)) bor (((1023 - 40 + (X bsr 56) rem 80) band 16#7FF) bsl 52)
                        bor ((X bsr 63) bsl 63)
           end,
    case <<Bits:64>> of
        <<F/float>> -> [F | random_floats(N - 1, X)];
        _ -> random_floats(N, X)
    end.

float_options() ->
    [[], [short]] ++
        [[{decimals, D}] || D <- [0, 1, 2, 3, 5, 10, 15, 17, 18, 19, 20, 40]] ++
        [[{decimals, D}, compact] || D <- [0, 1, 2, 6, 17, 18, 19, 30]] ++
        [[{scientific, S}] || S <- [0, 1, 2, 3, 6, 16, 17, 20, -1]].

float_text() ->
    Floats = sample_floats(),
    [{erlang, float_to_list, [F]} || F <- Floats] ++
        [{erlang, float_to_list, [F, O]} || F <- Floats, O <- float_options()] ++
        [{erlang, float_to_binary, [F]} || F <- lists:sublist(Floats, 12)] ++
        [{erlang, float_to_binary, [F, O]} || F <- lists:sublist(Floats, 12), O <- float_options()] ++
        [{erlang, float_to_list, [F, O]} || F <- [1.0, -1.0, 1.0e300, -0.0, 123.5],
                                           O <- [[{decimals, 253}], [{decimals, 254}], [{decimals, 300}],
                                                 [{decimals, 250}], [{decimals, 0}], [{decimals, -1}],
                                                 [{scientific, 249}], [{scientific, 250}], [{scientific, -5}],
                                                 [{scientific, p(32) + 3}], [{decimals, p(32) + 2}],
                                                 [{decimals, p(40)}], [{decimals, p(64)}],
                                                 [compact], [short, {decimals, 2}], [{decimals, 2}, short],
                                                 [{decimals, 2}, {scientific, 2}], [{scientific, 2}, compact],
                                                 [compact, {decimals, 3}], [foo], [{decimals, 1.0}],
                                                 [{decimals, 1, 2}], [{decimal, 1}], [compact | short],
                                                 short, [[]], [{short}]]] ++
        [{erlang, float_to_list, [X]} || X <- [1, a, p(64)]] ++
        [{erlang, float_to_list, [X, []]} || X <- [1, a]] ++
        [{erlang, float_to_binary, [X]} || X <- [1, a]].

float_strings() ->
    ["1.0", "-1.0", "+1.0", "1.5e10", "1.5E10", "1.5e+10", "1.5e-10", "-1.5e10", "0.0", "-0.0", "1,5",
     "1.0e309", "-1.0e309", "1.0e308", "1.7976931348623157e308", "1.7976931348623159e308",
     "1.0e-400", "4.9e-324", "2.4e-324", "2.5e-324", "1.0e-310", "0.1", "123456789012345678901234567890.5",
     "1", "-1", "1.", ".5", "1.0e", "1.0e+", "1.0e5.0", "1e5", " 1.0", "1.0 ", "1.0x", "", "-", "+",
     "1..0", "1.0e--5", "00001.500", "1.0e0005", "0.000000000000000000000000000000000000000001",
     "3.141592653589793238462643383279", "2.2250738585072011e-308", "9007199254740993.0",
     "1.00000000000000011102230246251565404236316680908203125", "1.0f", "1.0d0", "infinity", "nan",
     "0.5e", "1.0E+0", "1.0e-0"].

text_to_float() ->
    Strings = float_strings(),
    [{erlang, list_to_float, [S]} || S <- Strings] ++
        [{erlang, binary_to_float, [list_to_binary(S)]} || S <- Strings] ++
        [{erlang, list_to_float, [X]} || X <- [[$1, $., 256 + $5], [$1, $. | $5], a, <<"1.0">>, 1.0]] ++
        [{erlang, binary_to_float, [X]} || X <- [<<"1.0", 1:1>>, "1.0", a, 1.0, <<"1.0", 0>>]].

%% ---------------------------------------------------------------------------------------------
%% math

math() ->
    Args = [0, 1, -1, 2, 0.5, -0.5, 0.0, -0.0, 1.0e-10, 3.0, -3.0, 10.0, 100.0, 710.0, 1.0e300, -1.0e300,
            1.0e-300, 3.141592653589793, 1.5707963267948966, 0.7853981633974483, 1.0e22, p(64), p(1100), a],
    One = [sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, asinh, acosh, atanh, exp, log, log2, log10,
           sqrt, erf, erfc, ceil, floor],
    Pairs = [0, 1, -1, 2, 0.5, -0.5, 0.0, -0.0, 3.0, -3.0, 10.0, 1.0e300, p(64), a],
    [{math, F, [X]} || F <- One, X <- Args] ++
        [{math, F, [X, Y]} || F <- [atan2, pow, fmod], X <- Pairs, Y <- Pairs] ++
        [{math, pi, []}].
