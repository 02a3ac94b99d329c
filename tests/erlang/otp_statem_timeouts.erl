%% gen_statem timeouts: a state timeout is cancelled by a state change (and not by staying
%% in the state), an event timeout by any event, a generic (named) timeout only when set
%% to infinity or cancelled; timeouts with a zero time, with their own event content, and
%% timeouts that are updated. Each timeout that fires is logged; the log is printed.
%% The wall-clock waits only let timeouts that must not fire have their chance.
-module(otp_statem_timeouts).
-behaviour(gen_statem).
-export([main/0]).
-export([callback_mode/0, init/1, handle_event/4]).

main() ->
    {ok, M} = gen_statem:start(?MODULE, [], []),
    Step = fun(Label, Events, Wait, Fired) -> step(M, Label, Events, Wait, Fired) end,
    Step("state timeout fires", [{state_timeout, 10, st1}], 0, 1),
    Step("state timeout cancelled by state change", [{state_timeout, 20, st2}, {goto, b}], 50, 0),
    Step("state timeout survives keep_state", [{state_timeout, 20, st3}, nothing], 0, 1),
    Step("state timeout cancelled explicitly", [{state_timeout, 20, st4}, cancel_state], 50, 0),
    Step("event timeout fires", [{event_timeout, 10, ev1}], 0, 1),
    Step("event timeout cancelled by an event", [{event_timeout, 20, ev2}, nothing], 50, 0),
    Step("generic timeout survives events", [{generic, t1, 20, g1}, nothing, {goto, c}], 0, 1),
    Step("generic cancelled with infinity", [{generic, t2, 20, g2}, {generic, t2, infinity, g2}], 50, 0),
    Step("generic cancelled", [{generic, t3, 20, g3}, {cancel, t3}], 50, 0),
    Step("two generic timeouts", [{generic, late, 80, second}, {generic, early, 10, first}], 0, 2),
    Step("restarted generic", [{generic, t4, 10, old}, {generic, t4, 30, new}], 50, 1),
    Step("updated generic", [{generic, t5, 20, orig}, {update, t5, changed}], 0, 1),
    Step("zero timeouts", [{state_timeout, 0, zs}, {generic, z, 0, zg}], 0, 2),
    %% A timeout in the reply of a call, with a timeout on the call itself.
    io:format("call with timeout ~p~n", [gen_statem:call(M, {arm, 10}, 1000)]),
    wait_fired(M, 1, 2000),
    io:format("after call ~p~n", [gen_statem:call(M, take_log, {clean_timeout, 1000})]),
    gen_statem:stop(M),
    io:format("otp_statem_timeouts done~n").

%% Sends Events, waits Wait ms (for timeouts that must not fire), then until Fired timeouts
%% have fired (however slow the machine), and prints what fired.
step(M, Label, Events, Wait, Fired) ->
    [gen_statem:cast(M, E) || E <- Events],
    receive after Wait -> ok end,
    wait_fired(M, Fired, 2000),
    io:format("~s: ~p~n", [Label, gen_statem:call(M, take_log)]).

wait_fired(M, N, Left) ->
    %% A system message, not an event: it does not cancel an event timeout.
    {_State, Log} = sys:get_state(M),
    case length(Log) of
        C when C >= N; Left =< 0 -> ok;
        _ -> receive after 1 -> wait_fired(M, N, Left - 1) end
    end.

callback_mode() -> handle_event_function.

init([]) -> {ok, a, []}.

handle_event(cast, {state_timeout, T, C}, _S, _L) -> {keep_state_and_data, [{state_timeout, T, C}]};
handle_event(cast, {event_timeout, T, C}, _S, _L) -> {keep_state_and_data, [{timeout, T, C}]};
handle_event(cast, {generic, N, T, C}, _S, _L) -> {keep_state_and_data, [{{timeout, N}, T, C}]};
handle_event(cast, {cancel, N}, _S, _L) -> {keep_state_and_data, [{{timeout, N}, cancel}]};
handle_event(cast, {update, N, C}, _S, _L) -> {keep_state_and_data, [{{timeout, N}, update, C}]};
handle_event(cast, cancel_state, _S, _L) -> {keep_state_and_data, [{state_timeout, cancel}]};
handle_event(cast, {goto, S}, _S, _L) -> {next_state, S, _L};
handle_event(cast, nothing, _S, _L) -> keep_state_and_data;
handle_event(state_timeout, C, S, L) -> {keep_state, [{state_timeout, S, C} | L]};
handle_event(timeout, C, S, L) -> {keep_state, [{event_timeout, S, C} | L]};
handle_event({timeout, N}, C, S, L) -> {keep_state, [{N, S, C} | L]};
handle_event({call, From}, take_log, _S, L) -> {keep_state, [], [{reply, From, lists:reverse(L)}]};
handle_event({call, From}, {arm, T}, _S, _L) ->
    {keep_state_and_data, [{reply, From, armed}, {{timeout, from_call}, T, fired}]}.
