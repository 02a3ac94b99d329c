-module(call_apply).
-export([main/0, add/2, add3/3, zero/0, echo/1]).

main() ->
    io:format("~p~n", [apply(?MODULE, add, [1, 2])]),
    io:format("~p~n", [apply(fun add/2, [3, 4])]),
    io:format("~p~n", [apply(fun(X) -> X * X end, [9])]),
    io:format("~p~n", [apply(?MODULE, zero, [])]),
    io:format("~p~n", [erlang:apply(lists, seq, [1, 4])]),
    Mod = list_to_atom("lists"),
    Fun = list_to_atom("reverse"),
    io:format("~p~n", [apply(Mod, Fun, [[a, b, c]])]),
    io:format("~p~n", [[apply(?MODULE, F, Args) || {F, Args} <- [{add, [1, 1]}, {add3, [1, 2, 3]}, {zero, []}, {echo, [x]}]]]),
    Name = "add" ++ "3",
    io:format("~p~n", [apply(?MODULE, list_to_existing_atom(Name), [10, 20, 30])]),
    io:format("~p~n", [apply(erlang, '+', [2, 3])]),
    io:format("~p~n", [apply(erlang, element, [2, {a, b, c}])]),
    io:format("~p~n", [apply(erlang, tuple_to_list, [{1, 2}])]),
    io:format("~p~n", [apply(lists, foldl, [fun add/2, 0, [1, 2, 3, 4]])]),
    Args = lists:duplicate(3, 7),
    io:format("~p~n", [apply(fun add3/3, Args)]),
    io:format("~p~n", [catch_reason(fun() -> apply(?MODULE, add, [1]) end)]),
    io:format("~p~n", [catch_reason(fun() -> apply(?MODULE, nope, []) end)]),
    io:format("~p~n", [catch_reason(fun() -> apply(no_such_module_xyz, f, [1]) end)]),
    io:format("~p~n", [catch_reason(fun() -> apply(?MODULE, add, not_a_list) end)]),
    io:format("~p~n", [catch_reason(fun() -> apply(42, add, []) end)]),
    io:format("call_apply done~n").

add(A, B) -> A + B.
add3(A, B, C) -> A + B + C.
zero() -> 0.
echo(X) -> X.

catch_reason(F) ->
    try F() of
        V -> {ok, V}
    catch
        error:R -> {error, R}
    end.
