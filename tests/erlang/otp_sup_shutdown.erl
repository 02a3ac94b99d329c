%% OTP's supervisor shutting children down: a child that exits on `shutdown` in time, a
%% trapping child that ignores it and is killed when its shutdown timeout expires, a
%% brutal_kill child, an infinity child that takes its time, and a supervisor child
%% (infinity by default). terminate_child reports ok for each; the test process sees each
%% exit reason through a monitor.
-module(otp_sup_shutdown).
-behaviour(supervisor).
-export([main/0, init/1]).
-export([start_worker/1, worker/1]).

main() ->
    process_flag(trap_exit, true),
    {ok, Sup} = supervisor:start_link(?MODULE, top),
    Ids = [polite, stubborn, brutal, slow, inner],
    lists:foreach(
      fun(Id) ->
              P = find(Sup, Id),
              Ref = monitor(process, P),
              Result = supervisor:terminate_child(Sup, Id),
              Reason = receive {'DOWN', Ref, process, P, R} -> R end,
              io:format("~p: terminate_child ~p, exit ~p, now ~p~n",
                        [Id, Result, Reason, find(Sup, Id)])
      end, Ids),
    io:format("restarted all ~p~n",
              [[element(1, supervisor:restart_child(Sup, Id)) || Id <- Ids]]),
    %% Shutting down the whole supervisor applies the same rules, last child first.
    Refs = [{Id, monitor(process, find(Sup, Id))} || Id <- Ids],
    exit(Sup, shutdown),
    receive {'EXIT', Sup, R} -> io:format("supervisor exit ~p~n", [R]) end,
    io:format("exits ~p~n", [[{Id, receive {'DOWN', Ref, process, _, Why} -> Why end} || {Id, Ref} <- Refs]]),
    io:format("otp_sup_shutdown done~n").

find(Sup, Id) ->
    case [P || {I, P, _, _} <- supervisor:which_children(Sup), I =:= Id] of
        [P] -> P;
        [] -> none
    end.

init(top) ->
    {ok, {#{strategy => one_for_one, intensity => 20, period => 10},
          [#{id => polite, start => {?MODULE, start_worker, [polite]}, shutdown => 1000},
           #{id => stubborn, start => {?MODULE, start_worker, [stubborn]}, shutdown => 50},
           #{id => brutal, start => {?MODULE, start_worker, [polite]}, shutdown => brutal_kill},
           #{id => slow, start => {?MODULE, start_worker, [slow]}, shutdown => infinity},
           #{id => inner, start => {supervisor, start_link, [?MODULE, inner]}, type => supervisor}]}};
init(inner) ->
    {ok, {#{strategy => one_for_one},
          [#{id => leaf, start => {?MODULE, start_worker, [polite]}}]}}.

start_worker(Kind) ->
    {ok, spawn_link(?MODULE, worker, [Kind])}.

worker(polite) ->
    receive _ -> worker(polite) end;
worker(stubborn) ->
    process_flag(trap_exit, true),
    stubborn();
worker(slow) ->
    process_flag(trap_exit, true),
    receive {'EXIT', _, shutdown} -> receive after 30 -> exit(took_my_time) end end.

stubborn() ->
    receive _ -> stubborn() end.
