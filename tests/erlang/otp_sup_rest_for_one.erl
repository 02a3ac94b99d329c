%% OTP's supervisor with the rest_for_one strategy: when a child dies, the children started
%% after it are terminated (last first) and restarted with it (in start order); those
%% started before it are untouched.
-module(otp_sup_rest_for_one).
-behaviour(supervisor).
-export([main/0, init/1]).
-export([start_worker/2, handle_call/3, handle_cast/2, handle_info/2, terminate/2]).

main() ->
    process_flag(trap_exit, true),
    {ok, Sup} = supervisor:start_link({local, rfo_sup}, ?MODULE, {sup, self()}),
    io:format("started ~p~n", [events(4)]),
    Before = pids(),
    catch gen_server:call(b, crash),
    io:format("after b crash ~p~n", [events(6)]),
    io:format("changed ~p~n", [changed(Before, pids())]),
    Before2 = pids(),
    exit(whereis(d), kill),
    io:format("after d killed ~p~n", [events(1)]),
    io:format("changed ~p~n", [changed(Before2, pids())]),
    Before3 = pids(),
    gen_server:cast(a, stop_abnormal),
    io:format("after a stops ~p~n", [events(8)]),
    io:format("changed ~p~n", [changed(Before3, pids())]),
    %% A child added later is last in the order.
    {ok, _} = supervisor:start_child(rfo_sup, #{id => e, start => {?MODULE, start_worker, [e, self()]}}),
    io:format("added ~p~n", [events(1)]),
    io:format("ids ~p~n", [[Id || {Id, _, _, _} <- supervisor:which_children(rfo_sup)]]),
    exit(Sup, shutdown),
    receive {'EXIT', Sup, R} -> io:format("supervisor exit ~p~n", [R]) end,
    io:format("at shutdown ~p~n", [events(5)]),
    io:format("otp_sup_rest_for_one done~n").

pids() -> [{N, whereis(N)} || N <- [a, b, c, d]].

changed(Old, New) ->
    [N || {{N, P}, {N, Q}} <- lists:zip(Old, New), P =/= Q].

events(0) -> [];
events(N) -> receive {event, E} -> [E | events(N - 1)] after 5000 -> [timeout] end.

init({sup, Parent}) ->
    {ok, {#{strategy => rest_for_one, intensity => 5, period => 10},
          [#{id => N, start => {?MODULE, start_worker, [N, Parent]}} || N <- [a, b, c, d]]}};
init({worker, Name, Parent}) ->
    process_flag(trap_exit, true),
    Parent ! {event, {start, Name}},
    {ok, {Name, Parent}}.

start_worker(Name, Parent) ->
    gen_server:start_link({local, Name}, ?MODULE, {worker, Name, Parent}, []).

handle_call(crash, _From, _State) -> error(boom).

handle_cast(stop_abnormal, S) -> {stop, going_away, S}.

handle_info(_, S) -> {noreply, S}.

terminate(Reason, {Name, Parent}) ->
    Parent ! {event, {stop, Name, reason(Reason)}},
    ok.

reason({boom, _Stack}) -> boom;
reason(R) -> R.
