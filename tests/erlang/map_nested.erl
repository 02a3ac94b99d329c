-module(map_nested).
-export([main/0]).

main() ->
    Db = #{users => #{1 => #{name => "ann", tags => [a]}, 2 => #{name => "bob", tags => []}},
           count => 2},
    Db2 = add_tag(1, b, Db),
    Db3 = add_tag(2, c, Db2),
    io:format("~p~n", [Db3]),
    io:format("~p~n", [get_in([users, 1, name], Db3)]),
    io:format("~p~n", [get_in([users, 3, name], Db3)]),
    Db4 = put_in([users, 3, name], "cy", Db3),
    io:format("~p~n", [get_in([users, 3], Db4)]),
    io:format("~p~n", [put_in([a, b, c, d], deep, #{})]),
    Counts = lists:foldl(fun(W, Acc) -> maps:update_with(W, fun(C) -> C + 1 end, 1, Acc) end, #{},
                         string:lexemes("the cat and the dog and the bird", " ")),
    io:format("~p~n", [Counts]),
    Inverted = maps:fold(fun(K, V, Acc) -> maps:update_with(V, fun(L) -> lists:sort([K | L]) end, [K], Acc) end, #{}, Counts),
    io:format("~p~n", [Inverted]),
    Tree = build_tree([5, 3, 8, 1, 4, 9]),
    io:format("~p~n", [Tree]),
    io:format("~p~n", [in_order(Tree)]),
    io:format("map_nested done~n").

add_tag(Id, Tag, #{users := Users} = Db) ->
    #{Id := #{tags := Tags} = User} = Users,
    Db#{users := Users#{Id := User#{tags := [Tag | Tags]}}}.

get_in([], V) -> V;
get_in([K | Ks], M) ->
    case M of
        #{K := V} -> get_in(Ks, V);
        _ -> undefined
    end.

put_in([K], V, M) -> M#{K => V};
put_in([K | Ks], V, M) -> M#{K => put_in(Ks, V, maps:get(K, M, #{}))}.

build_tree(L) -> lists:foldl(fun insert/2, nil, L).
insert(V, nil) -> #{v => V, l => nil, r => nil};
insert(V, #{v := X, l := L} = N) when V < X -> N#{l := insert(V, L)};
insert(V, #{r := R} = N) -> N#{r := insert(V, R)}.

in_order(nil) -> [];
in_order(#{v := V, l := L, r := R}) -> in_order(L) ++ [V] ++ in_order(R).
