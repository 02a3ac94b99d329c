-module(sig_monitor_name).
-export([main/0]).

%% Monitors by registered name and by {Name, node()}: the 'DOWN' object names the process as
%% {Name, Node}; a name nobody registered gives noproc at once.
main() ->
    Node = node(),
    P = spawn(fun() -> receive go -> exit(by_name) end end),
    register(sig_mon_a, P),
    Ref = monitor(process, sig_mon_a),
    P ! go,
    receive {'DOWN', Ref, process, Obj, R} -> io:format("name: ~p ~p ~p~n", [Obj, Obj =:= {sig_mon_a, Node}, R]) end,
    io:format("whereis after: ~p~n", [whereis(sig_mon_a)]),
    P2 = spawn(fun() -> receive go -> exit(by_tuple) end end),
    register(sig_mon_b, P2),
    Ref2 = monitor(process, {sig_mon_b, Node}),
    P2 ! go,
    receive {'DOWN', Ref2, process, Obj2, R2} -> io:format("tuple: ~p ~p~n", [Obj2, R2]) end,
    Ref3 = monitor(process, sig_mon_nobody),
    receive {'DOWN', Ref3, process, Obj3, R3} -> io:format("nobody: ~p ~p~n", [Obj3, R3]) end,
    Ref4 = monitor(process, {sig_mon_nobody, Node}),
    receive {'DOWN', Ref4, process, Obj4, R4} -> io:format("nobody tuple: ~p ~p~n", [Obj4, R4]) end,
    %% The monitor follows the process, not the name: unregistering does not end it.
    P5 = spawn(fun() -> receive go -> exit(unregistered) end end),
    register(sig_mon_c, P5),
    Ref5 = monitor(process, sig_mon_c),
    unregister(sig_mon_c),
    P5 ! go,
    receive {'DOWN', Ref5, process, Obj5, R5} -> io:format("unregistered: ~p ~p~n", [Obj5, R5]) end,
    %% A name registered by the monitoring process itself: no 'DOWN' while it lives.
    register(sig_mon_self, self()),
    Ref6 = monitor(process, sig_mon_self),
    io:format("self by name: ~p~n", [receive {'DOWN', Ref6, _, _, _} = D -> D after 50 -> no_down end]),
    io:format("demonitor self: ~p~n", [demonitor(Ref6, [info])]),
    unregister(sig_mon_self),
    %% Name and pid monitors on the same process both fire, each with its own object.
    P7 = spawn(fun() -> receive go -> exit(both_ways) end end),
    register(sig_mon_d, P7),
    RN = monitor(process, sig_mon_d),
    RP = monitor(process, P7),
    P7 ! go,
    receive {'DOWN', RN, process, ObjN, WN} -> io:format("by name: ~p ~p~n", [ObjN, WN]) end,
    receive {'DOWN', RP, process, ObjP, WP} -> io:format("by pid: ~p ~p~n", [ObjP =:= P7, WP]) end,
    io:format("bad node: ~p~n", [try monitor(process, {sig_mon_d, 42}) catch error:E -> E end]),
    io:format("bad target: ~p~n", [try monitor(process, "name") catch error:E2 -> E2 end]),
    io:format("bad type: ~p~n", [try monitor(proc, self()) catch error:E3 -> E3 end]),
    io:format("mailbox: ~p~n", [receive X -> X after 0 -> empty end]),
    io:format("sig_monitor_name done~n").
