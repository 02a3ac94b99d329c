-module(b_ring).
-export([run/1, default_n/0, quick_n/0]).

%% Process ring: 100 processes each forwarding a counter to the next, the token going
%% round the ring N times and gaining 1 per hop: 100 * N messages, each hop a send, a
%% context switch and a receive. Stresses message passing and the scheduler. The ring is
%% stopped at the end.
%% run(N) returns {N, final token value} = {N, 100 * N}.

-define(SIZE, 100).

default_n() -> 3900.
quick_n() -> 120.

run(N) ->
    Self = self(),
    First = spawn(fun() -> first(Self) end),
    First ! {N, Self},
    receive {token, T} -> {N, T} end.

%% The first process builds the ring, then counts laps.
first(Parent) ->
    Next = build(?SIZE - 1, self()),
    receive {Laps, Parent} -> ok end,
    Next ! {hop, 0},
    lap(Laps, Next, Parent).

lap(Laps, Next, Parent) ->
    receive
        {hop, T} when Laps =:= 1 ->
            Next ! stop,
            Parent ! {token, T + 1};
        {hop, T} ->
            Next ! {hop, T + 1},
            lap(Laps - 1, Next, Parent)
    end.

build(0, Next) -> Next;
build(K, Next) -> build(K - 1, spawn(fun() -> relay(Next) end)).

relay(Next) ->
    receive
        {hop, T} ->
            Next ! {hop, T + 1},
            relay(Next);
        stop ->
            Next ! stop
    end.
