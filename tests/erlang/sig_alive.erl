-module(sig_alive).
-export([main/0]).

%% is_process_alive/1 after death: false as soon as the caller's own kill has taken effect
%% (signals from the caller are ordered before the check), false after 'DOWN', true for a
%% process that ignored a normal exit signal.
main() ->
    io:format("self: ~p~n", [is_process_alive(self())]),
    P = spawn(fun() -> receive never -> ok end end),
    io:format("spawned: ~p~n", [is_process_alive(P)]),
    exit(P, kill),
    io:format("right after kill: ~p~n", [is_process_alive(P)]),
    Q = spawn(fun() -> receive never -> ok end end),
    exit(Q, some_reason),
    io:format("right after exit/2: ~p~n", [is_process_alive(Q)]),
    {R, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, R, _} -> ok end,
    io:format("after DOWN: ~p~n", [is_process_alive(R)]),
    Self = self(),
    T = spawn(fun() -> process_flag(trap_exit, true), Self ! trapping, receive {'EXIT', _, _} -> receive never -> ok end end end),
    receive trapping -> ok end,
    exit(T, not_deadly),
    io:format("trapping after exit/2: ~p~n", [is_process_alive(T)]),
    exit(T, kill),
    io:format("trapping after kill: ~p~n", [is_process_alive(T)]),
    N = spawn(fun() -> receive never -> ok end end),
    exit(N, normal),
    io:format("after exit normal: ~p~n", [is_process_alive(N)]),
    exit(N, kill),
    %% Many at once.
    Ps = [spawn(fun() -> receive never -> ok end end) || _ <- lists:seq(1, 50)],
    [exit(X, kill) || X <- Ps],
    io:format("any alive of 50: ~p~n", [lists:any(fun is_process_alive/1, Ps)]),
    io:format("badarg: ~p~n", [try is_process_alive(not_a_pid) catch error:E -> E end]),
    io:format("sig_alive done~n").
