-module(sig_exit_kill).
-export([main/0]).

%% kill: exit(Pid, kill) ends even a trapping process, with reason killed; its links and
%% monitors see killed. kill through a link (a process dying with reason kill) is an ordinary
%% reason: trappable, and passed on as kill.
main() ->
    Self = self(),
    T = spawn(fun() -> process_flag(trap_exit, true), Self ! ready, receive _ -> ok end, receive never -> ok end end),
    receive ready -> ok end,
    TRef = monitor(process, T),
    exit(T, kill),
    receive {'DOWN', TRef, process, T, R1} -> io:format("trapping killed: ~p~n", [R1]) end,
    %% A trapping process linked to the killed one gets killed as an 'EXIT' message.
    process_flag(trap_exit, true),
    L = spawn_link(fun() -> receive never -> ok end end),
    exit(L, kill),
    receive {'EXIT', L, R2} -> io:format("linked sees: ~p~n", [R2]) end,
    %% A non-trapping process linked to the killed one dies with killed.
    {M, MRef} = spawn_monitor(fun() ->
                                      V = spawn_link(fun() -> receive never -> ok end end),
                                      Self ! {victim, V},
                                      receive never -> ok end
                              end),
    V = receive {victim, VP} -> VP end,
    exit(V, kill),
    receive {'DOWN', MRef, process, M, R3} -> io:format("partner of killed: ~p~n", [R3]) end,
    %% exit(self(), kill) while trapping: killed.
    {K, KRef} = spawn_monitor(fun() -> process_flag(trap_exit, true), exit(self(), kill), Self ! survived end),
    receive {'DOWN', KRef, process, K, R4} -> io:format("self kill: ~p~n", [R4]) end,
    io:format("survived: ~p~n", [receive survived -> yes after 0 -> no end]),
    %% exit(kill) (exit/1): the process ends with reason kill; a trapping partner gets
    %% {'EXIT', P, kill}; a non-trapping one dies with reason kill too.
    E = spawn_link(fun() -> exit(kill) end),
    receive {'EXIT', E, R5} -> io:format("exit/1 kill via link: ~p~n", [R5]) end,
    {N, NRef} = spawn_monitor(fun() ->
                                      _ = spawn_link(fun() -> exit(kill) end),
                                      receive never -> ok end
                              end),
    receive {'DOWN', NRef, process, N, R6} -> io:format("non-trapping partner: ~p~n", [R6]) end,
    {D, DRef} = spawn_monitor(fun() -> exit(kill) end),
    receive {'DOWN', DRef, process, D, R7} -> io:format("monitor of exit(kill): ~p~n", [R7]) end,
    %% Killing a dead process is fine.
    io:format("kill dead: ~p~n", [exit(D, kill)]),
    io:format("mailbox: ~p~n", [receive X -> X after 0 -> empty end]),
    io:format("sig_exit_kill done~n").
