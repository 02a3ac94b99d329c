%% The canary: its committed expected output (canary.out) deliberately differs from what it
%% prints, so the harness must fail on it. A harness that passes the canary is broken.
-module(canary).
-export([main/0]).

main() ->
    io:format("~p~n", [lists:seq(1, 3)]),
    io:format("canary done~n").
