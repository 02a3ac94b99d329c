-module(reg_group_leader).
-export([main/0]).

%% group_leader/0,2: inherited by spawned processes, changeable, and the process io
%% requests go to (here, a leader of our own that captures output).
main() ->
    GL = group_leader(),
    io:format("is pid: ~p~n", [is_pid(GL)]),
    io:format("inherited: ~p~n", [call_in_child(fun() -> group_leader() end) =:= GL]),
    Capture = spawn(fun() -> capture([]) end),
    %% a child with our leader set writes into it
    Self = self(),
    C = spawn(fun() ->
                      receive go -> ok end,
                      io:format("captured ~p~n", [1]),
                      io:put_chars("second line\n"),
                      Self ! {child_gl, group_leader()}
              end),
    true = group_leader(Capture, C),
    C ! go,
    receive {child_gl, G} -> io:format("child leader is capture: ~p~n", [G =:= Capture]) end,
    Capture ! {get, self()},
    receive {captured, Text} -> io:format("captured text: ~p~n", [Text]) end,
    %% children of that child inherit the new leader
    D = spawn(fun() ->
                      receive go -> ok end,
                      Self ! {grandchild_gl, call_in_child(fun() -> group_leader() end)}
              end),
    group_leader(Capture, D),
    D ! go,
    receive {grandchild_gl, G2} -> io:format("grandchild inherits: ~p~n", [G2 =:= Capture]) end,
    %% changing one's own leader, then back
    group_leader(Capture, self()),
    io:format("to capture~n"),
    group_leader(GL, self()),
    Capture ! {get, self()},
    receive {captured, Text2} -> io:format("captured own: ~p~n", [Text2]) end,
    io:format("restored: ~p~n", [group_leader() =:= GL]),
    %% bad arguments
    Dead = spawn(fun() -> ok end),
    wait_dead(Dead),
    io:format("~p~n", [[try group_leader(A, B) catch error:E -> E end
                        || {A, B} <- [{not_a_pid, self()}, {self(), not_a_pid}, {GL, Dead}]]]),
    exit(Capture, kill),
    io:format("reg_group_leader done~n").

call_in_child(F) ->
    Self = self(),
    spawn(fun() -> Self ! {result, F()} end),
    receive {result, R} -> R end.

wait_dead(P) ->
    M = monitor(process, P),
    receive {'DOWN', M, process, P, _} -> ok end.

%% A minimal io server: answers put_chars requests, keeping the text.
capture(Acc) ->
    receive
        {io_request, From, ReplyAs, Req} ->
            capture2(From, ReplyAs, Req, Acc);
        {get, From} ->
            From ! {captured, lists:flatten(lists:reverse(Acc))},
            capture([])
    end.

capture2(From, ReplyAs, {put_chars, unicode, M, F, A}, Acc) ->
    From ! {io_reply, ReplyAs, ok},
    capture([apply(M, F, A) | Acc]);
capture2(From, ReplyAs, {put_chars, unicode, Chars}, Acc) ->
    From ! {io_reply, ReplyAs, ok},
    capture([unicode:characters_to_list(Chars) | Acc]);
capture2(From, ReplyAs, _Other, Acc) ->
    From ! {io_reply, ReplyAs, {error, enotsup}},
    capture(Acc).
