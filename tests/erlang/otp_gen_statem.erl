%% OTP's gen_statem, unmodified: a code lock in both callback modes' worth of features:
%% state_functions, calls and casts, postponed events, state timeouts, generic timeouts,
%% internal events, state enter calls and stop.
-module(otp_gen_statem).
-behaviour(gen_statem).
-export([main/0]).
-export([callback_mode/0, init/1, locked/3, open/3, terminate/3]).

main() ->
    {ok, Pid} = gen_statem:start({local, lock}, ?MODULE, [1, 2, 3], []),
    io:format("started ~p, registered ~p~n", [is_pid(Pid), whereis(lock) =:= Pid]),
    io:format("state ~p~n", [gen_statem:call(lock, state)]),
    ok = gen_statem:cast(lock, {button, 1}),
    ok = gen_statem:cast(lock, {button, 9}),
    io:format("wrong code: ~p~n", [gen_statem:call(lock, state)]),
    [ok = gen_statem:cast(lock, {button, B}) || B <- [1, 2, 3]],
    io:format("right code: ~p~n", [gen_statem:call(lock, state)]),
    %% In `open`, buttons are postponed until the lock closes again.
    ok = gen_statem:cast(lock, {button, 1}),
    io:format("postponed while open: ~p~n", [gen_statem:call(lock, state)]),
    %% The state timeout relocks the door; the postponed button is then handled.
    wait_until(fun() -> element(1, gen_statem:call(lock, state)) =:= locked end),
    io:format("after state timeout: ~p~n", [gen_statem:call(lock, state)]),
    %% A generic timeout and an internal event.
    io:format("internal event: ~p~n", [gen_statem:call(lock, internal_count)]),
    ok = gen_statem:cast(lock, {ping_after, 10}),
    wait_until(fun() -> gen_statem:call(lock, pings) >= 1 end),
    io:format("generic timeouts: ~p~n", [gen_statem:call(lock, pings)]),
    io:format("enter calls: ~p~n", [gen_statem:call(lock, enters)]),
    io:format("unknown call: ~p~n", [catch_shape(catch gen_statem:call(lock, bogus, 100))]),
    ok = gen_statem:stop(lock),
    io:format("stopped, registered ~p~n", [whereis(lock)]),
    io:format("call to stopped: ~p~n", [catch_shape(catch gen_statem:call(lock, state))]),
    io:format("otp_gen_statem done~n").

catch_shape({'EXIT', {Reason, {gen_statem, call, [Dest | _]}}}) -> {exit, Reason, Dest};
catch_shape(Other) -> Other.

callback_mode() -> [state_functions, state_enter].

init(Code) ->
    {ok, locked, #{code => Code, input => [], pings => 0, enters => [], internal => 0}}.

locked(enter, _Old, D) ->
    {keep_state, enter(locked, D#{input := []})};
locked(cast, {button, B}, D = #{code := Code, input := In}) ->
    case In ++ [B] of
        Code -> {next_state, open, D};
        Partial ->
            case lists:prefix(Partial, Code) of
                true -> {keep_state, D#{input := Partial}};
                false -> {keep_state, D#{input := []}}
            end
    end;
locked(EventType, Event, D) ->
    common(EventType, Event, locked, D).

open(enter, _Old, D) ->
    {keep_state, enter(open, D), [{state_timeout, 300, relock}]};
open(state_timeout, relock, D) ->
    {next_state, locked, D};
open(cast, {button, _}, _D) ->
    {keep_state_and_data, [postpone]};
open(EventType, Event, D) ->
    common(EventType, Event, open, D).

common({call, From}, state, State, #{input := In}) ->
    {keep_state_and_data, [{reply, From, {State, In}}]};
common({call, From}, internal_count, _State, D) ->
    {keep_state, D, [{next_event, internal, bump}, {next_event, internal, {reply_to, From}}]};
common(internal, bump, _State, D = #{internal := N}) ->
    {keep_state, D#{internal := N + 1}};
common(internal, {reply_to, From}, _State, #{internal := N}) ->
    {keep_state_and_data, [{reply, From, N}]};
common(cast, {ping_after, T}, _State, _D) ->
    {keep_state_and_data, [{{timeout, ping}, T, pong}]};
common({timeout, ping}, pong, _State, D = #{pings := P}) ->
    {keep_state, D#{pings := P + 1}};
common({call, From}, pings, _State, #{pings := P}) ->
    {keep_state_and_data, [{reply, From, P}]};
common({call, From}, enters, _State, #{enters := E}) ->
    {keep_state_and_data, [{reply, From, lists:reverse(E)}]};
common({call, _From}, bogus, _State, _D) ->
    keep_state_and_data.

enter(State, D = #{enters := E}) -> D#{enters := [State | E]}.

terminate(Reason, State, _D) ->
    io:format("terminate ~p in ~p~n", [Reason, State]).

%% Polls until `Ready()` holds: timeouts fire after a delay that GC stress and qemu-arm
%% stretch, so the program waits for the effect rather than for a fixed time.
wait_until(Ready) ->
    case Ready() of
        true -> ok;
        false -> receive after 5 -> wait_until(Ready) end
    end.
