-module(sig_badargs).
-export([main/0]).

%% Bad arguments to the signal BIFs: badarg, as erl.
main() ->
    Tests = [{link_atom, fun() -> link(some_name) end},
             {link_tuple, fun() -> link({a, b}) end},
             {unlink_atom, fun() -> unlink(some_name) end},
             {unlink_int, fun() -> unlink(42) end},
             {exit_name, fun() -> exit(some_name, reason) end},
             {exit_int, fun() -> exit(42, reason) end},
             {exit_ref, fun() -> exit(make_ref(), reason) end},
             {monitor_int, fun() -> monitor(process, 42) end},
             {monitor_kind, fun() -> monitor(nonsense, self()) end},
             {monitor_tuple3, fun() -> monitor(process, {a, b, c}) end},
             {demonitor_pid, fun() -> demonitor(self()) end},
             {demonitor2_atom, fun() -> demonitor(foo, []) end},
             {spawn_link_badfun, fun() -> spawn_link(not_a_fun) end},
             {alive_atom, fun() -> is_process_alive(foo) end},
             {trap_value, fun() -> process_flag(trap_exit, 1) end}],
    [io:format("~p: ~p~n", [Name, run(F)]) || {Name, F} <- Tests],
    io:format("sig_badargs done~n").

run(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:E -> {C, E}
    end.
