%% gen_server's terminate/2: called on {stop, ...} returns from every callback, on
%% gen_server:stop/1,3, and on an exit signal from the parent only when the server traps
%% exits (without trap_exit it just dies). Exceptions in callbacks reach terminate as
%% {Reason, Stack}. format_status/2 shapes what sys:get_status shows of the state.
-module(otp_gs_terminate).
-behaviour(gen_server).
-export([main/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2, format_status/2]).

main() ->
    process_flag(trap_exit, true),
    Me = self(),
    Cases =
        [{"stop from call", fun(P) -> gen_server:call(P, {stop, my_reason}) end},
         {"stop from cast", fun(P) -> gen_server:cast(P, {stop, cast_reason}) end},
         {"stop from info", fun(P) -> P ! {stop, info_reason} end},
         {"stop/1", fun(P) -> gen_server:stop(P) end},
         {"stop/3", fun(P) -> gen_server:stop(P, {shutdown, bye}, 1000) end},
         {"error in call", fun(P) -> catch gen_server:call(P, raise_error) end},
         {"throw in cast", fun(P) -> gen_server:cast(P, bad_throw) end},
         {"bad return", fun(P) -> P ! bad_return end},
         {"parent exit trapped", fun(P) -> exit(P, shutdown) end},
         {"parent exit untrapped", fun(P) -> exit(P, shutdown) end},
         {"kill trapped", fun(P) -> exit(P, kill) end}],
    lists:foreach(
      fun({Name, Action}) ->
              Trap = Name =/= "parent exit untrapped",
              {ok, P} = gen_server:start_link(?MODULE, {Me, Trap}, []),
              R = Action(P),
              Exit = receive {'EXIT', P, E} -> shape(E) end,
              T = receive {terminated, TR, Count} -> {shape(TR), Count} after 0 -> not_called end,
              io:format("~s: ~p~n  exit ~p, terminate ~p~n", [Name, shape(R), Exit, T])
      end, Cases),
    %% format_status/2 decides what sys:get_status shows of the state.
    {ok, P} = gen_server:start_link(?MODULE, {Me, true}, []),
    {status, _, {module, gen_server}, [_PDict, SysState, _Parent, _Dbg, Misc]} = sys:get_status(P),
    io:format("sys state ~p~n", [SysState]),
    io:format("status data ~p~n", [[nopids(D) || {data, D} <- Misc]]),
    io:format("otp_gs_terminate done~n").

%% Pids differ between VMs: each shows as the atom pid.
nopids(P) when is_pid(P) -> pid;
nopids(L) when is_list(L) -> [nopids(X) || X <- L];
nopids(T) when is_tuple(T) -> list_to_tuple(nopids(tuple_to_list(T)));
nopids(M) when is_map(M) -> maps:map(fun(_, V) -> nopids(V) end, M);
nopids(X) -> X.

shape({Reason, [{_, _, _, _} | _]}) -> {Reason, stack};
shape({'EXIT', {Reason, {gen_server, call, _}}}) -> {call_exit, shape(Reason)};
shape(Other) -> Other.

init({Parent, Trap}) ->
    process_flag(trap_exit, Trap),
    {ok, #{parent => Parent, count => 0, secret => "hunter2"}}.

handle_call({stop, Reason}, _From, S) -> {stop, Reason, stopping, S};
handle_call(raise_error, _From, _S) -> error(oops).

handle_cast({stop, Reason}, S) -> {stop, Reason, S};
handle_cast(bad_throw, _S) -> throw(not_a_valid_return).

handle_info({stop, Reason}, S) -> {stop, Reason, S};
handle_info(bad_return, _S) -> what_is_this.

terminate(Reason, #{parent := Parent, count := N}) ->
    Parent ! {terminated, Reason, N + 1},
    ignored_return_value.

format_status(normal, [_PDict, State]) ->
    [{data, [{"State", maps:remove(secret, State)}]}];
format_status(terminate, [_PDict, State]) ->
    maps:remove(secret, State).
