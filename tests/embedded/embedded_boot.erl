-module(embedded_boot).
-export([main/0]).

%% Runs on the release rbeam with `--no-otp` (scripts/embedded-check.sh): everything here
%% must come from the boot set embedded in the binary. The last line differs from erl's by
%% design: erl names the installed lists.beam, rbeam its embedded copy.
main() ->
    io:format("~p~n", [lists:sort([3, 1, 2, b, a, "x", {t}, 2.5, <<"bin">>])]),
    io:format("~p~n", [string:split("a,b,,c", ",", all)]),
    io:format("~p~n", [string:split(<<"key=value=more">>, "=")]),
    io:format("~s ~w ~.2f ~10.3.0w|~-6s|~n", ["str", {1, [2]}, 3.14159, 42, "ab"]),
    io:format("~p~n", [code:which(lists)]),
    io:format("embedded_boot done~n").
