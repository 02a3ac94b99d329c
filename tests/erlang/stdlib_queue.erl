-module(stdlib_queue).
-export([main/0]).

main() ->
    Q0 = queue:new(),
    Q1 = queue:in(1, queue:in(2, queue:in(3, Q0))),
    io:format("~p~n", [queue:to_list(Q1)]),
    io:format("~p~n", [Q1]),
    {{value, V}, Q2} = queue:out(Q1),
    io:format("~p~n", [{V, queue:to_list(Q2)}]),
    io:format("~p~n", [queue:out(queue:new())]),
    io:format("~p~n", [queue:out_r(Q1)]),
    io:format("~p~n", [queue:to_list(queue:in_r(0, Q1))]),
    io:format("~p~n", [{queue:len(Q1), queue:is_empty(Q1), queue:is_empty(Q0), queue:is_queue(Q1)}]),
    io:format("~p~n", [{queue:peek(Q1), queue:peek_r(Q1), queue:peek(Q0)}]),
    io:format("~p~n", [queue:to_list(queue:reverse(Q1))]),
    io:format("~p~n", [queue:to_list(queue:join(Q1, queue:from_list([a, b])))]),
    io:format("~p~n", [queue:split(2, queue:from_list([a, b, c, d]))]),
    io:format("~p~n", [queue:to_list(queue:filter(fun(X) -> X > 1 end, Q1))]),
    io:format("~p~n", [queue:member(2, Q1)]),
    io:format("~p~n", [{queue:head(Q1), queue:last(Q1), queue:to_list(queue:tail(Q1)), queue:to_list(queue:init(Q1))}]),
    io:format("~p~n", [{queue:get(Q1), queue:get_r(Q1), queue:to_list(queue:drop(Q1)), queue:to_list(queue:drop_r(Q1))}]),
    io:format("~p~n", [queue:to_list(queue:cons(z, Q1))]),
    io:format("~p~n", [queue:to_list(queue:snoc(Q1, z))]),
    io:format("~p~n", [queue:fold(fun(X, A) -> X + A end, 0, Q1)]),
    io:format("~p~n", [queue:any(fun(X) -> X > 2 end, Q1)]),
    io:format("~p~n", [queue:to_list(queue:delete(2, Q1))]),
    io:format("~p~n", [try queue:get(queue:new()) catch error:E -> E end]),
    Big = lists:foldl(fun queue:in/2, queue:new(), lists:seq(1, 1000)),
    io:format("~p~n", [{queue:len(Big), queue:peek(Big), queue:peek_r(Big)}]),
    io:format("~p~n", [sliding(lists:seq(1, 10), 3)]),
    io:format("stdlib_queue done~n").

%% sums of sliding windows, using a queue
sliding(L, N) ->
    {First, Rest} = lists:split(N, L),
    Q = queue:from_list(First),
    sliding(Rest, Q, [lists:sum(First)]).

sliding([], _, Acc) -> lists:reverse(Acc);
sliding([X | Xs], Q, Acc) ->
    {{value, Old}, Q1} = queue:out(Q),
    Q2 = queue:in(X, Q1),
    sliding(Xs, Q2, [hd(Acc) - Old + X | Acc]).
