-module(recv_patterns).
-export([main/0]).

main() ->
    Self = self(),
    Msgs = [{order, 1, [apple]}, {cancel, 1}, {order, 2, []}, {"string msg"}, <<"binary msg">>, 42, #{type => map_msg},
            {order, 3, [pear, plum]}, [list, msg], {nested, {deep, {value, 7}}}],
    [Self ! M || M <- Msgs],
    io:format("~p~n", [receive {nested, {deep, {value, V}}} -> {deep_value, V} end]),
    io:format("~p~n", [receive #{type := T} -> {map, T} end]),
    io:format("~p~n", [receive <<"binary", Rest/binary>> -> {bin, Rest} end]),
    io:format("~p~n", [receive N when is_integer(N), N > 40 -> {int, N} end]),
    io:format("~p~n", [receive {order, Id, Items} when length(Items) > 1 -> {multi, Id, Items} end]),
    io:format("~p~n", [receive {order, Id2, []} -> {empty_order, Id2} end]),
    io:format("~p~n", [receive [H | _] -> {list_head, H} end]),
    io:format("~p~n", [receive {S} when is_list(S) -> {string, S} end]),
    io:format("~p~n", [collect()]),
    Self ! {a, 1}, Self ! {b, 2},
    R = receive
            {b, X} ->
                receive {a, Y} -> {nested_receive, X, Y} end
        end,
    io:format("~p~n", [R]),
    Self ! {x, 1},
    Self ! {y, 2},
    io:format("~p~n", [receive {y, _} = M1 -> M1; {x, _} = M2 -> M2 end]),
    io:format("~p~n", [collect()]),
    io:format("recv_patterns done~n").

collect() ->
    receive M -> [M | collect()] after 0 -> [] end.
