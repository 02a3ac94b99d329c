-module(call_undef).
-export([main/0, exists/1]).

main() ->
    io:format("~p~n", [try_call(?MODULE, exists, [1])]),
    io:format("~p~n", [try_call(?MODULE, missing, [1])]),
    io:format("~p~n", [try_call(?MODULE, exists, [1, 2])]),
    io:format("~p~n", [try_call(nonexistent_module_abc, f, [])]),
    io:format("~p~n", [try_call(lists, no_such_function, [])]),
    io:format("~p~n", [try_call(erlang, not_a_bif, [x])]),
    %% local-looking but not exported: calling it externally is undef
    io:format("~p~n", [try_call(?MODULE, hidden, [])]),
    io:format("~p~n", [hidden()]),
    M = nonexistent_module_abc,
    io:format("~p~n", [catch_undef(fun() -> M:go(1, 2) end)]),
    F = fun nonexistent_module_abc:go/2,
    io:format("~p~n", [is_function(F, 2)]),
    io:format("~p~n", [catch_undef(fun() -> F(1, 2) end)]),
    io:format("~p~n", [erlang:function_exported(?MODULE, exists, 1)]),
    io:format("~p~n", [erlang:function_exported(?MODULE, hidden, 0)]),
    io:format("call_undef done~n").

exists(X) -> {exists, X}.
hidden() -> hidden_ok.

try_call(M, F, A) ->
    try apply(M, F, A) of
        V -> {ok, V}
    catch
        error:undef:St ->
            [{M1, F1, A1, _} | _] = St,
            {undef, M1, F1, A1}
    end.

catch_undef(Fun) ->
    try Fun() catch error:undef:St -> {undef, element(1, hd(St)), element(2, hd(St)), element(3, hd(St))} end.
