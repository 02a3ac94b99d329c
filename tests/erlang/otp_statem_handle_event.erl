%% gen_statem in handle_event_function mode: complex states (tuples), {reply, From, R}
%% actions (several in one transition), next_event inserted events, state_enter calls
%% with a repeat_state, postponing across a state change, and calls with a timeout.
-module(otp_statem_handle_event).
-behaviour(gen_statem).
-export([main/0]).
-export([callback_mode/0, init/1, handle_event/4]).

main() ->
    {ok, M} = gen_statem:start(?MODULE, [], []),
    io:format("state ~p~n", [gen_statem:call(M, state)]),
    io:format("push ~p~n", [gen_statem:call(M, {push, a})]),
    io:format("push ~p~n", [gen_statem:call(M, {push, b})]),
    io:format("state ~p~n", [gen_statem:call(M, state)]),
    %% A call answered twice over: the reply action and a next_event that logs.
    io:format("double ~p~n", [gen_statem:call(M, double)]),
    io:format("log ~p~n", [gen_statem:call(M, log)]),
    %% Postponed while {stack, full}: handled once the state changes.
    io:format("fill ~p~n", [gen_statem:call(M, {push, c})]),
    Me = self(),
    spawn(fun() -> Me ! {postponed_reply, gen_statem:call(M, {push, d})} end),
    receive after 20 -> ok end,
    io:format("pop ~p~n", [gen_statem:call(M, pop)]),
    receive {postponed_reply, R} -> io:format("postponed push ~p~n", [R]) end,
    io:format("state ~p~n", [gen_statem:call(M, state)]),
    io:format("enters ~p~n", [gen_statem:call(M, enters)]),
    %% repeat_state runs the enter call again without changing state.
    io:format("repeat ~p~n", [gen_statem:call(M, repeat)]),
    io:format("enters ~p~n", [gen_statem:call(M, enters)]),
    %% A call with a timeout that the machine never answers.
    io:format("ignored call ~p~n", [shape(catch gen_statem:call(M, ignore_me, 20))]),
    io:format("dirty timeout call ~p~n", [shape(catch gen_statem:call(M, ignore_me, {dirty_timeout, 20}))]),
    io:format("mailbox ~p~n", [flush()]),
    io:format("still there ~p~n", [gen_statem:call(M, state, 1000)]),
    %% stop_and_reply.
    Ref = monitor(process, M),
    io:format("stop reply ~p~n", [gen_statem:call(M, stop)]),
    receive {'DOWN', Ref, process, M, Why} -> io:format("stopped ~p~n", [Why]) end,
    io:format("otp_statem_handle_event done~n").

shape({'EXIT', {Reason, {gen_statem, call, [_, Req, T]}}}) -> {exit, Reason, Req, T};
shape(Other) -> Other.

flush() -> receive M -> [M | flush()] after 0 -> [] end.

callback_mode() -> [handle_event_function, state_enter].

init([]) ->
    {ok, {stack, empty}, #{items => [], log => [], enters => []}}.

handle_event(enter, Old, New, D = #{enters := E}) ->
    {keep_state, D#{enters := [{Old, New} | E]}};
handle_event({call, From}, state, S, #{items := I}) ->
    {keep_state_and_data, [{reply, From, {S, I}}]};
handle_event({call, From}, enters, _S, D = #{enters := E}) ->
    {keep_state, D#{enters := []}, [{reply, From, lists:reverse(E)}]};
handle_event({call, _From}, {push, _}, {stack, full}, _D) ->
    {keep_state_and_data, [postpone]};
handle_event({call, From}, {push, X}, {stack, _}, D = #{items := I}) ->
    Items = [X | I],
    Next = case length(Items) of 3 -> full; _ -> some end,
    {next_state, {stack, Next}, D#{items := Items}, [{reply, From, {pushed, X}}]};
handle_event({call, From}, pop, {stack, _}, D = #{items := [X | I]}) ->
    Next = case I of [] -> empty; _ -> some end,
    {next_state, {stack, Next}, D#{items := I}, [{reply, From, {popped, X}}]};
handle_event({call, From}, double, _S, _D) ->
    {keep_state_and_data, [{reply, From, first}, {next_event, internal, {log, double}}]};
handle_event(internal, {log, What}, _S, D = #{log := L}) ->
    {keep_state, D#{log := [What | L]}};
handle_event({call, From}, log, _S, #{log := L}) ->
    {keep_state_and_data, {reply, From, L}};
handle_event({call, From}, repeat, _S, _D) ->
    {repeat_state_and_data, [{reply, From, repeated}]};
handle_event({call, _From}, ignore_me, _S, _D) ->
    keep_state_and_data;
handle_event({call, From}, stop, _S, _D) ->
    {stop_and_reply, normal, [{reply, From, bye}]}.
