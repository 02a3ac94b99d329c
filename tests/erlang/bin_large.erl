-module(bin_large).
-export([main/0]).

%% Large binaries (more than 64 bytes live off the heap): parts taken by matching and by
%% BIFs share the original's storage, and a loop churning large binaries runs in bounded
%% memory.

out(T) -> io:format("~w~n", [T]).

id(X) -> X.

main() ->
    sharing(),
    bifs(),
    churn(),
    messages(),
    io:format("bin_large done~n").

sharing() ->
    Big = id(list_to_binary([lists:seq(0, 255) || _ <- lists:seq(1, 40)])),
    out({byte_size(Big), binary:referenced_byte_size(Big)}),
    <<_:8, Rest/binary>> = Big,
    out({byte_size(Rest), binary:referenced_byte_size(Rest)}),
    <<_:100/binary, Mid:200/binary, Tail/binary>> = Big,
    out({binary:referenced_byte_size(Mid), binary:referenced_byte_size(Tail), binary:part(Mid, 0, 4)}),
    <<_:3, Unaligned:100/binary, _/bits>> = Big,
    out({binary:referenced_byte_size(Unaligned), binary:part(Unaligned, 0, 3)}),
    <<Small:64/binary, Bigger:65/binary, _/binary>> = Big,
    out({binary:referenced_byte_size(Small), binary:referenced_byte_size(Bigger)}),
    Chunks = chunks(Big, 1000),
    out({length(Chunks), [binary:referenced_byte_size(C) || C <- Chunks]}),
    out(iolist_to_binary(Chunks) =:= Big).

chunks(<<C:1000/binary, Rest/binary>>, N) -> [C | chunks(Rest, N)];
chunks(<<>>, _) -> [];
chunks(Rest, _) -> [Rest].

bifs() ->
    Big = id(binary:copy(<<"0123456789">>, 100)),
    {A, B} = split_binary(Big, 500),
    out({binary:referenced_byte_size(A), binary:referenced_byte_size(B)}),
    P = binary_part(Big, {10, 100}),
    out({binary:referenced_byte_size(P), binary:part(P, 0, 5)}),
    Q = binary:part(Big, 990, -100),
    out({byte_size(Q), binary:referenced_byte_size(Q)}),
    Parts = binary:split(Big, <<"5">>, [global]),
    out({length(Parts), lists:usort([binary:referenced_byte_size(X) || X <- Parts])}),
    C = binary:copy(P),
    out({binary:referenced_byte_size(C), C =:= P}),
    Line = id(list_to_binary([binary:copy(<<"x">>, 100), ",", binary:copy(<<"y">>, 100)])),
    [L, R] = binary:split(Line, <<",">>),
    out({byte_size(L), byte_size(R), binary:referenced_byte_size(L), binary:referenced_byte_size(R)}).

churn() ->
    out(churn(id(200), 0)).

%% Every round makes a fresh 100 KB binary, matches a large part out of it and drops
%% both: only a bounded amount of off-heap memory is alive at any time.
churn(0, Acc) -> Acc;
churn(N, Acc) ->
    Bin = binary:copy(<<N:32>>, 25000),
    <<_:1000/binary, Part:50000/binary, _/binary>> = Bin,
    <<X:32, _/binary>> = Part,
    churn(N - 1, (Acc + X) rem 1000000007).

messages() ->
    Big = id(binary:copy(<<"abc">>, 1000)),
    <<_:10/binary, Part:1000/binary, _/binary>> = Big,
    Self = self(),
    Pid = spawn(fun() -> receive {From, B} -> From ! {self(), byte_size(B), binary:part(B, 0, 6)} end end),
    Pid ! {Self, Part},
    receive {Pid, Size, Head} -> out({Size, Head}) end.
