-module(cmp_term_order).
-export([main/0]).

%% number < atom < reference < fun < port < pid < tuple < map < nil < list < bitstring
main() ->
    Ref = make_ref(),
    Fun = fun() -> ok end,
    Pid = self(),
    Terms = [<<"bin">>, [a], [], #{a => 1}, {a, b}, Pid, Fun, Ref, zed, 3, 2.5, -(1 bsl 70), <<1:1>>, {}, "str", abc],
    Sorted = lists:sort(Terms),
    io:format("~p~n", [[kind(T) || T <- Sorted]]),
    io:format("~p~n", [[T || T <- Sorted, not is_pid(T), not is_reference(T), not is_function(T)]]),
    io:format("~p~n", [[1 < a, a < Ref, Ref < Fun, Fun < Pid, Pid < {}, {} < #{}, #{} < [], [] < [a], [a] < <<>>]]),
    io:format("~p~n", [[{z} < {a, a}, {a, b} < {a, c}, {b, a} > {a, z}, {1, 2} == {1.0, 2}, {1, 2} =:= {1.0, 2}]]),
    io:format("~p~n", [[[a] < [a, a], [b] > [a, z], [1 | 2] < [1, 2], "abc" < "abd", "ab" < "abc", [] < "a"]]),
    io:format("~p~n", [[<<1>> < <<1, 0>>, <<2>> > <<1, 255>>, <<1:1>> < <<1>>, <<0:1>> < <<1:1>>, <<>> < <<0:1>>]]),
    io:format("~p~n", [[a < b, 'B' < a, aa > a, '' < a, 'Z' < 'a']]),
    io:format("~p~n", [[#{a => 1} < #{a => 2}, #{b => 1} > #{a => 2}, #{a => 1, b => 1} > #{z => 9}, #{1 => a} < #{a => 1}]]),
    io:format("~p~n", [lists:sort([[b], [a, b], [a], [a | c], "", [[]]])]),
    io:format("~p~n", [lists:sort([{b}, {a, b}, {a}, {}, {z, z, z}, {1.0, x}, {1, y}])]),
    io:format("~p~n", [lists:sort([<<3>>, <<1, 2>>, <<1>>, <<>>, <<1:2>>, <<255>>])]),
    io:format("~p~n", [lists:reverse(lists:sort([c, b, a, 'A', 'a b', aa]))]),
    io:format("cmp_term_order done~n").

kind(T) when is_number(T) -> number;
kind(T) when is_atom(T) -> atom;
kind(T) when is_reference(T) -> reference;
kind(T) when is_function(T) -> 'fun';
kind(T) when is_pid(T) -> pid;
kind(T) when is_tuple(T) -> tuple;
kind(T) when is_map(T) -> map;
kind([]) -> nil;
kind(T) when is_list(T) -> list;
kind(T) when is_bitstring(T) -> bitstring.
