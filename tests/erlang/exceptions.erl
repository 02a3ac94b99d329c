-module(exceptions).
-export([main/0]).

main() ->
    io:format("~p~n", [safe(fun() -> 1 / zero() end)]),
    io:format("~p~n", [safe(fun() -> throw(ball) end)]),
    io:format("~p~n", [safe(fun() -> exit(gone) end)]),
    io:format("~p~n", [safe(fun() -> element(two() + 3, {a}) end)]),
    io:format("~p~n", [reason(catch (1 = two()))]),
    io:format("~p~n", [classify(3)]),
    io:format("~p~n", [nested()]),
    io:format("~p~n", [try ok after io:format("after~n") end]),
    io:format("exceptions done~n").

zero() -> 0.

reason({'EXIT', {R, _Stack}}) -> R.
two() -> 2.

safe(F) ->
    try F() of
        V -> {value, V}
    catch
        throw:T -> {thrown, T};
        error:E:Stack -> {error, E, length(Stack) > 0};
        Class:R -> {Class, R}
    end.

classify(N) ->
    try
        case N of
            1 -> one;
            2 -> two
        end
    catch
        error:{case_clause, V} -> {no_clause, V}
    end.

nested() ->
    try
        try error(inner)
        catch error:inner -> erlang:raise(throw, outer, [])
        end
    catch
        throw:outer -> caught_outer
    end.
