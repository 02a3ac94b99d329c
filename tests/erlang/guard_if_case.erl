-module(guard_if_case).
-export([main/0]).

main() ->
    io:format("~p~n", [[grade(S) || S <- [95, 85, 75, 65, 10]]]),
    io:format("~p~n", [[t(fun() -> no_match_if(X) end) || X <- [1, 2, 3]]]),
    io:format("~p~n", [[t(fun() -> no_match_case(X) end) || X <- [a, b, c, {d}]]]),
    io:format("~p~n", [[t(fun() -> clause(X) end) || X <- [1, 2.0, "s"]]]),
    io:format("~p~n", [t(fun() -> lambda_clause(3) end)]),
    io:format("~p~n", [[bind_in_case(X) || X <- [{ok, 1}, {error, e}, other]]]),
    io:format("~p~n", [nested_case(1, 2)]),
    io:format("~p~n", [nested_case(2, 1)]),
    io:format("~p~n", [case_on_tuple({1, 2, 3})]),
    io:format("~p~n", [if_true_last(0)]),
    io:format("guard_if_case done~n").

t(F) ->
    try F() of
        V -> {ok, V}
    catch
        error:E -> {error, E}
    end.

grade(S) ->
    if S >= 90 -> a;
       S >= 80 -> b;
       S >= 70 -> c;
       S >= 60 -> d;
       true -> f
    end.

no_match_if(X) ->
    if X =:= 1 -> one;
       X =:= 2 -> two
    end.

no_match_case(X) ->
    case X of
        a -> is_a;
        b -> is_b
    end.

clause(X) when is_integer(X) -> int;
clause(X) when is_float(X) -> float.

lambda_clause(N) ->
    F = fun(1) -> one; (2) -> two end,
    F(N).

bind_in_case(X) ->
    R = case X of
            {ok, V} -> V;
            {error, _} = E -> E;
            _ -> undefined
        end,
    {R}.

nested_case(A, B) ->
    case A of
        1 ->
            case B of
                2 -> one_two;
                _ -> one_other
            end;
        _ ->
            if B < A -> descending; true -> other end
    end.

case_on_tuple(T) ->
    case T of
        {X, Y, Z} when X < Y, Y < Z -> {ascending, X + Y + Z};
        {_, _, _} -> unordered
    end.

if_true_last(X) ->
    if X > 0 -> positive;
       X < 0 -> negative;
       true -> zero
    end.
