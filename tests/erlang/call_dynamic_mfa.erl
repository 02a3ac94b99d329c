-module(call_dynamic_mfa).
-export([main/0, handle/2]).

main() ->
    Handlers = [{?MODULE, handle}, {lists, append}],
    io:format("~p~n", [[M:F([1, 2], [3]) || {M, F} <- Handlers]]),
    Ops = [{erlang, '+'}, {erlang, '-'}, {erlang, '*'}, {erlang, 'div'}, {erlang, 'rem'}, {erlang, max}],
    io:format("~p~n", [[M:F(17, 5) || {M, F} <- Ops]]),
    Calls = [{lists, sum, [[1, 2, 3]]}, {lists, nth, [2, [x, y, z]]}, {erlang, atom_to_list, [abc]},
             {string, uppercase, ["shout"]}, {lists, zip, [[1, 2], [a, b]]}],
    lists:foreach(fun({M, F, A}) -> io:format("~p:~p/~p -> ~p~n", [M, F, length(A), apply(M, F, A)]) end, Calls),
    Mod = module_for(list),
    io:format("~p~n", [Mod:reverse("olleh")]),
    Mod2 = module_for(string),
    io:format("~p~n", [Mod2:length("abc")]),
    io:format("~p~n", [dispatch([{add, 5}, {mul, 3}, {sub, 4}, {neg}], 1)]),
    io:format("~p~n", [erlang:apply(erlang, list_to_atom("is_atom"), [ok])]),
    io:format("call_dynamic_mfa done~n").

handle(A, B) -> {handled, A, B}.

module_for(list) -> lists;
module_for(string) -> string.

dispatch([], Acc) -> Acc;
dispatch([Op | Rest], Acc) ->
    F = element(1, Op),
    dispatch(Rest, apply(fun op/3, [F, Op, Acc])).

op(add, {_, N}, Acc) -> Acc + N;
op(mul, {_, N}, Acc) -> Acc * N;
op(sub, {_, N}, Acc) -> Acc - N;
op(neg, {_}, Acc) -> -Acc.
