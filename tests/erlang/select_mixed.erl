-module(select_mixed).
-export([main/0]).

main() ->
    Vals = [[], [a], [a, b], "abc", <<>>, <<"abc">>, <<1, 2, 3, 4>>, {}, #{}, #{k => 1}, 0, a, 1.0, [1 | 2], {[], []}],
    io:format("~p~n", [[classify(V) || V <- Vals]]),
    io:format("~p~n", [[cmd(S) || S <- ["get", "set", "del", "getx", "", "GET"]]]),
    io:format("~p~n", [[bin_cmd(B) || B <- [<<"get">>, <<"set">>, <<"del">>, <<"other">>]]]),
    io:format("~p~n", [[list_shape(L) || L <- [[], [1], [1, 2], [1, 2, 3], [[1], 2], [a | b]]]]),
    io:format("~p~n", [[msg({T, P}) || {T, P} <- [{info, "x"}, {warn, 3}, {error, {a, b}}, {debug, []}, {info, 5}]]]),
    io:format("select_mixed done~n").

classify([]) -> nil;
classify([_]) -> singleton;
classify([_, _]) -> pair;
classify([$a | _]) -> starts_with_a;
classify(<<>>) -> empty_bin;
classify(<<"abc">>) -> abc_bin;
classify(<<X, _/binary>>) -> {bin_first, X};
classify({}) -> empty_tuple;
classify(M) when map_size(M) =:= 0 -> empty_map;
classify(#{k := V}) -> {k, V};
classify(0) -> zero;
classify(a) -> atom_a;
classify(1.0) -> float_one;
classify([_ | T]) when not is_list(T) -> improper;
classify({[], []}) -> nils.

cmd("get") -> get;
cmd("set") -> set;
cmd("del") -> del;
cmd("get" ++ Rest) -> {get_prefix, Rest};
cmd(_) -> unknown.

bin_cmd(<<"get">>) -> get;
bin_cmd(<<"set">>) -> set;
bin_cmd(<<"del">>) -> del;
bin_cmd(_) -> unknown.

list_shape([]) -> empty;
list_shape([X]) -> {one, X};
list_shape([X, Y]) -> {two, X, Y};
list_shape([[_] | _]) -> nested_head;
list_shape([_ | T]) when is_list(T) -> {many, length(T) + 1};
list_shape(_) -> improper.

msg({info, S}) when is_list(S) -> {info_text, S};
msg({info, _}) -> info_other;
msg({warn, N}) when N > 2 -> loud_warning;
msg({error, {_, _} = E}) -> {error_pair, E};
msg({Level, _}) -> {unhandled, Level}.
