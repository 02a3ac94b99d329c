-module(proc_spawn_monitor).
-export([main/0, worker/1]).

main() ->
    {P1, R1} = spawn_monitor(fun() -> exit(done) end),
    receive {'DOWN', R1, process, P1, W1} -> io:format("fun: ~p~n", [W1]) end,
    {P2, R2} = spawn_monitor(?MODULE, worker, [42]),
    receive {'DOWN', R2, process, P2, W2} -> io:format("mfa: ~p~n", [W2]) end,
    %% a link in both directions: the child's death kills the non-trapping parent
    Top = self(),
    {Parent, RP} = spawn_monitor(fun() ->
                                         spawn_link(fun() -> exit(child_crash) end),
                                         receive never -> Top ! survived end
                                 end),
    receive {'DOWN', RP, process, Parent, WP} -> io:format("parent: ~p~n", [WP]) end,
    %% a normal exit through a link leaves the other process alone
    {Calm, RC} = spawn_monitor(fun() ->
                                       spawn_link(fun() -> ok end),
                                       receive after 50 -> exit(calm) end
                               end),
    receive {'DOWN', RC, process, Calm, WC} -> io:format("calm: ~p~n", [WC]) end,
    %% kill through a link is an ordinary reason
    Trapper = spawn(fun() ->
                            process_flag(trap_exit, true),
                            receive {'EXIT', _, Why} -> Top ! {trapped, Why} end
                    end),
    spawn(fun() -> link(Trapper), exit(kill) end),
    receive {trapped, TW} -> io:format("trapped: ~p~n", [TW]) end,
    {Plain, RK} = spawn_monitor(fun() -> receive never -> ok end end),
    spawn(fun() -> link(Plain), exit(kill) end),
    receive {'DOWN', RK, process, Plain, WK} -> io:format("linked kill: ~p~n", [WK]) end,
    %% a chain of linked processes goes down together
    Last = chain(200),
    {_, RL} = {Last, monitor(process, Last)},
    exit(Last, chain_broken),
    receive {'DOWN', RL, process, Last, WL} -> io:format("chain: ~p~n", [WL]) end,
    io:format("~p~n", [[element(1, element(2, catch F())) || F <- [fun() -> spawn_link(x) end,
                                                                    fun() -> spawn_monitor(x) end,
                                                                    fun() -> link(x) end,
                                                                    fun() -> exit(x, y) end]]]),
    process_flag(trap_exit, false),
    Gone = spawn(fun() -> ok end),
    timer:sleep(10),
    {'EXIT', {noproc, [{erlang, link, [Gone], _} | _]}} = (catch link(Gone)),
    io:format("link to a dead process: noproc~n"),
    io:format("proc_spawn_monitor done~n").

worker(N) -> exit({worker, N}).

%% N linked processes; returns the last, whose monitor sees the first one's death.
chain(0) -> spawn(fun() -> receive never -> ok end end);
chain(N) ->
    Next = chain(N - 1),
    spawn(fun() -> link(Next), receive never -> ok end end).
