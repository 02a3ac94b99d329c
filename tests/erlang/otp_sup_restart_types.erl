%% OTP's supervisor restart types: a permanent child is restarted whatever its exit
%% reason, a transient one only after an abnormal exit (not normal, shutdown or
%% {shutdown, _}), a temporary one never (and is then forgotten).
-module(otp_sup_restart_types).
-behaviour(supervisor).
-export([main/0, init/1]).
-export([start_worker/2, worker/2]).

main() ->
    process_flag(trap_exit, true),
    {ok, Sup} = supervisor:start_link(?MODULE, self()),
    started = collect(3),
    Cases = [{perm, normal}, {perm, oops}, {trans, normal}, {trans, shutdown},
             {trans, {shutdown, done}}, {trans, oops}, {temp, oops}],
    lists:foreach(fun({Id, Reason}) -> stop_child(Sup, Id, Reason) end, Cases),
    io:format("counts ~p~n", [supervisor:count_children(Sup)]),
    io:format("restart temp ~p~n", [supervisor:restart_child(Sup, temp)]),
    io:format("children ~p~n", [children(Sup)]),
    exit(Sup, shutdown),
    receive {'EXIT', Sup, R} -> io:format("supervisor exit ~p~n", [R]) end,
    io:format("otp_sup_restart_types done~n").

%% Stops child Id with Reason and reports whether the supervisor restarted it; a transient
%% child that stopped for good stays in the supervisor (not running) and is restarted by hand
%% for the next case.
stop_child(Sup, Id, Reason) ->
    [P] = [P || {I, P, _, _} <- supervisor:which_children(Sup), I =:= Id],
    Ref = monitor(process, P),
    P ! {stop, Reason},
    receive {'DOWN', Ref, process, P, _} -> ok end,
    gone(Sup, P),
    %% A restart is synchronous (proc_lib:start_link), so its report is already here.
    Outcome = receive
                  {started, Id} -> restarted
              after 0 -> not_restarted
              end,
    io:format("~p exit ~p: ~p, child ~p~n", [Id, Reason, Outcome, children(Sup)]),
    case {Id, Outcome} of
        {trans, not_restarted} -> {ok, _} = supervisor:restart_child(Sup, trans), started = collect(1);
        _ -> ok
    end.

%% Waits until the supervisor has handled the exit of P.
gone(Sup, P) ->
    case lists:keymember(P, 2, supervisor:which_children(Sup)) of
        true -> receive after 1 -> gone(Sup, P) end;
        false -> ok
    end.

collect(0) -> started;
collect(N) -> receive {started, _} -> collect(N - 1) after 5000 -> timeout end.

children(Sup) ->
    [{Id, child_state(P)} || {Id, P, _, _} <- supervisor:which_children(Sup)].

child_state(P) when is_pid(P) -> running;
child_state(Other) -> Other.

init(Parent) ->
    {ok, {#{strategy => one_for_one, intensity => 20, period => 10},
          [#{id => Id, start => {?MODULE, start_worker, [Id, Parent]}, restart => Type}
           || {Id, Type} <- [{perm, permanent}, {trans, transient}, {temp, temporary}]]}}.

start_worker(Id, Parent) ->
    proc_lib:start_link(?MODULE, worker, [Id, Parent]).

worker(Id, Parent) ->
    Parent ! {started, Id},
    proc_lib:init_ack({ok, self()}),
    receive {stop, Reason} -> exit(Reason) end.
