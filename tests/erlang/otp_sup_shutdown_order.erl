%% exit(Sup, shutdown) from a process that traps exits: OTP's supervisor stops its children
%% one at a time in reverse start order, waiting for each (its terminate/2 runs, since the
%% workers trap exits) before the next, and exits with reason shutdown only when all are
%% gone. Children added with start_child come last in the order, a deleted child is not
%% stopped again, and a restarted child keeps its place.
-module(otp_sup_shutdown_order).
-behaviour(supervisor).
-export([main/0, init/1, start_worker/2]).
%% The workers are gen_servers of this module too: init/1 serves both behaviours.
-export([handle_call/3, handle_cast/2, handle_info/2, terminate/2]).

main() ->
    process_flag(trap_exit, true),
    Me = self(),
    {ok, Sup} = supervisor:start_link(?MODULE, {sup, Me}),
    [{ok, _} = supervisor:start_child(Sup, spec(Id, Me)) || Id <- [d, e]],
    ok = supervisor:terminate_child(Sup, b),
    ok = supervisor:delete_child(Sup, b),
    Old = find(Sup, c),
    exit(Old, kill),
    wait_changed(Sup, c, Old),
    io:format("before ~p~n", [events(7)]),
    io:format("children ~p~n", [[Id || {Id, _, _, _} <- supervisor:which_children(Sup)]]),
    exit(Sup, shutdown),
    receive {'EXIT', Sup, R} -> io:format("supervisor exit ~p~n", [R]) end,
    %% Every stop was reported before the supervisor itself exited.
    io:format("stop order ~p~n", [events(0, 0)]),
    io:format("otp_sup_shutdown_order done~n").

find(Sup, Id) ->
    hd([P || {I, P, _, _} <- supervisor:which_children(Sup), I =:= Id]).

wait_changed(Sup, Id, Old) ->
    case find(Sup, Id) of
        P when is_pid(P), P =/= Old -> P;
        _ -> receive after 1 -> wait_changed(Sup, Id, Old) end
    end.

events(0) -> [];
events(N) -> receive {event, E} -> [E | events(N - 1)] after 5000 -> [timeout] end.

%% Whatever reports are already in the mailbox.
events(_, _) -> receive {event, E} -> [E | events(0, 0)] after 0 -> [] end.

spec(Id, Parent) ->
    #{id => Id, start => {?MODULE, start_worker, [Id, Parent]}, shutdown => 2000}.

init({sup, Parent}) ->
    {ok, {#{strategy => one_for_one, intensity => 5, period => 10},
          [spec(Id, Parent) || Id <- [a, b, c]]}};
init({worker, Id, Parent}) ->
    process_flag(trap_exit, true),
    Parent ! {event, {start, Id}},
    {ok, {Id, Parent}}.

start_worker(Id, Parent) ->
    gen_server:start_link(?MODULE, {worker, Id, Parent}, []).

handle_call(_, _From, S) -> {reply, ok, S}.

handle_cast(_, S) -> {noreply, S}.

handle_info(_, S) -> {noreply, S}.

terminate(Reason, {Id, Parent}) ->
    %% A slow terminate: the supervisor still waits before stopping the next child.
    receive after 5 -> ok end,
    Parent ! {event, {stop, Id, Reason}}.
