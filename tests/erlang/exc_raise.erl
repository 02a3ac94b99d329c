-module(exc_raise).
-export([main/0]).

main() ->
    io:format("~p~n", [rethrow(throw, t1)]),
    io:format("~p~n", [rethrow(error, e1)]),
    io:format("~p~n", [rethrow(exit, x1)]),
    io:format("~p~n", [try erlang:raise(error, custom, [{?MODULE, fake, 3, [{line, 99}]}])
                       catch error:custom:St -> St end]),
    io:format("~p~n", [try erlang:raise(throw, v, []) catch throw:V:St2 -> {V, St2} end]),
    io:format("~p~n", [erlang:raise(bad_class, r, [])]),
    io:format("~p~n", [try erlang:raise(error, r, not_a_stack) catch C:E -> {C, E} end]),
    io:format("~p~n", [wrap()]),
    io:format("exc_raise done~n").

rethrow(Class, Reason) ->
    try
        try erlang:raise(Class, Reason, [])
        catch
            C:R:St -> erlang:raise(C, {wrapped, R}, St)
        end
    catch
        C2:R2 -> {C2, R2}
    end.

wrap() ->
    try
        try error(orig)
        catch error:orig:St -> erlang:raise(error, {again, orig}, St)
        end
    catch
        error:{again, X}:St2 ->
            {X, [{F, A} || {M, F, A, _} <- St2, M =:= ?MODULE]}
    end.
