-module(stdlib_erl_scan_parse).
-export([main/0]).

main() ->
    {ok, Toks, End} = erl_scan:string("foo(X, 42) -> {X, \"str\", 'Q', 3.5}."),
    io:format("~p~n", [End]),
    io:format("~p~n", [[element(1, T) || T <- Toks]]),
    io:format("~p~n", [Toks]),
    io:format("~p~n", [erl_scan:string("x + y")]),
    io:format("~p~n", [erl_scan:string("\"unterminated")]),
    {ok, ExprToks, _} = erl_scan:string("A = 6 * 7, B = [A, A + 1], {A, lists:reverse(B)}."),
    {ok, Exprs} = erl_parse:parse_exprs(ExprToks),
    io:format("~p~n", [Exprs]),
    {value, V, Bindings} = erl_eval:exprs(Exprs, erl_eval:new_bindings()),
    io:format("~p~n", [V]),
    io:format("~p~n", [lists:sort(erl_eval:bindings(Bindings))]),
    io:format("~p~n", [eval("[X * X || X <- lists:seq(1, 5), X rem 2 =:= 1].")]),
    io:format("~p~n", [eval("case 3 of 1 -> one; N when N > 2 -> {big, N} end.")]),
    io:format("~p~n", [eval("F = fun(0, _) -> 1; (N, G) -> N * G(N - 1, G) end, F(10, F).")]),
    io:format("~p~n", [eval("#{a => 1, b => [x]}.")]),
    io:format("~p~n", [eval("try throw(x) catch throw:Y -> {caught, Y} end.")]),
    io:format("~p~n", [eval("<<1, 2, 3:4>>.")]),
    {ok, FT, _} = erl_scan:string("-module(m). f(X) -> X + 1."),
    io:format("~p~n", [length(FT)]),
    {ok, FormToks, _} = erl_scan:string("sq(X) -> X * X."),
    {ok, Form} = erl_parse:parse_form(FormToks),
    io:format("~p~n", [Form]),
    io:format("~s~n", [erl_pp:form(Form)]),
    io:format("~s~n", [erl_pp:expr(hd(Exprs))]),
    {ok, BadToks, _} = erl_scan:string("1 + ."),
    io:format("~p~n", [erl_parse:parse_exprs(BadToks)]),
    {ok, [AbsTerm]} = erl_parse:parse_exprs(element(2, erl_scan:string("{a, [1, \"b\"]}."))),
    io:format("~p~n", [erl_parse:normalise(AbsTerm)]),
    io:format("~p~n", [erl_parse:abstract({x, [1, 2]})]),
    io:format("stdlib_erl_scan_parse done~n").

eval(S) ->
    {ok, T, _} = erl_scan:string(S),
    {ok, E} = erl_parse:parse_exprs(T),
    {value, V, _} = erl_eval:exprs(E, erl_eval:new_bindings()),
    V.
