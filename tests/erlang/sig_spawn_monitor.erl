-module(sig_spawn_monitor).
-export([main/0, child/1]).

%% spawn_monitor/1,3 and spawn_opt with monitor/link: the {Pid, Ref} answer and the shape of
%% the 'DOWN' message.
main() ->
    {P1, R1} = spawn_monitor(fun() -> exit(reason_one) end),
    io:format("pid ~p ref ~p~n", [is_pid(P1), is_reference(R1)]),
    receive {'DOWN', R1, process, P1, W1} -> io:format("down1: ~p~n", [W1]) end,
    {P3, R3} = spawn_monitor(?MODULE, child, [{exit, three}]),
    receive {'DOWN', R3, Type, Obj, W3} -> io:format("down3: ~p ~p ~p~n", [Type, Obj =:= P3, W3]) end,
    {P4, R4} = spawn_monitor(?MODULE, child, [normal]),
    receive {'DOWN', R4, process, P4, W4} -> io:format("down4: ~p~n", [W4]) end,
    {P5, R5} = spawn_opt(fun() -> exit(via_opt) end, [monitor]),
    receive {'DOWN', R5, process, P5, W5} -> io:format("spawn_opt monitor: ~p~n", [W5]) end,
    process_flag(trap_exit, true),
    {P6, R6} = spawn_opt(fun() -> exit(both) end, [link, monitor]),
    M1 = receive A -> tag(A, P6, R6) end,
    M2 = receive B -> tag(B, P6, R6) end,
    io:format("spawn_opt link+monitor: ~p ~p~n", [M1, M2]),
    %% Two monitors from spawn_monitor's one and a second monitor/2.
    {P7, R7} = spawn_monitor(fun() -> receive go -> exit(twice) end end),
    R7b = monitor(process, P7),
    P7 ! go,
    Ds = [receive {'DOWN', R, process, P7, W} -> W end || R <- [R7b, R7]],
    io:format("two downs: ~p~n", [Ds]),
    io:format("bad: ~p~n", [try spawn_monitor(nofun) catch error:E -> E end]),
    io:format("mailbox: ~p~n", [receive X -> X after 0 -> empty end]),
    io:format("sig_spawn_monitor done~n").

tag({'EXIT', P, W}, P, _) -> {exit, W};
tag({'DOWN', R, process, P, W}, P, R) -> {down, W};
tag(Other, _, _) -> {other, Other}.

child(normal) -> ok;
child({exit, R}) -> exit(R).
