-module(sig_monitor_dead).
-export([main/0]).

%% Monitoring a process that has already ended: a 'DOWN' with noproc at once, one per monitor,
%% object as given (pid, name or {Name, Node}); the monitor is already gone afterwards.
main() ->
    Dead = dead(),
    R1 = monitor(process, Dead),
    R2 = monitor(process, Dead),
    D1 = receive {'DOWN', R1, process, O1, W1} -> {O1 =:= Dead, W1} end,
    D2 = receive {'DOWN', R2, process, O2, W2} -> {O2 =:= Dead, W2} end,
    io:format("dead pid: ~p ~p different refs: ~p~n", [D1, D2, R1 =/= R2]),
    io:format("demonitor info: ~p~n", [demonitor(R1, [info])]),
    io:format("demonitor: ~p~n", [demonitor(R2)]),
    %% A name whose process died.
    P = spawn(fun() -> receive go -> ok end end),
    register(sig_md_name, P),
    PRef = monitor(process, P),
    P ! go,
    receive {'DOWN', PRef, process, P, normal} -> ok end,
    R3 = monitor(process, sig_md_name),
    receive {'DOWN', R3, process, O3, W3} -> io:format("dead name: ~p ~p~n", [O3, W3]) end,
    R4 = monitor(process, {sig_md_name, node()}),
    receive {'DOWN', R4, process, O4, W4} -> io:format("dead name tuple: ~p ~p~n", [O4, W4]) end,
    %% spawn_monitor of a fun that ends at once: one 'DOWN', normal.
    Counts = [begin
                  {Q, QR} = spawn_monitor(fun() -> ok end),
                  receive {'DOWN', QR, process, Q, normal} -> ok end,
                  receive {'DOWN', QR, _, _, _} -> 2 after 0 -> 1 end
              end || _ <- lists:seq(1, 20)],
    io:format("spawn_monitor downs: ~p~n", [lists:usort(Counts)]),
    io:format("mailbox: ~p~n", [receive X -> X after 50 -> empty end]),
    io:format("sig_monitor_dead done~n").

dead() ->
    {P, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, P, _} -> P end.
