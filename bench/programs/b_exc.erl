-module(b_exc).
-export([run/1, default_n/0, quick_n/0]).

%% Exceptions, repeated N times: throw/error/exit raised a few frames deep and caught by
%% class, a BIF error (badarith), erlang:raise/3 re-raising with the caught stack trace,
%% catching with `C:R:St` (building the trace), old-style catch, and nested try/after whose
%% after clauses count themselves in the process dictionary. Stresses the exception
%% machinery: handler search, stack unwinding and stack-trace construction.
%% run(N) returns {N, checksum, after-clause count}.

default_n() -> 136000.
quick_n() -> 3500.

run(N) ->
    put(b_exc_after, 0),
    Sum = loop(N, 0),
    {N, Sum, erase(b_exc_after)}.

loop(0, Acc) -> Acc;
loop(I, Acc) ->
    loop(I - 1, (Acc + one(I)) rem 1000003).

one(I) ->
    A = class_score(fun() -> deep(5, I rem 4, I) end),
    B = try reraise(I) catch error:{again, V}:St -> V + trace_score(St) end,
    C = nested(I),
    D = case catch deep(3, (I + 1) rem 4, I) of
            {thr, X} -> X + 9;
            {'EXIT', {{err, X}, [_ | _]}} -> X;
            {'EXIT', {ex, X}} -> X + 5;
            {'EXIT', {badarith, [_ | _]}} -> 7
        end,
    A + B + C + D.

class_score(F) ->
    try F() of
        V -> V
    catch
        throw:{thr, V}:St -> V + 1 + trace_score(St);
        error:{err, V}:St -> V + 2 + trace_score(St);
        exit:{ex, V}:St -> V + 3 + trace_score(St);
        error:badarith:St -> 4 + trace_score(St)
    end.

%% Only what every engine must agree on: a trace is a non-empty list whose top frame is a
%% 4-tuple naming a module.
trace_score([{M, _F, _A, _Loc} | _]) when is_atom(M) -> 10;
trace_score(_) -> 0.

deep(0, 0, I) -> throw({thr, I rem 100});
deep(0, 1, I) -> erlang:error({err, I rem 100});
deep(0, 2, I) -> exit({ex, I rem 100});
deep(0, 3, I) -> I div (I - I);
deep(K, Kind, I) -> 1 + deep(K - 1, Kind, I).

reraise(I) ->
    try
        erlang:error({first, I})
    catch
        error:{first, V}:St -> erlang:raise(error, {again, V rem 50}, St)
    end.

nested(I) ->
    try
        try
            try
                throw(I rem 10)
            after
                bump()
            end
        after
            bump()
        end
    catch
        throw:V ->
            try V * 2 after bump() end
    end.

bump() -> put(b_exc_after, get(b_exc_after) + 1).
