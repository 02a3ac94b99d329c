-module(rec_update_many).
-export([main/0]).

-record(big, {f1 = 1, f2 = 2, f3 = 3, f4 = 4, f5 = 5, f6 = 6, f7 = 7, f8 = 8, f9 = 9, f10 = 10,
              f11 = 11, f12 = 12, f13 = 13, f14 = 14, f15 = 15, f16 = 16, f17 = 17, f18 = 18, f19 = 19, f20 = 20}).

main() ->
    B = #big{},
    io:format("~p~n", [B]),
    B1 = B#big{f1 = a},
    B2 = B#big{f1 = a, f20 = z},
    B3 = B#big{f2 = x, f4 = x, f6 = x, f8 = x, f10 = x, f12 = x, f14 = x, f16 = x, f18 = x, f20 = x},
    B4 = B3#big{f1 = y, f3 = y, f5 = y, f7 = y, f9 = y, f11 = y, f13 = y, f15 = y, f17 = y, f19 = y},
    io:format("~p~n", [B1]),
    io:format("~p~n", [B2]),
    io:format("~p~n", [B3]),
    io:format("~p~n", [B4]),
    io:format("~p~n", [B]),
    Counted = lists:foldl(fun(I, R) -> bump(I rem 3, R) end, B, lists:seq(1, 300)),
    io:format("~p~n", [{Counted#big.f1, Counted#big.f2, Counted#big.f3}]),
    #big{f5 = F5, f15 = F15} = B4,
    io:format("~p~n", [{F5, F15}]),
    io:format("~p~n", [sum_fields(B)]),
    io:format("~p~n", [try (id(B))#big{f1 = (id(B))#big.f2 + 1} catch _:E -> E end]),
    io:format("rec_update_many done~n").

id(X) -> X.

bump(0, R = #big{f1 = V}) -> R#big{f1 = V + 1};
bump(1, R = #big{f2 = V}) -> R#big{f2 = V + 1};
bump(2, R = #big{f3 = V}) -> R#big{f3 = V + 1}.

sum_fields(R) -> lists:sum(tl(tuple_to_list(R))).
