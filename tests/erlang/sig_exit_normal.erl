-module(sig_exit_normal).
-export([main/0]).

%% exit(Pid, normal): ignored by a process that does not trap exits, an {'EXIT', From,
%% normal} message for one that does; sent to oneself it ends a non-trapping process.
main() ->
    process_flag(trap_exit, false),
    Self = self(),
    P = spawn(fun() -> receive ping -> Self ! pong end end),
    exit(P, normal),
    io:format("alive after exit normal: ~p~n", [is_process_alive(P)]),
    P ! ping,
    receive pong -> io:format("pong~n") end,
    %% Trapping: a message whose From is the sender.
    T = spawn(fun() ->
                      process_flag(trap_exit, true),
                      Self ! ready,
                      receive {'EXIT', From, R} -> Self ! {trapped, From =:= Self, R} end
              end),
    receive ready -> ok end,
    exit(T, normal),
    receive {trapped, Same, R1} -> io:format("trapped: ~p ~p~n", [Same, R1]) end,
    %% exit(self(), normal) in a process not trapping: it ends, with reason normal.
    {S, SRef} = spawn_monitor(fun() -> exit(self(), normal), Self ! went_on end),
    receive {'DOWN', SRef, process, S, R2} -> io:format("self normal: ~p~n", [R2]) end,
    io:format("went on: ~p~n", [receive went_on -> yes after 0 -> no end]),
    %% ... and in a trapping one it is a message and the process goes on.
    {S2, S2Ref} = spawn_monitor(fun() ->
                                        process_flag(trap_exit, true),
                                        exit(self(), normal),
                                        receive {'EXIT', From, R} -> Self ! {self_msg, From =:= self(), R} end
                                end),
    receive {self_msg, Me, R3} -> io:format("self normal trapped: ~p ~p~n", [Me, R3]) end,
    receive {'DOWN', S2Ref, process, S2, R4} -> io:format("then: ~p~n", [R4]) end,
    %% A linked process ending normally does not take a non-trapping partner down.
    {M, MRef} = spawn_monitor(fun() ->
                                      C = spawn_link(fun() -> ok end),
                                      CRef = monitor(process, C),
                                      receive {'DOWN', CRef, process, C, normal} -> ok end,
                                      Self ! partner_alive
                              end),
    receive partner_alive -> io:format("partner alive~n") end,
    receive {'DOWN', MRef, process, M, R5} -> io:format("partner: ~p~n", [R5]) end,
    %% exit/2 with normal many times: still alive.
    Q = spawn(fun() -> receive stop -> ok end end),
    [exit(Q, normal) || _ <- lists:seq(1, 100)],
    io:format("q alive: ~p~n", [is_process_alive(Q)]),
    Q ! stop,
    process_flag(trap_exit, true),
    io:format("sig_exit_normal done~n").
