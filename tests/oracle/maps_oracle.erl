%% Prints what rbeam's map tests compare with (runtime/tests/maps_oracle.rs): erts' internal
%% hash of assorted terms, and the iteration orders of large maps built several ways. Run by
%% tests/oracle/generate_maps.sh on the host's 64-bit erl and on the 32-bit ARM OTP; the output
%% differs between them (atom indices, negative and large integers hash by their word).
%%
%% Every atom the terms use is created here, fresh, and printed with its atom-table index
%% (and hash) so that the test can give it the same index: erts hashes an atom by its index.
%%
%% Line formats (terms as hex external term format):
%%   atom <Index> <Hash> <Name>
%%   hash <TermHex> <Hash>
%%   case <Name> <InputHex>             a list of {Key, Value} pairs
%%   op <Op>                            a map M built from the input by <Op>:
%%       from_list: maps:from_list(Input)       puts: successive M#{K => V} from #{}
%%       merge: maps:merge(from_list(first half), from_list(second half))
%%       remove: from_list(Input) then maps:remove/2 of every third key
%%       from_keys: maps:from_keys(Keys, v)     update: from_list(Input), every value := x
%%   <Field> <Text> lines follow, the ~w of:
%%       size   map_size(M)        keys   maps:keys(M)
%%   and for from_list only:
%%       tolist maps:to_list(M)    values maps:values(M)    map  M
%%       fold   the keys maps:fold/3 visits                 next the keys maps:next/1 visits
%%       path   the tail of the first maps:next/1 chain (the path of the iterator)
-module(maps_oracle).
-export([main/0]).

main() ->
    erts_debug:set_internal_state(available_internal_state, true),
    Atoms = make_atoms(),
    [io:format("atom ~w ~w ~s~n", [I, hash(A), atom_to_list(A)]) || {I, A} <- Atoms],
    As = [A || {_, A} <- Atoms],
    [io:format("hash ~s ~w~n", [hex(T), hash(T)]) || T <- hash_terms(As)],
    [run_case(Name, Input) || {Name, Input} <- cases(As)],
    ok.

%% Fresh atoms, created back to back so that their indices are consecutive.
make_atoms() ->
    Names = ["mk_" ++ integer_to_list(I) || I <- lists:seq(1, 300)]
        ++ ["Quoted atom", "mk_x@y", "mk_"],
    Before = erlang:system_info(atom_count),
    Atoms = [list_to_atom(N) || N <- Names],
    After = erlang:system_info(atom_count),
    After - Before =:= length(Names) orelse error({atoms_not_fresh, After - Before}),
    lists:zip(lists:seq(Before, After - 1), Atoms).

hash(T) -> erts_debug:get_internal_state({internal_hash, T}).

hex(T) -> [io_lib:format("~2.16.0b", [B]) || <<B>> <= term_to_binary(T)].

hash_terms(As) ->
    [A1, A2 | _] = As,
    [0, 1, -1, 42, -42, 1 bsl 27 - 1, -(1 bsl 27), 1 bsl 27, 1 bsl 31, 1 bsl 32, 1 bsl 59 - 1,
     -(1 bsl 59), 1 bsl 59, 1 bsl 60, 1 bsl 64, -(1 bsl 64), 1 bsl 100, -(1 bsl 100) + 7,
     12345678901234567890123456789,
     0.0, -0.0, 1.0, -1.5, 3.14159, 1.0e300, -2.5e-300, 123456789.0,
     [], "a", "ab", "abc", "abcd", "abcde", "abcdefghi", [1, 2, 3, 4, 5, 6, 7, 8, 9],
     [256], [1, 256, 2], [A1 | A2], [1 | 2], [[]], [[1, 2], [3]], [1.0, 2], "abc" ++ [A1],
     {}, {1}, {1, 2}, {{}, []}, {1, {2, {3, {}}}}, {A1, A2},
     <<>>, <<0>>, <<1, 2, 3>>, <<"hello world">>, <<"exactly12byt">>, <<"thirteen byte">>,
     list_to_binary(lists:seq(0, 255)), <<1:1>>, <<5:3>>, <<1, 2, 3:7>>,
     binary:part(<<"0123456789abcdef">>, 3, 9),
     #{}, #{1 => 2}, #{A1 => A2, 2 => [3]}, #{{1} => #{2 => 3}},
     maps:from_list([{I, I * 2} || I <- lists:seq(1, 40)]),
     [A1, A2, {A1}], {A1, 1.5, <<"x">>, [A2]}]
        ++ [A || A <- lists:sublist(As, 5)] ++ lists:seq(100, 140) ++ lists:seq(-20, -1).

