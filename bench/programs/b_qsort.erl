-module(b_qsort).
-export([run/1, default_n/0, quick_n/0]).

%% Quicksort written with list comprehensions over a 500-element pseudo-random list
%% (a small LCG, every value a small integer on both word sizes), repeated N times with
%% a different seed each round: stresses comprehensions, ++, comparisons and allocation.
%% run(N) returns {N, checksum of the sorted lists}.

-define(LEN, 500).

default_n() -> 1100.
quick_n() -> 40.

run(N) -> loop(N, 1, 0, N).

loop(0, _Seed, Acc, N) -> {N, Acc};
loop(I, Seed, Acc, N) ->
    {L, Seed1} = gen(?LEN, Seed, []),
    Sorted = qsort(L),
    loop(I - 1, Seed1, (Acc + check(Sorted, 1, 0)) rem 1000003, N).

%% The ZX81 generator: x' = (75x + 74) rem 65537.
gen(0, Seed, Acc) -> {Acc, Seed};
gen(K, Seed, Acc) ->
    Next = (75 * Seed + 74) rem 65537,
    gen(K - 1, Next, [Next | Acc]).

qsort([]) -> [];
qsort([P | T]) ->
    qsort([X || X <- T, X < P]) ++ [P] ++ qsort([X || X <- T, X >= P]).

check([], _I, Acc) -> Acc;
check([X | T], I, Acc) -> check(T, I + 1, (Acc + I * X) rem 1000003).
