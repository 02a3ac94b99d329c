%% proc_lib's synchronous starts: start_link/start with init_ack (the starter blocks until
%% the child acknowledges, and gets what it acknowledged), a child that crashes before
%% acknowledging, a start that times out (the child is killed), an acknowledged error, spawn_link and
%% spawn with their exit reasons, and the ancestors proc_lib records.
-module(otp_proc_lib_start).
-export([main/0, child/2]).

main() ->
    process_flag(trap_exit, true),
    Me = self(),
    io:format("ack ~p~n", [shape(proc_lib:start_link(?MODULE, child, [ack, Me]))]),
    io:format("ack value ~p~n", [proc_lib:start(?MODULE, child, [{ack_value, 42}, Me])]),
    io:format("crash before ack ~p~n", [shape(proc_lib:start_link(?MODULE, child, [crash, Me]))]),
    flush_exits(),
    io:format("exit before ack ~p~n", [shape(proc_lib:start(?MODULE, child, [exit_early, Me]))]),
    io:format("ack an error ~p~n", [proc_lib:start_link(?MODULE, child, [ack_error, Me])]),
    receive {'EXIT', _, R} -> io:format("ack error exit ~p~n", [R]) after 1000 -> io:format("no exit~n") end,
    T0 = erlang:monotonic_time(millisecond),
    io:format("timeout ~p~n", [shape(proc_lib:start_link(?MODULE, child, [never_ack, Me], 30))]),
    io:format("waited at least the timeout ~p~n", [erlang:monotonic_time(millisecond) - T0 >= 30]),
    %% proc_lib killed the child and took its exit signal: none is left for us.
    receive {'EXIT', _, R2} -> io:format("timed out child exit ~p~n", [R2]) after 100 -> io:format("no exit left~n") end,
    %% spawn_link: the exit reason reaches the linked parent.
    P = proc_lib:spawn_link(fun() -> exit(spawned_reason) end),
    receive {'EXIT', P, R3} -> io:format("spawn_link exit ~p~n", [R3]) end,
    Q = proc_lib:spawn_link(?MODULE, child, [report_ancestors, Me]),
    receive {ancestors, A} -> io:format("ancestors ~p~n", [A =:= [Me]]) end,
    receive {'EXIT', Q, R4} -> io:format("normal exit ~p~n", [R4]) end,
    %% A proc_lib process that crashes: its exit reason is the crash reason (class error).
    W = proc_lib:spawn_link(fun() -> error(badness) end),
    receive {'EXIT', W, R5} -> io:format("error exit ~p~n", [shape(R5)]) end,
    %% Nested: a proc_lib child of a proc_lib child has both as ancestors.
    {ok, Outer} = proc_lib:start_link(?MODULE, child, [nest, Me]),
    receive {nested_ancestors, N} -> io:format("nested ancestors ~p~n", [N =:= [Outer, Me]]) end,
    io:format("otp_proc_lib_start done~n").

flush_exits() -> receive {'EXIT', _, _} -> flush_exits() after 0 -> ok end.

shape({ok, P}) when is_pid(P) -> {ok, pid};
shape({error, {Reason, [{_, _, _, _} | _]}}) -> {error, {Reason, stack}};
shape({Reason, [{_, _, _, _} | _]}) -> {Reason, stack};
shape(Other) -> Other.

child(ack, _Me) ->
    proc_lib:init_ack({ok, self()}),
    receive stop -> ok end;
child({ack_value, V}, _Me) ->
    proc_lib:init_ack({value, V});
child(crash, _Me) ->
    error(crashed_in_init);
child(exit_early, _Me) ->
    exit(early);
child(ack_error, _Me) ->
    proc_lib:init_ack({error, no_good}),
    exit(normal);
child(never_ack, _Me) ->
    receive after infinity -> ok end;
child(report_ancestors, Me) ->
    {dictionary, D} = process_info(self(), dictionary),
    Me ! {ancestors, proplists:get_value('$ancestors', D)};
child(nest, Me) ->
    proc_lib:init_ack({ok, self()}),
    proc_lib:spawn_link(fun() -> Me ! {nested_ancestors, get('$ancestors')} end),
    receive stop -> ok end.
