-module(select_tuple_arity).
-export([main/0]).

main() ->
    Ts = [{}, {a}, {a, b}, {a, b, c}, {a, b, c, d}, {a, b, c, d, e}, list_to_tuple(lists:seq(1, 10)),
          list_to_tuple(lists:seq(1, 300)), {x, y}, {point, 1, 2}, {point, 1, 2, 3}, {rgb, 255, 0, 0},
          notatuple, [a, b]],
    io:format("~p~n", [[arity(T) || T <- Ts]]),
    io:format("~p~n", [[tagged(T) || T <- Ts]]),
    io:format("~p~n", [[eval(E) || E <- [{num, 5}, {add, {num, 1}, {num, 2}}, {neg, {num, 3}},
                                         {mul, {add, {num, 1}, {num, 2}}, {num, 4}}, {if_zero, {num, 0}, {num, 10}, {num, 20}}]]]),
    io:format("select_tuple_arity done~n").

arity({}) -> 0;
arity({_}) -> 1;
arity({_, _}) -> 2;
arity({_, _, _}) -> 3;
arity({_, _, _, _}) -> 4;
arity({_, _, _, _, _}) -> 5;
arity(T) when is_tuple(T) -> {many, tuple_size(T)};
arity(_) -> not_tuple.

tagged({point, X, Y}) -> {p2, X + Y};
tagged({point, X, Y, Z}) -> {p3, X + Y + Z};
tagged({rgb, R, G, B}) -> {color, R + G + B};
tagged({x, _}) -> x_pair;
tagged({a, _, _}) -> a_triple;
tagged(_) -> untagged.

eval({num, N}) -> N;
eval({add, A, B}) -> eval(A) + eval(B);
eval({mul, A, B}) -> eval(A) * eval(B);
eval({neg, A}) -> -eval(A);
eval({if_zero, C, T, E}) -> case eval(C) of 0 -> eval(T); _ -> eval(E) end.
