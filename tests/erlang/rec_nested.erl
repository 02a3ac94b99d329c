-module(rec_nested).
-export([main/0]).

-record(address, {street = "", city = "", zip}).
-record(person, {name, age = 0, address = #address{}, tags = []}).
-record(company, {name, ceo = #person{}, staff = []}).

main() ->
    P = #person{name = "Ann", age = 40, address = #address{street = "Main 1", city = "Oslo", zip = 150}},
    io:format("~p~n", [P]),
    io:format("~p~n", [P#person.address#address.city]),
    P2 = P#person{address = (P#person.address)#address{city = "Bergen"}},
    io:format("~p~n", [P2#person.address]),
    C = #company{name = "Acme", ceo = P2, staff = [#person{name = "Bo"}, #person{name = "Cy", age = 22}]},
    io:format("~p~n", [C]),
    io:format("~p~n", [[N || #person{name = N} <- C#company.staff]]),
    io:format("~p~n", [C#company.ceo#person.address#address.zip]),
    #company{ceo = #person{address = #address{city = City}}} = C,
    io:format("~p~n", [City]),
    io:format("~p~n", [[older(S) || S <- C#company.staff]]),
    io:format("~p~n", [#person{}]),
    io:format("~p~n", [lists:keysort(#person.age, [P, #person{name = "young", age = 5}, #person{name = "mid", age = 20}])]),
    io:format("~p~n", [lists:keyfind("Cy", #person.name, C#company.staff)]),
    io:format("rec_nested done~n").

older(#person{age = A} = P) -> P#person{age = A + 1}.
