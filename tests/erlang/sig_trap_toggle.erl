-module(sig_trap_toggle).
-export([main/0]).

%% process_flag(trap_exit, ...) answers the old value; switching it off again makes exit
%% signals deadly once more, while 'EXIT' messages already received stay in the mailbox.
main() ->
    Self = self(),
    {P, Ref} = spawn_monitor(fun() ->
                                     Old1 = process_flag(trap_exit, true),
                                     Old2 = process_flag(trap_exit, true),
                                     Self ! {flags, Old1, Old2},
                                     receive {'EXIT', _, first} -> Self ! got_first end,
                                     Old3 = process_flag(trap_exit, false),
                                     Self ! {off, Old3},
                                     receive never -> ok end
                             end),
    receive {flags, O1, O2} -> io:format("old values: ~p ~p~n", [O1, O2]) end,
    exit(P, first),
    receive got_first -> io:format("first trapped~n") end,
    receive {off, O3} -> io:format("switched off, was ~p~n", [O3]) end,
    exit(P, second),
    receive {'DOWN', Ref, process, P, R} -> io:format("second: ~p~n", [R]) end,
    %% An 'EXIT' message queued while trapping stays after switching off, and is an ordinary
    %% message then.
    {Q, QRef} = spawn_monitor(fun() ->
                                      process_flag(trap_exit, true),
                                      Self ! trapping,
                                      receive go -> ok end,
                                      process_flag(trap_exit, false),
                                      receive {'EXIT', _, Why} -> Self ! {late, Why} end
                              end),
    receive trapping -> ok end,
    exit(Q, queued),
    Q ! go,
    receive {late, W} -> io:format("queued while trapping: ~p~n", [W]) end,
    receive {'DOWN', QRef, process, Q, R2} -> io:format("q: ~p~n", [R2]) end,
    %% Switched on and off around links: a linked child's crash kills after switching off.
    {M, MRef} = spawn_monitor(fun() ->
                                      process_flag(trap_exit, true),
                                      C1 = spawn_link(fun() -> exit(one) end),
                                      receive {'EXIT', C1, one} -> Self ! survived_one end,
                                      process_flag(trap_exit, false),
                                      _ = spawn_link(fun() -> exit(two) end),
                                      receive never -> ok end
                              end),
    receive survived_one -> io:format("survived one~n") end,
    receive {'DOWN', MRef, process, M, R3} -> io:format("m: ~p~n", [R3]) end,
    io:format("bad value: ~p~n", [try process_flag(trap_exit, maybe) catch error:E -> E end]),
    io:format("sig_trap_toggle done~n").
