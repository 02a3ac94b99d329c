%% OTP's supervisor with the simple_one_for_one strategy: children are started on demand
%% from one template with start_child's extra arguments appended, terminated by pid,
%% counted, and restarted (permanent) with the same arguments when they crash.
-module(otp_sup_simple_one_for_one).
-behaviour(supervisor).
-export([main/0, init/1]).
-export([start_worker/3, handle_call/3, handle_cast/2, handle_info/2]).

main() ->
    process_flag(trap_exit, true),
    {ok, Sup} = supervisor:start_link({local, pool}, ?MODULE, pool),
    io:format("no children yet ~p~n", [supervisor:which_children(pool)]),
    {ok, P1} = supervisor:start_child(pool, [one, 10]),
    {ok, P2} = supervisor:start_child(pool, [two, 20]),
    {ok, P3, extra_info} = supervisor:start_child(pool, [three, with_info]),
    io:format("args ~p~n", [[gen_server:call(P, args) || P <- [P1, P2, P3]]]),
    io:format("counts ~p~n", [supervisor:count_children(pool)]),
    io:format("children ~p~n", [children()]),
    %% start_child returning ignore or an error.
    io:format("ignore ~p~n", [supervisor:start_child(pool, [ignored, ignore])]),
    io:format("error ~p~n", [supervisor:start_child(pool, [failed, fail])]),
    io:format("counts ~p~n", [supervisor:count_children(pool)]),
    %% Terminate by pid; by id is not allowed for simple_one_for_one.
    ok = supervisor:terminate_child(pool, P2),
    io:format("P2 alive ~p~n", [is_process_alive(P2)]),
    io:format("terminate again ~p~n", [supervisor:terminate_child(pool, P2)]),
    io:format("terminate by id ~p~n", [supervisor:terminate_child(pool, two)]),
    io:format("restart_child ~p~n", [supervisor:restart_child(pool, P1)]),
    io:format("delete_child ~p~n", [supervisor:delete_child(pool, P1)]),
    io:format("args ~p~n", [lists:sort([gen_server:call(P, args) || {_, P, _, _} <- supervisor:which_children(pool)])]),
    %% A crashing permanent child is restarted with its original extra arguments.
    Ref = monitor(process, P1),
    gen_server:cast(P1, crash),
    receive {'DOWN', Ref, process, P1, R} -> io:format("P1 down ~p~n", [R]) end,
    Args = wait_args(2),
    io:format("after restart ~p~n", [Args]),
    io:format("counts ~p~n", [supervisor:count_children(pool)]),
    %% Shutting the supervisor down takes all the dynamic children with it.
    Kids = [P || {_, P, _, _} <- supervisor:which_children(pool)],
    Refs = [monitor(process, P) || P <- Kids],
    exit(Sup, shutdown),
    receive {'EXIT', Sup, SR} -> io:format("supervisor exit ~p~n", [SR]) end,
    io:format("children exits ~p~n", [[receive {'DOWN', MR, process, _, Why} -> Why end || MR <- Refs]]),
    io:format("otp_sup_simple_one_for_one done~n").

children() ->
    [{Id, is_pid(P), Type, Mods} || {Id, P, Type, Mods} <- supervisor:which_children(pool)].

%% Waits until the supervisor has N live children, then returns their arguments, sorted.
wait_args(N) ->
    Kids = [P || {_, P, _, _} <- supervisor:which_children(pool), is_pid(P), is_process_alive(P)],
    case length(Kids) of
        N -> lists:sort([gen_server:call(P, args) || P <- Kids]);
        _ -> receive after 1 -> wait_args(N) end
    end.

init(pool) ->
    {ok, {#{strategy => simple_one_for_one, intensity => 5, period => 10},
          [#{id => worker, start => {?MODULE, start_worker, [template_arg]},
             restart => permanent, shutdown => 1000, modules => [?MODULE]}]}};
init({worker, Args}) ->
    {ok, Args}.

start_worker(template_arg, _Name, ignore) -> ignore;
start_worker(template_arg, _Name, fail) -> {error, refused};
start_worker(template_arg, Name, with_info) ->
    {ok, P} = gen_server:start_link(?MODULE, {worker, {Name, with_info}}, []),
    {ok, P, extra_info};
start_worker(template_arg, Name, N) ->
    gen_server:start_link(?MODULE, {worker, {Name, N}}, []).

handle_call(args, _From, Args) -> {reply, Args, Args}.

handle_cast(crash, _Args) -> exit(crashed).

handle_info(_, S) -> {noreply, S}.
