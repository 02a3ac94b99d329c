-module(exc_error_args).
-export([main/0]).

main() ->
    lists:foreach(fun show/1, [e2_list, e2_none, e3_info, f, g, h]),
    io:format("exc_error_args done~n").

run(e2_list) -> erlang:error(my_reason, [a, 1]);
run(e2_none) -> erlang:error(other, none);
run(e3_info) -> erlang:error(badarg, [x], [{error_info, #{module => ?MODULE}}]);
run(f) -> f(1, 2);
run(g) -> g({x});
run(h) -> h(2.5, "s").

f(A, B) -> erlang:error({f_failed, A + B}, [A, B]).

g(X) when is_list(X) -> ok;
g(X) -> erlang:error(function_clause, [X]).

h(X, _) when X =:= never -> ok;
h(X, Y) -> error({h, X, Y}).

show(Name) ->
    try run(Name)
    catch
        error:R:St ->
            [First | _] = [{Fn, A} || {M, Fn, A, _} <- St, M =:= ?MODULE],
            io:format("~p ~p~n", [R, First])
    end.
