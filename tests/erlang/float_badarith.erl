-module(float_badarith).
-export([main/0]).

main() ->
    Cases = [{div_zero_int, fun() -> id(1) / id(0) end},
             {div_zero_float, fun() -> id(1.0) / id(0.0) end},
             {div_negzero, fun() -> id(1.0) / id(-0.0) end},
             {zero_div_zero, fun() -> id(0.0) / id(0.0) end},
             {overflow_mul, fun() -> id(1.0e300) * id(1.0e300) end},
             {overflow_add, fun() -> id(1.7976931348623157e308) + id(1.0e300) end},
             {overflow_pow, fun() -> math:pow(id(10.0), id(309)) end},
             {overflow_exp, fun() -> math:exp(id(1000)) end},
             {float_of_huge, fun() -> float(id(1 bsl 1100)) end},
             {huge_plus_float, fun() -> id(1 bsl 1100) + id(1.0) end},
             {huge_cmp_float, fun() -> id(1 bsl 1100) > id(1.0e308) end},
             {underflow, fun() -> id(1.0e-300) * id(1.0e-300) end},
             {int_div_float, fun() -> id(1.5) div id(1) end},
             {rem_float, fun() -> id(4.0) rem id(2) end},
             {band_float, fun() -> id(1.0) band id(1) end},
             {trunc_atom, fun() -> trunc(id(a)) end},
             {round_list, fun() -> round(id("1.5")) end},
             {neg_atom, fun() -> -id(a) end},
             {float_to_list_int, fun() -> float_to_list(id(1)) end}],
    lists:foreach(fun({N, F}) -> io:format("~p: ~p~n", [N, t(F)]) end, Cases),
    io:format("float_badarith done~n").

id(X) -> X.

t(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:E -> {C, E}
    end.
