-module(io_misc).
-export([main/0]).
-record(pt, {x = 0, y = 0}).

main() ->
    io:format("a~nb~n"),
    io:format("~i~p~n", [skipped, shown]),
    io:format("~n"),
    io:nl(),
    io:nl(standard_io),
    io:format("records print as tuples: ~p~n", [#pt{x = 1}]),
    io:format("~p~n", [[#pt{}, #pt{y = 2}]]),
    io:format("~w~n", [{1, [2, {3, [4]}], <<5>>}]),
    io:format("~p~n", [{'EXIT', {badarg, []}}]),
    io:format("~p~n", [[{a, 1} | improper]]),
    io:format("~p~n", [{[$a, $b], [$a, -1], [$a, 1.0]}]),
    io:format("~p~n", [[[$h, $i], [], [$x | "yz"]]]),
    io:format("~p~n", ["\e[0m\x{7f}"]),
    io:format("~p~n", [[$\s, $\t, $\v, $\f, $\b, $\r, $\n, $\e, $\d]]),
    io:format("~p ~p~n", [-0.0, 0.0]),
    io:format("~w~n", [1.0e-10]),
    io:format("~p~n", [self() =:= self()]),
    io:format("~p~n", [io_lib:format("~p", [{a}]) =:= ["{a}"] orelse io_lib:format("~p", [{a}])]),
    io:format("~s~n", [[<<"mixed ">>, "io", [$l, $i, $s, $t]]]),
    io:format("~ts~n", [<<"binary via ~ts">>]),
    io:format("~p~n", [ok = io:format("")]),
    io:format("~p~n", [io:format("~p~n", [returns_ok])]),
    Long = lists:flatten(lists:duplicate(100, "ab")),
    io:format("~s~n", [Long]),
    io:format("~p~n", [Long]),
    io:format("io_misc done~n").
