-module(exc_after).
-export([main/0]).

main() ->
    io:format("~p~n", [with_after(fun() -> ok end)]),
    io:format("~p~n", [catch with_after(fun() -> throw(boom) end)]),
    io:format("~p~n", [try with_after(fun() -> error(bad) end) catch error:bad -> caught_bad end]),
    io:format("~p~n", [nested_afters()]),
    io:format("~p~n", [after_value()]),
    io:format("~p~n", [after_in_loop(3, [])]),
    io:format("~p~n", [try after_throws() catch throw:T -> {after_threw, T} end]),
    io:format("~p~n", [try_of_after(1)]),
    io:format("~p~n", [try try_of_after(2) catch throw:T2 -> {escaped_of, T2} end]),
    io:format("~p~n", [lists:reverse(get(log))]),
    io:format("exc_after done~n").

log(X) ->
    case get(log) of
        undefined -> put(log, [X]);
        L -> put(log, [X | L])
    end.

with_after(F) ->
    try F()
    after
        io:format("after runs~n")
    end.

nested_afters() ->
    try
        try
            try throw(inner)
            after log(a1)
            end
        after log(a2)
        end
    catch
        throw:inner -> log(caught), done
    after
        log(a3)
    end.

after_value() ->
    %% the value of the after block is discarded
    try 1 after 2 end.

after_in_loop(0, Acc) -> lists:reverse(Acc);
after_in_loop(N, Acc) ->
    R = try
            if N rem 2 =:= 0 -> throw(N); true -> N end
        catch
            throw:V -> {even, V}
        after
            log({loop, N})
        end,
    after_in_loop(N - 1, [R | Acc]).

after_throws() ->
    try error(original)
    after throw(from_after)
    end.

try_of_after(N) ->
    try N of
        1 -> one;
        2 -> throw(two)
    catch
        throw:two -> caught_two
    after
        log({try_of, N})
    end.
