-module(b_str).
-export([run/1, default_n/0, quick_n/0]).

%% Text processing through OTP's own library code, repeated N times: io_lib:format with
%% ~p ~w ~s ~b ~.2f ~e ~8.16.0B ~-10s, string:split/trim/uppercase/lexemes, lists:join,
%% sort, foldl, map, flatten. Mostly measures how fast a VM runs stdlib's Erlang
%% (io_lib_format is large, branchy code); its first call also loads io_lib_format,
%% string and unicode_util, which sets a floor of about 65 ms on OTP armhf under qemu.
%% run(N) returns {N, total characters, character sum checksum}.

default_n() -> 3400.
quick_n() -> 10.

run(N) -> loop(N, 0, 0, N).

loop(0, Len, Sum, N) -> {N, Len, Sum};
loop(I, Len, Sum, N) ->
    S = one(I),
    loop(I - 1, Len + length(S), (Sum + lists:sum(S)) rem 1000003, N).

one(I) ->
    Term = {item, I, [a, "b", <<"c">>], #{k => I rem 7}, I / 8},
    F1 = io_lib:format("~p|~w|~s|~b|~.2f|~8.16.0B|~-10s|~e~n",
                       [Term, [I, I * 3], "name" ++ integer_to_list(I), I, I / 3,
                        I, "pad", I * 1.5]),
    Line = lists:flatten(F1),
    Fields = string:split(Line, "|", all),
    Trimmed = [string:trim(Fd) || Fd <- Fields],
    Upper = lists:map(fun(Fd) -> string:uppercase(Fd) end, Trimmed),
    Words = string:lexemes("  the quick  brown fox " ++ integer_to_list(I) ++ " jumps ", " "),
    Sorted = lists:sort(Words ++ Upper),
    Joined = lists:flatten(lists:join(",", Sorted)),
    Count = lists:foldl(fun($,, A) -> A + 1; (_, A) -> A end, 0, Joined),
    lists:flatten([Joined, io_lib:format("~w", [Count])]).
