-module(gc_binaries).
-export([main/0]).

main() ->
    io:format("~p~n", [small_bins(100000, 0)]),
    io:format("~p~n", [big_bins(200, 0)]),
    Acc = lists:foldl(fun(N, B) -> <<B/binary, N:8>> end, <<>>, lists:seq(1, 50000)),
    io:format("~p~n", [{byte_size(Acc), binary:first(Acc), binary:last(Acc)}]),
    Parts = [<<N:32>> || N <- lists:seq(1, 100000)],
    Joined = iolist_to_binary(Parts),
    io:format("~p~n", [byte_size(Joined)]),
    Subs = [binary:part(Joined, N * 4, 4) || N <- lists:seq(0, 99999, 1000)],
    io:format("~p~n", [[X || <<X:32>> <- Subs]]),
    Strs = [integer_to_binary(N) || N <- lists:seq(1, 50000)],
    io:format("~p~n", [lists:sum([byte_size(S) || S <- Strs])]),
    io:format("~p~n", [erlang:crc32(Joined)]),
    io:format("gc_binaries done~n").

small_bins(0, Acc) -> Acc;
small_bins(N, Acc) ->
    B = <<N:64, "payload">>,
    <<X:64, _/binary>> = B,
    small_bins(N - 1, Acc + (X rem 7)).

big_bins(0, Acc) -> Acc;
big_bins(N, Acc) ->
    B = binary:copy(<<N:8>>, 100000),
    big_bins(N - 1, Acc + binary:at(B, 99999)).
