-module(exc_error_reasons).
-export([main/0]).

main() ->
    Cases = [{badarg, fun() -> atom_to_list(id(1)) end},
             {badarg2, fun() -> element(id(0), {a}) end},
             {badarg3, fun() -> list_to_integer(id("1x")) end},
             {badarith, fun() -> id(1) + id(a) end},
             {badarith2, fun() -> id(1) div id(0) end},
             {badarith3, fun() -> id(5) rem id(0) end},
             {badarith4, fun() -> id(1.0) / id(0) end},
             {badarith5, fun() -> -id(x) end},
             {badmatch, fun() -> {a, _} = id({b, c}) end},
             {badmatch2, fun() -> [_] = id([1, 2]) end},
             {function_clause, fun() -> only_one(id(2)) end},
             {case_clause, fun() -> case id(7) of 1 -> one end end},
             {case_clause2, fun() -> case id({x, y}) of {y, _} -> one end end},
             {if_clause, fun() -> if_test(id(3)) end},
             {try_clause, fun() -> try id(bad) of good -> ok catch _:_ -> caught end end},
             {undef, fun() -> (id(nomod)):f() end},
             {badkey, fun() -> maps:get(id(k), #{}) end},
             {badkey2, fun() -> (id(#{a => 1}))#{b := 2} end},
             {badmap, fun() -> maps:get(a, id(notmap)) end},
             {badmap2, fun() -> (id(notmap))#{a => 1} end},
             {badfun, fun() -> (id(3))() end},
             {bsl_limit, fun() -> id(1) bsl id(1 bsl 40) end},
             {hd_nil, fun() -> hd(id([])) end},
             {tl_atom, fun() -> tl(id(a)) end},
             {length_improper, fun() -> length(id([a | b])) end},
             {tuple_size_list, fun() -> tuple_size(id([])) end},
             {float_bad, fun() -> float(id("1.0")) end}],
    lists:foreach(fun({Name, F}) ->
                          R = try F() of V -> {no_error, V} catch C:E -> {C, E} end,
                          io:format("~p: ~p~n", [Name, R])
                  end, Cases),
    io:format("exc_error_reasons done~n").

id(X) -> X.

only_one(1) -> one.

if_test(X) ->
    if X > 5 -> big;
       X < 0 -> negative
    end.
