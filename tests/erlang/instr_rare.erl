-module(instr_rare).
-export([main/0]).

%% Instructions the other programs happen not to reach: is_ne (`/=` in a guard), fsub
%% (float subtraction the compiler knows is on floats), and skipping UTF-16/UTF-32 code points
%% in a binary match.
main() ->
    io:format("~p~n", [[ne(A, B) || {A, B} <- [{1, 1}, {1, 1.0}, {1, 2}, {a, "a"}]]]),
    io:format("~p~n", [[fdiff(X, Y) || {X, Y} <- [{3.5, 1.25}, {0.0, -0.0}, {1.0e10, 1.0}]]]),
    U16 = unicode:characters_to_binary("añ€𝄞", unicode, utf16),
    U32 = unicode:characters_to_binary("añ€𝄞", unicode, utf32),
    io:format("~p ~p~n", [skip16(U16, 0), skip32(U32, 0)]),
    io:format("~p~n", [[reason(catch skip16(<<16#DC00:16>>, 0)), reason(catch skip32(<<16#110000:32>>, 0))]]),
    io:format("instr_rare done~n").

ne(A, B) when A /= B, is_integer(A) -> different;
ne(_, _) -> same.

reason({'EXIT', {Reason, [{M, F, Args, _} | _]}}) -> {Reason, M, F, Args}.

fdiff(X, Y) when is_float(X), is_float(Y) -> X - Y.

skip16(<<_/utf16, Rest/binary>>, N) -> skip16(Rest, N + 1);
skip16(<<>>, N) -> N.

skip32(<<_/utf32, Rest/binary>>, N) -> skip32(Rest, N + 1);
skip32(<<>>, N) -> N.
