-module(float_compare).
-export([main/0]).

main() ->
    Pairs = [{1, 1.0}, {1, 1.5}, {2, 1.5}, {0, -0.0}, {0.0, -0.0}, {-1, -1.0},
             {1 bsl 53, float(1 bsl 53)}, {(1 bsl 53) + 1, float(1 bsl 53)},
             {1 bsl 64, 1.8446744073709552e19}, {(1 bsl 64) + 1, 1.8446744073709552e19},
             {-(1 bsl 64), -1.8446744073709552e19}, {1 bsl 1030, 1.0e308}, {-(1 bsl 1030), -1.0e308},
             {0.1 + 0.2, 0.3}, {1.0e-320, 0}],
    lists:foreach(fun({A, B}) ->
                          io:format("~p ~p: == ~p =:= ~p < ~p > ~p =< ~p >= ~p /= ~p =/= ~p cmp ~p~n",
                                    [A, B, A == B, A =:= B, A < B, A > B, A =< B, A >= B, A /= B, A =/= B, cmp(A, B)])
                  end, Pairs),
    io:format("~p~n", [lists:sort([3, 2.0, 1, 2, 1.0, 3.0, -0.0, 0, 1 bsl 70, 1.0e21, -5, -5.0])]),
    io:format("~p~n", [lists:usort([1, 1.0, 2, 2.0])]),
    io:format("~p~n", [{max(1, 1.0), max(1.0, 1), min(1, 1.0), min(1.0, 1)}]),
    io:format("~p~n", [lists:max([1, 1.0])]),
    io:format("~p~n", [lists:member(1.0, [1, 2])]),
    io:format("~p~n", [lists:keyfind(1.0, 1, [{1, int}, {1.0, float}])]),
    io:format("~p~n", [lists:keyfind(1, 1, [{1.0, float}, {1, int}])]),
    io:format("float_compare done~n").

cmp(A, B) when A < B -> lt;
cmp(A, B) when A > B -> gt;
cmp(_, _) -> eq.
