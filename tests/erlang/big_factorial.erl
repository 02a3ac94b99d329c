-module(big_factorial).
-export([main/0]).

main() ->
    lists:foreach(fun(N) -> io:format("~p! = ~p~n", [N, fact(N)]) end, [0, 1, 5, 20, 21, 25, 50]),
    F100 = fact(100),
    io:format("~p~n", [F100]),
    io:format("~p~n", [length(integer_to_list(fact(1000)))]),
    io:format("~p~n", [fact(1000) rem 1000000007]),
    io:format("~p~n", [trailing_zeros(fact(500))]),
    io:format("~p~n", [F100 div fact(98)]),
    io:format("~p~n", [binomial(100, 50)]),
    io:format("~p~n", [lists:sum(digits(fact(200)))]),
    io:format("~p~n", [fact(30) div fact(28) =:= 30 * 29]),
    io:format("~p~n", [-fact(25)]),
    io:format("~p~n", [catalan(60)]),
    io:format("big_factorial done~n").

fact(0) -> 1;
fact(N) -> N * fact(N - 1).

trailing_zeros(N) when N rem 10 =:= 0 -> 1 + trailing_zeros(N div 10);
trailing_zeros(_) -> 0.

binomial(N, K) -> fact(N) div (fact(K) * fact(N - K)).

digits(N) -> [C - $0 || C <- integer_to_list(N)].

catalan(N) -> binomial(2 * N, N) div (N + 1).
