%% gen_event's supervised handlers: add_sup_handler links the handler to the adding
%% process, which gets {gen_event_EXIT, Handler, Reason} when the handler is removed (by a
%% crash, a remove_handler return, delete_handler, a swap, or the manager stopping), and
%% whose own exit removes the handler. which_handlers is printed after each step.
-module(otp_gen_event_sup).
-behaviour(gen_event).
-export([main/0]).
-export([init/1, handle_event/2, handle_call/2, handle_info/2, terminate/2]).

main() ->
    {ok, _} = gen_event:start({local, sup_events}),
    ok = gen_event:add_sup_handler(sup_events, {?MODULE, crasher}, crasher),
    ok = gen_event:add_sup_handler(sup_events, {?MODULE, quitter}, quitter),
    ok = gen_event:add_sup_handler(sup_events, {?MODULE, deleted}, deleted),
    ok = gen_event:add_handler(sup_events, {?MODULE, plain}, plain),
    handlers("start"),
    ok = gen_event:sync_notify(sup_events, {crash, crasher}),
    exit_msg(),
    handlers("after crash"),
    ok = gen_event:sync_notify(sup_events, {quit, quitter}),
    exit_msg(),
    handlers("after remove_handler"),
    io:format("delete_handler ~p~n", [gen_event:delete_handler(sup_events, {?MODULE, deleted}, why)]),
    exit_msg(),
    handlers("after delete"),
    %% Swapping a supervised handler keeps it supervised under its new id.
    ok = gen_event:add_sup_handler(sup_events, {?MODULE, old}, old),
    ok = gen_event:swap_sup_handler(sup_events, {{?MODULE, old}, swap}, {{?MODULE, new}, new}),
    handlers("after swap"),
    receive
        {gen_event_EXIT, Old, {swapped, New, P}} ->
            io:format("swap message ~p swapped to ~p, pid ~p~n", [Old, New, P =:= self()])
    after 1000 -> io:format("no swap message~n")
    end,
    %% A handler added by another process goes when that process exits.
    Me = self(),
    Adder = spawn(fun() ->
                          ok = gen_event:add_sup_handler(sup_events, {?MODULE, owned}, owned),
                          Me ! added,
                          receive go -> exit(owner_gone) end
                  end),
    receive added -> ok end,
    handlers("with owned"),
    Ref = monitor(process, Adder),
    Adder ! go,
    receive {'DOWN', Ref, process, Adder, _} -> ok end,
    wait_gone({?MODULE, owned}),
    handlers("after owner exit"),
    %% Stopping the manager: each supervised handler's owner hears of it.
    gen_event:stop(sup_events),
    exit_msg(),
    io:format("otp_gen_event_sup done~n").

handlers(Label) ->
    io:format("~s: ~p~n", [Label, lists:sort(gen_event:which_handlers(sup_events))]).

exit_msg() ->
    receive
        {gen_event_EXIT, Handler, Reason} -> io:format("gen_event_EXIT ~p ~p~n", [Handler, shape(Reason)])
    after 1000 -> io:format("no gen_event_EXIT~n")
    end.

wait_gone(H) ->
    case lists:member(H, gen_event:which_handlers(sup_events)) of
        true -> receive after 1 -> wait_gone(H) end;
        false -> ok
    end.

shape({'EXIT', {Reason, [{_, _, _, _} | _]}}) -> {'EXIT', {Reason, stack}};
shape(Other) -> Other.

%% A handler's state is its id.
init({Id, swapped_from}) -> {ok, Id};
init(Id) -> {ok, Id}.

handle_event({crash, Id}, Id) -> error({crashed, Id});
handle_event({quit, Id}, Id) -> remove_handler;
handle_event(_, S) -> {ok, S}.

handle_call(_, S) -> {ok, ok, S}.

handle_info(_, S) -> {ok, S}.

terminate(swap, _S) -> swapped_from;
terminate(_, _) -> ok.
