-module(big_modpow).
-export([main/0]).

%% A toy RSA round trip on bignums.
main() ->
    P = 1000000007, Q = 998244353,
    N = P * Q,
    Phi = (P - 1) * (Q - 1),
    E = 65537,
    D = modinv(E, Phi),
    io:format("~p~n", [{N, Phi, D}]),
    io:format("~p~n", [E * D rem Phi]),
    Msgs = [42, 123456789, N - 1, 1 bsl 50],
    Enc = [powmod(M, E, N) || M <- Msgs],
    io:format("~p~n", [Enc]),
    io:format("~p~n", [[powmod(C, D, N) || C <- Enc] =:= Msgs]),
    BigP = (1 bsl 127) - 1,
    io:format("~p~n", [powmod(3, BigP - 1, BigP)]),
    io:format("~p~n", [[X || X <- [2, 3, 5, 7, 11, 561, 1105, 7919, 1000003], fermat(X)]]),
    io:format("~p~n", [gcd(fact(50), 1 bsl 100)]),
    io:format("~p~n", [lcm(lists:seq(1, 40))]),
    io:format("~p~n", [isqrt(1 bsl 200)]),
    io:format("~p~n", [isqrt((1 bsl 200) - 1)]),
    io:format("big_modpow done~n").

powmod(_, 0, _) -> 1;
powmod(B, E, M) when E rem 2 =:= 0 -> H = powmod(B, E div 2, M), H * H rem M;
powmod(B, E, M) -> B * powmod(B, E - 1, M) rem M.

egcd(A, 0) -> {A, 1, 0};
egcd(A, B) -> {G, X, Y} = egcd(B, A rem B), {G, Y, X - (A div B) * Y}.

modinv(A, M) -> {1, X, _} = egcd(A, M), ((X rem M) + M) rem M.

gcd(A, 0) -> A;
gcd(A, B) -> gcd(B, A rem B).

lcm(L) -> lists:foldl(fun(X, Acc) -> Acc * X div gcd(Acc, X) end, 1, L).

fact(0) -> 1;
fact(N) -> N * fact(N - 1).

fermat(N) -> lists:all(fun(A) -> powmod(A, N - 1, N) =:= 1 end, [A || A <- [2, 3, 5, 7], A < N]).

isqrt(N) -> isqrt(N, N).
isqrt(N, X) ->
    Y = (X + N div X) div 2,
    if Y >= X -> X; true -> isqrt(N, Y) end.
