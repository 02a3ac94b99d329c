%% Compares `rbeam dis` output with OTP's own `beam_disasm:file/1`, instruction by instruction.
%%
%% Usage: erl -noshell -pa DIR -run dis_compare main Beam1 Dis1 Beam2 Dis2 ...
%% Each line of a Dis file is one Erlang term followed by ".": a `{function,Name,Arity,Entry}`
%% header or an instruction. Lines are evaluated (not just parsed) because literal operands may
%% hold export funs (`fun lists:reverse/1`). Typed registers `{tr,Reg,Type}` are normalised to
%% `Reg` on both sides: OTP prints compiler-internal type records there. See stream_order/2
%% for the one place where beam_disasm's order differs from the file's.
%% Prints one line per module ("ok M N" or the first difference) and halts with status 1 if
%% any module differs.
-module(dis_compare).
-export([main/1]).

main(Args) ->
    Results = [compare(Beam, Dis) || {Beam, Dis} <- pairs(Args)],
    Status = case lists:all(fun(R) -> R =:= ok end, Results) of
                 true -> 0;
                 false -> 1
             end,
    halt(Status).

pairs([Beam, Dis | Rest]) -> [{Beam, Dis} | pairs(Rest)];
pairs([]) -> [].

compare(Beam, DisFile) ->
    {beam_file, Mod, _Exports, _Attrs, _CompileInfo, Functions} = beam_disasm:file(Beam),
    Expected = lists:append([[{function, F, A, E} | stream_order(N, Code)]
                             || {N, {function, F, A, E, Code}} <- enumerate(Functions)]),
    {ok, Text} = file:read_file(DisFile),
    Lines = [L || L <- binary:split(Text, <<"\n">>, [global]), L =/= <<>>],
    Actual = [eval_line(L) || L <- Lines],
    diff(Mod, 1, [normalise(I) || I <- Expected], [normalise(I) || I <- Actual]).

enumerate(L) -> lists:zip(lists:seq(1, length(L)), L).

%% beam_disasm moves the label and line instructions in front of each func_info into the
%% function they introduce, and for every function but the first it lists them in reverse.
%% rbeam prints the code in file order, so put them back.
stream_order(1, Code) -> Code;
stream_order(_, Code) ->
    {Header, Rest} = lists:splitwith(fun(I) -> element(1, I) =/= func_info end, Code),
    lists:reverse(Header) ++ Rest.

eval_line(Line) ->
    try
        {ok, Tokens, _} = erl_scan:string(unicode:characters_to_list(Line)),
        {ok, Exprs} = erl_parse:parse_exprs(Tokens),
        {value, Value, _} = erl_eval:exprs(Exprs, []),
        Value
    catch
        Class:Reason -> {unparsable_line, Line, Class, Reason}
    end.

diff(Mod, N, [E | Es], [E | As]) ->
    diff(Mod, N + 1, Es, As);
diff(Mod, N, [], []) ->
    io:format("ok ~w ~w~n", [Mod, N - 1]),
    ok;
diff(Mod, N, Es, As) ->
    io:format("MISMATCH ~w at line ~w~n  beam_disasm: ~0p~n  rbeam dis:   ~0p~n",
              [Mod, N, head(Es), head(As)]),
    mismatch.

head([X | _]) -> X;
head([]) -> end_of_code.

normalise({tr, Reg, _Type}) -> Reg;
normalise(T) when is_tuple(T) -> list_to_tuple(normalise(tuple_to_list(T)));
normalise([H | T]) -> [normalise(H) | normalise(T)];
normalise(T) -> T.
