-module(proc_demonitor).
-export([main/0]).

main() ->
    P = spawn(fun() -> receive die -> exit(dying) end end),
    Ref = monitor(process, P),
    io:format("~p~n", [demonitor(Ref)]),
    P ! die,
    io:format("~p~n", [receive {'DOWN', Ref, _, _, _} -> got_down after 100 -> no_down end]),
    P2 = spawn(fun() -> receive die -> exit(dying) end end),
    Ref2 = monitor(process, P2),
    P2 ! die,
    timer:sleep(50),
    io:format("~p~n", [demonitor(Ref2, [flush])]),
    io:format("~p~n", [receive {'DOWN', Ref2, _, _, _} -> still_there after 0 -> flushed end]),
    P3 = spawn(fun() -> receive _ -> ok end end),
    Ref3 = monitor(process, P3),
    io:format("~p~n", [demonitor(Ref3, [info])]),
    io:format("~p~n", [demonitor(Ref3, [info])]),
    P3 ! bye,
    P4 = spawn(fun() -> receive go -> ok end end),
    Ref4 = monitor(process, P4),
    P4 ! go,
    receive {'DOWN', Ref4, process, P4, normal} -> ok end,
    io:format("~p~n", [demonitor(Ref4, [flush, info])]),
    io:format("~p~n", [demonitor(make_ref())]),
    io:format("~p~n", [try demonitor(not_a_ref) catch error:E -> E end]),
    io:format("~p~n", [receive Any -> {unexpected, Any} after 0 -> mailbox_empty end]),
    io:format("proc_demonitor done~n").
