-module(list_comprehension).
-export([main/0]).

main() ->
    io:format("~p~n", [[X * X || X <- lists:seq(1, 10), X rem 2 =:= 0]]),
    io:format("~p~n", [[{X, Y} || X <- [1, 2, 3], Y <- [a, b]]]),
    io:format("~p~n", [[{X, Y, Z} || X <- lists:seq(1, 20), Y <- lists:seq(X, 20), Z <- lists:seq(Y, 20), X * X + Y * Y =:= Z * Z]]),
    io:format("~p~n", [[X || X <- [1, a, 2.0, "s", 3], is_integer(X)]]),
    io:format("~p~n", [[X || {ok, X} <- [{ok, 1}, error, {ok, 2}, {error, 3}, {ok, 3, extra}]]]),
    io:format("~p~n", [[Y || X <- [[1, 2], [3], []], Y <- X]]),
    io:format("~p~n", [[{X, Y} || X <- [1, 2, 3], Y <- [1, 2, 3], X < Y]]),
    io:format("~p~n", [[X || X <- lists:seq(1, 50), X rem 3 =:= 0, X rem 5 =:= 0]]),
    io:format("~p~n", [qsort([5, 3, 8, 1, 9, 2, 7, 3])]),
    io:format("~p~n", [perms([a, b, c])]),
    io:format("~p~n", [[N || N <- lists:seq(2, 60), is_prime(N)]]),
    io:format("~p~n", [[[C] || C <- "hello", C =/= $l]]),
    io:format("~p~n", [[X + Y || X <- [10, 20], Y <- [1, 2], X + Y > 12]]),
    io:format("~p~n", [[X || X <- [], X > 0]]),
    io:format("~p~n", [[ok || _ <- [a, b, c]]]),
    io:format("~p~n", [[X || true, X <- [1, 2]]]),
    io:format("~p~n", [[X || id(false), X <- [1, 2]]]),
    Y = 2,
    io:format("~p~n", [[X || {X, Y1} <- [{a, 1}, {b, 2}, {c, 2}], Y1 =:= Y]]),
    io:format("~p~n", [[{K, V} || {K, V} <- lists:zip([a, b, c], [1, 2, 3]), V > 1]]),
    io:format("~p~n", [<< <<X>> || X <- [65, 66, 67] >>]),
    io:format("~p~n", [[X || <<X>> <= <<"abc">>]]),
    io:format("~p~n", [lists:sum([X || X <- lists:seq(1, 100000), X rem 7 =:= 0])]),
    io:format("~p~n", [[F(3) || F <- [fun(X) -> X + 1 end, fun(X) -> X * 2 end]]]),
    io:format("~p~n", [[[X, D] || X <- "ab", D <- "12"]]),
    io:format("list_comprehension done~n").

id(X) -> X.

qsort([]) -> [];
qsort([P | T]) -> qsort([X || X <- T, X < P]) ++ [P] ++ qsort([X || X <- T, X >= P]).

perms([]) -> [[]];
perms(L) -> [[H | T] || H <- L, T <- perms(L -- [H])].

is_prime(N) -> [] =:= [D || D <- lists:seq(2, N - 1), N rem D =:= 0, D * D =< N].
