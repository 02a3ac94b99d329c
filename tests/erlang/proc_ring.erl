-module(proc_ring).
-export([main/0]).

main() ->
    N = 100, Rounds = 50,
    First = build_ring(N),
    First ! {token, 0, Rounds * N},
    receive {finished, Count} -> io:format("token passed ~p times~n", [Count]) end,
    Ring2 = build_ring(1000),
    Ring2 ! {token, 0, 5000},
    receive {finished, C2} -> io:format("token passed ~p times~n", [C2]) end,
    io:format("~p~n", [sum_ring(lists:seq(1, 200))]),
    io:format("proc_ring done~n").

build_ring(N) ->
    Main = self(),
    First = spawn(fun() -> first(Main) end),
    Last = lists:foldl(fun(_, Next) -> spawn(fun() -> node_loop(Next) end) end, First, lists:seq(1, N - 1)),
    First ! {set_next, Last},
    First.

first(Main) ->
    receive {set_next, Next} -> first_loop(Main, Next) end.

first_loop(Main, Next) ->
    receive
        {token, Count, Limit} when Count >= Limit ->
            Main ! {finished, Count},
            Next ! stop;
        {token, Count, Limit} ->
            Next ! {token, Count + 1, Limit},
            first_loop(Main, Next)
    end.

node_loop(Next) ->
    receive
        {token, Count, Limit} -> Next ! {token, Count + 1, Limit}, node_loop(Next);
        stop -> Next ! stop
    end.

%% each process adds its value to the running sum and forwards it
sum_ring(Values) ->
    Main = self(),
    Start = lists:foldl(fun(V, Next) -> spawn(fun() -> receive {sum, S} -> Next ! {sum, S + V} end end) end,
                        Main, Values),
    Start ! {sum, 0},
    receive {sum, Total} -> Total end.
