-module(select_integers).
-export([main/0]).

main() ->
    io:format("~p~n", [[dense(N) || N <- lists:seq(-2, 12)]]),
    io:format("~p~n", [[sparse(N) || N <- [0, 1, 10, 100, 1000, 10000, 65535, 65536, 1 bsl 40, -1, -1000, 7]]]),
    io:format("~p~n", [[big_keys(N) || N <- [1 bsl 64, -(1 bsl 64), 1 bsl 100, 576460752303423488, 5]]]),
    io:format("~p~n", [[http(C) || C <- [200, 201, 204, 301, 302, 304, 400, 401, 403, 404, 500, 502, 503, 999]]]),
    io:format("~p~n", [[case N of 1 -> a; 2 -> b; 3 -> c end || N <- [3, 2, 1]]]),
    io:format("~p~n", [[mixed(X) || X <- [1, 1.0, 2, 2.0, a, "1"]]]),
    io:format("~p~n", [[roman(N) || N <- [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]]]),
    io:format("select_integers done~n").

dense(0) -> zero; dense(1) -> one; dense(2) -> two; dense(3) -> three; dense(4) -> four;
dense(5) -> five; dense(6) -> six; dense(7) -> seven; dense(8) -> eight; dense(9) -> nine;
dense(10) -> ten; dense(_) -> out_of_range.

sparse(0) -> a; sparse(10) -> b; sparse(1000) -> c; sparse(65535) -> d; sparse(1 bsl 40) -> e;
sparse(-1) -> f; sparse(-1000) -> g; sparse(7) -> h; sparse(_) -> none.

big_keys(18446744073709551616) -> two_pow_64;
big_keys(-18446744073709551616) -> neg_two_pow_64;
big_keys(1267650600228229401496703205376) -> two_pow_100;
big_keys(576460752303423488) -> two_pow_59;
big_keys(_) -> small.

http(C) ->
    case C of
        200 -> ok; 201 -> created; 204 -> no_content;
        301 -> moved; 302 -> found; 304 -> not_modified;
        400 -> bad_request; 401 -> unauthorized; 403 -> forbidden; 404 -> not_found;
        500 -> server_error; 502 -> bad_gateway; 503 -> unavailable;
        _ when C >= 100, C < 600 -> {other, C div 100};
        _ -> invalid
    end.

mixed(1) -> int1;
mixed(1.0) -> float1;
mixed(2.0) -> float2;
mixed(2) -> int2;
mixed(_) -> other.

roman(0) -> "";
roman(N) when N >= 1000 -> "M" ++ roman(N - 1000);
roman(N) when N >= 900 -> "CM" ++ roman(N - 900);
roman(N) when N >= 500 -> "D" ++ roman(N - 500);
roman(N) when N >= 400 -> "CD" ++ roman(N - 400);
roman(N) when N >= 100 -> "C" ++ roman(N - 100);
roman(N) when N >= 90 -> "XC" ++ roman(N - 90);
roman(N) when N >= 50 -> "L" ++ roman(N - 50);
roman(N) when N >= 40 -> "XL" ++ roman(N - 40);
roman(N) when N >= 10 -> "X" ++ roman(N - 10);
roman(9) -> "IX";
roman(N) when N >= 5 -> "V" ++ roman(N - 5);
roman(4) -> "IV";
roman(N) -> "I" ++ roman(N - 1).
