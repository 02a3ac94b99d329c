-module(exc_stacktrace).
-export([main/0, ext_entry/1]).

main() ->
    show(fun() -> a(1) end),
    show(fun() -> a(2) end),
    show(fun() -> a(3) end),
    show(fun() -> ?MODULE:ext_entry(x) end),
    show(fun() -> bif_fail({a, b}) end),
    show(fun() -> deep(5) end),
    show(fun() -> fc(wrong) end),
    show(fun() -> lists:map(fun divide/1, [1, 0]) end),
    show(fun() -> throw_it() end),
    show(fun() -> a(4) end),
    io:format("~p~n", [catch_stack()]),
    io:format("exc_stacktrace done~n").

show(F) ->
    try F() of
        V -> io:format("value ~p~n", [V])
    catch
        Class:Reason:Stack ->
            Own = [{Fn, arity(A), proplists:get_value(line, Loc)} || {M, Fn, A, Loc} <- Stack, M =:= ?MODULE],
            io:format("~p:~p~n  ~p~n", [Class, Reason, Own])
    end.

arity(A) when is_list(A) -> {args, A};
arity(A) -> A.

a(N) -> R = b(N), {a, R}.
b(N) -> R = c(N), {b, R}.
c(1) -> error(in_c);
c(2) -> R = 1 + id(foo), R;
c(3) -> {ok, V} = id({error, nope}), V;
c(_) -> fine.

id(X) -> X.

ext_entry(X) ->
    Y = [X | middle(X)],
    Y.

middle(X) ->
    Z = {X, last(X)},
    [Z].

last(X) when X =:= x -> erlang:error(last_error, [X]);
last(X) -> X.

bif_fail(T) ->
    V = element(5, T),
    {V}.

deep(0) -> exit(bottom);
deep(N) when N > 100 -> [];
deep(N) -> [N | deep(N - 1)].

fc(right) -> ok.

divide(X) ->
    R = 10 div X,
    R.

throw_it() ->
    L = [maybe_throw(id(true)) | []],
    L.

maybe_throw(true) -> throw(thrown);
maybe_throw(false) -> no.

catch_stack() ->
    {'EXIT', {R, St}} = (catch a(1)),
    {R, [{F, A} || {M, F, A, _} <- St, M =:= ?MODULE]}.
