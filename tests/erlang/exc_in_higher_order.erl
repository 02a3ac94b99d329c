-module(exc_in_higher_order).
-export([main/0]).

main() ->
    io:format("~p~n", [t(fun() -> lists:map(fun(X) -> 10 div X end, [5, 2, 0, 1]) end)]),
    io:format("~p~n", [t(fun() -> [1 / X || X <- [1, 0]] end)]),
    io:format("~p~n", [t(fun() -> lists:foldl(fun(X, A) when X > 0 -> A + X end, 0, [1, 2, -3]) end)]),
    io:format("~p~n", [t(fun() -> lists:foreach(fun(X) -> X > 2 andalso throw({found, X}) end, [1, 2, 3, 4]) end)]),
    io:format("~p~n", [t(fun() -> maps:map(fun(_, V) -> V + 1 end, #{a => 1, b => x}) end)]),
    io:format("~p~n", [t(fun() -> lists:sort(fun(A, B) -> A < B orelse exit({cmp, A, B}) end, [3, 3]) end)]),
    io:format("~p~n", [t(fun() -> lists:filter(fun(X) -> X end, [true, false, maybe]) end)]),
    io:format("~p~n", [t(fun() -> [X || X <- [1, 2, 3], check(X)] end)]),
    io:format("~p~n", [t(fun() -> [X || X <- not_a_list] end)]),
    io:format("~p~n", [t(fun() -> lists:map(not_a_fun, [1]) end)]),
    io:format("~p~n", [partial_results([4, 2, 0, 5])]),
    io:format("exc_in_higher_order done~n").

check(2) -> error({bad_element, 2});
check(_) -> true.

t(F) ->
    try F() of
        V -> {ok, V}
    catch
        Class:Reason:Stack ->
            {Class, Reason, [Fn || {M, Fn, _, _} <- Stack, M =:= ?MODULE, hd(atom_to_list(Fn)) =/= $-]}
    end.

partial_results(L) ->
    lists:map(fun(X) -> try 100 div X catch error:badarith -> infinity end end, L).
