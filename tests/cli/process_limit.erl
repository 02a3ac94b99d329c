-module(process_limit).
-export([main/0]).

%% Run with +P 1024 (tests/process_limit.rs): spawning past the limit raises system_limit;
%% ending processes makes room again.
main() ->
    Limit = erlang:system_info(process_limit),
    io:format("limit: ~p~n", [Limit]),
    {Ps, Error} = fill([]),
    io:format("spawn past the limit: ~p~n", [Error]),
    io:format("count at the limit: ~p~n", [erlang:system_info(process_count) =:= Limit]),
    io:format("spawn_link too: ~p~n", [try spawn_link(fun() -> ok end) catch C:R -> {C, R} end]),
    io:format("spawn_monitor too: ~p~n", [try spawn_monitor(fun() -> ok end) catch C2:R2 -> {C2, R2} end]),
    [begin M = monitor(process, P), P ! stop, receive {'DOWN', M, _, _, _} -> ok end end || P <- Ps],
    Again = spawn(fun() -> ok end),
    io:format("room again: ~p~n", [is_pid(Again)]),
    io:format("process_limit done~n").

fill(Ps) ->
    try spawn(fun() -> receive stop -> ok end end) of
        P -> fill([P | Ps])
    catch
        C:R -> {Ps, {C, R}}
    end.
