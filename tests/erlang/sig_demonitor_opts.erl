-module(sig_demonitor_opts).
-export([main/0]).

%% demonitor/1,2 with [flush] and [info]: a 'DOWN' already delivered is removed by flush and
%% no other message is; info tells whether the monitor was still active.
main() ->
    Self = self(),
    %% Target already dead, 'DOWN' in the mailbox, with other messages around it.
    {P, Ref} = spawn_monitor(fun() -> Self ! before, exit(gone) end),
    receive before -> ok end,
    wait_dead(P),
    Self ! after_down,
    io:format("info+flush on fired: ~p~n", [demonitor(Ref, [flush, info])]),
    io:format("left: ~p~n", [drain()]),
    %% info without flush on a fired monitor: false, and the 'DOWN' stays.
    {P2, Ref2} = spawn_monitor(fun() -> exit(gone2) end),
    wait_dead(P2),
    io:format("info on fired: ~p~n", [demonitor(Ref2, [info])]),
    io:format("down kept: ~p~n", [receive {'DOWN', Ref2, process, P2, W} -> W after 0 -> none end]),
    %% Active monitor: info says true, nothing arrives afterwards.
    {P3, Ref3} = spawn_monitor(fun() -> receive go -> exit(gone3) end end),
    io:format("info on active: ~p~n", [demonitor(Ref3, [info])]),
    io:format("info again: ~p~n", [demonitor(Ref3, [info])]),
    P3 ! go,
    wait_dead(P3),
    io:format("after demonitor: ~p~n", [drain()]),
    %% flush alone answers true either way.
    {P4, Ref4} = spawn_monitor(fun() -> exit(gone4) end),
    wait_dead(P4),
    io:format("flush: ~p ~p~n", [demonitor(Ref4, [flush]), drain()]),
    io:format("empty opts: ~p~n", [demonitor(make_ref(), [])]),
    %% Only the matching 'DOWN' is flushed, another monitor's stays.
    P5 = spawn(fun() -> receive go -> exit(gone5) end end),
    RA = monitor(process, P5),
    RB = monitor(process, P5),
    P5 ! go,
    wait_dead(P5),
    demonitor(RA, [flush]),
    io:format("other down: ~p~n", [[W5 || {'DOWN', R, _, _, W5} <- drain(), R =:= RB]]),
    io:format("bad option: ~p~n", [try demonitor(make_ref(), [bogus]) catch error:E -> E end]),
    io:format("bad list: ~p~n", [try demonitor(make_ref(), flush) catch error:E2 -> E2 end]),
    io:format("sig_demonitor_opts done~n").

%% Waits until P has ended, without receiving any message.
wait_dead(P) ->
    case is_process_alive(P) of
        true -> receive after 1 -> wait_dead(P) end;
        false -> ok
    end.

drain() ->
    receive M -> [M | drain()] after 0 -> [] end.
