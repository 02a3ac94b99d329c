-module(b_tak).
-export([run/1, default_n/0, quick_n/0]).

%% Takeuchi function: tak(18,12,6) and tak(18,12,7) alternately, N calls in all. Deep
%% recursion with three live arguments, small-integer compares and decrements; stresses
%% calls and register moves.
%% run(N) returns {N, sum of the N results}.

default_n() -> 450.
quick_n() -> 15.

run(N) -> loop(N, 0, N).

loop(0, Acc, N) -> {N, Acc};
loop(I, Acc, N) -> loop(I - 1, Acc + tak(18, 12, 6 + (I rem 2)), N).

tak(X, Y, Z) when Y < X ->
    tak(tak(X - 1, Y, Z), tak(Y - 1, Z, X), tak(Z - 1, X, Y));
tak(_X, _Y, Z) ->
    Z.
