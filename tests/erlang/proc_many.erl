-module(proc_many).
-export([main/0]).

main() ->
    Self = self(),
    N = 2000,
    Pids = [spawn(fun() -> receive {go, X} -> Self ! {result, X, fib(X rem 20)} end end) || _ <- lists:seq(1, N)],
    lists:foldl(fun(P, I) -> P ! {go, I}, I + 1 end, 0, Pids),
    Results = [receive {result, X, F} -> {X, F} end || _ <- Pids],
    io:format("~p~n", [length(Results)]),
    io:format("~p~n", [lists:sum([F || {_, F} <- Results])]),
    io:format("~p~n", [lists:sublist(lists:sort(Results), 5)]),
    %% parallel map
    io:format("~p~n", [pmap(fun(X) -> X * X end, lists:seq(1, 50))]),
    %% a counter server hammered by many clients
    Counter = spawn(fun() -> counter(0) end),
    Clients = [spawn(fun() -> [Counter ! incr || _ <- lists:seq(1, 100)], Self ! client_done end) || _ <- lists:seq(1, 50)],
    [receive client_done -> ok end || _ <- Clients],
    Counter ! {get, Self},
    receive {count, C} -> io:format("count ~p~n", [C]) end,
    io:format("proc_many done~n").

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).

pmap(F, L) ->
    Self = self(),
    Refs = [begin Ref = make_ref(), spawn(fun() -> Self ! {Ref, F(X)} end), Ref end || X <- L],
    [receive {Ref, V} -> V end || Ref <- Refs].

counter(N) ->
    receive
        incr -> counter(N + 1);
        {get, From} -> From ! {count, N}, counter(N)
    end.
