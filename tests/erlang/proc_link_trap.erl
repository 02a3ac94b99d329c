-module(proc_link_trap).
-export([main/0]).

main() ->
    process_flag(trap_exit, true),
    P1 = spawn_link(fun() -> exit(custom_reason) end),
    receive {'EXIT', P1, R1} -> io:format("exit: ~p~n", [R1]) end,
    P2 = spawn_link(fun() -> ok end),
    receive {'EXIT', P2, R2} -> io:format("exit: ~p~n", [R2]) end,
    P3 = spawn(fun() -> receive _ -> ok end end),
    link(P3),
    exit(P3, kill),
    receive {'EXIT', P3, R3} -> io:format("exit: ~p~n", [R3]) end,
    %% a linked, non-trapping middle process dies when its linked child dies abnormally
    Self = self(),
    Middle = spawn_link(fun() ->
                                _Child = spawn_link(fun() -> exit(child_failed) end),
                                receive never -> ok end
                        end),
    receive {'EXIT', Middle, R4} -> io:format("middle: ~p~n", [R4]) end,
    %% a trapping middle process survives and reports
    M2 = spawn_link(fun() ->
                            process_flag(trap_exit, true),
                            C = spawn_link(fun() -> exit(child_failed_again) end),
                            receive {'EXIT', C, Why} -> Self ! {middle_saw, Why} end
                    end),
    receive {middle_saw, W} -> io:format("trapped in middle: ~p~n", [W]) end,
    receive {'EXIT', M2, R5} -> io:format("m2: ~p~n", [R5]) end,
    %% exit/2 with normal to a non-trapping process is ignored
    P6 = spawn(fun() -> receive ping -> Self ! pong end end),
    exit(P6, normal),
    P6 ! ping,
    receive pong -> io:format("survived exit normal~n") after 30000 -> io:format("no pong~n") end,
    %% exit/2 to a trapping process becomes a message
    P7 = spawn(fun() ->
                       process_flag(trap_exit, true),
                       Self ! trapping,
                       receive {'EXIT', From, Rsn} -> Self ! {got, From =:= Self, Rsn} end
               end),
    receive trapping -> ok end,
    exit(P7, please_stop),
    receive {got, FromSelf, Rsn7} -> io:format("~p ~p~n", [FromSelf, Rsn7]) end,
    %% unlink prevents the signal
    P8 = spawn_link(fun() -> receive go -> exit(unlinked_death) end end),
    unlink(P8),
    P8 ! go,
    receive {'EXIT', P8, _} -> io:format("unexpected exit msg~n") after 100 -> io:format("no exit after unlink~n") end,
    %% link to a dead process gives noproc
    Dead = spawn(fun() -> ok end),
    DeadRef = monitor(process, Dead),
    receive {'DOWN', DeadRef, process, Dead, _} -> ok end,
    link(Dead),
    receive {'EXIT', Dead, R9} -> io:format("link to dead: ~p~n", [R9]) after 30000 -> io:format("no msg~n") end,
    io:format("~p~n", [process_flag(trap_exit, false)]),
    io:format("proc_link_trap done~n").
