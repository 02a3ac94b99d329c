-module(fun_badfun).
-export([main/0]).

main() ->
    lists:foreach(fun(NotFun) -> io:format("~p~n", [call(NotFun)]) end,
                  [atom, 42, 3.5, "string", [], {a, b}, #{k => v}, <<"bin">>, {lists, reverse}]),
    io:format("~p~n", [call(fun() -> works end)]),
    io:format("~p~n", [catch_reason(catch (id(notfun))(1, 2))]),
    io:format("~p~n", [try apply(id(5), []) catch error:E -> E end]),
    io:format("~p~n", [try lists:map(id(notfun), [1]) catch error:E2 -> E2 end]),
    io:format("fun_badfun done~n").

id(X) -> X.

call(F) ->
    try F() of
        V -> {ok, V}
    catch
        error:{badfun, X} -> {badfun, X};
        error:R -> {other, R}
    end.

catch_reason({'EXIT', {R, _}}) -> R;
catch_reason(V) -> {value, V}.
