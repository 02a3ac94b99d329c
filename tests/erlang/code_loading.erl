-module(code_loading).
-export([main/0]).

main() ->
    io:format("~p~n", [code:ensure_loaded(lists)]),
    io:format("~p~n", [erlang:function_exported(lists, reverse, 1)]),
    io:format("~p~n", [erlang:function_exported(lists, reverse, 7)]),
    io:format("~p~n", [erlang:function_exported(lists, not_there, 0)]),
    io:format("~p~n", [erlang:function_exported(erlang, abs, 1)]),
    io:format("~p~n", [code:ensure_loaded(calendar)]),
    io:format("~p~n", [erlang:function_exported(calendar, is_leap_year, 1)]),
    io:format("~p~n", [apply(calendar, is_leap_year, [2024])]),
    M = base64,
    io:format("~p~n", [M:encode(<<"on demand">>)]),
    io:format("~p~n", [code:ensure_loaded(no_such_module_at_all)]),
    io:format("~p~n", [code:is_loaded(no_such_module_at_all)]),
    io:format("~p~n", [element(1, code:is_loaded(lists))]),
    io:format("~p~n", [erlang:module_loaded(lists)]),
    io:format("~p~n", [erlang:module_loaded(no_such_module_at_all)]),
    io:format("~p~n", [code:ensure_loaded(?MODULE)]),
    io:format("~p~n", [code:which(no_such_module_at_all)]),
    io:format("~p~n", [filename:basename(code:which(?MODULE))]),
    io:format("~p~n", [try no_such_module_at_all:f() catch error:undef -> undef end]),
    io:format("~p~n", [queue:to_list(queue:from_list([loaded, lazily]))]),
    io:format("~p~n", [gb_sets:to_list(gb_sets:from_list([3, 1, 2]))]),
    io:format("~p~n", [lists:member({encode, 1}, base64:module_info(exports))]),
    io:format("~p~n", [code:get_object_code(no_such_module_at_all)]),
    io:format("~p~n", [is_list(code:get_path())]),
    io:format("code_loading done~n").
