-module(sig_link_dead).
-export([main/0]).

%% Linking to a process that no longer exists: a noproc error for a caller that does not
%% trap exits, an {'EXIT', Pid, noproc} message for one that does.
main() ->
    %% The -s process traps exits on erl (and rbeam): start from a process that does not.
    io:format("boot process traps: ~p~n", [process_flag(trap_exit, false)]),
    Dead = dead_pid(),
    io:format("alive: ~p~n", [is_process_alive(Dead)]),
    io:format("link not trapping: ~p~n", [try link(Dead) catch C:E -> {C, E} end]),
    io:format("still here, mailbox: ~p~n", [flush()]),
    io:format("unlink dead: ~p~n", [unlink(Dead)]),
    false = process_flag(trap_exit, true),
    io:format("link trapping: ~p~n", [link(Dead)]),
    io:format("message: ~p~n", [receive {'EXIT', Dead, R} -> R after 1000 -> none end]),
    io:format("mailbox: ~p~n", [flush()]),
    %% Twice gives two messages.
    link(Dead),
    link(Dead),
    io:format("count: ~p~n", [length(flush())]),
    io:format("was trapping: ~p~n", [process_flag(trap_exit, false)]),
    %% In a child that does not catch the error, it dies with {noproc, _}.
    {P, Ref} = spawn_monitor(fun() -> link(Dead) end),
    receive {'DOWN', Ref, process, P, {Reason, _Stack}} -> io:format("child: ~p~n", [Reason]) end,
    %% A catch in a non-trapping child: the process goes on.
    {P2, Ref2} = spawn_monitor(fun() -> catch link(Dead), exit(went_on) end),
    receive {'DOWN', Ref2, process, P2, R2} -> io:format("child2: ~p~n", [R2]) end,
    process_flag(trap_exit, true),
    io:format("sig_link_dead done~n").

dead_pid() ->
    {P, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, P, normal} -> P end.

flush() ->
    receive M -> [element(3, M) | flush()] after 0 -> [] end.
