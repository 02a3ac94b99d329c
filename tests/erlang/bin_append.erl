-module(bin_append).
-export([main/0]).

%% Appending: <<Acc/binary, ...>> loops (append), binary comprehensions (private_append),
%% bit-level accumulators, and older versions of an accumulator staying unchanged.

out(T) -> io:format("~w~n", [T]).

id(X) -> X.

main() ->
    loops(),
    versions(),
    comprehensions(),
    units(),
    io:format("bin_append done~n").

build(0, Acc) -> Acc;
build(N, Acc) -> build(N - 1, <<Acc/binary, (N rem 256):8>>).

build_bits(0, Acc) -> Acc;
build_bits(N, Acc) -> build_bits(N - 1, <<Acc/bits, (N rem 8):3>>).

build_utf(0, Acc) -> Acc;
build_utf(N, Acc) -> build_utf(N - 1, <<Acc/binary, (16#1F600 + N)/utf8>>).

loops() ->
    B = build(id(3000), <<>>),
    out({byte_size(B), binary:part(B, 0, 4), binary:part(B, 2996, 4), erlang:crc32(B)}),
    Bits = build_bits(id(2000), <<1:1>>),
    out({bit_size(Bits), erlang:crc32(<<Bits/bits, 0:7>>)}),
    U = build_utf(id(300), <<"start">>),
    out({byte_size(U), length(unicode:characters_to_list(U))}),
    Small = build(id(10), id(<<1, 2, 3>>)),
    out(Small).

versions() ->
    A = <<(id(<<"ab">>))/binary, "c">>,
    B = <<A/binary, "d">>,
    C = <<A/binary, "X">>,
    D = <<B/binary, "e">>,
    E = <<B/binary, "Y">>,
    out([A, B, C, D, E]),
    %% Matching a writable binary, then appending to it.
    <<First:8, Rest/binary>> = D,
    F = <<D/binary, "f">>,
    out({First, Rest, F, D}),
    %% The same accumulator used twice in one construction.
    G = <<A/binary, A/binary>>,
    out(G),
    %% Appending nothing returns the same value.
    H = <<A/binary>>,
    out(H =:= A),
    %% Sending a writable binary to another process and appending on both sides.
    Self = self(),
    Pid = spawn(fun() -> receive {X, From} -> From ! {self(), <<X/binary, "child">>} end end),
    Pid ! {B, Self},
    Mine = <<B/binary, "parent">>,
    receive {Pid, Theirs} -> out({Mine, Theirs, B}) end.

comprehensions() ->
    out(<< <<X>> || X <- lists:seq(1, 20) >>),
    out(<< <<X:4>> || X <- lists:seq(1, 9) >>),
    out(<< <<X:16/little>> || <<X:8>> <= <<"abc">> >>),
    Big = << <<(X rem 256)>> || X <- lists:seq(1, 3000) >>,
    out({byte_size(Big), erlang:crc32(Big)}),
    Nested = << <<(<< <<Y>> || Y <- lists:seq(1, X) >>)/binary>> || X <- lists:seq(1, 5) >>,
    out(Nested),
    out(<< <<C/utf8>> || C <- [16#E9, 16#1F600, $a] >>),
    out(<< <<B/binary, B/binary>> || <<B:2/binary>> <= <<"aabbcc">> >>),
    out(<< <<>> || _ <- [1, 2, 3] >>).

units() ->
    Odd = id(<<1:3>>),
    out(try <<Odd/binary, 1>> catch Class:Reason -> {Class, Reason} end),
    out(<<Odd/bits, 1>>),
    W = <<(id(<<>>))/binary, 1:4>>,
    out(W),
    out(try <<W/binary, 1>> catch Class2:Reason2 -> {Class2, Reason2} end),
    out(<<W/bits, 1:4>>).
