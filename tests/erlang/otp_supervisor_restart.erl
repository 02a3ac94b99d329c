%% A supervisor (OTP's own, unmodified) restarts a gen_server worker that crashes; the
%% restart shows in whereis/1, which_children/1 and count_children/1. The crash reports go
%% to stderr and are not compared.
-module(otp_supervisor_restart).
-behaviour(supervisor).
-export([main/0, init/1]).
%% The workers are gen_servers of this module too: init/1 serves both behaviours.
-export([start_worker/1, handle_call/3, handle_cast/2, handle_info/2]).

main() ->
    process_flag(trap_exit, true),
    {ok, Sup} = supervisor:start_link({local, demo_sup}, ?MODULE, one_for_one),
    io:format("sup alive ~p, registered ~p~n", [is_process_alive(Sup), whereis(demo_sup) =:= Sup]),
    io:format("children ~p~n", [children()]),
    io:format("counts ~p~n", [supervisor:count_children(demo_sup)]),
    1 = gen_server:call(worker_a, bump),
    2 = gen_server:call(worker_a, bump),
    OldA = whereis(worker_a),
    OldB = whereis(worker_b),
    Caught = (catch gen_server:call(worker_a, crash)),
    io:format("call to a crashing worker: ~p~n", [shape(Caught)]),
    NewA = wait_restarted(worker_a, OldA),
    io:format("worker_a restarted ~p, worker_b untouched ~p~n",
              [is_pid(NewA) andalso NewA =/= OldA, whereis(worker_b) =:= OldB]),
    io:format("fresh state ~p~n", [gen_server:call(worker_a, bump)]),
    io:format("children ~p~n", [children()]),
    %% A worker killed by an exit signal is restarted too.
    exit(OldB, kill),
    NewB = wait_restarted(worker_b, OldB),
    io:format("worker_b restarted ~p~n", [is_pid(NewB) andalso NewB =/= OldB]),
    %% A temporary child is not restarted.
    {ok, T} = supervisor:start_child(demo_sup, #{id => temp, start => {?MODULE, start_worker, [worker_t]},
                                                 restart => temporary}),
    io:format("temporary child started ~p~n", [is_pid(T)]),
    Ref = monitor(process, T),
    catch gen_server:call(worker_t, crash),
    receive {'DOWN', Ref, process, T, _} -> ok end,
    io:format("counts after temporary crash ~p~n", [supervisor:count_children(demo_sup)]),
    %% Terminate and delete a child; restart a terminated one.
    ok = supervisor:terminate_child(demo_sup, worker_b),
    io:format("b terminated: ~p~n", [whereis(worker_b)]),
    {ok, B2} = supervisor:restart_child(demo_sup, worker_b),
    io:format("b restarted by hand ~p~n", [whereis(worker_b) =:= B2]),
    ok = supervisor:terminate_child(demo_sup, worker_b),
    ok = supervisor:delete_child(demo_sup, worker_b),
    io:format("children ~p~n", [children()]),
    io:format("unknown child: ~p~n", [supervisor:terminate_child(demo_sup, nobody)]),
    %% Stop the supervisor: its children go with it.
    A = whereis(worker_a),
    MRef = monitor(process, A),
    exit(Sup, shutdown),
    receive {'EXIT', Sup, R} -> io:format("supervisor exit ~p~n", [R]) end,
    receive {'DOWN', MRef, process, A, R2} -> io:format("worker exit ~p~n", [R2]) end,
    io:format("names gone ~p~n", [{whereis(demo_sup), whereis(worker_a)}]),
    io:format("otp_supervisor_restart done~n").

children() ->
    lists:sort([{Id, Type, is_pid(P)} || {Id, P, Type, _} <- supervisor:which_children(demo_sup)]).

shape({'EXIT', {{boom, [_ | _]}, {gen_server, call, [worker_a, crash]}}}) -> exit_with_boom;
shape(Other) -> Other.

%% Polls until the supervisor has registered a new process under Name.
wait_restarted(Name, Old) ->
    case whereis(Name) of
        P when is_pid(P), P =/= Old -> P;
        _ -> receive after 1 -> wait_restarted(Name, Old) end
    end.

init(one_for_one) ->
    {ok, {#{strategy => one_for_one, intensity => 10, period => 10},
          [#{id => worker_a, start => {?MODULE, start_worker, [worker_a]}},
           #{id => worker_b, start => {?MODULE, start_worker, [worker_b]}, shutdown => 1000}]}};
init(_WorkerName) ->
    {ok, 0}.

start_worker(Name) ->
    gen_server:start_link({local, Name}, ?MODULE, Name, []).

handle_call(bump, _From, N) -> {reply, N + 1, N + 1};
handle_call(crash, _From, _N) -> error(boom).

handle_cast(_, N) -> {noreply, N}.

handle_info(_, N) -> {noreply, N}.
