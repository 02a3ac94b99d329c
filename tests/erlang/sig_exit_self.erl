-module(sig_exit_self).
-export([main/0]).

%% exit(self(), Reason) is a signal, not an exception: no catch stops it in a process that
%% does not trap exits, while exit/1 is an exception that catch and try see.
main() ->
    Self = self(),
    {P, Ref} = spawn_monitor(fun() -> catch exit(self(), caught_not), Self ! went_on end),
    receive {'DOWN', Ref, process, P, R1} -> io:format("catch exit/2: ~p~n", [R1]) end,
    io:format("went on: ~p~n", [receive went_on -> yes after 0 -> no end]),
    {P2, Ref2} = spawn_monitor(fun() ->
                                       try exit(self(), tried) catch _:_ -> Self ! caught end,
                                       Self ! went_on
                               end),
    receive {'DOWN', Ref2, process, P2, R2} -> io:format("try exit/2: ~p~n", [R2]) end,
    io:format("after try: ~p~n", [drain()]),
    {P3, Ref3} = spawn_monitor(fun() ->
                                       Self ! {caught, catch exit(by_exit1)},
                                       Self ! {tried, try exit(again) catch exit:E -> E end}
                               end),
    receive {caught, C} -> io:format("exit/1 caught: ~p~n", [C]) end,
    receive {tried, T} -> io:format("exit/1 tried: ~p~n", [T]) end,
    receive {'DOWN', Ref3, process, P3, R3} -> io:format("exit/1 process: ~p~n", [R3]) end,
    %% Trapping: exit(self(), R) is an {'EXIT', self(), R} message and the call returns true.
    {P4, Ref4} = spawn_monitor(fun() ->
                                       process_flag(trap_exit, true),
                                       Ret = exit(self(), to_myself),
                                       receive {'EXIT', From, Why} -> Self ! {msg, Ret, From =:= self(), Why} end
                               end),
    receive {msg, Ret, Me, Why} -> io:format("trapping self: ~p ~p ~p~n", [Ret, Me, Why]) end,
    receive {'DOWN', Ref4, process, P4, R4} -> io:format("then: ~p~n", [R4]) end,
    %% Linked partners see the reason of a process that signalled itself.
    process_flag(trap_exit, true),
    L = spawn_link(fun() -> exit(self(), {self_signal, 42}) end),
    receive {'EXIT', L, R5} -> io:format("linked: ~p~n", [R5]) end,
    io:format("sig_exit_self done~n").

drain() ->
    receive M -> [M | drain()] after 0 -> [] end.
