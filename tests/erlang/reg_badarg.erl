-module(reg_badarg).
-export([main/0]).

%% The registry's errors: each is badarg, as erl raises it.
main() ->
    P = spawn(fun() -> receive stop -> ok end end),
    Dead = spawn(fun() -> ok end),
    M = monitor(process, Dead),
    receive {'DOWN', M, process, Dead, normal} -> ok end,
    true = register(reg_badarg_p, P),
    Cases = [
        {send_unregistered, fun() -> reg_badarg_nobody ! hello end},
        {send2_unregistered, fun() -> erlang:send(reg_badarg_nobody, hello) end},
        {send3_unregistered, fun() -> erlang:send(reg_badarg_nobody, hello, []) end},
        {send_to_number, fun() -> erlang:send(42, hello) end},
        {send_to_string, fun() -> erlang:send("name", hello) end},
        {send_bad_tuple, fun() -> erlang:send({"name", node()}, hello) end},
        {register_dead, fun() -> register(reg_badarg_dead, Dead) end},
        {register_taken_name, fun() -> register(reg_badarg_p, self()) end},
        {register_pid_twice, fun() -> register(reg_badarg_again, P) end},
        {register_undefined, fun() -> register(undefined, self()) end},
        {register_non_atom, fun() -> register("name", self()) end},
        {register_non_pid, fun() -> register(reg_badarg_x, 42) end},
        {unregister_unknown, fun() -> unregister(reg_badarg_nobody) end},
        {unregister_non_atom, fun() -> unregister(self()) end},
        {whereis_non_atom, fun() -> whereis("reg_badarg_p") end}
    ],
    [io:format("~p: ~p~n", [Name, outcome(F)]) || {Name, F} <- Cases],
    %% the failed calls changed nothing
    io:format("still registered: ~p~n", [whereis(reg_badarg_p) =:= P]),
    io:format("dead not registered: ~p~n", [whereis(reg_badarg_dead)]),
    io:format("again not registered: ~p~n", [whereis(reg_badarg_again)]),
    %% sends to an unregistered {Name, Node} are dropped, not errors
    io:format("tuple to unregistered: ~p~n", [outcome(fun() -> {reg_badarg_nobody, node()} ! hi end)]),
    io:format("tuple to other node: ~p~n", [outcome(fun() -> {reg_badarg_p, 'other@nohost'} ! hi end)]),
    %% sending to a dead pid is fine
    io:format("to dead pid: ~p~n", [outcome(fun() -> Dead ! hi end)]),
    unregister(reg_badarg_p),
    P ! stop,
    io:format("reg_badarg done~n").

outcome(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R -> {C, R}
    end.
