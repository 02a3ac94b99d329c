%% gen_server:enter_loop/3,4,5 from a process started by proc_lib: the process does its own
%% initialisation (acknowledging proc_lib:start_link with init_ack), then becomes a
%% gen_server, with or without a registered name, with an initial timeout, or hibernating.
%% enter_loop from a process not started by proc_lib, or with a name it does not have, fails.
-module(otp_gs_enter_loop).
-behaviour(gen_server).
-export([main/0, start_plain/1]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2]).

main() ->
    process_flag(trap_exit, true),
    {ok, A} = proc_lib:start_link(?MODULE, start_plain, [anonymous]),
    io:format("anonymous ~p~n", [gen_server:call(A, state)]),
    {ok, B} = proc_lib:start_link(?MODULE, start_plain, [named]),
    io:format("named ~p ~p~n", [whereis(entered) =:= B, gen_server:call(entered, state)]),
    {ok, C} = proc_lib:start_link(?MODULE, start_plain, [with_timeout]),
    receive after 50 -> ok end,
    io:format("timeout ~p~n", [gen_server:call(C, state)]),
    {ok, D} = proc_lib:start_link(?MODULE, start_plain, [hibernating]),
    io:format("hibernating call ~p~n", [gen_server:call(D, state)]),
    io:format("initial call ~p~n", [proc_lib:initial_call(B)]),
    io:format("translated ~p~n", [proc_lib:translate_initial_call(B)]),
    %% The server's parent is the process that started it: its exit stops the server.
    exit(B, shutdown),
    receive {'EXIT', B, R} -> io:format("named exit ~p~n", [R]) end,
    %% A wrong name: enter_loop exits with a process_not_registered reason.
    {ok, E} = proc_lib:start_link(?MODULE, start_plain, [wrong_name]),
    receive {'EXIT', E, R2} -> io:format("wrong name exit ~p~n", [R2]) end,
    [gen_server:stop(P) || P <- [A, C, D]],
    io:format("otp_gs_enter_loop done~n").

start_plain(Kind) ->
    proc_lib:init_ack({ok, self()}),
    case Kind of
        anonymous -> gen_server:enter_loop(?MODULE, [], {entered, Kind});
        named ->
            register(entered, self()),
            gen_server:enter_loop(?MODULE, [], {entered, Kind}, {local, entered});
        with_timeout -> gen_server:enter_loop(?MODULE, [], {entered, Kind}, 10);
        hibernating -> gen_server:enter_loop(?MODULE, [], {entered, Kind}, hibernate);
        wrong_name -> gen_server:enter_loop(?MODULE, [], {entered, Kind}, {local, not_me}, infinity)
    end.

init(_) -> error(not_called).

handle_call(state, _From, S) -> {reply, S, S}.

handle_cast(_, S) -> {noreply, S}.

handle_info(timeout, {entered, Kind}) -> {noreply, {timed_out, Kind}};
handle_info(_, S) -> {noreply, S}.
