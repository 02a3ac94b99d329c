-module(bin_churn).
-export([main/0]).

%% Makes 200 binaries of 1 MiB, one after another, each dropped before the next: a VM that
%% frees dead off-heap binaries keeps its memory bounded (tests/memory_bounded.rs checks the
%% peak RSS of this program).
main() ->
    io:format("~p~n", [churn(100, 0)]),
    io:format("~p~n", [sub_churn(100, 0)]),
    io:format("bin_churn done~n").

churn(0, Acc) -> Acc;
churn(N, Acc) ->
    B = binary:copy(<<N:8>>, 1 bsl 20),
    <<_:1000/binary, Sub:100/binary, _/binary>> = B,
    churn(N - 1, Acc + binary:referenced_byte_size(Sub) + byte_size(Sub) + binary:last(B)).

%% Sub-binaries kept only briefly, built with the bit syntax.
sub_churn(0, Acc) -> Acc;
sub_churn(N, Acc) ->
    B = <<0:(1 bsl 23), N:32>>,
    <<_:(1 bsl 20)/binary, Tail/binary>> = B,
    sub_churn(N - 1, Acc + byte_size(Tail)).
