-module(b_fib).
-export([run/1, default_n/0, quick_n/0]).

%% Doubly recursive Fibonacci: stresses non-tail calls (frame push/pop), small-integer
%% arithmetic and comparison, the cheapest possible call path of an interpreter or JIT.
%% run(N) returns fib(N).

default_n() -> 34.
quick_n() -> 27.

run(N) -> fib(N).

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).
