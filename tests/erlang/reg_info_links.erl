-module(reg_info_links).
-export([main/0]).

%% process_info links, monitors and monitored_by as links and monitors come and go. The
%% test runs in a process of its own: erl's boot process is linked to init.
main() ->
    Self = self(),
    {Pid, Ref} = spawn_monitor(fun run/0),
    receive {'DOWN', Ref, process, Pid, Why} -> io:format("run ended: ~p~n", [Why]) end,
    io:format("self unchanged: ~p~n", [process_info(Self, monitors)]),
    io:format("reg_info_links done~n").

run() ->
    Self = self(),
    A = spawn(fun() -> idle() end),
    B = spawn(fun() -> idle() end),
    register(reg_info_b, B),
    io:format("start: ~p~n", [process_info(self(), [links, monitors])]),
    link(A),
    io:format("linked: ~p ~p~n", [pids(self(), links) =:= [A], pids(A, links) =:= [Self]]),
    M1 = monitor(process, A),
    M2 = monitor(process, reg_info_b),
    {monitors, Ms} = process_info(self(), monitors),
    io:format("monitors: ~p~n", [lists:sort([norm(X, A) || X <- Ms])]),
    io:format("A monitored_by me: ~p~n", [pids(A, monitored_by) =:= [Self]]),
    io:format("B monitored_by me: ~p~n", [pids(B, monitored_by) =:= [Self]]),
    %% a second monitor on the same process counts twice
    M3 = monitor(process, A),
    io:format("twice: ~p~n", [pids(A, monitored_by) =:= [Self, Self]]),
    demonitor(M3),
    demonitor(M1),
    io:format("after demonitor: ~p~n", [pids(A, monitored_by)]),
    {monitors, Ms2} = process_info(self(), monitors),
    io:format("left: ~p~n", [[norm(X, A) || X <- Ms2]]),
    demonitor(M2),
    unlink(A),
    io:format("unlinked: ~p ~p~n", [pids(self(), links), pids(A, links)]),
    %% links of a process linked to several
    C = spawn(fun() -> link(A), link(B), Self ! linked, idle() end),
    receive linked -> ok end,
    io:format("C links both: ~p~n", [lists:sort(pids(C, links)) =:= lists:sort([A, B])]),
    io:format("A links C: ~p~n", [pids(A, links) =:= [C]]),
    %% a process that dies leaves the others' lists
    process_flag(trap_exit, true),
    link(C),
    exit(C, kill),
    receive {'EXIT', C, killed} -> ok end,
    timer:sleep(10),
    io:format("after C died: ~p ~p ~p~n", [pids(self(), links), pids(A, links), pids(B, links)]),
    %% monitors held by a dead process are gone from their targets
    D = spawn(fun() -> monitor(process, A), Self ! monitoring, idle() end),
    receive monitoring -> ok end,
    io:format("A monitored_by D: ~p~n", [pids(A, monitored_by) =:= [D]]),
    exit(D, kill),
    receive {'EXIT', _, _} -> ok after 0 -> ok end,
    timer:sleep(10),
    io:format("after D died: ~p~n", [pids(A, monitored_by)]),
    exit(A, kill), exit(B, kill).

%% Trapping exits, so the death of a linked process does not end it.
idle() ->
    process_flag(trap_exit, true),
    idle_loop().

idle_loop() -> receive stop -> ok; _ -> idle_loop() end.

pids(P, Item) ->
    {Item, L} = process_info(P, Item),
    L.

norm({process, P}, P) -> {process, a};
norm({process, {Name, _Node}}, _) -> {process, Name};
norm(Other, _) -> Other.
