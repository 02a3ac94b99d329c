-module(sig_link_basic).
-export([main/0]).

%% link/1 and unlink/1: return values, idempotence, and that an unlinked process's death
%% no longer reaches the other side.
main() ->
    Self = self(),
    P = spawn(fun() -> receive stop -> ok end end),
    io:format("link: ~p~n", [link(P)]),
    io:format("link again: ~p~n", [link(P)]),
    io:format("link self: ~p~n", [link(self())]),
    io:format("unlink: ~p~n", [unlink(P)]),
    io:format("unlink again: ~p~n", [unlink(P)]),
    io:format("unlink self: ~p~n", [unlink(self())]),
    P ! stop,
    %% A non-trapping middle process links to a child, unlinks, then the child dies with an
    %% abnormal reason: the middle survives.
    Middle = spawn(fun() ->
                           C = spawn(fun() -> receive go -> exit(child_crash) end end),
                           link(C),
                           unlink(C),
                           Ref = monitor(process, C),
                           C ! go,
                           receive {'DOWN', Ref, process, C, R} -> Self ! {middle_saw, R} end,
                           receive stop -> Self ! middle_stopped end
                   end),
    MRef = monitor(process, Middle),
    receive {middle_saw, R1} -> io:format("middle saw: ~p~n", [R1]) end,
    Middle ! stop,
    receive middle_stopped -> io:format("middle survived~n") end,
    receive {'DOWN', MRef, process, Middle, R2} -> io:format("middle ended: ~p~n", [R2]) end,
    %% Linked both ways: either side's link/unlink is seen by both.
    process_flag(trap_exit, true),
    Q = spawn(fun() -> link(Self), Self ! linked, receive {unlink, From} -> unlink(From), Self ! unlinked end, receive die -> exit(q_died) end end),
    receive linked -> ok end,
    Q ! {unlink, Self},
    receive unlinked -> ok end,
    QRef = monitor(process, Q),
    Q ! die,
    receive {'DOWN', QRef, process, Q, R3} -> io:format("q down: ~p~n", [R3]) end,
    io:format("exit msg: ~p~n", [receive {'EXIT', Q, R4} -> R4 after 50 -> none end]),
    %% Linking is symmetric: the other side gets our death.
    W = spawn(fun() -> process_flag(trap_exit, true), Self ! ready, receive {'EXIT', _, Why} -> Self ! {w_got, Why} end end),
    receive ready -> ok end,
    spawn(fun() -> link(W), Self ! {lp, self()}, exit(symmetric) end),
    receive {lp, _} -> ok end,
    receive {w_got, Why} -> io:format("w got: ~p~n", [Why]) end,
    process_flag(trap_exit, false),
    io:format("sig_link_basic done~n").
