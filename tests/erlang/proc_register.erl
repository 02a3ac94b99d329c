-module(proc_register).
-export([main/0]).

main() ->
    Self = self(),
    P = spawn(fun() -> loop() end),
    io:format("~p~n", [register(my_server, P)]),
    io:format("~p~n", [whereis(my_server) =:= P]),
    io:format("~p~n", [whereis(nobody_here)]),
    my_server ! {Self, ping},
    receive {pong, From} -> io:format("~p~n", [From =:= P]) end,
    io:format("~p~n", [lists:member(my_server, registered())]),
    io:format("~p~n", [try register(my_server, self()) catch error:E -> E end]),
    io:format("~p~n", [try register(other_name, P) catch error:E2 -> E2 end]),
    io:format("~p~n", [try register(undefined, self()) catch error:E3 -> E3 end]),
    io:format("~p~n", [try nobody_here ! msg catch error:E4 -> E4 end]),
    io:format("~p~n", [unregister(my_server)]),
    io:format("~p~n", [whereis(my_server)]),
    io:format("~p~n", [try unregister(my_server) catch error:E5 -> E5 end]),
    register(me, self()),
    me ! to_myself,
    io:format("~p~n", [receive to_myself -> got_it after 100 -> missing end]),
    io:format("~p~n", [process_info(self(), registered_name)]),
    unregister(me),
    io:format("~p~n", [process_info(self(), registered_name)]),
    register(temp, P),
    P ! stop,
    Ref = monitor(process, P),
    receive {'DOWN', Ref, _, _, _} -> ok end,
    io:format("~p~n", [whereis(temp)]),
    io:format("~p~n", [erlang:send(self(), via_send)]),
    io:format("~p~n", [receive via_send -> ok end]),
    io:format("~p~n", [is_pid(whereis(init))]),
    io:format("proc_register done~n").

loop() ->
    receive
        {From, ping} -> From ! {pong, self()}, loop();
        stop -> ok
    end.
