-module(bin_match).
-export([main/0]).

%% Matching: integers, floats, binaries, UTF, strings, units, tails, backtracking over
%% saved positions, and patterns that must fail.

out(T) -> io:format("~w~n", [T]).

id(X) -> X.

main() ->
    integers(),
    floats(),
    binaries(),
    utf(),
    strings(),
    clauses(),
    io:format("bin_match done~n").

integers() ->
    B = id(<<171, 203, 202, 10, 188, 12:4>>),
    <<A:12, C:12/little, D:16/signed, E:4>> = B,
    out({A, C, D, E}),
    <<F:12/little, G:3/signed, I:70/signed>> = id(<<255, 247, 255, 255, 255, 255, 255, 255, 255, 255, 31:5>>),
    out({F, G, I}),
    <<J:80/little, K:80>> = id(<<10,9,8,7,6,5,4,3,2,1,1,2,3,4,5,6,7,8,9,10>>),
    out({J, K}),
    <<L:128/big-unsigned, M:128/little-signed>> = id(<<0,0,0,0,0,0,2,157,66,182,78,118,113,66,68,203,
                                                    53,187,189,142,137,177,73,189,98,253,255,255,255,255,255,255>>),
    out({L, M}),
    Size = id(3),
    <<N:Size/unit:8, O:Size/unit:8-little-signed>> = id(<<0,0,7,249,255,255>>),
    out({N, O}),
    <<P:64/signed, Q:64, R:60/signed, S:4>> = id(<<255,255,255,255,255,255,255,255, 128,0,0,0,0,0,0,0, 128,0,0,0,0,0,0,0>>),
    out({P, Q, R, S}),
    [S28, S29, S59, S60] = id([28, 29, 59, 60]),
    <<T:S28/signed, U:S29/signed, V:S59/signed, W:S60/signed, _/bits>> = id(binary:copy(<<255>>, 30)),
    out({T, U, V, W}),
    <<X1:1, X2:20/little, X3:2/unit:4>> = id(<<247, 230, 216, 3:5>>),
    out({X1, X2, X3}),
    out([X || <<X:4>> <= id(<<16#ABCD:16>>)]),
    out([X || <<X:3/signed>> <= id(<<16#ABCD:16, 1:2>>)]),
    Big = id(<<1:1000>>),
    <<BigInt:1000>> = Big,
    out(BigInt =:= 1),
    <<_:7, One:993>> = Big,
    out(One),
    out(try (fun(<<X:8>>) -> X end)(id(<<1, 2>>)) catch Class:Reason -> {Class, Reason} end).

floats() ->
    <<A:64/float, B:32/float, C:16/float>> = id(<<63,248,0,0,0,0,0,0,63,192,0,0,62,0>>),
    out({A, B, C}),
    <<D:64/float-little, E:32/float-little, F:16/float-little>> = id(<<0,0,0,0,0,0,2,192,0,0,16,192,128,192>>),
    out({D, E, F}),
    Two = id(2),
    <<G:1/float-unit:64, H:Two/float-unit:8>> = id(<<63,240,0,0,0,0,0,0,64,0>>),
    out({G, H}),
    <<_:3, I:64/float>> = id(<<39,252,0,0,0,0,0,0,0:3>>),
    out(I),
    Inf16 = id(<<124, 0>>),
    out(case Inf16 of <<X:16/float>> -> X; _ -> not_finite end),
    out(case id(<<127,128,0,0>>) of <<Y:32/float>> -> Y; _ -> not_finite end),
    out(case id(<<127,248,0,0,0,0,0,0>>) of <<Z:64/float>> -> Z; _ -> nan end),
    FSz = id(24),
    out(case id(<<1,2,3>>) of <<W:FSz/float>> -> W; _ -> bad_size end),
    out([X || <<X:16/float>> <= id(<<60,0,0,1,123,255,128,0,1,0>>)]).

binaries() ->
    Bin = id(<<1,2,3,4,5,160,33,0:1>>),
    <<A:2/binary, B:3/bytes, C:9/bits, Rest/bits>> = Bin,
    out({A, B, C, Rest}),
    One1 = id(1),
    <<D:One1/binary-unit:16, E/binary>> = id(<<1,2,3,4>>),
    out({D, E}),
    out(case id(<<1,2,3:3>>) of <<_:8, F/binary>> -> F; _ -> not_binary end),
    out(case id(<<1,2,3:3>>) of <<_:8, G/bits>> -> G; _ -> not_bits end),
    out(case id(<<1,2,3>>) of <<H:4/binary, _/binary>> -> H; _ -> short end),
    <<I:4/binary-unit:4, J/binary-unit:4>> = id(<<1,2,3,4:4>>),
    out({I, J}),
    out([X || <<X:2/binary>> <= id(<<"abcdef">>)]),
    out([X || <<X:3/bits>> <= id(<<255, 0:1>>)]).

utf() ->
    S = id(<<"aé€😀"/utf8, 16#10FFFF/utf8>>),
    out([C || <<C/utf8>> <= S]),
    U16 = id(<<"aé€😀"/utf16>>),
    out([C || <<C/utf16>> <= U16]),
    U16L = id(<<"aé€😀"/utf16-little>>),
    out([C || <<C/utf16-little>> <= U16L]),
    U32 = id(<<"aé€😀"/utf32>>),
    out([C || <<C/utf32>> <= U32]),
    U32L = id(<<"aé€😀"/utf32-little>>),
    out([C || <<C/utf32-little>> <= U32L]),
    Bad = [<<128>>, <<192, 128>>, <<193, 191>>, <<224, 159, 191>>, <<237, 160, 128>>,
           <<240, 143, 191, 191>>, <<244, 144, 128, 128>>, <<248, 136, 128, 128>>,
           <<226, 130>>, <<195, 40>>, <<>>],
    out([case X of <<C/utf8, _/binary>> -> C; _ -> bad end || X <- Bad]),
    out([case X of <<C/utf16, _/binary>> -> C; _ -> bad end ||
            X <- [<<216, 61, 222, 0>>, <<216, 61>>, <<222, 0>>, <<216, 61, 0, 65>>, <<0>>]]),
    %% (erl 25 crashes matching <<C/utf32, _/binary>> against a surrogate; the exact
    %% form is safe.)
    out([case X of <<C/utf32>> -> C; _ -> bad end ||
            X <- [<<0,0,216,0>>, <<0,17,0,0>>, <<0,16,255,255>>, <<255,255,255,255>>]]),
    <<_:1, C1/utf8, C2/utf16, _/bits>> = id(<<225,212,236,30,239,0,0:1>>),
    out({C1, C2}),
    out(skip_utf(id(<<"aé€😀"/utf8, "tail">>))).

skip_utf(<<_/utf8, _/utf8, _/utf8, _/utf8, Rest/binary>>) -> Rest;
skip_utf(_) -> nope.

strings() ->
    out(req(id(<<"GET /index.html">>))),
    out(req(id(<<"POST /form">>))),
    out(req(id(<<"PUT /x">>))),
    out(req(id(<<"GE">>))),
    <<_:3, "hello", Tail:5>> = id(<<77,12,173,141,141,234>>),
    out(Tail).

req(<<"GET ", Path/binary>>) -> {get, Path};
req(<<"POST ", Path/binary>>) -> {post, Path};
req(<<Method:3/binary, " ", _/binary>>) -> {other, Method};
req(_) -> unknown.

clauses() ->
    out([kind(id(X)) || X <- [<<>>, <<1>>, <<1:1>>, <<0, 0, 0, 1>>, <<2, 5, 1, 2, 3, 4, 5>>,
                              <<2, 5, 1, 2>>, <<3, 1.5/float>>, <<3, 1, 2>>, <<9:4>>, not_a_binary]]),
    out(count_bits(id(<<16#F0F0:16, 5:3>>), 0)),
    out(parse_tlv(id(<<1, 2, "ab", 2, 0, 3, 1, "c">>))),
    out(last_byte(id(<<1, 2, 3>>))),
    out(bytes_then_bits(id(<<1, 2, 3:2>>))),
    out(tails(id(<<1, 2, 3, 4>>))).

kind(<<>>) -> empty;
kind(<<X>>) -> {byte, X};
kind(<<1:1>>) -> one_bit;
kind(<<N:32>>) when N < 10 -> {small_word, N};
kind(<<2, Len, Data:Len/binary>>) -> {sized, Data};
kind(<<2, Len, Data/binary>>) -> {short, Len, Data};
kind(<<3, F/float>>) -> {float, F};
kind(<<3, _/binary>>) -> three;
kind(B) when is_bitstring(B) -> {bits, bit_size(B)};
kind(_) -> other.

count_bits(<<1:1, Rest/bits>>, N) -> count_bits(Rest, N + 1);
count_bits(<<0:1, Rest/bits>>, N) -> count_bits(Rest, N);
count_bits(<<>>, N) -> N.

parse_tlv(<<1, Len, V:Len/binary, Rest/binary>>) -> [{one, V} | parse_tlv(Rest)];
parse_tlv(<<2, Len:16, Rest/binary>>) -> [{two, Len} | parse_tlv(Rest)];
parse_tlv(<<T, Rest/binary>>) -> [{unknown, T} | parse_tlv(Rest)];
parse_tlv(<<>>) -> [].

last_byte(B) ->
    S = byte_size(B) - 1,
    <<_:S/binary, L>> = B,
    L.

bytes_then_bits(<<A:8, B:8, C/bits>>) when bit_size(C) =:= 2 -> {A, B, C};
bytes_then_bits(_) -> no.

tails(<<>>) -> [];
tails(<<_, T/binary>> = B) -> [B | tails(T)].
