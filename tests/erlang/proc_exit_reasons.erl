-module(proc_exit_reasons).
-export([main/0]).

main() ->
    process_flag(trap_exit, true),
    Cases = [{exit_normal, fun() -> exit(normal) end},
             {return, fun() -> returned end},
             {exit_atom, fun() -> exit(bye) end},
             {exit_tuple, fun() -> exit({shutdown, 1}) end},
             {exit_big, fun() -> exit(lists:seq(1, 20)) end},
             {self_kill, fun() -> exit(self(), kill) end},
             {self_exit_other, fun() -> exit(self(), other_reason) end},
             {self_exit_normal, fun() -> exit(self(), normal), survived end},
             {caught_error, fun() -> catch error(x), exit(after_catch) end},
             {caught_exit, fun() -> catch exit(inner), exit(outer) end}],
    lists:foreach(fun({Name, F}) ->
                          P = spawn_link(F),
                          receive {'EXIT', P, R} -> io:format("~p: ~p~n", [Name, R]) end
                  end, Cases),
    Victim = spawn_link(fun() -> receive never -> ok end end),
    exit(Victim, {killed_by, main}),
    receive {'EXIT', Victim, RV} -> io:format("external: ~p~n", [RV]) end,
    Trapper = spawn_link(fun() -> process_flag(trap_exit, true), receive never -> ok end end),
    exit(Trapper, kill),
    receive {'EXIT', Trapper, RT} -> io:format("kill ignores trap: ~p~n", [RT]) end,
    io:format("~p~n", [catch exit(self(), normal)]),
    receive {'EXIT', _, RS} -> io:format("self normal while trapping: ~p~n", [RS]) after 30000 -> io:format("none~n") end,
    io:format("proc_exit_reasons done~n").
