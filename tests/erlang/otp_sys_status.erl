%% sys:get_status/1 on OTP behaviours, printing only what is the same on every VM (no pids,
%% no timestamps): the behaviour module, the sys status (running / suspended), the status
%% items and the state as the behaviour's format_status shows it. The gen_server uses the
%% OTP 25 format_status/1 callback, the gen_statem the same callback for its data, and
%% the supervisor and gen_event their own layouts.
-module(otp_sys_status).
-behaviour(gen_server).
-export([main/0]).
-export([init/1, handle_call/3, handle_cast/2, format_status/1]).
-export([callback_mode/0, handle_event/4]).

main() ->
    {ok, S} = gen_server:start({local, status_srv}, ?MODULE, server, []),
    show("gen_server", S),
    ok = sys:suspend(S),
    show("suspended gen_server", S),
    ok = sys:resume(S),
    {ok, M} = gen_statem:start({local, status_fsm}, ?MODULE, statem, []),
    show("gen_statem", M),
    {ok, Sup} = supervisor:start_link({local, status_sup}, ?MODULE, sup),
    unlink(Sup),
    show("supervisor", Sup),
    {ok, E} = gen_event:start({local, status_events}),
    ok = gen_event:add_handler(E, ?MODULE, handler_state),
    show("gen_event", E),
    %% get_status by registered name, and with a timeout.
    {status, _, {module, Mod}, _} = sys:get_status(status_srv, 1000),
    io:format("by name: ~p~n", [Mod]),
    io:format("otp_sys_status done~n").

show(Name, P) ->
    {status, Pid, {module, Mod}, [PDict, SysState, Parent, Debug, Misc]} = sys:get_status(P),
    io:format("~s: pid ~p, module ~p, sys ~p, parent is pid ~p, debug ~p~n",
              [Name, Pid =:= P, Mod, SysState, is_pid(Parent), Debug]),
    io:format("  pdict keys ~p~n", [lists:sort([K || {K, _} <- PDict])]),
    io:format("  misc ~p~n", [clean(Misc)]).

%% Pids and timestamps differ between runs.
clean(P) when is_pid(P) -> pid;
clean(L) when is_list(L) -> [clean(X) || X <- L];
clean(T) when is_tuple(T) -> list_to_tuple(clean(tuple_to_list(T)));
clean(M) when is_map(M) -> maps:map(fun(_, V) -> clean(V) end, M);
clean(X) -> X.

%% init/1 serves the gen_server, the gen_statem, the supervisor and the gen_event handler.
init(server) -> {ok, #{count => 3, password => "secret"}};
init(statem) -> {ok, waiting, [some, data]};
init(sup) -> {ok, {#{strategy => one_for_one}, []}};
init(handler_state) -> {ok, handler_state}.

handle_call(_, _, S) -> {reply, ok, S}.

handle_cast(_, S) -> {noreply, S}.

%% The OTP 25 callback (the gen_server's and the gen_statem's): hide the password.
format_status(Status = #{state := State = #{password := _}}) ->
    Status#{state := State#{password := hidden}};
format_status(Status = #{data := Data}) ->
    Status#{data := {formatted, Data}};
format_status(Status) ->
    Status.

callback_mode() -> handle_event_function.

handle_event(_, _, _, _) -> keep_state_and_data.
