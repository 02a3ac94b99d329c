-module(reg_processes).
-export([main/0]).

%% erlang:processes/0 and is_process_alive/1 (membership and counts relative to the start:
%% erl runs system processes of its own).
main() ->
    Self = self(),
    All = erlang:processes(),
    io:format("self listed: ~p~n", [lists:member(Self, All)]),
    io:format("all pids: ~p~n", [lists:all(fun is_pid/1, All)]),
    io:format("all alive: ~p~n", [lists:all(fun is_process_alive/1, All)]),
    io:format("no duplicates: ~p~n", [length(All) =:= length(lists:usort(All))]),
    io:format("count agrees: ~p~n", [length(All) =:= erlang:system_info(process_count)]),
    Ps = [spawn(fun() -> receive stop -> ok end end) || _ <- lists:seq(1, 10)],
    With = erlang:processes(),
    io:format("spawned listed: ~p~n", [Ps -- With =:= []]),
    io:format("grew by 10: ~p~n", [length(With) - length(All)]),
    io:format("count grew by 10: ~p~n", [erlang:system_info(process_count) - length(All)]),
    io:format("alive: ~p~n", [lists:usort([is_process_alive(P) || P <- Ps])]),
    [begin M = monitor(process, P), P ! stop, receive {'DOWN', M, _, _, _} -> ok end end || P <- Ps],
    After = erlang:processes(),
    io:format("ended ones gone: ~p~n", [[P || P <- Ps, lists:member(P, After)]]),
    io:format("back to start: ~p~n", [length(After) =:= length(All)]),
    io:format("dead: ~p~n", [lists:usort([is_process_alive(P) || P <- Ps])]),
    io:format("self alive: ~p~n", [is_process_alive(Self)]),
    io:format("limit is an integer: ~p~n", [is_integer(erlang:system_info(process_limit))]),
    io:format("badarg: ~p~n", [try is_process_alive(not_a_pid) catch error:E -> E end]),
    %% a process that ended while a message was on its way
    Short = spawn(fun() -> ok end),
    Short ! late,
    M2 = monitor(process, Short),
    receive {'DOWN', M2, _, _, R} -> io:format("short: ~p ~p~n", [R, is_process_alive(Short)]) end,
    io:format("reg_processes done~n").
