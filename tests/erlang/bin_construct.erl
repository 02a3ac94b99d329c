-module(bin_construct).
-export([main/0]).

%% Construction with bs_create_bin: every segment type, size, unit, endianness and
%% signedness, and the errors erl raises.

out(T) -> io:format("~w~n", [T]).

id(X) -> X.

try_(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R -> {C, R}
    end.

main() ->
    integers(),
    floats(),
    binaries(),
    utf(),
    strings(),
    errors(),
    io:format("bin_construct done~n").

integers() ->
    N = id(16#ABC),
    out(<<N:12, N:12/little, N:16/signed, N:4>>),
    out(<<(id(-1)):12/little, (id(-5)):3, (id(-1)):70/signed>>),
    out(<<(id(1 bsl 100)):70, (id(1 bsl 100)):101, (id(-(1 bsl 100))):104/little>>),
    out(<<(id(16#0102030405060708090A)):80/little, (id(16#0102030405060708090A)):80>>),
    out(<<(id(255)):8/native, (id(258)):16/native, (id(-2)):32/little-signed>>),
    out([<<(id(X)):S>> || X <- [0, 1, 127, 128, 255, -1, -128], S <- [1, 7, 8, 9]]),
    out(<<(id(1)):1, (id(16#ABCDEF)):20/little, (id(3)):2/unit:4>>),
    Size = id(3),
    out(<<(id(7)):Size/unit:8, (id(-7)):Size/unit:8-little-signed>>),
    out(<<(id(0)):0, (id(5)):(id(0))>>),
    out(<<(id(12345678901234567890123)):128/big-unsigned>>),
    out(<<(id(-12345678901234567890123)):128/little-signed>>),
    Big = id(1 bsl 200 - 1),
    out(byte_size(<<Big:(id(1000))>>)),
    out(<<(id(16#123456789)):36/little>>).

floats() ->
    out(<<(id(1.5)):64/float, (id(1.5)):32/float, (id(1.5)):16/float>>),
    out(<<(id(-2.25)):64/float-little, (id(-2.25)):32/float-little, (id(-2.25)):16/float-little>>),
    out(<<(id(3)):64/float, (id(3)):32/float, (id(3)):16/float>>),
    out(<<(id(1 bsl 70)):64/float, (id(1 bsl 70)):32/float>>),
    out(<<(id(1.0e300)):32/float, (id(70000.0)):16/float, (id(0.1)):16/float>>),
    out(<<(id(1.0)):1/float-unit:64, (id(2.0)):(id(4))/float-unit:8>>),
    out(<<(id(1)):3, (id(0.5)):64/float>>),
    out([<<F:16/float>> || F <- [65504.0, 65519.99, 65520.0, 1.0e-5, 6.0e-8, 2.9e-8, 3.0e-8,
                                1.00048828125, 1.00146484375, -0.0]]).

binaries() ->
    B = id(<<1, 2, 3, 4, 5>>),
    Bits = id(<<1:1, 0:1, 1:1>>),
    out(<<B/binary, B:2/binary, B:3/bytes, Bits/bits, B:12/bits, Bits:2/bitstring>>),
    out(<<Bits/bits, B/binary>>),
    out(<<B:(id(2))/binary-unit:16>>),
    out(<<(id(<<>>))/binary, B/binary-unit:8>>),
    Large = id(list_to_binary(lists:seq(1, 200))),
    L2 = <<Large/binary, Large/binary>>,
    out({byte_size(L2), binary:part(L2, 195, 10)}),
    out(<<(id(<<1:3>>)):3/bits, (id(<<255>>)):5/bits>>).

utf() ->
    Cs = [0, $a, 16#7F, 16#80, 16#E9, 16#7FF, 16#800, 16#20AC, 16#FFFF, 16#10000, 16#1F600, 16#10FFFF],
    out([<<C/utf8>> || C <- Cs]),
    out([<<C/utf16>> || C <- Cs]),
    out([<<C/utf16-little>> || C <- Cs]),
    out([<<C/utf32>> || C <- Cs]),
    out([<<C/utf32-little>> || C <- Cs]),
    out(<<(id(1)):1, (id(16#E9))/utf8, (id(16#1F600))/utf16>>).

strings() ->
    X = id(42),
    out(<<"abc", X, "def">>),
    out(<<X:3, "hello", X:5>>),
    out(<<"">>),
    out(<<X, "é"/utf8, "é"/utf16, "é"/utf32-little>>).

errors() ->
    Cases = [
        fun() -> <<(id(a)):8>> end,
        fun() -> <<1:(id(-1))>> end,
        fun() -> <<1:(id(a))>> end,
        fun() -> <<1:(id(1 bsl 60))>> end,
        fun() -> <<(id(a)):8, 1:(id(1 bsl 60))>> end,
        fun() -> <<(id(16#D800))/utf8, 1:(id(1 bsl 60))>> end,
        fun() -> <<(id(16#D800))/utf32, 1:(id(1 bsl 60))>> end,
        fun() -> <<(id(1.5)):(id(24))/float>> end,
        fun() -> <<(id(a)):64/float>> end,
        fun() -> <<(id(1 bsl 2000)):64/float>> end,
        fun() -> <<(id(<<1:3>>))/binary>> end,
        fun() -> <<(id(<<1, 2>>)):3/binary>> end,
        fun() -> <<(id(a))/binary>> end,
        fun() -> <<(id(<<1:3>>)):1/binary>> end,
        fun() -> <<(id(16#D800))/utf8>> end,
        fun() -> <<(id(16#110000))/utf8>> end,
        fun() -> <<(id(-1))/utf16>> end,
        fun() -> <<(id(16#DFFF))/utf32>> end,
        fun() -> <<(id(1.0))/utf8>> end,
        fun() -> <<(id(<<1:3>>))/binary, 1:8>> end,
        fun() -> X = id(<<1:3>>), <<X/binary, 1:8>> end,
        fun() -> <<(id(1)):(id(1.0))>> end
    ],
    [out(try_(F)) || F <- Cases].
