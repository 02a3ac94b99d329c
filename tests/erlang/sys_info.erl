-module(sys_info).
-export([main/0]).

main() ->
    io:format("~p~n", [erlang:system_info(otp_release)]),
    io:format("~p~n", [erlang:system_info(wordsize)]),
    io:format("~p~n", [erlang:system_info({wordsize, external})]),
    io:format("~p~n", [is_integer(erlang:system_info(wordsize)) andalso erlang:system_info(wordsize) >= 4]),
    io:format("~p~n", [node()]),
    io:format("~p~n", [is_alive()]),
    io:format("~p~n", [nodes()]),
    io:format("~p~n", [erlang:is_process_alive(whereis(init))]),
    io:format("~p~n", [is_pid(group_leader())]),
    io:format("~p~n", [is_list(erlang:system_info(version))]),
    io:format("~p~n", [erlang:system_info(machine)]),
    io:format("~p~n", [is_integer(erlang:system_info(atom_limit))]),
    io:format("~p~n", [erlang:system_info(atom_count) > 1000]),
    io:format("~p~n", [erlang:system_info(process_count) > 0]),
    io:format("~p~n", [erlang:get_cookie()]),
    io:format("sys_info done~n").
