-module(list_improper).
-export([main/0]).

main() ->
    L1 = [1 | 2],
    L2 = [a, b | c],
    L3 = [[] | []],
    L4 = [1, 2 | [3 | 4]],
    io:format("~p~n", [[L1, L2, L3, L4]]),
    io:format("~w~n", [[L1, L2, L3, L4]]),
    io:format("~p~n", [[is_list(X) || X <- [L1, L2, L3, L4]]]),
    io:format("~p~n", [{hd(L1), tl(L1), tl(tl(L2))}]),
    io:format("~p~n", [[proper_length(X) || X <- [L1, L2, L3, L4, [1, 2, 3], []]]]),
    io:format("~p~n", [[improper_tail(X) || X <- [L1, L2, L4, [1, 2]]]]),
    io:format("~p~n", [[try length(X) catch error:E -> E end || X <- [L1, L2, L3]]]),
    io:format("~p~n", [try lists:reverse(L2) catch error:E -> E end]),
    io:format("~p~n", [try lists:sum([1 | 2]) catch error:E2 -> E2 end]),
    io:format("~p~n", [[a | {tuple}]]),
    io:format("~p~n", [[a | <<"bin">>]]),
    io:format("~p~n", ["abc" ++ def]),
    io:format("~p~n", [[$a, $b | $c]]),
    io:format("~p~n", [[[1 | 2] | [3 | 4]]]),
    io:format("~p~n", [L1 < [1, 2]]),
    io:format("~p~n", [lists:sort([[1 | 2], [1, 2], [1 | 1], [1], [1 | a]])]),
    io:format("~p~n", [erlang:iolist_size([<<"ab">> | <<"cd">>])]),
    io:format("~p~n", [iolist_to_binary([$a, [$b | <<"c">>] | <<"d">>])]),
    io:format("~p~n", [[X || X <- [1, 2]] ++ tail]),
    io:format("list_improper done~n").

proper_length([]) -> 0;
proper_length([_ | T]) when is_list(T) -> case proper_length(T) of improper -> improper; N -> N + 1 end;
proper_length([_ | _]) -> improper.

improper_tail([_ | T]) when is_list(T) -> improper_tail(T);
improper_tail([_ | T]) -> {tail, T};
improper_tail([]) -> proper.
