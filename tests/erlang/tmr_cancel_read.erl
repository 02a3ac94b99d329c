-module(tmr_cancel_read).
-export([main/0]).

%% cancel_timer/1,2 and read_timer/1,2: the time left (an integer of milliseconds) while
%% the timer runs, false once it has fired or been cancelled.
main() ->
    Self = self(),
    R = erlang:send_after(5000, Self, x),
    L1 = erlang:read_timer(R),
    io:format("read: ~p~n", [is_integer(L1) andalso L1 > 4000 andalso L1 =< 5000]),
    timer:sleep(20),
    L2 = erlang:read_timer(R),
    io:format("decreases: ~p~n", [L2 < L1 + 1 andalso L2 =< 4980]),
    L3 = erlang:read_timer(R, []),
    io:format("read/2 []: ~p~n", [is_integer(L3)]),
    C = erlang:cancel_timer(R),
    io:format("cancel: ~p~n", [is_integer(C) andalso C =< L2]),
    io:format("after cancel: ~p ~p ~p~n",
              [erlang:read_timer(R), erlang:cancel_timer(R), erlang:cancel_timer(R, [])]),
    %% a fired timer
    F = erlang:send_after(0, Self, fired),
    receive fired -> ok end,
    io:format("fired: ~p ~p~n", [erlang:read_timer(F), erlang:cancel_timer(F)]),
    %% {info, false}: ok whatever the timer's state
    I = erlang:send_after(5000, Self, y),
    io:format("no info: ~p ~p~n", [erlang:cancel_timer(I, [{info, false}]),
                                   erlang:cancel_timer(I, [{info, false}])]),
    io:format("read with info: ~p~n", [try erlang:read_timer(I, [{info, false}]) catch error:E0 -> E0 end]),
    %% {async, true}: the answer comes as a message
    A = erlang:start_timer(5000, Self, z),
    ok = erlang:read_timer(A, [{async, true}]),
    receive {read_timer, A, RA} -> io:format("async read: ~p~n", [is_integer(RA)]) end,
    ok = erlang:cancel_timer(A, [{async, true}]),
    receive {cancel_timer, A, CA} -> io:format("async cancel: ~p~n", [is_integer(CA)]) end,
    ok = erlang:cancel_timer(A, [{async, true}, {info, true}]),
    receive {cancel_timer, A, CA2} -> io:format("async cancel again: ~p~n", [CA2]) end,
    ok = erlang:cancel_timer(A, [{async, true}, {info, false}]),
    io:format("async no info: ~p~n", [receive Msg -> Msg after 20 -> none end]),
    %% a timer started by another process can be read and cancelled here
    P = spawn(fun() -> Self ! {ref, erlang:send_after(5000, Self, from_p)} end),
    receive {ref, PR} -> ok end,
    io:format("other's timer: ~p~n", [is_integer(erlang:cancel_timer(PR))]),
    wait_dead(P),
    %% references that never named a timer
    io:format("unknown: ~p ~p~n", [erlang:read_timer(make_ref()), erlang:cancel_timer(make_ref())]),
    Bad = [fun() -> erlang:cancel_timer(self()) end,
           fun() -> erlang:read_timer(42) end,
           fun() -> erlang:cancel_timer(make_ref(), [{info, 1}]) end,
           fun() -> erlang:read_timer(make_ref(), [bogus]) end,
           fun() -> erlang:cancel_timer(make_ref(), nolist) end],
    io:format("bad: ~p~n", [[try F2() catch error:E -> E end || F2 <- Bad]]),
    io:format("tmr_cancel_read done~n").

wait_dead(P) ->
    M = monitor(process, P),
    receive {'DOWN', M, process, P, _} -> ok end.
