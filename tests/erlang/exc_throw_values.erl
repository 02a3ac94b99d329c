-module(exc_throw_values).
-export([main/0]).

main() ->
    Values = [atom, 42, -1.5, "string", <<"bin">>, {tuple, 1}, [1, [2, [3]]], #{map => true},
              1 bsl 100, [], {}, fun erlang:abs/1],
    lists:foreach(fun(V) ->
                          R = try throw(V) catch throw:T -> T end,
                          io:format("~p~n", [R =:= V])
                  end, Values),
    io:format("~p~n", [find_first(fun(X) -> X > 10 end, [1, 5, 12, 7, 20])]),
    io:format("~p~n", [find_first(fun(X) -> X > 100 end, [1, 5, 12])]),
    io:format("~p~n", [walk_tree({node, {node, leaf, 3, leaf}, 7, {node, {node, leaf, 8, leaf}, 9, leaf}}, 8)]),
    io:format("~p~n", [walk_tree({node, leaf, 1, leaf}, 8)]),
    io:format("~p~n", [validate([{name, "bob"}, {age, 30}])]),
    io:format("~p~n", [validate([{name, "bob"}, {age, -1}])]),
    io:format("~p~n", [validate([{name, 7}, {age, 1}])]),
    io:format("exc_throw_values done~n").

find_first(Pred, L) ->
    try
        lists:foreach(fun(X) -> case Pred(X) of true -> throw({found, X}); false -> ok end end, L),
        not_found
    catch
        throw:{found, X} -> {found, X}
    end.

walk_tree(T, Key) ->
    try walk(T, Key) of
        _ -> absent
    catch
        throw:found -> present
    end.

walk(leaf, _) -> ok;
walk({node, _, K, _}, K) -> throw(found);
walk({node, L, _, R}, K) -> walk(L, K), walk(R, K).

validate(Props) ->
    try
        [check(P) || P <- Props],
        valid
    catch
        throw:{invalid, Field, Why} -> {invalid, Field, Why}
    end.

check({name, N}) when is_list(N) -> ok;
check({name, _}) -> throw({invalid, name, not_a_string});
check({age, A}) when A >= 0 -> ok;
check({age, _}) -> throw({invalid, age, negative}).
