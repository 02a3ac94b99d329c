-module(sig_spawn_link).
-export([main/0, child/1]).

%% spawn_link/1,3: a trapping parent gets {'EXIT', Child, Reason} for every way a child ends;
%% a non-trapping parent dies with the child's abnormal reason and ignores normal.
main() ->
    process_flag(trap_exit, true),
    Cases = [normal, {exit, boom}, {exit, {shutdown, done}}, {exit, normal},
             {throw, ball}, {error, oops}, {signal, self_kill}, return],
    lists:foreach(fun(C) ->
                          P = spawn_link(?MODULE, child, [C]),
                          receive {'EXIT', P, R} -> io:format("~p -> ~p~n", [C, shape(R)]) end
                  end, Cases),
    F = spawn_link(fun() -> exit({fun_child, [1, 2, 3]}) end),
    receive {'EXIT', F, RF} -> io:format("fun child -> ~p~n", [RF]) end,
    %% A non-trapping parent in the middle.
    Self = self(),
    lists:foreach(fun(C) ->
                          {M, Ref} = spawn_monitor(fun() ->
                                                           _ = spawn_link(?MODULE, child, [C]),
                                                           receive after 200 -> Self ! {survived, self()} end
                                                   end),
                          receive
                              {'DOWN', Ref, process, M, R} ->
                                  io:format("middle with ~p: ~p~n", [C, shape(R)]),
                                  receive {survived, M} -> ok after 0 -> ok end
                          end
                  end, [normal, {exit, boom}, {exit, normal}, {error, oops}]),
    io:format("bad args: ~p~n", [catch_error(fun() -> spawn_link(not_a_fun) end)]),
    io:format("bad args3: ~p~n", [catch_error(fun() -> spawn_link(?MODULE, child, not_a_list) end)]),
    io:format("mailbox: ~p~n", [receive X -> X after 0 -> empty end]),
    io:format("sig_spawn_link done~n").

child(normal) -> ok;
child({exit, R}) -> exit(R);
child({throw, T}) -> throw(T);
child({error, E}) -> error(E);
child({signal, R}) -> exit(self(), R);
child(return) -> returned.

%% Crash reasons carry a stack trace: keep only its first element's module and function.
shape({R, [{M, F, _, _} | _]}) -> {R, {M, F}};
shape(R) -> R.

catch_error(F) ->
    try F() catch error:E -> E end.
