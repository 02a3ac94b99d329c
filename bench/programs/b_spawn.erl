-module(b_spawn).
-export([run/1, default_n/0, quick_n/0]).

%% Process churn: N rounds, each spawning 50 short-lived processes, half watched with
%% spawn_monitor and half with spawn_link under trap_exit. They end in different ways
%% (returning, exit(normal), exit({code, K}), exit(shutdown)) and every 'DOWN' or 'EXIT'
%% message is collected. Stresses process creation and teardown, monitors, links and
%% exit-signal delivery.
%% run(N) returns {N, normal exits, abnormal exits, sum of exit codes}.

-define(BATCH, 50).

default_n() -> 2450.
quick_n() -> 65.

run(N) ->
    Old = process_flag(trap_exit, true),
    R = loop(N, 0, 0, 0, N),
    process_flag(trap_exit, Old),
    R.

loop(0, Normal, Abnormal, Codes, N) -> {N, Normal, Abnormal, Codes};
loop(I, Normal, Abnormal, Codes, N) ->
    Watched = [start(I * ?BATCH + K) || K <- lists:seq(1, ?BATCH)],
    {Normal1, Abnormal1, Codes1} = collect(Watched, Normal, Abnormal, Codes),
    loop(I - 1, Normal1, Abnormal1, Codes1, N).

start(K) when K rem 2 =:= 0 ->
    {Pid, Ref} = spawn_monitor(fun() -> child(K) end),
    {monitor, Pid, Ref};
start(K) ->
    {link, spawn_link(fun() -> child(K) end)}.

child(K) ->
    case K rem 5 of
        0 -> done;
        1 -> exit(normal);
        2 -> exit({code, K rem 97});
        3 -> exit(shutdown);
        4 -> lists:sum(lists:seq(1, K rem 20))
    end.

collect([], Normal, Abnormal, Codes) -> {Normal, Abnormal, Codes};
collect([{monitor, Pid, Ref} | T], Normal, Abnormal, Codes) ->
    receive
        {'DOWN', Ref, process, Pid, Reason} ->
            {N1, A1, C1} = count(Reason, Normal, Abnormal, Codes),
            collect(T, N1, A1, C1)
    end;
collect([{link, Pid} | T], Normal, Abnormal, Codes) ->
    receive
        {'EXIT', Pid, Reason} ->
            {N1, A1, C1} = count(Reason, Normal, Abnormal, Codes),
            collect(T, N1, A1, C1)
    end.

count(normal, N, A, C) -> {N + 1, A, C};
count({code, K}, N, A, C) -> {N, A + 1, C + K};
count(shutdown, N, A, C) -> {N, A + 1, C + 1000}.
