%% rbeam's stand-in for stdlib's `timer`.
%%
%% OTP 25's timer runs its one-shot applies, its sends to registered names, its exits and
%% all its interval timers in a timer server that it starts under kernel_sup on first use
%% and that keeps its timers in an ETS table. rbeam has neither kernel_sup nor ETS, so
%% this module offers OTP 25's whole timer API without a central server:
%%
%%   * sends to a local pid (and, at time 0, every send, apply and exit) need no process:
%%     erlang:send_after/3 or the action itself, as OTP does;
%%   * a send to a registered name is an erlang:send_after/4 timer addressed to the name,
%%     which erts resolves at delivery and drops when unregistered (OTP's server catches
%%     that error too);
%%   * any other one-shot timer (apply_after, exit_after, kill_after, sends to
%%     {Name, Node}) is a helper process woken by an erlang:start_timer/4 timer; like
%%     OTP's server it is tied to no process: the action happens even when the process
%%     that set the timer has ended;
%%   * an interval timer is a helper process that monitors the process the timer works
%%     for (the caller of apply_interval/4, the destination of send_interval/2,3) and ends
%%     with it, as OTP's server drops such a timer on the monitor's 'DOWN'.
%%
%% Timers keep OTP's schedule: deadlines are absolute monotonic milliseconds rounded up,
%% and an interval's next deadline is the previous one plus the interval, so ticks do not
%% drift. Applies run in a new process each, exits come from the helper. The first timer
%% of every helper is started by the caller, so an out-of-range time is {error, badarg}
%% before anything runs.
%%
%% A timer reference keeps OTP's shape {Kind, _} with OTP's kinds (once, interval,
%% instant, send_local); for helper timers the second element holds the helper's pid, so
%% cancel/1 finds it. cancel/1 is synchronous as OTP's call to its server is: when it
%% returns {ok, cancel}, the timer will not act any more (a one-shot timer that already
%% fired has acted). Any well-formed reference cancels to {ok, cancel}, anything else is
%% {error, badarg}.
%%
%% start/0 returns ok and start_link/0 ignore: there is no server to start. OTP's
%% gen_server callbacks are not exported.
-module(timer).

-export([apply_after/4, send_after/2, send_after/3, exit_after/2, exit_after/3,
         kill_after/1, kill_after/2, apply_interval/4, send_interval/2, send_interval/3,
         cancel/1, sleep/1, tc/1, tc/2, tc/3, now_diff/2,
         seconds/1, minutes/1, hours/1, hms/3]).
-export([start/0, start_link/0]).
-export_type([tref/0]).

-opaque tref() :: {once | interval | instant | send_local, term()}.
-type time() :: non_neg_integer().

