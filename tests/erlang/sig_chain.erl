-module(sig_chain).
-export([main/0]).

%% Chains of linked processes: an abnormal exit at one end takes every non-trapping member
%% down with the same reason; kill arrives as killed one hop away and stays killed; a
%% trapping member stops the spread.
main() ->
    process_flag(trap_exit, true),
    io:format("reason: ~p~n", [chain(10, fun(Last) -> exit(Last, {chain_reason, 10}) end)]),
    io:format("kill: ~p~n", [chain(10, fun(Last) -> exit(Last, kill) end)]),
    io:format("normal: ~p~n", [chain_normal(5)]),
    io:format("long: ~p~n", [chain(1000, fun(Last) -> exit(Last, long_chain) end)]),
    io:format("trapping link: ~p~n", [chain_with_trapper()]),
    io:format("sig_chain done~n").

%% Builds Head - P1 - ... - PN (each linked to the next), monitors all, ends the last one with
%% Kill(Last) and answers the distinct reasons seen and what the head (trapping) got.
chain(N, Kill) ->
    Pids = build(N),
    Refs = [monitor(process, P) || P <- Pids],
    Kill(lists:last(Pids)),
    Reasons = [receive {'DOWN', R, process, _, W} -> W end || R <- Refs],
    First = hd(Pids),
    Head = receive {'EXIT', First, W0} -> W0 end,
    {lists:usort(Reasons), Head}.

build(N) ->
    Self = self(),
    _ = spawn_link(fun() -> member(Self, N - 1) end),
    [receive {member, K, P} -> P end || K <- lists:seq(N - 1, 0, -1)].

%% Member K (counting down to 0, the last) links to the next one and reports.
member(Top, 0) ->
    Top ! {member, 0, self()},
    wait();
member(Top, K) ->
    _ = spawn_link(fun() -> member(Top, K - 1) end),
    Top ! {member, K, self()},
    wait().

wait() ->
    receive
        stop -> ok;
        {ping, From} -> From ! {pong, self()}, wait()
    end.

%% A normal exit at the end stops at the next member: the others stay up (the last one's
%% neighbour answers a ping after the link signal, which it received first).
chain_normal(N) ->
    Pids = build(N),
    Last = lists:last(Pids),
    Ref = monitor(process, Last),
    Last ! stop,
    receive {'DOWN', Ref, process, Last, normal} -> ok end,
    Before = lists:nth(N - 1, Pids),
    Before ! {ping, self()},
    receive {pong, Before} -> ok end,
    Alive = [is_process_alive(P) || P <- Pids],
    [exit(P, kill) || P <- Pids],
    receive {'EXIT', _, _} -> ok end,
    Alive.

%% A - B(trapping) - C: C crashes, B gets a message, A stays up.
chain_with_trapper() ->
    Self = self(),
    A = spawn(fun() ->
                      B = spawn_link(fun() ->
                                             process_flag(trap_exit, true),
                                             C = spawn_link(fun() -> receive go -> exit(c_crash) end end),
                                             Self ! {c, C},
                                             receive {'EXIT', C, W} -> Self ! {b_got, W} end,
                                             receive never -> ok end
                                     end),
                      Self ! {b, B},
                      receive never -> ok end
              end),
    C = receive {c, CP} -> CP end,
    B = receive {b, BP} -> BP end,
    C ! go,
    Got = receive {b_got, W} -> W end,
    Result = {Got, is_process_alive(A), is_process_alive(B)},
    exit(A, kill),
    Result.
