%% OTP's supervisor with the one_for_all strategy: when one child dies, every other child
%% is terminated (in reverse start order) and all are restarted (in start order). Each
%% worker traps exits and reports its start and its terminate/2 to the test process, so
%% the orders are visible.
-module(otp_sup_one_for_all).
-behaviour(supervisor).
-export([main/0, init/1]).
-export([start_worker/2, handle_call/3, handle_cast/2, handle_info/2, terminate/2]).

main() ->
    process_flag(trap_exit, true),
    {ok, Sup} = supervisor:start_link(?MODULE, {sup, self()}),
    io:format("started ~p~n", [events(3)]),
    io:format("children ~p~n", [children(Sup)]),
    Old = [whereis(N) || N <- [w1, w2, w3]],
    %% w2 crashes: w3 then w1 are stopped (reverse start order), then all three restart.
    catch gen_server:call(w2, crash),
    io:format("after w2 crash ~p~n", [events(6)]),
    New = [whereis(N) || N <- [w1, w2, w3]],
    io:format("all new pids ~p~n", [lists:all(fun({O, N}) -> O =/= N andalso is_pid(N) end,
                                              lists:zip(Old, New))]),
    io:format("fresh counters ~p~n", [[gen_server:call(N, bump) || N <- [w1, w2, w3]]]),
    %% A kill of the first child restarts the others as well.
    exit(whereis(w1), kill),
    io:format("after w1 killed ~p~n", [events(5)]),
    io:format("counts ~p~n", [supervisor:count_children(Sup)]),
    exit(Sup, shutdown),
    receive {'EXIT', Sup, R} -> io:format("supervisor exit ~p~n", [R]) end,
    io:format("at shutdown ~p~n", [events(3)]),
    io:format("otp_sup_one_for_all done~n").

children(Sup) ->
    [{Id, is_pid(P)} || {Id, P, worker, _} <- supervisor:which_children(Sup)].

%% Collects the next N reports of the workers.
events(0) -> [];
events(N) -> receive {event, E} -> [E | events(N - 1)] after 5000 -> [timeout] end.

init({sup, Parent}) ->
    {ok, {#{strategy => one_for_all, intensity => 5, period => 10},
          [#{id => N, start => {?MODULE, start_worker, [N, Parent]}} || N <- [w1, w2, w3]]}};
init({worker, Name, Parent}) ->
    process_flag(trap_exit, true),
    Parent ! {event, {start, Name}},
    {ok, {Name, Parent, 0}}.

start_worker(Name, Parent) ->
    gen_server:start_link({local, Name}, ?MODULE, {worker, Name, Parent}, []).

handle_call(bump, _From, {Name, Parent, N}) -> {reply, N + 1, {Name, Parent, N + 1}};
handle_call(crash, _From, _State) -> error(boom).

handle_cast(_, S) -> {noreply, S}.

handle_info(_, S) -> {noreply, S}.

terminate(Reason, {Name, Parent, _}) ->
    Parent ! {event, {stop, Name, reason(Reason)}},
    ok.

reason({boom, _Stack}) -> boom;
reason(R) -> R.
