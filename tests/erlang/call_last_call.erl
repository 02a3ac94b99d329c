-module(call_last_call).
-export([main/0, loop_ext/2]).

%% Tail calls must run in constant stack: loops of a few million iterations.
main() ->
    io:format("~p~n", [count(3000000, 0)]),
    io:format("~p~n", [loop_ext(1000000, 0)]),
    io:format("~p~n", [ping(1000001)]),
    io:format("~p~n", [sum_to(2000000)]),
    io:format("~p~n", [apply_loop(500000, 0)]),
    io:format("~p~n", [fun_loop(500000)]),
    io:format("~p~n", [case_tail(1000000, 0)]),
    io:format("~p~n", [collatz_max(1, 30000, {0, 0})]),
    io:format("call_last_call done~n").

count(0, Acc) -> Acc;
count(N, Acc) -> count(N - 1, Acc + 1).

loop_ext(0, Acc) -> Acc;
loop_ext(N, Acc) -> ?MODULE:loop_ext(N - 1, Acc + 2).

ping(0) -> ping_done;
ping(N) -> pong(N - 1).
pong(0) -> pong_done;
pong(N) -> ping(N - 1).

sum_to(N) -> sum_to(N, 0).
sum_to(0, S) -> S;
sum_to(N, S) -> sum_to(N - 1, S + N).

apply_loop(0, Acc) -> Acc;
apply_loop(N, Acc) -> apply(fun apply_loop/2, [N - 1, Acc + 3]).

fun_loop(N) ->
    Loop = fun Loop(0, A) -> A; Loop(K, A) -> Loop(K - 1, A + 1) end,
    Loop(N, 0).

case_tail(0, Acc) -> Acc;
case_tail(N, Acc) ->
    case N rem 3 of
        0 -> case_tail(N - 1, Acc + 1);
        1 -> case_tail(N - 1, Acc);
        _ -> if Acc > 10 -> case_tail(N - 1, Acc - 1); true -> case_tail(N - 1, Acc + 2) end
    end.

collatz_max(N, Limit, Best) when N > Limit -> Best;
collatz_max(N, Limit, {_, BestLen} = Best) ->
    L = collatz(N, 1),
    collatz_max(N + 1, Limit, if L > BestLen -> {N, L}; true -> Best end).

collatz(1, L) -> L;
collatz(N, L) when N rem 2 =:= 0 -> collatz(N div 2, L + 1);
collatz(N, L) -> collatz(3 * N + 1, L + 1).