ops() -> [from_list, puts, merge, remove, from_keys, update].

cases(As) ->
    [A1, A2 | _] = As,
    Ints = [{I, I} || I <- lists:seq(1, 1000)],
    [{"ints_33", lists:sublist(Ints, 33)},
     {"ints_1000", Ints},
     {"ints_shuffled", shuffle(Ints)},
     {"ints_negative", [{-I, I} || I <- lists:seq(1, 200)]},
     {"ints_large", [{(1 bsl 26) * I + I, I} || I <- lists:seq(1, 200)]},
     {"collisions", [{K, K} || K <- [40660, 59671, 22575, 119693, 121236, 167527, 169647,
                                     178740, 29879, 217607, 204923, 232672]]
                    ++ lists:sublist(Ints, 60)},
     {"atoms", [{A, I} || {I, A} <- lists:zip(lists:seq(1, length(As)), As)]},
     {"strings", [{integer_to_list(I * 7919), I} || I <- lists:seq(1, 300)]},
     {"binaries", [{integer_to_binary(I), I} || I <- lists:seq(1, 300)]},
     {"tuples", [{{I, I rem 7, [I]}, I} || I <- lists:seq(1, 300)]},
     {"floats", [{I / 7, I} || I <- lists:seq(1, 300)]},
     {"bignums", [{(1 bsl 70) + I * 12345, I} || I <- lists:seq(1, 100)]},
     {"mixed", lists:append([[{I, a}, {float(I) + 0.5, b}, {integer_to_list(I), c},
                              {{I}, d}, {<<I:16>>, e}, {[I | I], f}, {#{I => I}, g}]
                             || I <- lists:seq(1, 60)])
               ++ [{A1, {A2}}, {[], nil}, {{}, t0}, {<<>>, b0}, {A2, [A1]}]},
     {"duplicates", lists:sublist(Ints, 400) ++ [{I, dup} || I <- lists:seq(1, 400, 3)]},
     {"dedup_small", [{I rem 20, I} || I <- lists:seq(1, 50)]}].

shuffle(L) ->
    %% Deterministic: the same order on every run and word size.
    [X || {_, X} <- lists:sort([{erlang:phash2(X), X} || X <- L])].

build(from_list, Input) -> maps:from_list(Input);
build(puts, Input) -> lists:foldl(fun({K, V}, M) -> M#{K => V} end, #{}, Input);
build(merge, Input) ->
    {A, B} = lists:split(length(Input) div 2, Input),
    maps:merge(maps:from_list(A), maps:from_list(B));
build(remove, Input) ->
    M = maps:from_list(Input),
    Ks = [K || {I, {K, _}} <- lists:zip(lists:seq(1, length(Input)), Input), I rem 3 =:= 0],
    lists:foldl(fun maps:remove/2, M, Ks);
build(from_keys, Input) -> maps:from_keys([K || {K, _} <- Input], v);
build(update, Input) ->
    M = maps:from_list(Input),
    lists:foldl(fun(K, Acc) -> Acc#{K := x} end, M, [K || {K, _} <- Input]).

run_case(Name, Input) ->
    io:format("case ~s ~s~n", [Name, hex(Input)]),
    [run_op(Op, Input) || Op <- ops()].

run_op(Op, Input) ->
    M = build(Op, Input),
    io:format("op ~s~n", [Op]),
    field(size, map_size(M)),
    field(keys, maps:keys(M)),
    Op =:= from_list andalso details(M).

details(M) ->
    field(tolist, maps:to_list(M)),
    field(values, maps:values(M)),
    field(map, M),
    field(fold, lists:reverse(maps:fold(fun(K, _, Acc) -> [K | Acc] end, [], M))),
    field(next, next_keys(maps:next(maps:iterator(M)))),
    %% A fresh time slice, so that the first chain is as long as erts makes it (32 pairs).
    erlang:yield(),
    field(path, path(maps:next(maps:iterator(M)))).

field(Name, Value) -> io:format("~s ~w~n", [Name, Value]).

next_keys(none) -> [];
next_keys({K, _, I}) -> [K | next_keys(maps:next(I))].

path({_, _, I}) -> path(I);
path(Tail) when is_list(Tail) -> hd(Tail);
path(none) -> none.
