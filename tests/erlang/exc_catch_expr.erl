-module(exc_catch_expr).
-export([main/0]).

main() ->
    io:format("~p~n", [catch 42]),
    io:format("~p~n", [catch throw(thrown_value)]),
    io:format("~p~n", [catch exit(exited)]),
    io:format("~p~n", [reason(catch error(errored))]),
    io:format("~p~n", [reason(catch 1 + list_to_integer(id("x")))]),
    io:format("~p~n", [reason(catch atom_to_list(id(42)))]),
    io:format("~p~n", [reason(catch badmatch(1))]),
    io:format("~p~n", [catch exit({'EXIT', fake})]),
    io:format("~p~n", [catch throw({'EXIT', thrown})]),
    X = (catch 1) + (catch 2),
    io:format("~p~n", [X]),
    L = [catch (case N of 0 -> throw(zero); _ -> 10 div N end) || N <- [0, 1, 2]],
    io:format("~p~n", [L]),
    io:format("~p~n", [reason(catch lists:nth(5, [1, 2]))]),
    io:format("~p~n", [reason(catch 1 / id(0))]),
    io:format("~p~n", [catch exit(self(), normal)]),
    {'EXIT', {Reason, Stack}} = (catch error(with_stack)),
    io:format("~p ~p~n", [Reason, is_list(Stack)]),
    io:format("exc_catch_expr done~n").

badmatch(X) -> 2 = X.

id(X) -> X.

reason({'EXIT', {R, St}}) when is_list(St) -> {exit_reason, R};
reason(Other) -> {other, Other}.
