-module(b_ring500).
-export([run/1, default_n/0, quick_n/0]).

%% The concurrency issue's ring: 500 processes, a token making N hops in all (1M by
%% default), each hop a send, a context switch and a receive. Unlike b_ring (100 processes,
%% sized for a second), its size is fixed by what it compares: message passing across a
%% ring large enough that no process stays in a cache.
%% run(N) returns {N, the token's final value} = {N, N}.

-define(SIZE, 500).

default_n() -> 1000000.
quick_n() -> 5000.

run(N) ->
    Self = self(),
    Last = lists:foldl(fun(_, Next) -> spawn(fun() -> relay(Next) end) end, Self, lists:seq(1, ?SIZE - 1)),
    Last ! {hop, N - 1, 1},
    Final = home(Last),
    Last ! stop,
    {N, Final}.

%% The test process is the ring's last member: it passes the token on until no hops remain.
home(Next) ->
    receive
        {hop, 0, T} -> T;
        {hop, Left, T} ->
            Next ! {hop, Left - 1, T + 1},
            home(Next)
    end.

relay(Next) ->
    receive
        {hop, 0, T} ->
            Next ! {hop, 0, T},
            relay(Next);
        {hop, Left, T} ->
            Next ! {hop, Left - 1, T + 1},
            relay(Next);
        stop ->
            Next ! stop
    end.
