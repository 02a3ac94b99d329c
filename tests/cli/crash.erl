%% Start functions that fail, for the command-line error tests (tests/cli_errors.rs).
-module(crash).
-export([arith/0, bif/0, thrown/0, exited/0, undef/0, ok/0]).

arith() -> io:format("before~n"), 1 + id(foo).
bif() -> element(id(1), id(foo)).
thrown() -> throw(ball).
exited() -> exit(gone).
undef() -> no_such_module:no_such_function(1).
ok() -> io:format("fine~n").

id(X) -> X.
