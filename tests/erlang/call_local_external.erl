-module(call_local_external).
-export([main/0, double/1, triple/1, pick/2]).

main() ->
    io:format("~p~n", [double(21)]),
    io:format("~p~n", [?MODULE:double(21)]),
    io:format("~p~n", [call_local_external:triple(5)]),
    M = ?MODULE,
    F = triple,
    io:format("~p~n", [M:F(7)]),
    io:format("~p~n", [M:pick(first, {a, b})]),
    io:format("~p~n", [M:pick(second, {a, b})]),
    Mod = lists,
    Fun = reverse,
    io:format("~p~n", [Mod:Fun([1, 2, 3])]),
    io:format("~p~n", [lists:seq(1, 5)]),
    io:format("~p~n", [erlang:length([a, b, c])]),
    io:format("~p~n", [[?MODULE:double(X) || X <- [1, 2, 3]]]),
    io:format("~p~n", [chain(10)]),
    Fs = [{?MODULE, double}, {?MODULE, triple}, {erlang, abs}, {lists, max}],
    io:format("~p~n", [[Md:Fn(arg(Fn)) || {Md, Fn} <- Fs]]),
    io:format("call_local_external done~n").

double(X) -> 2 * X.
triple(X) -> 3 * X.

pick(first, {A, _}) -> A;
pick(second, {_, B}) -> B.

arg(max) -> [3, -9, 7];
arg(abs) -> -12;
arg(_) -> 4.

chain(N) -> a(N, []).
a(0, Acc) -> lists:reverse(Acc);
a(N, Acc) -> b(N - 1, [{a, N} | Acc]).
b(0, Acc) -> lists:reverse(Acc);
b(N, Acc) -> c(N - 1, [{b, N} | Acc]).
c(0, Acc) -> lists:reverse(Acc);
c(N, Acc) -> a(N - 1, [{c, N} | Acc]).
