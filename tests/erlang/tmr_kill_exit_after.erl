-module(tmr_kill_exit_after).
-export([main/0]).

%% exit_after/2,3 and kill_after/1,2: an exit signal sent when the time is up, to a pid or
%% to a registered name looked up then.
main() ->
    Self = self(),
    {A, ARef} = spawn_monitor(fun idle/0),
    {ok, T} = timer:exit_after(10, A, stop_now),
    io:format("exit_after/3: ~p ~p~n", [element(1, T), down(A, ARef)]),
    {B, BRef} = spawn_monitor(fun idle/0),
    {ok, _} = timer:kill_after(10, B),
    io:format("kill_after/2: ~p~n", [down(B, BRef)]),
    {C, CRef} = spawn_monitor(fun() -> {ok, _} = timer:kill_after(10), idle() end),
    io:format("kill_after/1: ~p~n", [down(C, CRef)]),
    {D, DRef} = spawn_monitor(fun() -> {ok, _} = timer:exit_after(10, bye), idle() end),
    io:format("exit_after/2: ~p~n", [down(D, DRef)]),
    %% A trapping process gets the signal as a message (and lives on).
    Trapper = spawn(fun() ->
                            process_flag(trap_exit, true),
                            {ok, _} = timer:exit_after(10, self(), soft),
                            receive {'EXIT', _, Why} -> Self ! {trapped, Why} end
                    end),
    receive {trapped, Why} -> io:format("trapped: ~p ~p~n", [Why, is_pid(Trapper)]) end,
    %% exit(Pid, normal) from the timer does not end a process that does not trap exits.
    {E, ERef} = spawn_monitor(fun idle/0),
    {ok, _} = timer:exit_after(10, E, normal),
    io:format("normal: ~p~n", [receive {'DOWN', ERef, _, _, R} -> R after 40 -> alive end]),
    exit(E, kill),
    receive {'DOWN', ERef, _, _, _} -> ok end,
    %% To a registered name, taken after the timer was set.
    {ok, _} = timer:exit_after(20, tmr_kea_named, named),
    {F, FRef} = spawn_monitor(fun idle/0),
    register(tmr_kea_named, F),
    io:format("by name: ~p~n", [down(F, FRef)]),
    %% A name that nobody holds when the time is up: nothing happens.
    {ok, _} = timer:kill_after(10, tmr_kea_nobody),
    %% At time 0 the signal goes at once.
    {G, GRef} = spawn_monitor(fun idle/0),
    {ok, I} = timer:exit_after(0, G, instantly),
    io:format("at 0: ~p ~p~n", [element(1, I), down(G, GRef)]),
    io:format("errors: ~p~n",
              [[catch_it(Fun) || Fun <- [fun() -> timer:exit_after(-1, x) end,
                                         fun() -> timer:kill_after(x) end,
                                         fun() -> timer:exit_after(1.0, Self, x) end,
                                         fun() -> timer:exit_after(10, "x", r) end,
                                         fun() -> timer:exit_after(0, "x", r) end]]]),
    io:format("quiet: ~p~n", [receive M -> M after 30 -> none end]),
    io:format("tmr_kill_exit_after done~n").

idle() ->
    receive after infinity -> ok end.

down(Pid, Ref) ->
    receive {'DOWN', Ref, process, Pid, Reason} -> Reason end.

catch_it(F) ->
    try F() of
        {ok, {Kind, _}} -> {ok, Kind};
        Other -> Other
    catch
        C:E -> {C, E}
    end.
