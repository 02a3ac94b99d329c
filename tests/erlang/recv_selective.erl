-module(recv_selective).
-export([main/0]).

main() ->
    Self = self(),
    [Self ! M || M <- [{b, 2}, {a, 1}, {c, 3}, noise, {a, 10}, {prio, high}, {b, 20}]],
    A1 = receive {a, X} -> X end,
    C = receive {c, Y} -> Y end,
    P = receive {prio, Z} -> Z end,
    io:format("~p~n", [{A1, C, P}]),
    io:format("~p~n", [drain()]),
    [Self ! {N, N * N} || N <- lists:seq(1, 10)],
    Evens = [receive {N, Sq} -> Sq end || N <- lists:seq(10, 2, -2)],
    io:format("~p~n", [Evens]),
    io:format("~p~n", [drain()]),
    Self ! {tag, 1}, Self ! {other, 2}, Self ! {tag, 3},
    io:format("~p~n", [receive_all_tagged(tag)]),
    io:format("~p~n", [drain()]),
    Self ! {data, 5},
    Limit = 3,
    R = receive
            {data, V} when V > Limit -> {big, V};
            {data, V} -> {small, V}
        end,
    io:format("~p~n", [R]),
    Self ! {pair, 1, 2}, Self ! {pair, 3, 3},
    io:format("~p~n", [receive {pair, Same, Same} -> {same, Same} end]),
    io:format("~p~n", [drain()]),
    Pids = [spawn(fun() -> Self ! {done, N} end) || N <- lists:seq(1, 5)],
    io:format("~p~n", [[receive {done, N} -> N end || N <- [5, 3, 1, 4, 2]]]),
    io:format("~p~n", [length(Pids)]),
    io:format("recv_selective done~n").

receive_all_tagged(Tag) ->
    receive {Tag, V} -> [V | receive_all_tagged(Tag)]
    after 0 -> []
    end.

drain() ->
    receive M -> [M | drain()]
    after 0 -> []
    end.
