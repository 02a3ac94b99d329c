-module(b_mailbox).
-export([run/1, default_n/0, quick_n/0]).

%% Many to one: 100 senders each send N messages as fast as they can to one receiver,
%% which takes them in arrival order and sums them. The receiver's mailbox grows while the
%% senders outpace it, so this measures sending into a long queue and receiving from it,
%% not round trips.
%% run(N) returns {N, messages received, their sum}.

-define(SENDERS, 100).

default_n() -> 2500.
quick_n() -> 50.

run(N) ->
    Self = self(),
    [spawn(fun() -> send(Self, S, N) end) || S <- lists:seq(1, ?SENDERS)],
    {Count, Sum} = receive_all(?SENDERS * N, 0, 0),
    {N, Count, Sum}.

send(_, _, 0) -> ok;
send(To, S, K) ->
    To ! {msg, S * K},
    send(To, S, K - 1).

receive_all(0, Count, Sum) -> {Count, Sum};
receive_all(Left, Count, Sum) ->
    receive {msg, V} -> receive_all(Left - 1, Count + 1, Sum + V) end.
