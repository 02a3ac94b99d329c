-module(rec_defaults).
-export([main/0]).

-record(empty, {}).
-record(config, {host = "localhost", port = 8080, opts = [], debug = false, timeout = 5000 * 2, name}).
-record(computed, {list = lists:seq(1, 3), tuple = {a, b}, neg = -1, map = #{k => v}}).

main() ->
    io:format("~p~n", [#empty{}]),
    io:format("~p~n", [#config{}]),
    io:format("~p~n", [#config{port = 443, name = web}]),
    io:format("~p~n", [#computed{}]),
    io:format("~p~n", [#config{_ = x}]),
    io:format("~p~n", [#config{port = 1, _ = undefined}]),
    C = #config{},
    io:format("~p~n", [{C#config.host, C#config.port, C#config.timeout, C#config.name}]),
    io:format("~p~n", [record_info(fields, config)]),
    io:format("~p~n", [record_info(size, config)]),
    io:format("~p~n", [{record_info(fields, empty), record_info(size, empty)}]),
    io:format("~p~n", [#config.port]),
    io:format("~p~n", [element(#config.host, C)]),
    io:format("~p~n", [is_record(C, config)]),
    io:format("~p~n", [tuple_size(C)]),
    io:format("rec_defaults done~n").
