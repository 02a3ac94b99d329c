-module(receive_msgs).
-export([main/0]).

main() ->
    Self = self(),
    Pid = spawn(fun() -> echo(Self) end),
    Pid ! {ping, 1},
    Pid ! {ping, 2},
    io:format("~p~n", [collect(2)]),
    io:format("~p~n", [receive nothing -> nothing after 10 -> timeout end]),
    Ref = make_ref(),
    self() ! {Ref, later},
    self() ! first,
    io:format("~p~n", [receive {Ref, X} -> X end]),
    io:format("~p~n", [receive Y -> Y end]),
    io:format("receive_msgs done~n").

echo(To) ->
    receive
        {ping, N} -> To ! {pong, N}, echo(To)
    after 1000 -> ok
    end.

collect(0) -> [];
collect(N) -> receive {pong, M} -> [M | collect(N - 1)] end.
