-module(proc_spawn).
-export([main/0, worker/2, echo_loop/0]).

main() ->
    Self = self(),
    P1 = spawn(fun() -> Self ! {self(), from_fun} end),
    receive {P1, M1} -> io:format("~p~n", [M1]) end,
    P2 = spawn(?MODULE, worker, [Self, 21]),
    receive {P2, M2} -> io:format("~p~n", [M2]) end,
    P3 = spawn(proc_spawn, echo_loop, []),
    P3 ! {Self, hello},
    P3 ! {Self, world},
    io:format("~p~n", [[receive {P3, E} -> E end || _ <- [1, 2]]]),
    Ref = monitor(process, P3),
    P3 ! stop,
    io:format("~p~n", [{is_pid(P1), P1 =:= P2, P1 =/= Self, node(P1) =:= node()}]),
    X = 10, Y = [a, b],
    P4 = spawn(fun() -> Self ! {captured, X, Y} end),
    receive {captured, CX, CY} -> io:format("~p~n", [{CX, CY, is_pid(P4)}]) end,
    Pids = [spawn(fun() -> Self ! {sq, N, N * N} end) || N <- lists:seq(1, 100)],
    Results = lists:sort([receive {sq, N, S} -> {N, S} end || _ <- Pids]),
    io:format("~p~n", [lists:sum([S || {_, S} <- Results])]),
    io:format("~p~n", [length(lists:usort(Pids))]),
    receive {'DOWN', Ref, process, P3, Why} -> io:format("echo exited: ~p~n", [Why]) end,
    io:format("~p~n", [is_process_alive(P3)]),
    Chain = spawn_chain(50, Self),
    Chain ! {token, 0},
    receive {token, T} -> io:format("chain token ~p~n", [T]) end,
    io:format("proc_spawn done~n").

worker(Parent, N) -> Parent ! {self(), N * 2}.

echo_loop() ->
    receive
        {From, Msg} -> From ! {self(), Msg}, echo_loop();
        stop -> ok
    end.

spawn_chain(0, Next) -> Next;
spawn_chain(N, Next) ->
    P = spawn(fun() -> receive {token, T} -> Next ! {token, T + 1} end end),
    spawn_chain(N - 1, P).
