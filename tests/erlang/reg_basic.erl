-module(reg_basic).
-export([main/0]).

%% register/2, unregister/1, whereis/1 and registered/0 (membership only: erl registers
%% many system processes of its own).
main() ->
    Self = self(),
    P = spawn(fun() -> echo() end),
    io:format("register: ~p~n", [register(reg_basic_echo, P)]),
    io:format("whereis: ~p~n", [whereis(reg_basic_echo) =:= P]),
    io:format("member: ~p~n", [lists:member(reg_basic_echo, registered())]),
    io:format("registered are atoms: ~p~n", [lists:all(fun is_atom/1, registered())]),
    reg_basic_echo ! {Self, hello},
    receive {echo, hello} -> io:format("reply through the name~n") end,
    erlang:send(reg_basic_echo, {Self, via_send}),
    receive {echo, via_send} -> io:format("erlang:send/2 to the name~n") end,
    ok = erlang:send(reg_basic_echo, {Self, via_send3}, []),
    receive {echo, via_send3} -> io:format("erlang:send/3 to the name~n") end,
    {reg_basic_echo, node()} ! {Self, remote_form},
    receive {echo, remote_form} -> io:format("{Name, node()} form~n") end,
    io:format("unregister: ~p~n", [unregister(reg_basic_echo)]),
    io:format("whereis after: ~p~n", [whereis(reg_basic_echo)]),
    io:format("member after: ~p~n", [lists:member(reg_basic_echo, registered())]),
    %% the process lives on without its name, and can take another
    io:format("alive: ~p~n", [is_process_alive(P)]),
    true = register(reg_basic_other, P),
    reg_basic_other ! {Self, renamed},
    receive {echo, renamed} -> io:format("renamed: ok~n") end,
    %% a process registers itself
    true = register(reg_basic_me, self()),
    io:format("self registered: ~p~n", [whereis(reg_basic_me) =:= Self]),
    reg_basic_me ! to_me,
    receive to_me -> io:format("to myself: ok~n") end,
    %% many names, one each
    Ps = [spawn(fun() -> echo() end) || _ <- lists:seq(1, 20)],
    Names = [list_to_atom("reg_basic_n" ++ integer_to_list(I)) || I <- lists:seq(1, 20)],
    lists:foreach(fun({N, Q}) -> register(N, Q) end, lists:zip(Names, Ps)),
    io:format("all found: ~p~n", [[whereis(N) || N <- Names] =:= Ps]),
    io:format("all listed: ~p~n", [Names -- registered() =:= []]),
    [N ! {Self, N} || N <- Names],
    Got = [receive {echo, N} -> N end || N <- Names],
    io:format("all replied: ~p~n", [Got =:= Names]),
    lists:foreach(fun unregister/1, Names),
    io:format("none left: ~p~n", [[N || N <- Names, whereis(N) =/= undefined]]),
    [Q ! stop || Q <- [P | Ps]],
    io:format("reg_basic done~n").

echo() ->
    receive
        {From, Msg} -> From ! {echo, Msg}, echo();
        stop -> ok
    end.
