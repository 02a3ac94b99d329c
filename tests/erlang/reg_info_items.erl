-module(reg_info_items).
-export([main/0, server/0, blocked/1]).

%% process_info/2 items whose values are the same on erl and rbeam.
main() ->
    Self = self(),
    P = spawn(?MODULE, server, []),
    sync(P),
    io:format("~p~n", [process_info(P, initial_call)]),
    io:format("~p~n", [process_info(P, current_function)]),
    io:format("~p~n", [process_info(P, status)]),
    io:format("~p~n", [process_info(P, message_queue_len)]),
    io:format("~p~n", [process_info(P, trap_exit)]),
    io:format("~p~n", [process_info(P, dictionary)]),
    io:format("~p~n", [process_info(P, registered_name)]),
    io:format("~p~n", [process_info(P, links)]),
    io:format("~p~n", [process_info(P, monitors)]),
    io:format("~p~n", [process_info(P, monitored_by)]),
    io:format("~p~n", [process_info(P, priority)]),
    %% the process changes; process_info follows
    P ! {put, colour, blue},
    P ! {put, size, 3},
    P ! {trap, true},
    P ! {register, reg_info_server},
    sync(P),
    %% (sorted: the dictionary's order is erts' hash order)
    [Name, Trap, {dictionary, Dict}] = process_info(P, [registered_name, trap_exit, dictionary]),
    io:format("~p~n", [[Name, Trap, {dictionary, lists:sort(Dict)}]]),
    B = spawn(?MODULE, blocked, [Self]),
    receive {blocked, B} -> ok end,
    B ! one, B ! two, B ! {three, [3]},
    sync_queue(B, 3),
    io:format("~p~n", [process_info(B, [message_queue_len, messages])]),
    io:format("~p~n", [process_info(B, current_function)]),
    io:format("~p~n", [process_info(B, initial_call)]),
    io:format("~p~n", [process_info(B, status)]),
    %% the group leader is inherited
    io:format("gl inherited: ~p~n", [process_info(P, group_leader) =:= {group_leader, group_leader()}]),
    %% self
    io:format("~p~n", [process_info(self(), status)]),
    io:format("~p~n", [process_info(self(), current_function)]),
    io:format("~p~n", [process_info(self(), message_queue_len)]),
    %% process_info/1 lists the default items in erl's order
    Keys = [K || {K, _} <- process_info(P)],
    io:format("~p~n", [Keys]),
    io:format("~p~n", [lists:keyfind(registered_name, 1, process_info(P))]),
    exit(P, kill), exit(B, kill),
    io:format("reg_info_items done~n").

server() ->
    receive
        {sync, From} -> From ! {synced, self()}, server();
        {put, K, V} -> put(K, V), server();
        {trap, T} -> process_flag(trap_exit, T), server();
        {register, Name} -> register(Name, self()), server()
    end.

blocked(Parent) ->
    Parent ! {blocked, self()},
    receive never_sent -> ok end.

sync(P) ->
    P ! {sync, self()},
    receive {synced, P} -> ok end.

sync_queue(P, N) ->
    case process_info(P, message_queue_len) of
        {message_queue_len, N} -> ok;
        _ -> timer:sleep(1), sync_queue(P, N)
    end.
