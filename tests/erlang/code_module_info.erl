-module(code_module_info).
-export([main/0, visible/1, visible/2]).
-author("tester").
-custom_attr({some, value}).
-custom_attr([another]).

main() ->
    io:format("~p~n", [lists:sort(?MODULE:module_info(exports))]),
    io:format("~p~n", [lists:sort(module_info(exports))]),
    io:format("~p~n", [?MODULE:module_info(module)]),
    Attrs = ?MODULE:module_info(attributes),
    io:format("~p~n", [lists:keymember(vsn, 1, Attrs)]),
    io:format("~p~n", [proplists:get_value(author, Attrs)]),
    io:format("~p~n", [proplists:get_all_values(custom_attr, Attrs)]),
    io:format("~p~n", [lists:sort([K || {K, _} <- Attrs])]),
    Fns = ?MODULE:module_info(functions),
    io:format("~p~n", [lists:sort([FA || {F, _} = FA <- Fns, hd(atom_to_list(F)) =/= $-])]),
    io:format("~p~n", [lists:member({hidden, 0}, Fns)]),
    Compile = ?MODULE:module_info(compile),
    io:format("~p~n", [is_list(Compile)]),
    io:format("~p~n", [lists:sort(lists:usort([K || {K, _} <- ?MODULE:module_info()]))]),
    io:format("~p~n", [hidden()]),
    io:format("~p~n", [lists:sort(lists:module_info(exports)) =:= lists:sort(lists:module_info(exports))]),
    io:format("~p~n", [lists:member({reverse, 1}, lists:module_info(exports))]),
    io:format("~p~n", [lists:module_info(module)]),
    io:format("~p~n", [try ?MODULE:module_info(bogus) catch error:E -> E end]),
    io:format("code_module_info done~n").

visible(X) -> X.
visible(X, Y) -> {X, Y}.
hidden() -> hidden.
