-module(exc_try_of).
-export([main/0]).

main() ->
    io:format("~p~n", [[classify(X) || X <- [1, 2, {ok, 3}, [], "str"]]]),
    io:format("~p~n", [catch_try_clause(other)]),
    io:format("~p~n", [catch_try_clause(error)]),
    io:format("~p~n", [guarded(5)]),
    io:format("~p~n", [guarded(-5)]),
    io:format("~p~n", [guarded(0)]),
    io:format("~p~n", [multi_expr()]),
    io:format("~p~n", [bound_var_in_of(3)]),
    io:format("exc_try_of done~n").

classify(X) ->
    try X of
        1 -> one;
        2 -> two;
        {ok, N} when N > 2 -> {big_ok, N};
        [] -> empty;
        L when is_list(L) -> {list, length(L)}
    catch
        _:_ -> impossible
    end.

catch_try_clause(X) ->
    try
        try produce(X) of
            ok -> fine
        catch
            throw:_ -> thrown
        end
    catch
        error:{try_clause, V} -> {try_clause, V}
    end.

produce(other) -> {unexpected, value};
produce(error) -> throw(oops).

guarded(N) ->
    try check(N) of
        pos when N > 3 -> big_positive;
        pos -> small_positive;
        neg -> negative
    catch
        error:zero -> was_zero
    end.

check(N) when N > 0 -> pos;
check(N) when N < 0 -> neg;
check(_) -> error(zero).

multi_expr() ->
    try
        A = 1,
        B = A + 1,
        {A, B}
    of
        {X, Y} -> X + Y
    catch
        _:_ -> failed
    end.

bound_var_in_of(N) ->
    Expect = 9,
    try N * N of
        Expect -> matched_bound;
        _ -> other
    after
        ok
    end.
