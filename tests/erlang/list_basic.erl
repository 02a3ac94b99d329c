-module(list_basic).
-export([main/0]).

main() ->
    L = [1, 2, 3, 4, 5],
    io:format("~p~n", [{hd(L), tl(L), length(L), length([])}]),
    io:format("~p~n", [[H || [H | _] <- [[a], [b, c], [], [d | e]]]]),
    [A, B | Rest] = L,
    io:format("~p~n", [{A, B, Rest}]),
    io:format("~p~n", [[0 | L]]),
    io:format("~p~n", [[[1, 2] | [3]]]),
    io:format("~p~n", [[X * 2 || X <- L]]),
    io:format("~p~n", [lists:reverse(L)]),
    io:format("~p~n", [rev(L, [])]),
    io:format("~p~n", [length(lists:seq(1, 1000))]),
    io:format("~p~n", [nth0(2, L)]),
    io:format("~p~n", [[hd([x]), tl([x]), tl([x, y])]]),
    io:format("~p~n", [[t(F, Arg) || {F, Arg} <- [{hd, []}, {tl, []}, {length, a}, {hd, a}, {length, [1 | 2]}]]]),
    io:format("~p~n", [[[], [[]], [[], []], [[[]]]]]),
    io:format("~p~n", ["abc" =:= [$a, $b, $c]]),
    io:format("~p~n", [[$a, $b | "cd"]]),
    io:format("~p~n", [is_list("") andalso "" =:= []]),
    io:format("~p~n", [list_to_tuple(L)]),
    io:format("~p~n", [interleave([a, b, c], [1, 2, 3])]),
    io:format("~p~n", [chunk(lists:seq(1, 10), 3)]),
    io:format("list_basic done~n").

rev([], Acc) -> Acc;
rev([H | T], Acc) -> rev(T, [H | Acc]).

nth0(0, [H | _]) -> H;
nth0(N, [_ | T]) -> nth0(N - 1, T).

t(F, Arg) -> try erlang:F(Arg) catch error:E -> {F, E} end.

interleave([], []) -> [];
interleave([X | Xs], [Y | Ys]) -> [X, Y | interleave(Xs, Ys)].

chunk([], _) -> [];
chunk(L, N) when length(L) =< N -> [L];
chunk(L, N) -> {H, T} = lists:split(N, L), [H | chunk(T, N)].
