-module(tmr_intervals).
-export([main/0, tick/2]).

%% Interval timers: send_interval/2,3 and apply_interval/4 repeat until cancelled, and end
%% with the process they work for (the caller of apply_interval, the destination of
%% send_interval).
main() ->
    Self = self(),
    {ok, T1} = timer:send_interval(5, ping),
    Pings = [receive ping -> ping end || _ <- [1, 2, 3, 4]],
    io:format("send_interval/2: ~p ~p~n", [Pings, element(1, T1)]),
    {ok, cancel} = timer:cancel(T1),
    %% Ticks that were due before the cancel may still be queued; none comes after it.
    flush(),
    io:format("after cancel: ~p~n", [drain()]),
    %% To another process, which counts its messages.
    Counter = spawn(fun() -> count(Self, 0) end),
    {ok, T2} = timer:send_interval(5, Counter, bump),
    [receive {counted, N} -> N end || N <- [1, 2, 3]],
    {ok, cancel} = timer:cancel(T2),
    flush(),
    Counter ! {report, Self},
    receive {total, Total} -> io:format("send_interval/3 to a pid: ~p~n", [Total >= 3]) end,
    %% To a registered name.
    register(tmr_iv_main, Self),
    {ok, T3} = timer:send_interval(5, tmr_iv_main, named),
    [receive named -> ok end || _ <- [1, 2, 3]],
    {ok, cancel} = timer:cancel(T3),
    flush(),
    io:format("send_interval/3 to a name: ok, then ~p~n", [drain()]),
    unregister(tmr_iv_main),
    %% apply_interval/4: each apply in a process of its own.
    {ok, T4} = timer:apply_interval(5, ?MODULE, tick, [Self, apply]),
    Runners = [receive {tick, apply, P} -> P end || _ <- [1, 2, 3]],
    {ok, cancel} = timer:cancel(T4),
    flush(),
    io:format("apply_interval: ~p distinct, none is me: ~p, then ~p~n",
              [length(lists:usort(Runners)), not lists:member(Self, Runners), drain()]),
    %% The interval ends with the process that called apply_interval.
    Owner = spawn(fun() ->
                          {ok, _} = timer:apply_interval(5, ?MODULE, tick, [Self, owned]),
                          receive stop -> ok end
                  end),
    [receive {tick, owned, _} -> ok end || _ <- [1, 2]],
    OwnerRef = monitor(process, Owner),
    Owner ! stop,
    receive {'DOWN', OwnerRef, process, Owner, normal} -> ok end,
    %% A tick due as the owner ended may still come, as on OTP's server: let it pass.
    timer:sleep(20),
    flush(),
    io:format("owner ended, then: ~p~n", [drain()]),
    %% send_interval to a name ends with the process holding the name when it was set.
    Holder = spawn(fun() -> relay(Self, 2) end),
    register(tmr_iv_name, Holder),
    {ok, _} = timer:send_interval(5, tmr_iv_name, hop),
    [receive {relayed, hop} -> ok end || _ <- [1, 2]],
    Next = spawn(fun() -> relay(Self, 100) end),
    wait_unregistered(tmr_iv_name),
    timer:sleep(20),
    flush(),
    register(tmr_iv_name, Next),
    io:format("name's next holder gets: ~p~n", [drain()]),
    exit(Next, kill),
    %% A name that is free: the interval ends at once.
    {ok, _} = timer:send_interval(5, tmr_iv_free, x),
    io:format("errors: ~p~n",
              [[catch_it(F) || F <- [fun() -> timer:send_interval(-1, x) end,
                                     fun() -> timer:send_interval(a, x) end,
                                     fun() -> timer:send_interval(5, "dest", x) end,
                                     fun() -> timer:send_interval(5, 3, x) end,
                                     fun() -> timer:apply_interval(-5, ?MODULE, tick, []) end,
                                     fun() -> timer:apply_interval(5, ?MODULE, "tick", []) end,
                                     fun() -> timer:apply_interval(1 bsl 64, ?MODULE, tick, []) end]]]),
    io:format("tmr_intervals done~n").

tick(To, What) ->
    To ! {tick, What, self()}.

count(To, N) ->
    receive
        bump -> To ! {counted, N + 1}, count(To, N + 1);
        {report, From} -> From ! {total, N}
    end.

%% Relays N messages to To, then ends.
relay(_, 0) -> ok;
relay(To, N) -> receive M -> To ! {relayed, M}, relay(To, N - 1) end.

wait_unregistered(Name) ->
    case whereis(Name) of
        undefined -> ok;
        _ -> timer:sleep(1), wait_unregistered(Name)
    end.

%% Empties the mailbox.
flush() ->
    receive _ -> flush() after 0 -> ok end.

%% Everything that arrives in the next 30 ms (three intervals' worth).
drain() ->
    receive M -> [M | drain()] after 30 -> [] end.

catch_it(F) ->
    try F() of
        {ok, {Kind, _}} -> {ok, Kind};
        Other -> Other
    catch
        C:E -> {C, E}
    end.
