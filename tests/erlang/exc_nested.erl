-module(exc_nested).
-export([main/0]).

main() ->
    io:format("~p~n", [level1(inner_throw)]),
    io:format("~p~n", [level1(inner_error)]),
    io:format("~p~n", [level1(pass_through)]),
    io:format("~p~n", [level1(normal)]),
    io:format("~p~n", [deep(10)]),
    io:format("~p~n", [catch_in_catch()]),
    io:format("~p~n", [handler_raises()]),
    io:format("~p~n", [in_of_clause()]),
    io:format("exc_nested done~n").

level1(What) ->
    try level2(What)
    catch
        throw:{l2, X} -> {level1_caught, X};
        exit:X -> {level1_exit, X}
    end.

level2(What) ->
    try level3(What)
    catch
        error:E -> throw({l2, E})
    end.

level3(inner_throw) -> throw({l2, thrown});
level3(inner_error) -> error(err3);
level3(pass_through) -> exit(out);
level3(normal) -> fine.

deep(0) -> throw(bottom);
deep(N) ->
    try deep(N - 1)
    catch
        throw:bottom when N =:= 5 -> {caught_at, N};
        throw:bottom -> throw(bottom)
    end.

catch_in_catch() ->
    A = (catch (catch throw(x))),
    B = (catch (catch error(y))),
    {A, element(1, element(2, B))}.

handler_raises() ->
    try
        try throw(first)
        catch throw:first -> error(second)
        end
    catch
        error:second -> {handled, second}
    end.

in_of_clause() ->
    try
        try ok of
            ok -> throw(from_of)
        catch
            throw:from_of -> not_here
        end
    catch
        throw:from_of -> escaped_of_clause
    end.
