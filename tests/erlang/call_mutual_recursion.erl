-module(call_mutual_recursion).
-export([main/0]).

main() ->
    io:format("~p~n", [[{N, is_even(N), is_odd(N)} || N <- [0, 1, 2, 7, 10, 100001]]]),
    io:format("~p~n", [parse("(a(b)(c(d)))", [])]),
    io:format("~p~n", [hofstadter(30)]),
    io:format("~p~n", [tokens("let x = 12 + y3 * 7;")]),
    io:format("~p~n", [walk({node, {node, {leaf, 1}, {leaf, 2}}, {node, {leaf, 3}, {node, {leaf, 4}, {leaf, 5}}}})]),
    io:format("call_mutual_recursion done~n").

is_even(0) -> true;
is_even(N) -> is_odd(N - 1).
is_odd(0) -> false;
is_odd(N) -> is_even(N - 1).

%% a tiny recursive-descent parser: nested parens
parse([], Acc) -> lists:reverse(Acc);
parse([$( | Rest], Acc) ->
    {Inner, Rest1} = group(Rest, []),
    parse(Rest1, [Inner | Acc]);
parse([C | Rest], Acc) -> parse(Rest, [C | Acc]).

group([$) | Rest], Acc) -> {lists:reverse(Acc), Rest};
group([$( | Rest], Acc) ->
    {Inner, Rest1} = group(Rest, []),
    group(Rest1, [Inner | Acc]);
group([C | Rest], Acc) -> group(Rest, [[C] | Acc]).

%% Hofstadter female/male sequences
hofstadter(N) -> {[f(I) || I <- lists:seq(0, N)], [m(I) || I <- lists:seq(0, N)]}.
f(0) -> 1;
f(N) -> N - m(f(N - 1)).
m(0) -> 0;
m(N) -> N - f(m(N - 1)).

tokens([]) -> [];
tokens([C | T]) when C >= $0, C =< $9 -> number(T, C - $0);
tokens([C | T]) when C >= $a, C =< $z -> ident(T, [C]);
tokens([$\s | T]) -> tokens(T);
tokens([C | T]) -> [{op, list_to_atom([C])} | tokens(T)].

number([C | T], N) when C >= $0, C =< $9 -> number(T, N * 10 + C - $0);
number(T, N) -> [{int, N} | tokens(T)].

ident([C | T], Acc) when C >= $a, C =< $z; C >= $0, C =< $9 -> ident(T, [C | Acc]);
ident(T, Acc) -> [{id, list_to_atom(lists:reverse(Acc))} | tokens(T)].

walk({leaf, V}) -> leaf(V);
walk({node, L, R}) -> node(L, R).
leaf(V) -> [V].
node(L, R) -> walk(R) ++ walk(L).
