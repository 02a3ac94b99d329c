-module(fun_in_data).
-export([main/0]).

main() ->
    Table = #{add => fun(A, B) -> A + B end,
              sub => fun(A, B) -> A - B end,
              cat => fun(A, B) -> [A, B] end},
    io:format("~p~n", [[{K, (maps:get(K, Table))(7, 3)} || K <- lists:sort(maps:keys(Table))]]),
    Tup = {fun(X) -> {first, X} end, fun(X) -> {second, X} end},
    io:format("~p~n", [{(element(1, Tup))(a), (element(2, Tup))(b)}]),
    Stack = [fun(S) -> [pushed | S] end, fun([_ | S]) -> S end, fun(S) -> lists:reverse(S) end],
    io:format("~p~n", [lists:foldl(fun(F, S) -> F(S) end, [a, b, c], Stack)]),
    Validators = [{is_int, fun erlang:is_integer/1}, {positive, fun(X) -> X > 0 end}, {small, fun(X) -> X < 100 end}],
    io:format("~p~n", [[{V, [N || {N, F} <- Validators, not F(V)]} || V <- [5, -5, 500]]]),
    put(callback, fun(X) -> X * 10 end),
    io:format("~p~n", [(get(callback))(4)]),
    erase(callback),
    Self = self(),
    Pid = spawn(fun() -> receive {run, F, Arg} -> Self ! {result, F(Arg)} end end),
    Pid ! {run, fun(X) -> lists:reverse(X) end, [1, 2, 3]},
    receive {result, R} -> io:format("~p~n", [R]) end,
    io:format("~p~n", [lists:keyfind(positive, 1, Validators) =/= false]),
    Sorted = lists:sort([{3, fun() -> c end}, {1, fun() -> a end}, {2, fun() -> b end}]),
    io:format("~p~n", [[F() || {_, F} <- Sorted]]),
    io:format("fun_in_data done~n").
