-module(sig_unlink).
-export([main/0]).

%% After unlink/1 returns, the link has no effect: the other side's death sends nothing to a
%% trapping caller and does not kill a non-trapping one; either side may unlink.
main() ->
    Self = self(),
    %% Trapping caller unlinks, then the child dies: no 'EXIT'.
    process_flag(trap_exit, true),
    C = spawn_link(fun() -> receive go -> exit(after_unlink) end end),
    unlink(C),
    CRef = monitor(process, C),
    C ! go,
    receive {'DOWN', CRef, process, C, W} -> io:format("child: ~p~n", [W]) end,
    io:format("exit message: ~p~n", [receive {'EXIT', C, _} = Msg -> Msg after 50 -> none end]),
    %% The child unlinks itself from us, then dies.
    C2 = spawn_link(fun() -> receive go -> unlink(Self), exit(child_unlinked) end end),
    C2Ref = monitor(process, C2),
    C2 ! go,
    receive {'DOWN', C2Ref, process, C2, W2} -> io:format("child2: ~p~n", [W2]) end,
    io:format("exit message 2: ~p~n", [receive {'EXIT', C2, _} = M2 -> M2 after 50 -> none end]),
    %% Non-trapping middle: unlink then the child's crash leaves it alive.
    {M, MRef} = spawn_monitor(fun() ->
                                      K = spawn_link(fun() -> receive go -> exit(crash) end end),
                                      unlink(K),
                                      KRef = monitor(process, K),
                                      K ! go,
                                      receive {'DOWN', KRef, process, K, _} -> ok end,
                                      Self ! still_alive,
                                      receive stop -> ok end
                              end),
    receive still_alive -> io:format("middle still alive~n") end,
    M ! stop,
    receive {'DOWN', MRef, process, M, W3} -> io:format("middle: ~p~n", [W3]) end,
    %% Unlink then an exit/2 (not a link signal) still works.
    {E, ERef} = spawn_monitor(fun() -> link(Self), unlink(Self), Self ! unlinked, receive never -> ok end end),
    receive unlinked -> ok end,
    exit(E, direct),
    receive {'DOWN', ERef, process, E, W4} -> io:format("exit/2 after unlink: ~p~n", [W4]) end,
    io:format("exit message 3: ~p~n", [receive {'EXIT', E, _} = M4 -> M4 after 50 -> none end]),
    %% Link, unlink, link again: the link is back.
    L = spawn(fun() -> receive go -> exit(relinked) end end),
    link(L), unlink(L), link(L),
    L ! go,
    receive {'EXIT', L, W5} -> io:format("relinked: ~p~n", [W5]) end,
    %% An 'EXIT' already received stays in the mailbox after unlink.
    P = spawn_link(fun() -> exit(early) end),
    PRef = monitor(process, P),
    receive {'DOWN', PRef, process, P, _} -> ok end,
    unlink(P),
    io:format("already queued: ~p~n", [receive {'EXIT', P, W6} -> W6 after 50 -> none end]),
    io:format("sig_unlink done~n").
