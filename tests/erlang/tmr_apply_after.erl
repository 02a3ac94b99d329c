-module(tmr_apply_after).
-export([main/0, note/2]).

%% timer:apply_after/4 and the one-shot sends that go through OTP's timer server: each
%% apply runs in a process of its own, in deadline order, even after the process that set
%% it has ended; sends reach registered names, looked up when they are due.
%% Deadlines that must not be overtaken are 100 ms apart: setting a timer up can take
%% milliseconds under qemu-arm with GC stress.
main() ->
    Self = self(),
    {ok, _} = timer:apply_after(300, ?MODULE, note, [Self, third]),
    {ok, _} = timer:apply_after(100, ?MODULE, note, [Self, first]),
    {ok, _} = timer:apply_after(200, ?MODULE, note, [Self, second]),
    io:format("in order: ~p~n", [[receive {note, W, _} -> W end || _ <- [1, 2, 3]]]),
    {ok, _} = timer:apply_after(5, ?MODULE, note, [Self, where]),
    receive {note, where, Runner} -> io:format("own process: ~p~n", [Runner =/= Self]) end,
    {ok, I} = timer:apply_after(0, ?MODULE, note, [Self, now]),
    receive {note, now, _} -> io:format("at 0: ~p~n", [element(1, I)]) end,
    %% The setter ends long before the apply is due.
    Setter = spawn(fun() -> {ok, _} = timer:apply_after(20, ?MODULE, note, [Self, orphan]) end),
    Ref = monitor(process, Setter),
    receive {'DOWN', Ref, process, Setter, normal} -> ok end,
    receive {note, orphan, _} -> io:format("outlives its setter: ok~n") end,
    %% Sends to a registered name, local and as {Name, Node}.
    register(tmr_aa_main, Self),
    {ok, N} = timer:send_after(10, tmr_aa_main, by_name),
    receive by_name -> io:format("by name: ~p~n", [element(1, N)]) end,
    {ok, _} = timer:send_after(10, {tmr_aa_main, node()}, by_node_name),
    receive by_node_name -> io:format("by {name, node}: ok~n") end,
    {ok, _} = timer:send_after(10, Self, to_pid),
    receive to_pid -> io:format("to pid: ok~n") end,
    %% A name that is free when the send is due: nothing happens.
    {ok, _} = timer:send_after(10, tmr_aa_nobody, lost),
    %% A name taken after the timer was set: looked up when due.
    {ok, _} = timer:send_after(500, tmr_aa_late, late),
    Late = spawn(fun() -> receive late -> Self ! got_late end end),
    register(tmr_aa_late, Late),
    receive got_late -> io:format("name resolved when due: ok~n") end,
    io:format("quiet: ~p~n", [receive M -> M after 30 -> none end]),
    unregister(tmr_aa_main),
    io:format("errors: ~p~n", [[catch_it(F) || F <- bad_calls()]]),
    io:format("tmr_apply_after done~n").

note(To, What) ->
    To ! {note, What, self()}.

bad_calls() ->
    [fun() -> timer:apply_after(-1, ?MODULE, note, [x, y]) end,
     fun() -> timer:apply_after(1.5, ?MODULE, note, [x, y]) end,
     fun() -> timer:apply_after(x, ?MODULE, note, [x, y]) end,
     fun() -> timer:apply_after(10, "m", note, []) end,
     fun() -> timer:apply_after(10, ?MODULE, 1, []) end,
     fun() -> timer:apply_after(10, ?MODULE, note, x) end,
     fun() -> timer:apply_after(1 bsl 64, ?MODULE, note, []) end,
     fun() -> timer:send_after(-1, tmr_aa_nobody, x) end,
     fun() -> timer:send_after(10, "name", x) end,
     fun() -> timer:send_after(0, "name", x) end,
     fun() -> timer:send_after(10, {a, "b"}, x) end,
     fun() -> timer:send_after(0, tmr_aa_nobody, x) end].

catch_it(F) ->
    try F() of
        {ok, {Kind, _}} -> {ok, Kind};
        Other -> Other
    catch
        C:E -> {C, E}
    end.
