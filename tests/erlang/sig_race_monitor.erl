-module(sig_race_monitor).
-export([main/0]).

%% Monitoring or linking a process that may be ending at that very moment: whatever the
%% timing, exactly one 'DOWN' per monitor (normal or noproc) and exactly one 'EXIT' per link
%% for a trapping caller (normal or noproc), never none and never two.
main() ->
    process_flag(trap_exit, true),
    N = 200,
    Downs = [monitor_short_lived() || _ <- lists:seq(1, N)],
    io:format("monitor: ~p downs of ~p, reasons ok: ~p~n",
              [lists:sum([C || {C, _} <- Downs]), N, lists:all(fun({_, R}) -> ok_reason(R) end, Downs)]),
    Exits = [link_short_lived() || _ <- lists:seq(1, N)],
    io:format("link: ~p exits of ~p, reasons ok: ~p~n",
              [lists:sum([C || {C, _} <- Exits]), N, lists:all(fun({_, R}) -> ok_reason(R) end, Exits)]),
    %% Both at once on the same dying process: one of each.
    Both = [both_short_lived() || _ <- lists:seq(1, N)],
    io:format("both: ~p~n", [lists:usort(Both)]),
    %% Monitor, demonitor, monitor again while it dies: only the second monitor's 'DOWN'.
    Again = [remonitor() || _ <- lists:seq(1, N)],
    io:format("remonitor: ~p~n", [lists:usort(Again)]),
    %% A killer and a monitor racing: the 'DOWN' says killed or noproc, once.
    Killed = [kill_race() || _ <- lists:seq(1, N)],
    io:format("kill race: ~p~n", [lists:usort(Killed)]),
    io:format("left over: ~p~n", [receive X -> X after 100 -> none end]),
    io:format("sig_race_monitor done~n").

ok_reason(normal) -> true;
ok_reason(noproc) -> true;
ok_reason(_) -> false.

monitor_short_lived() ->
    P = spawn(fun() -> ok end),
    Ref = monitor(process, P),
    receive {'DOWN', Ref, process, P, R} -> {1 + extra_down(Ref), R} end.

extra_down(Ref) ->
    receive {'DOWN', Ref, _, _, _} -> 1 after 0 -> 0 end.

link_short_lived() ->
    P = spawn(fun() -> ok end),
    link(P),
    receive {'EXIT', P, R} -> {1 + extra_exit(P), R} after 1000 -> {0, none} end.

extra_exit(P) ->
    receive {'EXIT', P, _} -> 1 after 0 -> 0 end.

both_short_lived() ->
    P = spawn(fun() -> ok end),
    Ref = monitor(process, P),
    link(P),
    D = receive {'DOWN', Ref, process, P, _} -> 1 end,
    %% An 'EXIT' with normal or noproc: at most one, and only if the link came in time or
    %% too late (noproc); a normal exit of a linked process gives {'EXIT', P, normal}.
    E = receive {'EXIT', P, _} -> 1 after 200 -> 0 end,
    {D + extra_down(Ref), E + extra_exit(P)}.

remonitor() ->
    Self = self(),
    P = spawn(fun() -> receive go -> Self ! going end end),
    R1 = monitor(process, P),
    P ! go,
    true = demonitor(R1),
    R2 = monitor(process, P),
    receive going -> ok end,
    receive {'DOWN', R2, process, P, _} -> ok end,
    receive after 1 -> ok end,
    {extra_down(R1), extra_down(R2)}.

kill_race() ->
    Self = self(),
    P = spawn(fun() -> receive never -> ok end end),
    spawn(fun() -> exit(P, kill), Self ! killed_it end),
    Ref = monitor(process, P),
    R = receive {'DOWN', Ref, process, P, W} -> W end,
    receive killed_it -> ok end,
    {lists:member(R, [killed, noproc]), extra_down(Ref)}.
