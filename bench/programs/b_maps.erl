-module(b_maps).
-export([run/1, default_n/0, quick_n/0]).

%% Maps of 1000 integer keys (HAMT-sized, far above the 32-key flatmap limit), repeated N
%% times: building with maps:put, updating every key with M#{K := V}, reading with maps:get
%% and with #{K := V} patterns, then maps:fold to a checksum. Stresses hashing, HAMT node
%% copying on update and map lookups. run(N) returns {N, checksum}.

-define(KEYS, 1000).

default_n() -> 370.
quick_n() -> 10.

run(N) -> loop(N, 0, N).

loop(0, Acc, N) -> {N, Acc};
loop(I, Acc, N) ->
    M0 = build(?KEYS, I, #{}),
    M1 = update(?KEYS, M0),
    S1 = get_sum(?KEYS, M1, 0),
    S2 = match_sum(?KEYS, M1, 0),
    S3 = maps:fold(fun(K, V, A) -> (A + K * 3 + V) rem 1000003 end, 0, M1),
    loop(I - 1, (Acc + S1 + S2 + S3 + map_size(M1)) rem 1000003, N).

build(0, _I, M) -> M;
build(K, I, M) -> build(K - 1, I, maps:put(K * 7919, K + I, M)).

update(0, M) -> M;
update(K, M) ->
    Key = K * 7919,
    #{Key := V} = M,
    update(K - 1, M#{Key := V * 2 + 1}).

get_sum(0, _M, Acc) -> Acc;
get_sum(K, M, Acc) -> get_sum(K - 1, M, Acc + maps:get(K * 7919, M)).

match_sum(0, _M, Acc) -> Acc;
match_sum(K, M, Acc) ->
    Key = K * 7919,
    case M of
        #{Key := V} when V > 0 -> match_sum(K - 1, M, Acc + V);
        #{} -> match_sum(K - 1, M, Acc)
    end.
