-module(bin_syntax).
-export([main/0]).

main() ->
    B = build(16#1234, <<"tail">>, 3.5),
    io:format("~w~n", [B]),
    io:format("~p~n", [parse(B)]),
    io:format("~w~n", [utf(<<"héllo"/utf8>>)]),
    io:format("~w~n", [[X || <<X:4>> <= <<16#ABCD:16>>]]),
    io:format("~w~n", [<< <<(X*2):8>> || X <- [1,2,3] >>]),
    io:format("~w~n", [bits(<<1:1, 0:2, 5:5, 7:3>>)]),
    io:format("~p~n", [match_string(<<"GET /index.html">>)]),
    io:format("bin_syntax done~n").

build(N, Bin, F) ->
    <<N:16/big, N:16/little, N:32/signed, F:64/float, (byte_size(Bin)):8, Bin/binary, "lit">>.

parse(<<A:16/big, B:16/little, C:32/signed, F:64/float, Len:8, Rest/binary>>) ->
    <<Tail:Len/binary, Lit/binary>> = Rest,
    {A, B, C, F, Tail, Lit}.

utf(<<C/utf8, Rest/binary>>) -> [C | utf(Rest)];
utf(<<>>) -> [].

bits(<<A:1, B:2, C:5, Rest/bitstring>>) -> {A, B, C, Rest, bit_size(Rest)}.

match_string(<<"GET ", Path/binary>>) -> {get, Path};
match_string(<<"POST ", Path/binary>>) -> {post, Path};
match_string(_) -> other.
