-module(tmr_cancel_kinds).
-export([main/0, note/2]).

%% timer:cancel/1 of every kind of timer: before it goes off (nothing happens), after it
%% went off, twice, from another process; and of things that are no timer. The timers to
%% cancel run for a second, so that even under qemu-arm with GC stress the cancels come first.
main() ->
    Self = self(),
    register(tmr_ck_main, Self),
    %% The exits and kills are aimed at a victim, which sets kill_after/1 itself.
    Victim = spawn(fun() -> Self ! {own, timer:kill_after(1000)}, receive after infinity -> ok end end),
    VictimRef = monitor(process, Victim),
    Own = receive {own, O} -> O end,
    Timers = [timer:send_after(1000, Self, local),
              timer:send_after(1000, tmr_ck_main, named),
              timer:send_after(1000, {tmr_ck_main, node()}, node_named),
              timer:apply_after(1000, ?MODULE, note, [Self, applied]),
              timer:exit_after(1000, Victim, exited),
              timer:kill_after(1000, Victim),
              Own,
              timer:send_interval(1000, interval),
              timer:apply_interval(1000, ?MODULE, note, [Self, applied_interval]),
              timer:send_after(0, Self, instant)],
    io:format("kinds: ~p~n", [[K || {ok, {K, _}} <- Timers]]),
    io:format("cancelled: ~p~n", [[timer:cancel(T) || {ok, T} <- Timers]]),
    io:format("then: ~p~n", [drain(1100)]),
    io:format("victim: ~p~n", [receive {'DOWN', VictimRef, _, _, R} -> R after 0 -> alive end]),
    demonitor(VictimRef, [flush]),
    exit(Victim, kill),
    io:format("again: ~p~n", [[timer:cancel(T) || {ok, T} <- Timers]]),
    %% After going off.
    {ok, Fired} = timer:apply_after(5, ?MODULE, note, [Self, fired]),
    receive {note, fired} -> ok end,
    {ok, Sent} = timer:send_after(5, tmr_ck_main, sent),
    receive sent -> ok end,
    {ok, Local} = timer:send_after(5, local_sent),
    receive local_sent -> ok end,
    io:format("after firing: ~p~n", [[timer:cancel(T) || T <- [Fired, Sent, Local]]]),
    %% An interval that has ticked, cancelled from another process.
    {ok, Ticking} = timer:send_interval(5, tick),
    [receive tick -> ok end || _ <- [1, 2]],
    spawn(fun() -> Self ! {cancelled, timer:cancel(Ticking)} end),
    receive {cancelled, Result} -> io:format("from elsewhere: ~p~n", [Result]) end,
    io:format("ticks after: ~p~n", [lists:usort(drain(30))]),
    unregister(tmr_ck_main),
    io:format("not timers: ~p~n",
              [[timer:cancel(X) || X <- [x, {once, x}, {interval, 1}, {bogus, make_ref()},
                                         {instant, make_ref(), 1}, make_ref()]]]),
    io:format("unknown refs: ~p~n",
              [[timer:cancel({K, make_ref()}) || K <- [once, interval, instant, send_local]]]),
    io:format("tmr_cancel_kinds done~n").

note(To, What) ->
    To ! {note, What}.

drain(Ms) ->
    receive M -> [M | drain(Ms)] after Ms -> [] end.
