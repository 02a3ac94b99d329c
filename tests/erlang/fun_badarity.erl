-module(fun_badarity).
-export([main/0]).

main() ->
    F = fun(X, Y) -> X + Y end,
    io:format("~p~n", [check(F, fun() -> F(1) end)]),
    io:format("~p~n", [check(F, fun() -> F(1, 2, 3) end)]),
    io:format("~p~n", [check(F, fun() -> apply(F, [1]) end)]),
    io:format("~p~n", [check(F, fun() -> apply(F, []) end)]),
    G = fun lists:reverse/1,
    io:format("~p~n", [check(G, fun() -> G(a, b) end)]),
    Z = fun() -> zero end,
    io:format("~p~n", [check(Z, fun() -> Z(1) end)]),
    io:format("~p~n", [check(F, fun() -> F(1, 2) end)]),
    %% catch expression form
    {'EXIT', {{badarity, {F0, Args}}, _}} = (catch F(a)),
    io:format("~p~n", [{F0 =:= F, Args}]),
    io:format("~p~n", [check(F, fun() -> lists:map(F, [1, 2]) end)]),
    io:format("fun_badarity done~n").

check(Fun, Thunk) ->
    try Thunk() of
        V -> {ok, V}
    catch
        error:{badarity, {F, Args}} when F =:= Fun -> {badarity, same_fun, Args};
        error:{badarity, {_, Args}} -> {badarity, other_fun, Args};
        error:R -> {error, R}
    end.
