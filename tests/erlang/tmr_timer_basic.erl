-module(tmr_timer_basic).
-export([main/0, work/2]).

%% OTP's timer module, the functions that need no timer server: sleep/1, tc/1,2,3,
%% send_after/2,3 to a pid and cancel/1 of them, the unit helpers and now_diff/2.
main() ->
    T0 = erlang:monotonic_time(millisecond),
    ok = timer:sleep(30),
    io:format("slept 30: ~p~n", [erlang:monotonic_time(millisecond) - T0 >= 30]),
    io:format("sleep 0: ~p~n", [timer:sleep(0)]),
    {Us, V} = timer:tc(fun() -> lists:sum(lists:seq(1, 1000)) end),
    io:format("tc/1: ~p ~p~n", [is_integer(Us) andalso Us >= 0, V]),
    {Us2, V2} = timer:tc(fun(A, B) -> A * B end, [6, 7]),
    io:format("tc/2: ~p ~p~n", [is_integer(Us2), V2]),
    {Us3, V3} = timer:tc(?MODULE, work, [3, 4]),
    io:format("tc/3: ~p ~p~n", [is_integer(Us3), V3]),
    {Slow, _} = timer:tc(timer, sleep, [20]),
    io:format("tc measures a sleep: ~p~n", [Slow >= 20000]),
    {ok, R} = timer:send_after(10, hello),
    receive hello -> io:format("send_after/2: ok~n") end,
    io:format("ref shape: ~p~n", [element(1, R)]),
    Self = self(),
    P = spawn(fun() -> receive X -> Self ! {p, X} end end),
    {ok, _} = timer:send_after(10, P, relayed),
    receive {p, X} -> io:format("send_after/3: ~p~n", [X]) end,
    {ok, RC} = timer:send_after(1000, never),
    io:format("cancel: ~p~n", [timer:cancel(RC)]),
    io:format("quiet: ~p~n", [receive M -> M after 20 -> none end]),
    io:format("units: ~p~n", [[timer:hms(1, 2, 3), timer:hours(2), timer:minutes(3),
                               timer:seconds(4), timer:hours(0.5)]]),
    io:format("now_diff: ~p~n", [timer:now_diff({1, 2, 3}, {0, 1, 2})]),
    io:format("errors: ~p~n", [[try F() catch C:E -> {C, E} end
                                || F <- [fun() -> timer:sleep(-1) end,
                                         fun() -> timer:send_after(-1, x) end,
                                         fun() -> timer:cancel(bogus) end]]]),
    io:format("tmr_timer_basic done~n").

work(A, B) -> A + B.
