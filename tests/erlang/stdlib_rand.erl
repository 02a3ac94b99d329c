-module(stdlib_rand).
-export([main/0]).

main() ->
    lists:foreach(fun(Alg) ->
                          _ = rand:seed(Alg, {1, 2, 3}),
                          Ints = [rand:uniform(100) || _ <- lists:seq(1, 10)],
                          Big = [rand:uniform(1 bsl 70) || _ <- lists:seq(1, 2)],
                          Floats = [rand:uniform() || _ <- lists:seq(1, 3)],
                          io:format("~p:~n ~p~n ~p~n ~p~n", [Alg, Ints, Big, Floats])
                  end, [exsss, exro928ss, exrop, exsp, exs1024s]),
    S0 = rand:seed_s(exsss, {42, 42, 42}),
    {V1, S1} = rand:uniform_s(1000, S0),
    {V2, S2} = rand:uniform_s(1000, S1),
    {F3, _} = rand:uniform_s(S2),
    io:format("~p~n", [{V1, V2, F3}]),
    {V1b, _} = rand:uniform_s(1000, S0),
    io:format("~p~n", [V1 =:= V1b]),
    _ = rand:seed(exsss, {1, 2, 3}),
    io:format("~p~n", [[rand:normal() || _ <- lists:seq(1, 3)]]),
    io:format("~p~n", [[rand:uniform_real() || _ <- lists:seq(1, 2)]]),
    io:format("~p~n", [rand:bytes(8)]),
    _ = rand:seed(exsss, {1, 2, 3}),
    Shuffled = [X || {_, X} <- lists:sort([{rand:uniform(), X} || X <- lists:seq(1, 20)])],
    io:format("~p~n", [Shuffled]),
    {_, St} = rand:uniform_s(rand:seed_s(exsss, {7, 8, 9})),
    io:format("~p~n", [element(1, rand:export_seed_s(St))]),
    io:format("~p~n", [element(1, rand:uniform_s(10, rand:seed_s(rand:export_seed_s(St))))]),
    io:format("stdlib_rand done~n").
