-module(reg_dies).
-export([main/0]).

%% A name is freed when its process ends, however it ends, and can then be taken again.
main() ->
    process_flag(trap_exit, true),
    lists:foreach(fun end_with/1, [normal, crash, killed, exit_reason, linked]),
    %% a process that registers itself and ends
    Self = self(),
    Q = spawn(fun() -> register(reg_dies_self, self()), Self ! registered end),
    receive registered -> ok end,
    wait_dead(Q),
    io:format("self-registered freed: ~p~n", [whereis(reg_dies_self)]),
    %% the freed name is usable at once
    true = register(reg_dies_self, self()),
    io:format("taken again: ~p~n", [whereis(reg_dies_self) =:= self()]),
    unregister(reg_dies_self),
    %% monitors by name report the name when the process dies
    P = spawn(fun() -> receive stop -> ok end end),
    register(reg_dies_watched, P),
    Ref = monitor(process, reg_dies_watched),
    P ! stop,
    receive {'DOWN', Ref, process, Who, Why} -> io:format("down: ~p ~p~n", [Who, Why]) end,
    io:format("watched freed: ~p~n", [whereis(reg_dies_watched)]),
    %% monitoring a name nobody has
    Ref2 = monitor(process, reg_dies_watched),
    receive {'DOWN', Ref2, process, Who2, Why2} -> io:format("down: ~p ~p~n", [Who2, Why2]) end,
    io:format("reg_dies done~n").

end_with(How) ->
    Name = list_to_atom("reg_dies_" ++ atom_to_list(How)),
    P = spawn(fun() -> receive go -> finish(How) end end),
    true = register(Name, P),
    Before = lists:member(Name, registered()),
    P ! go,
    if How =:= killed -> exit(P, kill); true -> ok end,
    wait_dead(P),
    io:format("~p: listed before ~p, whereis after ~p, listed after ~p~n",
              [How, Before, whereis(Name), lists:member(Name, registered())]),
    Q = spawn(fun() -> receive stop -> ok end end),
    io:format("~p: name reusable ~p~n", [How, register(Name, Q)]),
    Q ! stop,
    wait_dead(Q).

finish(normal) -> ok;
finish(crash) -> erlang:error(boom);
finish(killed) -> receive never -> ok end;
finish(exit_reason) -> exit(bye);
finish(linked) ->
    process_flag(trap_exit, false),
    L = spawn_link(fun() -> exit(linked_died) end),
    receive never -> L end.

wait_dead(P) ->
    M = monitor(process, P),
    receive {'DOWN', M, process, P, _} -> ok end.
