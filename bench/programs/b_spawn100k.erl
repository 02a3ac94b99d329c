-module(b_spawn100k).
-export([run/1, default_n/0, quick_n/0]).

%% The concurrency issue's spawn/exit test: N processes (100,000 by default) alive at once,
%% each monitored and waiting for a message, then told to exit with its own reason; every
%% 'DOWN' is collected. Measures process creation, a process table of that size, exit and
%% monitor delivery, and the memory a waiting process takes.
%% run(N) returns {N, the sum of the exit reasons} = {N, N * (N + 1) div 2}.

default_n() -> 100000.
quick_n() -> 2000.

run(N) ->
    Procs = [spawn_monitor(fun() -> wait() end) || _ <- lists:seq(1, N)],
    release(Procs, 1),
    {N, collect(N, 0)}.

wait() ->
    receive {exit, K} -> exit({done, K}) end.

release([], _) -> ok;
release([{Pid, _} | Rest], K) ->
    Pid ! {exit, K},
    release(Rest, K + 1).

collect(0, Sum) -> Sum;
collect(Left, Sum) ->
    receive {'DOWN', _, process, _, {done, K}} -> collect(Left - 1, Sum + K) end.
