%% OTP's supervisor gives up when its children restart more often than its intensity
%% allows within the period: it terminates the remaining children and exits with reason
%% shutdown, which a linked process trapping exits and a monitor both observe. A child
%% whose start fails during the restart counts too.
-module(otp_sup_intensity).
-behaviour(supervisor).
-export([main/0, init/1]).
-export([start_worker/1, loop/0]).

main() ->
    process_flag(trap_exit, true),
    %% Intensity 2: the third crash within the period is one too many.
    {ok, Sup} = supervisor:start_link(?MODULE, {2, 3600}),
    Ref = monitor(process, Sup),
    Crash = fun() -> P = find(Sup, crashy), exit(P, die), wait_changed(Sup, crashy, P) end,
    Crash(),
    Crash(),
    io:format("after two crashes alive ~p, counts ~p~n",
              [is_process_alive(Sup), supervisor:count_children(Sup)]),
    Steady = find(Sup, steady),
    SRef = monitor(process, Steady),
    exit(find(Sup, crashy), die),
    receive {'EXIT', Sup, R} -> io:format("supervisor exit ~p~n", [R]) end,
    receive {'DOWN', Ref, process, Sup, R2} -> io:format("supervisor down ~p~n", [R2]) end,
    receive {'DOWN', SRef, process, Steady, R3} -> io:format("steady child down ~p~n", [R3]) end,
    io:format("alive ~p~n", [is_process_alive(Sup)]),
    %% Intensity 0: the first crash ends the supervisor.
    {ok, Sup0} = supervisor:start_link(?MODULE, {0, 1}),
    exit(find(Sup0, crashy), die),
    receive {'EXIT', Sup0, R4} -> io:format("intensity 0 exit ~p~n", [R4]) end,
    %% A child that fails to start when restarted: the supervisor retries and gives up.
    {ok, Sup1} = supervisor:start_link(?MODULE, fail_on_restart),
    put(started, true),
    exit(find(Sup1, flaky), die),
    receive {'EXIT', Sup1, R5} -> io:format("failing restart exit ~p~n", [R5]) end,
    %% A supervisor whose init fails to start a child does not start.
    io:format("start with failing child ~p~n", [shape(supervisor:start_link(?MODULE, fail_at_start))]),
    receive {'EXIT', _, R6} -> io:format("linked exit ~p~n", [shape(R6)]) after 1000 -> io:format("no exit~n") end,
    io:format("otp_sup_intensity done~n").

shape({error, {shutdown, {failed_to_start_child, Id, Reason}}}) -> {failed_to_start_child, Id, Reason};
shape({shutdown, {failed_to_start_child, Id, Reason}}) -> {failed_to_start_child, Id, Reason};
shape(Other) -> Other.

find(Sup, Id) ->
    hd([P || {I, P, _, _} <- supervisor:which_children(Sup), I =:= Id]).

wait_changed(Sup, Id, Old) ->
    case find(Sup, Id) of
        P when is_pid(P), P =/= Old -> P;
        _ -> receive after 1 -> wait_changed(Sup, Id, Old) end
    end.

init({Intensity, Period}) ->
    {ok, {#{strategy => one_for_one, intensity => Intensity, period => Period},
          [#{id => steady, start => {?MODULE, start_worker, [ok]}},
           #{id => crashy, start => {?MODULE, start_worker, [ok]}}]}};
init(fail_on_restart) ->
    Counter = spawn_link(fun() -> counter(0) end),
    {ok, {#{strategy => one_for_one, intensity => 3, period => 3600},
          [#{id => flaky, start => {?MODULE, start_worker, [{first_only, Counter}]}}]}};
init(fail_at_start) ->
    {ok, {#{strategy => one_for_one},
          [#{id => good, start => {?MODULE, start_worker, [ok]}},
           #{id => bad, start => {?MODULE, start_worker, [refuse]}}]}}.

counter(N) ->
    receive {next, From} -> From ! {count, N}, counter(N + 1) end.

start_worker(ok) ->
    {ok, spawn_link(?MODULE, loop, [])};
start_worker(refuse) ->
    {error, refused};
start_worker({first_only, Counter}) ->
    Counter ! {next, self()},
    receive
        {count, 0} -> {ok, spawn_link(?MODULE, loop, [])};
        {count, _} -> {error, no_more}
    end.

loop() ->
    receive _ -> loop() end.
