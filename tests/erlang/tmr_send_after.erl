-module(tmr_send_after).
-export([main/0]).

%% erlang:send_after/3,4: to a pid, to self, to a registered name, relative and absolute.
main() ->
    Self = self(),
    R = erlang:send_after(10, Self, plain),
    io:format("ref: ~p~n", [is_reference(R)]),
    receive plain -> io:format("plain: ok~n") end,
    %% the message is exactly the term given, with no wrapper
    erlang:send_after(0, Self, {a, [b, c], <<"d">>, #{e => 1}}),
    receive M -> io:format("term: ~p~n", [M]) end,
    %% to another process
    P = spawn(fun() -> receive X -> Self ! {got, X} end end),
    erlang:send_after(5, P, for_p),
    receive {got, X} -> io:format("other process: ~p~n", [X]) end,
    %% to a registered name
    register(tmr_send_after_me, self()),
    erlang:send_after(5, tmr_send_after_me, by_name),
    receive by_name -> io:format("by name: ok~n") end,
    unregister(tmr_send_after_me),
    %% send_after/4 with [] and {abs, false}
    erlang:send_after(5, Self, four_empty, []),
    erlang:send_after(5, Self, four_rel, [{abs, false}]),
    io:format("four: ~p~n", [lists:sort([receive Y -> Y end, receive Z -> Z end])]),
    %% {abs, true}: a monotonic time in milliseconds, possibly already past (but not before
    %% the VM started)
    Now = erlang:monotonic_time(millisecond),
    erlang:send_after(Now + 15, Self, abs_future, [{abs, true}]),
    erlang:send_after(Now - 1, Self, abs_past, [{abs, true}]),
    io:format("abs: ~p~n", [[receive A -> A end, receive B -> B end]]),
    %% a long timer is pending until cancelled
    Long = erlang:send_after(3600000, Self, never),
    io:format("pending: ~p~n", [is_integer(erlang:read_timer(Long))]),
    erlang:cancel_timer(Long),
    %% big timeouts are accepted
    Huge = erlang:send_after(4294967295, Self, never),
    io:format("huge: ~p~n", [is_integer(erlang:cancel_timer(Huge))]),
    %% bad arguments
    Bad = [fun() -> erlang:send_after(-1, Self, x) end,
           fun() -> erlang:send_after(1.0, Self, x) end,
           fun() -> erlang:send_after(10, {name, node()}, x) end,
           fun() -> erlang:send_after(10, 42, x) end,
           fun() -> erlang:send_after(10, Self, x, [{abs, maybe}]) end,
           fun() -> erlang:send_after(10, Self, x, not_a_list) end,
           fun() -> erlang:send_after(Now - 1000000000, Self, x, [{abs, true}]) end,
           fun() -> erlang:send_after(-4294967296 * 1000000000000, Self, x) end],
    io:format("bad: ~p~n", [[try F() catch error:E -> E end || F <- Bad]]),
    io:format("nothing stray: ~p~n", [receive S -> S after 30 -> none end]),
    io:format("tmr_send_after done~n").
