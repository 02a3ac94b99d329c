-module(rec_match).
-export([main/0]).

-record(circle, {r}).
-record(rect, {w, h}).
-record(tri, {a, b, c}).
-record(state, {count = 0, items = [], status = idle}).

main() ->
    Shapes = [#circle{r = 1}, #rect{w = 2, h = 3}, #tri{a = 3, b = 4, c = 5}, {circle, 2}, {rect, 1}],
    io:format("~p~n", [[area(S) || S <- Shapes]]),
    S0 = #state{},
    S = lists:foldl(fun handle/2, S0, [{add, a}, {add, b}, start, {add, c}, stop, {remove, a}, bogus]),
    io:format("~p~n", [S]),
    io:format("~p~n", [[is_circle(X) || X <- Shapes]]),
    io:format("~p~n", [case S of #state{status = stopped, count = N} when N > 2 -> {stopped_after, N}; _ -> other end]),
    io:format("~p~n", [[X || #rect{w = X} <- Shapes]]),
    io:format("rec_match done~n").

area(#circle{r = R}) -> {circle, 3 * R * R};
area(#rect{w = W, h = H}) -> {rect, W * H};
area(#tri{a = A, b = B}) -> {tri, A * B / 2};
area(_) -> unknown.

is_circle(#circle{}) -> true;
is_circle(_) -> false.

handle({add, X}, #state{items = Is, count = C} = S) -> S#state{items = [X | Is], count = C + 1};
handle({remove, X}, #state{items = Is} = S) -> S#state{items = lists:delete(X, Is)};
handle(start, S) -> S#state{status = running};
handle(stop, #state{status = running} = S) -> S#state{status = stopped};
handle(_, S) -> S.
