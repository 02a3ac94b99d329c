-module(recv_order).
-export([main/0]).

%% Messages from one sender arrive in the order they were sent.
main() ->
    Self = self(),
    spawn(fun() -> [Self ! {seq, N} || N <- lists:seq(1, 1000)] end),
    L = [receive {seq, N} -> N end || _ <- lists:seq(1, 1000)],
    io:format("~p~n", [L =:= lists:seq(1, 1000)]),
    Senders = [spawn(fun() -> [Self ! {from, Id, N} || N <- lists:seq(1, 100)] end) || Id <- lists:seq(1, 5)],
    Got = [receive {from, Id, N} -> {Id, N} end || _ <- lists:seq(1, 500)],
    PerSender = [[N || {I, N} <- Got, I =:= Id] || Id <- lists:seq(1, 5)],
    io:format("~p~n", [[P =:= lists:seq(1, 100) || P <- PerSender]]),
    io:format("~p~n", [length(Senders)]),
    [Self ! {m, N} || N <- lists:seq(1, 5)],
    io:format("~p~n", [receive_in_order([])]),
    Relay = spawn(fun relay/0),
    [Relay ! {fwd, Self, N} || N <- [a, b, c, d]],
    io:format("~p~n", [[receive {relayed, X} -> X end || _ <- [1, 2, 3, 4]]]),
    Relay ! stop,
    io:format("~p~n", [element(2, process_info(self(), message_queue_len))]),
    self() ! one, self() ! two,
    io:format("~p~n", [element(2, process_info(self(), message_queue_len))]),
    io:format("~p~n", [element(2, process_info(self(), messages))]),
    receive one -> ok end, receive two -> ok end,
    io:format("recv_order done~n").

receive_in_order(Acc) ->
    receive {m, N} -> receive_in_order([N | Acc])
    after 0 -> lists:reverse(Acc)
    end.

relay() ->
    receive
        {fwd, To, X} -> To ! {relayed, X}, relay();
        stop -> ok
    end.
