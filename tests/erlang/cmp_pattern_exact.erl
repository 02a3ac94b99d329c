-module(cmp_pattern_exact).
-export([main/0]).

%% Pattern matching uses exact equality: 1 does not match 1.0.
main() ->
    io:format("~p~n", [[m(X) || X <- [1, 1.0, -0.0, 0, 0.0, 1 bsl 64, 18446744073709551616.0]]]),
    io:format("~p~n", [[bound(X, Y) || {X, Y} <- [{1, 1}, {1, 1.0}, {a, a}, {{1}, {1.0}}, {[1], [1]}]]]),
    io:format("~p~n", [lists:member(1.0, [1])]),
    io:format("~p~n", [lists:keymember(1, 1, [{1.0, x}])]),
    io:format("~p~n", [lists:keyfind(2, 1, [{2.0, float}, {2, int}])]),
    io:format("~p~n", [maps:find(1, #{1.0 => float})]),
    io:format("~p~n", [proplists:get_value(1, [{1.0, float}])]),
    io:format("~p~n", [orddict:find(1, [{1.0, float}])]),
    io:format("~p~n", [ordsets:is_element(1, [1.0])]),
    io:format("~p~n", [gb_sets:is_member(1, gb_sets:from_list([1.0]))]),
    io:format("~p~n", [lists:usort([1, 1.0, 1])]),
    io:format("~p~n", [lists:delete(1, [1.0, 1])]),
    io:format("~p~n", [[1, 1.0] -- [1]]),
    io:format("~p~n", [case {1, 2.0} of {1.0, _} -> float_first; {1, 2} -> int_int; {1, 2.0} -> int_float end]),
    io:format("~p~n", [[X || X <- [1, 1.0, 2], X =:= 1.0]]),
    io:format("~p~n", [[X || {1, X} <- [{1, a}, {1.0, b}, {1, c}]]]),
    Self = self(),
    Self ! {1.0, float_msg}, Self ! {1, int_msg},
    io:format("~p~n", [receive {1, M} -> M end]),
    io:format("~p~n", [receive {1.0, M2} -> M2 end]),
    io:format("cmp_pattern_exact done~n").

m(1) -> int_one;
m(1.0) -> float_one;
m(0) -> int_zero;
m(0.0) -> float_zero;
m(18446744073709551616) -> big;
m(X) -> {other, X}.

bound(X, X) -> same;
bound(_, _) -> different.
