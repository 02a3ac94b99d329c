-module(sig_order_msg_exit).
-export([main/0]).

%% Signals from one sender arrive in the order sent: messages then an exit signal reach a
%% trapping receiver as the messages then the 'EXIT'; an exit signal then messages as the
%% 'EXIT' first.
main() ->
    Self = self(),
    R = spawn(fun() -> process_flag(trap_exit, true), Self ! ready, receive go -> ok end, Self ! {log, drain()} end),
    receive ready -> ok end,
    [R ! {msg, I} || I <- lists:seq(1, 5)],
    exit(R, after_messages),
    [R ! {msg, I} || I <- lists:seq(6, 8)],
    exit(R, normal),
    R ! go,
    receive {log, Log} -> io:format("~p~n", [[strip(M, Self) || M <- Log]]) end,
    %% The dying process's own last messages come before its 'EXIT' and 'DOWN'.
    process_flag(trap_exit, true),
    {D, DRef} = spawn_opt(fun() -> [Self ! {last, I} || I <- lists:seq(1, 4)], exit(bye) end, [link, monitor]),
    Got = [receive M -> M end || _ <- lists:seq(1, 6)],
    io:format("~p~n", [[tag(M, D, DRef) || M <- Got]]),
    %% A message to a third process does not overtake anything: the third process, told by
    %% the receiver what it saw, sees it after the receiver got everything we sent it.
    Fwd = spawn(fun() -> process_flag(trap_exit, true), Self ! ready2, relay(Self, 3) end),
    receive ready2 -> ok end,
    Fwd ! {m, 1},
    exit(Fwd, {x, 2}),
    Fwd ! {m, 3},
    io:format("relayed: ~p~n", [[receive {relayed, M} -> strip(M, Self) end || _ <- [1, 2, 3]]]),
    io:format("sig_order_msg_exit done~n").

relay(_, 0) -> ok;
relay(To, N) -> receive M -> To ! {relayed, M}, relay(To, N - 1) end.

strip({'EXIT', From, W}, From) -> {exit, W};
strip(M, _) -> M.

tag({'EXIT', D, W}, D, _) -> {exit, W};
tag({'DOWN', R, process, D, W}, D, R) -> {down, W};
tag(M, _, _) -> M.

drain() ->
    receive M -> [M | drain()] after 0 -> [] end.
