-module(b_bin).
-export([run/1, default_n/0, quick_n/0]).

%% Bit syntax, repeated N times: UTF-8 encoding and decoding (<<C/utf8>>) of a mixed
%% 1- to 4-byte text, a binary comprehension, records packed as size-prefixed fields with
%% odd-width and little-endian segments, then matched back out. Stresses binary
%% construction (writable/appendable binaries), match contexts and sub-binaries.
%% run(N) returns {N, checksum}.

default_n() -> 5550.
quick_n() -> 150.

run(N) ->
    Text = text(),
    loop(N, Text, 0, N).

loop(0, _Text, Acc, N) -> {N, Acc};
loop(I, Text, Acc, N) ->
    Utf8 = encode(Text, <<>>),
    Decoded = decode(Utf8, []),
    Masked = << <<(B bxor (I band 255))>> || <<B>> <= Utf8 >>,
    Unmasked = << <<(B bxor (I band 255))>> || <<B>> <= Masked >>,
    Packed = pack(Decoded, I, <<>>),
    Sum = unpack(Packed, 0),
    Check = byte_size(Utf8) + length(Decoded) + byte_size(Unmasked) + Sum
        + case Unmasked =:= Utf8 of true -> 1; false -> 0 end,
    loop(I - 1, Text, (Acc + Check) rem 1000003, N).

%% 64 code points: ASCII, Latin-1, Greek, CJK and astral-plane characters.
text() ->
    Chars = [$a, $Z, 16#E9, 16#3B1, 16#3C9, 16#4E2D, 16#6587, 16#1F600],
    lists:append(lists:duplicate(8, Chars)).

encode([], Acc) -> Acc;
encode([C | T], Acc) -> encode(T, <<Acc/binary, C/utf8>>).

decode(<<>>, Acc) -> lists:reverse(Acc);
decode(<<C/utf8, Rest/binary>>, Acc) -> decode(Rest, [C | Acc]).

%% Each record: a 3-bit tag, a 5-bit count, a 21-bit code point, a 16-bit little-endian
%% field, 3 padding bits, then a byte-size-prefixed payload.
pack([], _I, Acc) -> Acc;
pack([C | T], I, Acc) ->
    Payload = <<C:24, (I band 16#FFFF):16>>,
    Tag = C band 7,
    Len = byte_size(Payload),
    pack(T, I, <<Acc/binary, Tag:3, (Len + Tag):5, C:21, (C bxor I):16/little, 0:3,
                 Len:8, Payload/binary>>).

unpack(<<>>, Acc) -> Acc;
unpack(<<Tag:3, Cnt:5, C:21, X:16/little, 0:3, Len:8, Payload:Len/binary, Rest/binary>>,
       Acc) ->
    <<C2:24, I:16>> = Payload,
    C = C2,
    Cnt = Len + Tag,
    unpack(Rest, (Acc + C + (X bxor (C band 16#FFFF)) + I + Tag) rem 1000003).
