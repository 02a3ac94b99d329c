-module(frame_live_vars).
-export([main/0]).

%% Many values live across calls (stack slots), nested frames and try blocks.
main() ->
    io:format("~p~n", [many_live(1)]),
    io:format("~p~n", [nested_frames(5)]),
    io:format("~p~n", [live_across_try(10)]),
    io:format("~p~n", [live_across_receive(3)]),
    io:format("~p~n", [interleaved(lists:seq(1, 10))]),
    io:format("frame_live_vars done~n").

id(X) -> X.

many_live(S) ->
    A = id(S + 1), B = id(A + 1), C = id(B + 1), D = id(C + 1), E = id(D + 1),
    F = id(E + 1), G = id(F + 1), H = id(G + 1), I = id(H + 1), J = id(I + 1),
    K = id(J + 1), L = id(K + 1), M = id(L + 1), N = id(M + 1), O = id(N + 1),
    P = id(O + 1), Q = id(P + 1), R = id(Q + 1), T = id(R + 1), U = id(T + 1),
    V = id({A, B}), W = id([C, D]), X = id(#{e => E}), Y = id(<<F, G>>), Z = id(float(H)),
    Sum = lists:sum([A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, T, U]),
    {Sum, V, W, X, Y, Z, [A, U]}.

nested_frames(0) -> [bottom];
nested_frames(N) ->
    Before = {N, id(N * 2)},
    Mid = nested_frames(N - 1),
    After = id(N * 3),
    [{Before, After} | Mid].

live_across_try(N) ->
    A = id(N), B = id([N, N]), C = id({N}),
    R = try
            D = id(A + 1),
            if D > 5 -> throw({big, D, B}); true -> D end
        catch
            throw:{big, V, L} -> {caught, V, L, C}
        end,
    {A, B, C, R}.

live_across_receive(N) ->
    A = id(N), B = id(lists:seq(1, N)),
    self() ! {msg, A},
    Got = receive {msg, X} -> X end,
    C = id(Got + length(B)),
    {A, B, Got, C}.

interleaved([]) -> [];
interleaved([H | T]) ->
    X = id(H * H),
    Rest = interleaved(T),
    Y = id(X + length(Rest)),
    [{H, X, Y} | Rest].
