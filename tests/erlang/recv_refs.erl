-module(recv_refs).
-export([main/0]).

main() ->
    Refs = [make_ref() || _ <- lists:seq(1, 1000)],
    io:format("~p~n", [length(lists:usort(Refs))]),
    io:format("~p~n", [lists:all(fun is_reference/1, Refs)]),
    Self = self(),
    [R1, R2, R3] = [make_ref() || _ <- [1, 2, 3]],
    Self ! {R3, three}, Self ! {R1, one}, Self ! {R2, two},
    io:format("~p~n", [[receive {R, V} -> V end || R <- [R1, R2, R3]]]),
    Server = spawn(fun server/0),
    Replies = [call(Server, N) || N <- [1, 2, 3]],
    io:format("~p~n", [Replies]),
    Stale = make_ref(),
    Self ! {Stale, stale_reply},
    io:format("~p~n", [call(Server, 10)]),
    io:format("~p~n", [receive {Stale, X} -> {leftover, X} after 0 -> none end]),
    Server ! stop,
    io:format("~p~n", [R1 =:= R1 andalso R1 =/= R2]),
    io:format("~p~n", [lists:sort([R2, R1]) =:= lists:sort([R1, R2])]),
    io:format("~p~n", [binary_to_term(term_to_binary(R1)) =:= R1]),
    io:format("recv_refs done~n").

call(Server, N) ->
    Ref = make_ref(),
    Server ! {request, self(), Ref, N},
    receive {Ref, Reply} -> Reply after 30000 -> timeout end.

server() ->
    receive
        {request, From, Ref, N} -> From ! {Ref, N * 100}, server();
        stop -> ok
    end.
