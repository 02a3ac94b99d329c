-module(sig_exit_waiting).
-export([main/0]).

%% Exit signals reach a process whatever it is doing: waiting in a receive with or without a
%% timeout, in a selective receive skipping other messages, or busy computing.
main() ->
    Self = self(),
    Cases = [{infinity, fun() -> receive never -> ok end end},
             {timeout, fun() -> receive never -> ok after 60000 -> timed_out end end},
             {selective, fun() -> self() ! other, self() ! other2, receive only_this -> ok end end},
             {busy, fun() -> Self ! busy, spin(0) end},
             {sleeping, fun() -> timer:sleep(60000) end}],
    lists:foreach(fun({Name, F}) ->
                          {P, Ref} = spawn_monitor(F),
                          wait_started(Name),
                          exit(P, {stopped, Name}),
                          receive {'DOWN', Ref, process, P, W} -> io:format("~p: ~p~n", [Name, W]) end
                  end, Cases),
    %% Trapping while waiting with a timeout: the 'EXIT' message ends the wait early.
    {T, TRef} = spawn_monitor(fun() ->
                                      process_flag(trap_exit, true),
                                      Self ! ready,
                                      receive {'EXIT', _, W} -> exit({woken_by, W}) after 60000 -> exit(timeout) end
                              end),
    receive ready -> ok end,
    exit(T, wake_up),
    receive {'DOWN', TRef, process, T, W1} -> io:format("trapping waiter: ~p~n", [W1]) end,
    %% Trapping in a selective receive for something else: the 'EXIT' waits in the mailbox.
    {S, SRef} = spawn_monitor(fun() ->
                                      process_flag(trap_exit, true),
                                      Self ! ready,
                                      receive go -> ok end,
                                      receive {'EXIT', _, W} -> exit({later, W}) end
                              end),
    receive ready -> ok end,
    exit(S, queued),
    S ! go,
    receive {'DOWN', SRef, process, S, W2} -> io:format("selective trapper: ~p~n", [W2]) end,
    io:format("sig_exit_waiting done~n").

wait_started(busy) -> receive busy -> ok end;
wait_started(_) -> ok.

spin(N) -> spin(N + 1).
