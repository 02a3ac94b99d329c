-module(exc_classes).
-export([main/0]).

main() ->
    Thunks = [fun() -> throw(t) end,
              fun() -> error(e) end,
              fun() -> exit(x) end,
              fun() -> throw({complex, [1, 2], #{k => v}}) end,
              fun() -> error({reason, 1}, [arg1, arg2]) end,
              fun() -> exit({shutdown, why}) end,
              fun() -> erlang:error(badarg) end,
              fun() -> value end],
    lists:foreach(fun(T) -> io:format("~p~n", [classify(T)]) end, Thunks),
    io:format("~p~n", [[only_throw(T) || T <- [fun() -> throw(a) end, fun() -> ok end]]]),
    io:format("~p~n", [try only_throw(fun() -> error(escaped) end) catch C:R -> {outer, C, R} end]),
    io:format("~p~n", [try exit(normal) catch exit:normal -> caught_normal end]),
    io:format("~p~n", [try throw(1) catch _:X -> {any_class, X} end]),
    io:format("~p~n", [try error(2) catch X2 -> {default_is_throw, X2}; error:X3 -> {error_clause, X3} end]),
    io:format("exc_classes done~n").

classify(F) ->
    try F() of
        V -> {returned, V}
    catch
        throw:T -> {throw, T};
        error:E -> {error, E};
        exit:X -> {exit, X}
    end.

only_throw(F) ->
    try F() catch throw:V -> {thrown, V} end.
