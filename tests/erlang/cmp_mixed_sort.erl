-module(cmp_mixed_sort).
-export([main/0]).

main() ->
    Mixed = [{b, 2}, "hello", 42, 3.14, atom, [1, 2], {a, 1}, <<"bin">>, [], -7, #{x => 1}, 'Atom', {}, 1 bsl 65, "he"],
    io:format("~p~n", [lists:sort(Mixed)]),
    io:format("~p~n", [lists:reverse(lists:sort(Mixed))]),
    io:format("~p~n", [lists:max(Mixed)]),
    io:format("~p~n", [lists:min(Mixed)]),
    io:format("~p~n", [lists:usort(Mixed ++ Mixed) =:= lists:sort(Mixed)]),
    io:format("~p~n", [lists:keysort(2, [{x, b}, {y, 1}, {z, "s"}, {w, 1.0}, {v, {t}}])]),
    io:format("~p~n", [lists:sort(fun(X, Y) -> X > Y end, [3, 1.0, 2, 1])]),
    io:format("~p~n", [lists:merge([1, 3, 5], [2, 4, 6])]),
    io:format("~p~n", [lists:umerge([1, 3, 5], [1, 2, 3])]),
    io:format("~p~n", [ordsets:from_list(Mixed)]),
    io:format("cmp_mixed_sort done~n").
