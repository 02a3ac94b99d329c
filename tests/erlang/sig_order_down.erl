-module(sig_order_down).
-export([main/0]).

%% Many messages then 'DOWN': a monitored process's messages all arrive before its 'DOWN'
%% (and before its 'EXIT' for a linked, trapping receiver, which comes before the 'DOWN').
main() ->
    Self = self(),
    N = 500,
    {P, Ref} = spawn_monitor(fun() -> [Self ! {n, I} || I <- lists:seq(1, N)], exit(done_sending) end),
    {Count, Ordered, Why} = count(P, Ref, 0, 0, true),
    io:format("messages before DOWN: ~p in order: ~p reason: ~p~n", [Count, Ordered, Why]),
    %% Several processes: each one's messages come before its own 'DOWN'.
    Senders = [spawn_monitor(fun() -> [Self ! {s, K, I} || I <- lists:seq(1, 50)], exit({sender, K}) end)
               || K <- lists:seq(1, 5)],
    Results = [check_sender(K, Pid, R) || {K, {Pid, R}} <- lists:zip(lists:seq(1, 5), Senders)],
    io:format("senders: ~p~n", [Results]),
    %% Linked and monitoring, trapping: 'EXIT' before 'DOWN', both after the messages.
    process_flag(trap_exit, true),
    {L, LRef} = spawn_opt(fun() -> Self ! one, Self ! two, exit(both_signals) end, [link, monitor]),
    Seq = [receive M -> kind(M, L, LRef) end || _ <- lists:seq(1, 4)],
    io:format("linked and monitored: ~p~n", [Seq]),
    %% Two monitors: 'DOWN's in the order the monitors were made.
    T = spawn(fun() -> receive go -> exit(twice) end end),
    R1 = monitor(process, T),
    R2 = monitor(process, T),
    T ! go,
    Downs = [receive {'DOWN', R, process, T, _} -> R end || _ <- [1, 2]],
    io:format("downs in monitor order: ~p~n", [Downs =:= [R1, R2]]),
    io:format("sig_order_down done~n").

count(P, Ref, Count, Last, Ordered) ->
    receive
        {n, I} -> count(P, Ref, Count + 1, I, Ordered andalso I =:= Last + 1);
        {'DOWN', Ref, process, P, W} -> {Count, Ordered, W}
    end.

%% Receives sender K's 'DOWN' selectively, then checks all 50 of its messages are there.
check_sender(K, Pid, Ref) ->
    receive {'DOWN', Ref, process, Pid, W} -> ok end,
    Msgs = [receive {s, K, I} -> I after 0 -> missing end || I <- lists:seq(1, 50)],
    {W, Msgs =:= lists:seq(1, 50)}.

kind({'EXIT', L, W}, L, _) -> {exit, W};
kind({'DOWN', R, process, L, W}, L, R) -> {down, W};
kind(M, _, _) -> M.
