-module(guard_bifs).
-export([main/0]).

main() ->
    io:format("~p~n", [[shape(T) || T <- [{}, {a}, {a, b}, {a, b, c}, [1, 2, 3], [1], <<1, 2>>, #{a => 1, b => 2}]]]),
    io:format("~p~n", [[first_is_ok(T) || T <- [{ok, 1}, {error, 1}, {}, ok]]]),
    io:format("~p~n", [[head_big(L) || L <- [[100, 1], [1, 100], []]]]),
    io:format("~p~n", [[abs_guard(X) || X <- [-5, 5, -50]]]),
    io:format("~p~n", [[trunc_guard(X) || X <- [1.2, 3.9, 5]]]),
    io:format("~p~n", [[map_guard(M) || M <- [#{key => 1}, #{key => 10}, #{}, #{a => 1, b => 2, c => 3}]]]),
    io:format("~p~n", [[bin_guard(B) || B <- [<<>>, <<1, 2, 3>>, <<1:4>>, <<"hello">>]]]),
    io:format("~p~n", [[arith_guard(X) || X <- [4, 9, 10, 15]]]),
    io:format("~p~n", [[node_guard(X) || X <- [self(), other]]]),
    io:format("~p~n", [[float_guard(X) || X <- [1, 2.0, 3]]]),
    io:format("~p~n", [[bitwise_guard(X) || X <- [1, 2, 3, 8]]]),
    io:format("~p~n", [[range_guard(X) || X <- [1, 5, 10]]]),
    io:format("~p~n", [[fun_guard(F) || F <- [fun(_) -> ok end, fun() -> ok end, notfun]]]),
    io:format("~p~n", [[record_guard(R) || R <- [{pt, 1, 2}, {pt, 1}, {other, 1, 2}]]]),
    io:format("guard_bifs done~n").

shape(T) when tuple_size(T) =:= 0 -> empty_tuple;
shape(T) when is_tuple(T), tuple_size(T) < 3 -> small_tuple;
shape(T) when is_tuple(T) -> big_tuple;
shape(L) when length(L) > 2 -> long_list;
shape(L) when is_list(L) -> short_list;
shape(B) when byte_size(B) =:= 2 -> two_bytes;
shape(M) when map_size(M) > 1 -> big_map.

first_is_ok(T) when element(1, T) =:= ok -> yes;
first_is_ok(_) -> no.

head_big(L) when hd(L) > 50 -> big_head;
head_big(L) when tl(L) =:= [100] -> big_second;
head_big(_) -> other.

abs_guard(X) when abs(X) < 10 -> small;
abs_guard(_) -> large.

trunc_guard(X) when trunc(X) =:= 3 -> three;
trunc_guard(X) when round(X) =:= 1 -> one;
trunc_guard(_) -> other.

map_guard(M) when is_map_key(key, M), map_get(key, M) > 5 -> big_key;
map_guard(M) when is_map_key(key, M) -> small_key;
map_guard(M) when map_size(M) =:= 0 -> empty;
map_guard(_) -> no_key.

bin_guard(B) when bit_size(B) =:= 4 -> nibble;
bin_guard(B) when byte_size(B) > 3, binary_part(B, 0, 2) =:= <<"he">> -> he_prefix;
bin_guard(B) when size(B) =:= 0 -> empty;
bin_guard(_) -> other.

arith_guard(X) when X * X > 100 -> square_big;
arith_guard(X) when X rem 3 =:= 0, X div 3 > 2 -> div3;
arith_guard(X) when X - 1 =:= 3 -> four;
arith_guard(_) -> other.

node_guard(X) when is_pid(X), node(X) =:= node() -> local_pid;
node_guard(_) -> not_pid.

float_guard(X) when float(X) =:= 2.0 -> two;
float_guard(X) when is_float(X) -> float;
float_guard(_) -> int.

bitwise_guard(X) when X band 1 =:= 1, X bsr 1 =:= 1 -> three;
bitwise_guard(X) when X band 1 =:= 1 -> odd;
bitwise_guard(X) when X bsl 2 > 20 -> big_even;
bitwise_guard(_) -> even.

range_guard(X) when X >= 5, X =< 7 -> between;
range_guard(_) -> outside.

fun_guard(F) when is_function(F, 1) -> arity1;
fun_guard(F) when is_function(F) -> other_fun;
fun_guard(_) -> not_fun.

record_guard(R) when is_record(R, pt, 3) -> pt;
record_guard(_) -> not_pt.
