%% proc_lib:initial_call/1 and translate_initial_call/1 for processes started in different
%% ways (proc_lib:spawn with a module function, a fun, gen_server, gen_statem, supervisor),
%% and for a plain process, which proc_lib knows nothing about.
-module(otp_proc_lib_initial_call).
-behaviour(gen_server).
-export([main/0, loop/1]).
-export([init/1, handle_call/3, handle_cast/2]).

main() ->
    P1 = proc_lib:spawn(?MODULE, loop, [x]),
    P2 = proc_lib:spawn(fun() -> loop(y) end),
    P3 = proc_lib:spawn(fun named_loop/0),
    {ok, P4} = gen_server:start(?MODULE, [], []),
    {ok, P5} = supervisor:start_link(?MODULE, sup),
    P6 = spawn(?MODULE, loop, [z]),
    {ok, P7} = gen_event:start(),
    Show = fun(Name, P) ->
                   io:format("~s: initial ~p, translated ~p~n",
                             [Name, funs(proc_lib:initial_call(P)), funs(proc_lib:translate_initial_call(P))])
           end,
    [Show(N, P) || {N, P} <- [{"spawn mfa", P1}, {"spawn fun", P2}, {"spawn local fun", P3},
                              {"gen_server", P4}, {"supervisor", P5}, {"plain spawn", P6},
                              {"gen_event", P7}]],
    io:format("process_info initial_call ~p~n", [[funs(element(2, process_info(P, initial_call))) || P <- [P1, P4, P6]]]),
    {Dead, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, Dead, _} -> ok end,
    io:format("dead process ~p~n", [proc_lib:initial_call(Dead)]),
    io:format("otp_proc_lib_initial_call done~n").

%% A fun's generated name differs between compilers: funs show as their arity.
funs({M, F, A}) when is_atom(F) ->
    case atom_to_list(F) of
        "-" ++ _ -> {M, a_fun, A};
        _ -> {M, F, A}
    end;
funs(Other) -> Other.

loop(_) -> receive stop -> ok end.

named_loop() -> loop(named).

%% init/1 serves the gen_server and the supervisor.
init(sup) -> {ok, {#{}, []}};
init([]) -> {ok, []}.

handle_call(_, _, S) -> {reply, ok, S}.

handle_cast(_, S) -> {noreply, S}.