%% The longest wait a single `receive ... after` takes.
-define(MAX_AFTER, 16#FFFFFFFF).

-define(IS_TIME(T), is_integer(T), T >= 0).
%% erts refuses timers set past what its 64-bit nanosecond clock holds (some 290 years);
%% rbeam's timer BIFs take any time, so the timers set here check that themselves.
-define(IN_RANGE(T), ?IS_TIME(T), T < (1 bsl 63) div 1000000).
-define(IS_MFA(M, F, A), is_atom(M), is_atom(F), is_list(A)).

%%% One-shot timers.

-spec apply_after(time(), module(), atom(), [term()]) -> {ok, tref()} | {error, term()}.
apply_after(0, M, F, A) when ?IS_MFA(M, F, A) ->
    act({apply, M, F, A}),
    instant();
apply_after(Time, M, F, A) when ?IS_MFA(M, F, A) ->
    once(Time, {apply, M, F, A});
apply_after(_, _, _, _) ->
    {error, badarg}.

-spec send_after(time(), term()) -> {ok, tref()} | {error, term()}.
send_after(Time, Message) ->
    send_after(Time, self(), Message).

%% At time 0 the message is sent at once, and a send to an unregistered name fails in
%% the caller, as in OTP.
-spec send_after(time(), pid() | atom() | {atom(), node()}, term()) ->
          {ok, tref()} | {error, term()}.
send_after(0, Dest, Message) when is_pid(Dest); is_atom(Dest) ->
    Dest ! Message,
    instant();
send_after(0, {Name, Node} = Dest, Message) when is_atom(Name), is_atom(Node) ->
    Dest ! Message,
    instant();
send_after(Time, Pid, Message) when ?IS_TIME(Time), is_pid(Pid), node(Pid) =:= node() ->
    {ok, {send_local, erlang:send_after(Time, Pid, Message)}};
send_after(Time, Name, Message) when ?IN_RANGE(Time), is_atom(Name) ->
    try erlang:send_after(deadline(Time), Name, Message, [{abs, true}]) of
        Timer -> {ok, {once, Timer}}
    catch
        error:badarg -> {error, badarg}
    end;
send_after(Time, Pid, Message) when is_pid(Pid) ->
    once(Time, {send, Pid, Message});
send_after(Time, {Name, Node} = Dest, Message) when is_atom(Name), is_atom(Node) ->
    once(Time, {send, Dest, Message});
send_after(_, _, _) ->
    {error, badarg}.

-spec exit_after(time(), term()) -> {ok, tref()} | {error, term()}.
exit_after(Time, Reason) ->
    exit_after(Time, self(), Reason).

-spec exit_after(time(), pid() | atom(), term()) -> {ok, tref()} | {error, term()}.
exit_after(0, Target, Reason) ->
    act({exit, Target, Reason}),
    instant();
exit_after(Time, Target, Reason) ->
    once(Time, {exit, Target, Reason}).

-spec kill_after(time()) -> {ok, tref()} | {error, term()}.
kill_after(Time) ->
    exit_after(Time, self(), kill).

-spec kill_after(time(), pid() | atom()) -> {ok, tref()} | {error, term()}.
kill_after(Time, Target) ->
    exit_after(Time, Target, kill).

instant() ->
    {ok, {instant, make_ref()}}.

%% A helper waits for its timer, acts and ends.
once(Time, Action) when ?IN_RANGE(Time) ->
    Helper = spawn(fun() -> receive {timeout, _, fire} -> act(Action) end end),
    first_timer(once, Helper, deadline(Time), fire);
once(_, _) ->
    {error, badarg}.

%% The caller starts a helper's first timer, so a time the timer BIF refuses is
%% {error, badarg} to the caller, and the helper is not left waiting.
first_timer(Kind, Helper, Deadline, Message) ->
    try erlang:start_timer(Deadline, Helper, Message, [{abs, true}]) of
        Timer -> {ok, {Kind, {Helper, Timer}}}
    catch
        error:badarg ->
            exit(Helper, kill),
            {error, badarg}
    end.

%%% Interval timers.

-spec apply_interval(time(), module(), atom(), [term()]) -> {ok, tref()} | {error, term()}.
apply_interval(Time, M, F, A) when ?IS_MFA(M, F, A) ->
    interval(Time, self(), {apply, M, F, A});
apply_interval(_, _, _, _) ->
    {error, badarg}.

-spec send_interval(time(), term()) -> {ok, tref()} | {error, term()}.
send_interval(Time, Message) ->
    send_interval(Time, self(), Message).

-spec send_interval(time(), pid() | atom() | {atom(), node()}, term()) ->
          {ok, tref()} | {error, term()}.
send_interval(Time, Pid, Message) when is_pid(Pid) ->
    interval(Time, Pid, {send, Pid, Message});
send_interval(Time, Name, Message) when is_atom(Name) ->
    interval(Time, holder(Name), {send, Name, Message});
send_interval(Time, {Name, Node} = Dest, Message) when is_atom(Name), is_atom(Node) ->
    Owner = case Node =:= node() of
                true -> holder(Name);
                false -> Dest
            end,
    interval(Time, Owner, {send, Dest, Message});
send_interval(_, _, _) ->
    {error, badarg}.

%% OTP's server monitors a registered name when the timer is set, which watches the
%% process holding the name then; the helper starts a moment later, so it is given that
%% process (or the free name, whose monitor goes 'DOWN' at once).
holder(Name) ->
    case whereis(Name) of
        undefined -> Name;
        Pid -> Pid
    end.

interval(Time, Owner, Action) when ?IN_RANGE(Time) ->
    Helper = spawn(fun() -> tick_start(Time, Owner, Action) end),
    First = deadline(Time),
    first_timer(interval, Helper, First, {tick, First});
interval(_, _, _) ->
    {error, badarg}.

%% A monitor that cannot be set (a remote name on a node that is not distributed)
%% leaves nothing to watch: the timer ends, as OTP's does on its 'noconnection'.
tick_start(Time, Owner, Action) ->
    try erlang:monitor(process, Owner) of
        Monitor -> tick_loop(Time, Monitor, Action)
    catch
        error:_ -> ok
    end.

%% The next deadline is set before acting, from the one just reached.
tick_loop(Time, Monitor, Action) ->
    receive
        {timeout, _, {tick, Due}} ->
            Next = Due + Time,
            _ = erlang:start_timer(Next, self(), {tick, Next}, [{abs, true}]),
            act(Action),
            tick_loop(Time, Monitor, Action);
        {'DOWN', Monitor, process, _, _} ->
            ok
    end.

%%% Cancelling.

-spec cancel(tref()) -> {ok, cancel} | {error, badarg}.
cancel({instant, Ref}) when is_reference(Ref) ->
    {ok, cancel};
cancel({send_local, Timer}) when is_reference(Timer) ->
    _ = erlang:cancel_timer(Timer),
    {ok, cancel};
cancel({once, Timer}) when is_reference(Timer) ->
    _ = erlang:cancel_timer(Timer),
    {ok, cancel};
cancel({once, {Helper, Timer}}) when is_pid(Helper), is_reference(Timer) ->
    case erlang:cancel_timer(Timer) of
        false ->
            %% It has fired (or was cancelled): let the action finish, as OTP's server
            %% finishes it before it answers.
            await_end(Helper, fun() -> ok end);
        _ ->
            exit(Helper, kill)
    end,
    {ok, cancel};
cancel({interval, {Helper, Timer}}) when is_pid(Helper), is_reference(Timer) ->
    await_end(Helper, fun() -> exit(Helper, kill) end),
    {ok, cancel};
cancel({interval, Ref}) when is_reference(Ref) ->
    {ok, cancel};
cancel(_) ->
    {error, badarg}.

%% Runs Stop and waits for Helper to have ended.
await_end(Helper, Stop) ->
    Monitor = erlang:monitor(process, Helper),
    Stop(),
    receive {'DOWN', Monitor, process, _, _} -> ok end.

%%% What a timer does when it goes off.

act({apply, M, F, A}) ->
    catch spawn(M, F, A);
act({send, Dest, Message}) ->
    catch Dest ! Message;
act({exit, Target, Reason}) ->
    catch exit(target_pid(Target), Reason).

%% A name is looked up when the exit is due; anything that names no process makes
%% exit/2 fail, which is ignored.
target_pid(Pid) when is_pid(Pid) -> Pid;
target_pid(Name) when is_atom(Name), Name =/= undefined -> whereis(Name);
target_pid(_) -> undefined.

%% Now plus Time, in monotonic milliseconds rounded up, so a timer never goes off early.
deadline(Time) ->
    (erlang:monotonic_time(microsecond) + 999) div 1000 + Time.

%%% The functions that need no timer at all.

-spec sleep(timeout()) -> ok.
sleep(Time) when is_integer(Time), Time > ?MAX_AFTER ->
    receive after ?MAX_AFTER -> sleep(Time - ?MAX_AFTER) end;
sleep(Time) ->
    receive after Time -> ok end.

-spec tc(fun(() -> term())) -> {integer(), term()}.
tc(Fun) ->
    Start = erlang:monotonic_time(),
    Value = Fun(),
    {elapsed_since(Start), Value}.

-spec tc(function(), [term()]) -> {integer(), term()}.
tc(Fun, Args) ->
    Start = erlang:monotonic_time(),
    Value = apply(Fun, Args),
    {elapsed_since(Start), Value}.

-spec tc(module(), atom(), [term()]) -> {integer(), term()}.
tc(M, F, A) ->
    Start = erlang:monotonic_time(),
    Value = apply(M, F, A),
    {elapsed_since(Start), Value}.

elapsed_since(Start) ->
    erlang:convert_time_unit(erlang:monotonic_time() - Start, native, microsecond).

-spec now_diff(erlang:timestamp(), erlang:timestamp()) -> integer().
now_diff({Mega2, Sec2, Micro2}, {Mega1, Sec1, Micro1}) ->
    ((Mega2 - Mega1) * 1000000 + (Sec2 - Sec1)) * 1000000 + (Micro2 - Micro1).

-spec seconds(number()) -> number().
seconds(S) -> 1000 * S.

%% One product each, as OTP computes them: a float's rounding depends on the order.
-spec minutes(number()) -> number().
minutes(M) -> 60000 * M.

-spec hours(number()) -> number().
hours(H) -> 3600000 * H.

-spec hms(number(), number(), number()) -> number().
hms(H, M, S) -> hours(H) + minutes(M) + seconds(S).

%%% No server to start.

-spec start() -> ok.
start() -> ok.

-spec start_link() -> ignore.
start_link() -> ignore.
