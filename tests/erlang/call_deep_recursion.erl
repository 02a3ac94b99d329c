-module(call_deep_recursion).
-export([main/0]).

%% Body (non-tail) recursion 100k and 1M deep: the stack must grow.
main() ->
    io:format("~p~n", [len(lists:seq(1, 100000))]),
    io:format("~p~n", [sum(lists:seq(1, 100000))]),
    L = build(100000),
    io:format("~p~n", [{length(L), hd(L), lists:last(L)}]),
    io:format("~p~n", [depth(100000)]),
    io:format("~p~n", [sum(lists:seq(1, 1000000))]),
    io:format("~p~n", [length(my_map(fun(X) -> X * 2 end, lists:seq(1, 300000)))]),
    io:format("~p~n", [fib_calls(22)]),
    io:format("~p~n", [ackermann(2, 300)]),
    io:format("~p~n", [catch_deep(50000)]),
    io:format("call_deep_recursion done~n").

len([]) -> 0;
len([_ | T]) -> 1 + len(T).

sum([]) -> 0;
sum([H | T]) -> H + sum(T).

build(0) -> [];
build(N) -> [N | build(N - 1)].

depth(0) -> 0;
depth(N) -> 1 + depth(N - 1).

my_map(_, []) -> [];
my_map(F, [H | T]) -> [F(H) | my_map(F, T)].

fib_calls(N) when N < 2 -> 1;
fib_calls(N) -> fib_calls(N - 1) + fib_calls(N - 2) + 1.

ackermann(0, N) -> N + 1;
ackermann(M, 0) -> ackermann(M - 1, 1);
ackermann(M, N) -> ackermann(M - 1, ackermann(M, N - 1)).

%% every level has an active catch frame
catch_deep(0) -> throw(bottom);
catch_deep(N) ->
    try catch_deep(N - 1) of
        V -> V + 1
    catch
        throw:bottom -> 0
    end.
