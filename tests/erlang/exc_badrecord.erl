-module(exc_badrecord).
-export([main/0]).
-record(user, {name, age = 0}).
-record(group, {id, members = []}).

main() ->
    U = #user{name = "ann"},
    G = #group{id = 1},
    io:format("~p~n", [t(fun() -> (id(U))#user.age end)]),
    io:format("~p~n", [t(fun() -> (id(G))#user.age end)]),
    io:format("~p~n", [t(fun() -> (id(G))#user{age = 5} end)]),
    io:format("~p~n", [t(fun() -> (id({user, "x"}))#user.name end)]),
    io:format("~p~n", [t(fun() -> (id(not_a_record))#user.name end)]),
    io:format("~p~n", [t(fun() -> (id(U))#user{age = 30} end)]),
    io:format("~p~n", [t(fun() -> age_of(id(G)) end)]),
    io:format("~p~n", [t(fun() -> age_of(id(U)) end)]),
    io:format("~p~n", [[is_record(X, user) || X <- [U, G, {user, 1, 2}, {user, 1}, user]]]),
    io:format("~p~n", [[is_record(X, user, 3) || X <- [U, G, {user, 1, 2}]]]),
    io:format("exc_badrecord done~n").

id(X) -> X.

age_of(#user{age = A}) -> A.

t(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:E -> {C, E}
    end.
