%% Start functions that fail, for the command-line error tests (tests/cli_errors.rs).
-module(crash).
-export([arith/0, bif/0, thrown/0, exited/0, undef/0, ok/0, spawned/0]).

arith() -> io:format("before~n"), 1 + id(foo).
bif() -> element(id(1), id(foo)).
thrown() -> throw(ball).
exited() -> exit(gone).
undef() -> no_such_module:no_such_function(1).
ok() -> io:format("fine~n").
%% A spawned process crashes with a reason long enough for ~p to break lines; the start
%% function itself ends normally.
spawned() ->
    spawn(fun() -> erlang:error({deliberate, lists:seq(1, 30), #{key => [<<"value">>, 3.5]}}) end),
    receive after 200 -> io:format("after~n") end.

id(X) -> X.
