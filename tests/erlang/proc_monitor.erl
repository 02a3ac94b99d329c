-module(proc_monitor).
-export([main/0]).

main() ->
    %% (no error/throw crashes: those make erl's logger print a report with pids)
    Reasons = [normal, kill_me, {shutdown, reason}, some_atom, {error, [1, 2]}, {exit_with_stack, [{m, f, 0, []}]}, [], 1.5],
    lists:foreach(fun(R) -> io:format("~p -> ~p~n", [R, watch(R)]) end, Reasons),
    Dead = spawn(fun() -> ok end),
    Ref0 = monitor(process, Dead),
    receive {'DOWN', Ref0, process, Dead, _} -> ok end,
    Ref = monitor(process, Dead),
    receive {'DOWN', Ref, process, Dead, R} -> io:format("already dead: ~p~n", [R]) end,
    Pid = spawn(fun() -> receive stop -> ok end end),
    M1 = monitor(process, Pid),
    M2 = monitor(process, Pid),
    io:format("~p~n", [M1 =/= M2]),
    Pid ! stop,
    Downs = [receive {'DOWN', M, process, _, Why} -> Why end || M <- [M2, M1]],
    io:format("~p~n", [Downs]),
    Name = registered_victim,
    V = spawn(fun() -> receive go -> exit(by_name) end end),
    register(Name, V),
    MR = monitor(process, Name),
    V ! go,
    receive {'DOWN', MR, process, Obj, RN} -> io:format("~p ~p~n", [Obj, RN]) end,
    MN = monitor(process, no_such_registered_name),
    receive {'DOWN', MN, process, Obj2, RN2} -> io:format("~p ~p~n", [Obj2, RN2]) end,
    io:format("proc_monitor done~n").

watch(How) ->
    Pid = spawn(fun() ->
                        receive go -> ok end,
                        case How of
                            normal -> ok;
                            kill_me -> exit(self(), kill), timer:sleep(1000);
                            Other -> exit(Other)
                        end
                end),
    Ref = monitor(process, Pid),
    Pid ! go,
    receive
        {'DOWN', Ref, process, Pid, Reason} -> Reason
    after 60000 -> timeout
    end.
