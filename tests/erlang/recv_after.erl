-module(recv_after).
-export([main/0]).

main() ->
    io:format("~p~n", [receive x -> x after 0 -> empty end]),
    self() ! y,
    io:format("~p~n", [receive y -> got_y after 0 -> empty end]),
    io:format("~p~n", [receive z -> z after 50 -> timed_out end]),
    Self = self(),
    spawn(fun() -> timer:sleep(20), Self ! late end),
    io:format("~p~n", [receive late -> got_late after 30000 -> too_slow end]),
    Sender = spawn(fun() -> receive go -> Self ! very_late end end),
    io:format("~p~n", [receive very_late -> got_it after 10 -> gave_up end]),
    Sender ! go,
    io:format("~p~n", [receive very_late -> eventually after 30000 -> never end]),
    io:format("~p~n", [receive after 10 -> just_slept end]),
    T = 0,
    io:format("~p~n", [receive never -> never after T -> var_timeout end]),
    io:format("~p~n", [receive never -> never after infinity_or(30) -> computed_timeout end]),
    self() ! keep,
    io:format("~p~n", [receive other -> other after 0 -> not_matched end]),
    io:format("~p~n", [receive keep -> kept_in_mailbox after 0 -> lost end]),
    erlang:send_after(30, self(), timer_msg),
    io:format("~p~n", [receive timer_msg -> from_send_after after 30000 -> no_timer end]),
    Ref = erlang:start_timer(20, self(), payload),
    io:format("~p~n", [receive {timeout, Ref, payload} -> start_timer_fired after 30000 -> no_timer end]),
    TRef = erlang:send_after(10000, self(), cancelled_msg),
    io:format("~p~n", [is_integer(erlang:cancel_timer(TRef))]),
    io:format("~p~n", [erlang:cancel_timer(TRef)]),
    io:format("~p~n", [receive cancelled_msg -> arrived after 50 -> not_arrived end]),
    io:format("~p~n", [timer:sleep(1)]),
    io:format("~p~n", [try receive x -> x after -1 -> neg end catch error:E -> E end]),
    io:format("recv_after done~n").

infinity_or(N) -> N.
