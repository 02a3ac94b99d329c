-module(map_errors).
-export([main/0]).

main() ->
    M = #{a => 1},
    lists:foreach(fun({Name, F}) -> io:format("~p: ~p~n", [Name, t(F)]) end,
                  [{update_missing, fun() -> (id(M))#{b := 2} end},
                   {update_nonmap, fun() -> (id([1]))#{a := 2} end},
                   {insert_nonmap, fun() -> (id(3))#{a => 2} end},
                   {get_missing, fun() -> maps:get(zz, id(M)) end},
                   {get_nonmap, fun() -> maps:get(a, id({a, 1})) end},
                   {find_nonmap, fun() -> maps:find(a, id(x)) end},
                   {put_nonmap, fun() -> maps:put(a, 1, id(x)) end},
                   {remove_nonmap, fun() -> maps:remove(a, id(x)) end},
                   {keys_nonmap, fun() -> maps:keys(id(x)) end},
                   {merge_nonmap, fun() -> maps:merge(id(M), id(x)) end},
                   {from_list_bad, fun() -> maps:from_list(id([a])) end},
                   {to_list_nonmap, fun() -> maps:to_list(id(x)) end},
                   {map_get_guard, fun() -> map_get(b, id(M)) end},
                   {map_size_bad, fun() -> map_size(id([])) end},
                   {is_map_key_bad, fun() -> is_map_key(a, id(x)) end},
                   {match_missing, fun() -> #{b := _} = id(M) end},
                   {iterator_bad, fun() -> maps:iterator(id(x)) end},
                   {next_bad, fun() -> maps:next(id(x)) end},
                   {fold_bad, fun() -> maps:fold(id(x), 0, M) end},
                   {update_with_missing, fun() -> maps:update_with(q, fun(X) -> X end, id(M)) end}]),
    io:format("map_errors done~n").

id(X) -> X.

t(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:E -> {C, E}
    end.
