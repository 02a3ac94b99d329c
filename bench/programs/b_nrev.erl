-module(b_nrev).
-export([run/1, default_n/0, quick_n/0]).

%% Naive reverse of a 30-element list, repeated N times: quadratic append allocates
%% 465 cons cells per reverse, so this stresses heap allocation, list building and
%% minor garbage collection. run(N) returns {N, sum of the heads of every reversal}.

default_n() -> 42000.
quick_n() -> 1500.

run(N) -> loop(N, lists:seq(1, 30), 0, N).

loop(0, _L, Acc, N) -> {N, Acc};
loop(I, L, Acc, N) ->
    [H | _] = nrev(L),
    loop(I - 1, L, Acc + H, N).

nrev([]) -> [];
nrev([H | T]) -> app(nrev(T), [H]).

app([], L) -> L;
app([H | T], L) -> [H | app(T, L)].
