%% A supervision tree of OTP supervisors three levels deep: the top supervisor (rest_for_one)
%% starts a worker and two sub-supervisors, one of which has its own sub-supervisor. The
%% tree starts depth first in order, a crash deep down is handled by the nearest
%% supervisor, a sub-supervisor that gives up is restarted by its parent with all its
%% children, and the whole tree stops leaves first, last started first.
-module(otp_sup_tree).
-behaviour(supervisor).
-export([main/0, init/1]).
-export([start_sup/2, start_worker/2, worker/2]).

main() ->
    process_flag(trap_exit, true),
    register(otp_sup_tree_main, self()),
    {ok, Top} = start_sup(top, rest_for_one),
    io:format("start order ~p~n", [events(7)]),
    io:format("tree ~p~n", [tree(Top)]),
    %% A leaf of the deepest supervisor crashes: only it is restarted.
    exit(whereis(leaf2), crash),
    io:format("leaf2 crash ~p~n", [events(2)]),
    %% The middle supervisor's intensity (1) is exceeded: it gives up, and its parent
    %% (rest_for_one) restarts it and the supervisor started after it.
    exit(whereis(leaf1), crash),
    io:format("leaf1 crash ~p~n", [events(2)]),
    exit(whereis(leaf1), crash),
    io:format("leaf1 crash again ~p~n", [events(7)]),
    io:format("tree ~p~n", [tree(Top)]),
    exit(Top, shutdown),
    receive {'EXIT', Top, R} -> io:format("top exit ~p~n", [R]) end,
    io:format("stop order ~p~n", [events(3)]),
    io:format("otp_sup_tree done~n").

%% The tree as nested {Id, Type, Children} (workers have no children).
tree(Sup) ->
    [case Type of
         supervisor -> {Id, tree(P)};
         worker -> Id
     end || {Id, P, Type, _} <- lists:reverse(supervisor:which_children(Sup))].

%% The next N start and stop events, in arrival order.
events(0) -> [];
events(N) -> receive {event, E} -> [E | events(N - 1)] after 5000 -> [timeout] end.

start_sup(Name, Strategy) ->
    supervisor:start_link({local, Name}, ?MODULE, {Name, Strategy}).

init({Name, Strategy}) ->
    otp_sup_tree_main ! {event, {start, Name}},
    process_flag(trap_exit, true),
    put(name, Name),
    {ok, {#{strategy => Strategy, intensity => 1, period => 3600}, children(Name)}}.

children(top) ->
    [#{id => logger_w, start => {?MODULE, start_worker, [logger_w, top]}},
     #{id => mid, start => {?MODULE, start_sup, [mid, one_for_one]}, type => supervisor},
     #{id => side, start => {?MODULE, start_sup, [side, one_for_one]}, type => supervisor}];
children(mid) ->
    [#{id => leaf1, start => {?MODULE, start_worker, [leaf1, mid]}},
     #{id => deep, start => {?MODULE, start_sup, [deep, one_for_one]}, type => supervisor}];
children(deep) ->
    [#{id => leaf2, start => {?MODULE, start_worker, [leaf2, deep]}}];
children(side) ->
    [].

start_worker(Name, Sup) ->
    proc_lib:start_link(?MODULE, worker, [Name, Sup]).

worker(Name, _Sup) ->
    register(Name, self()),
    process_flag(trap_exit, true),
    otp_sup_tree_main ! {event, {start, Name}},
    proc_lib:init_ack({ok, self()}),
    receive
        {'EXIT', _, shutdown} ->
            otp_sup_tree_main ! {event, {stop, Name}},
            exit(shutdown);
        {'EXIT', _, Reason} ->
            otp_sup_tree_main ! {event, {crash, Name}},
            exit(Reason)
    end.
