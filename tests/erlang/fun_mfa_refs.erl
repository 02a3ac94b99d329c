-module(fun_mfa_refs).
-export([main/0, local_exp/1]).

main() ->
    F1 = fun lists:reverse/1,
    F2 = fun ?MODULE:local_exp/1,
    F3 = fun local_exp/1,
    F4 = fun priv/2,
    M = lists, F = seq, A = 2,
    F5 = fun M:F/A,
    io:format("~p~n", [{F1([1, 2, 3]), F2(4), F3(5), F4(6, 7), F5(1, 3)}]),
    io:format("~p~n", [[erlang:fun_info(X, type) || X <- [F1, F2, F5]]]),
    io:format("~p~n", [[erlang:fun_info(X, module) || X <- [F1, F2, F3, F4, F5]]]),
    io:format("~p~n", [[erlang:fun_info(X, name) || X <- [F1, F2, F5]]]),
    io:format("~p~n", [[erlang:fun_info(X, arity) || X <- [F1, F2, F3, F4, F5]]]),
    io:format("~p~n", [F1 =:= fun lists:reverse/1]),
    io:format("~p~n", [F5 =:= fun lists:seq/2]),
    io:format("~p~n", [F1 == F2]),
    io:format("~p~n", [F1]),
    io:format("~w~n", [F5]),
    io:format("~p~n", [F2]),
    S = lists:flatten(io_lib:format("~p", [fun erlang:abs/1])),
    io:format("~s~n", [S]),
    io:format("~p~n", [lists:map(fun erlang:abs/1, [-1, 2, -3])]),
    io:format("~p~n", [lists:map(fun string:uppercase/1, ["a", "bc"])]),
    io:format("fun_mfa_refs done~n").

local_exp(X) -> {exp, X}.
priv(X, Y) -> {priv, X, Y}.
