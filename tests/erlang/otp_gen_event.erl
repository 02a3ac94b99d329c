%% OTP's gen_event, unmodified: an event manager with two handlers (one added twice with
%% ids), notify and sync_notify, calls to a handler, swapping and deleting handlers, a
%% handler that crashes and is removed, and which_handlers.
-module(otp_gen_event).
-behaviour(gen_event).
-export([main/0]).
-export([init/1, handle_event/2, handle_call/2, handle_info/2, terminate/2]).

main() ->
    {ok, Mgr} = gen_event:start({local, events}),
    io:format("manager ~p, registered ~p~n", [is_pid(Mgr), whereis(events) =:= Mgr]),
    ok = gen_event:add_handler(events, ?MODULE, counter),
    ok = gen_event:add_handler(events, {?MODULE, a}, recorder),
    ok = gen_event:add_handler(events, {?MODULE, b}, recorder),
    io:format("handlers ~p~n", [lists:sort(gen_event:which_handlers(events))]),
    ok = gen_event:notify(events, {note, 1}),
    ok = gen_event:sync_notify(events, {note, 2}),
    events ! {note, 3},
    io:format("count ~p~n", [gen_event:call(events, ?MODULE, get)]),
    io:format("a saw ~p~n", [gen_event:call(events, {?MODULE, a}, get)]),
    io:format("b saw ~p~n", [gen_event:call(events, {?MODULE, b}, get)]),
    io:format("call to a missing handler: ~p~n", [gen_event:call(events, nobody, get)]),
    %% Swap b for a counter with id c; its init gets b's terminate result.
    ok = gen_event:swap_handler(events, {{?MODULE, b}, swap}, {{?MODULE, c}, counter}),
    io:format("after swap ~p~n", [lists:sort(gen_event:which_handlers(events))]),
    io:format("c count ~p~n", [gen_event:call(events, {?MODULE, c}, get)]),
    %% A handler that crashes on an event is removed; the others carry on.
    ok = gen_event:sync_notify(events, crash_a),
    io:format("after crash ~p~n", [lists:sort(gen_event:which_handlers(events))]),
    io:format("deleted ~p~n", [gen_event:delete_handler(events, {?MODULE, c}, bye)]),
    io:format("delete missing ~p~n", [gen_event:delete_handler(events, {?MODULE, c}, bye)]),
    io:format("handlers ~p~n", [gen_event:which_handlers(events)]),
    ok = gen_event:stop(events),
    io:format("stopped, registered ~p~n", [whereis(events)]),
    io:format("otp_gen_event done~n").

init(counter) -> {ok, {count, 0}};
init({counter, {swapped, Seen}}) -> {ok, {count, length(Seen)}};
init(recorder) -> {ok, {seen, []}}.

handle_event(crash_a, {seen, _}) -> error(crash_requested);
handle_event(crash_a, S) -> {ok, S};
handle_event(E, {count, N}) -> _ = E, {ok, {count, N + 1}};
handle_event(E, {seen, L}) -> {ok, {seen, [E | L]}}.

handle_call(get, {count, N} = S) -> {ok, N, S};
handle_call(get, {seen, L} = S) -> {ok, lists:reverse(L), S}.

handle_info(Info, S) -> handle_event(Info, S).

terminate(swap, {seen, L}) -> {swapped, L};
terminate(Reason, _S) ->
    io:format("terminate ~p~n", [shape(Reason)]),
    ok.

shape({error, {'EXIT', {crash_requested, [_ | _]}}}) -> {error, {'EXIT', crash_requested}};
shape(R) -> R.
