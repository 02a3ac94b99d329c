-module(b_float).
-export([run/1, default_n/0, quick_n/0]).

%% Mandelbrot membership over an N x N grid of the square [-2,1] x [-1.5,1.5], at most 50
%% iterations per point: boxed float arithmetic (every intermediate is a heap float on the
%% interpreter), float compares and int-to-float conversion. IEEE double arithmetic makes
%% the count exact on every machine. run(N) returns {N, points inside, total iterations}.

-define(MAXITER, 50).

default_n() -> 390.
quick_n() -> 75.

run(N) -> rows(N - 1, N, 0, 0).

rows(-1, N, In, Iters) -> {N, In, Iters};
rows(Y, N, In, Iters) ->
    Ci = -1.5 + 3.0 * Y / N,
    {In1, Iters1} = cols(N - 1, N, Ci, In, Iters),
    rows(Y - 1, N, In1, Iters1).

cols(-1, _N, _Ci, In, Iters) -> {In, Iters};
cols(X, N, Ci, In, Iters) ->
    Cr = -2.0 + 3.0 * X / N,
    case iter(0.0, 0.0, Cr, Ci, 0) of
        ?MAXITER -> cols(X - 1, N, Ci, In + 1, Iters + ?MAXITER);
        K -> cols(X - 1, N, Ci, In, Iters + K)
    end.

iter(_Zr, _Zi, _Cr, _Ci, ?MAXITER) -> ?MAXITER;
iter(Zr, Zi, Cr, Ci, K) ->
    Zr2 = Zr * Zr,
    Zi2 = Zi * Zi,
    if
        Zr2 + Zi2 > 4.0 -> K;
        true -> iter(Zr2 - Zi2 + Cr, 2.0 * Zr * Zi + Ci, Cr, Ci, K + 1)
    end.
