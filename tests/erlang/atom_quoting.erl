-module(atom_quoting).
-export([main/0]).

main() ->
    Atoms = [ok, 'Ok', 'OK', '_under', under_score, 'with space', 'hyphen-ated', 'dot.ted', 'at@sign',
             '', 'a\'quote', 'back\\slash', 'new\nline', 'tab\tchar', '123', a123, 'a1.b2',
             'é', 'ÿ', 'Ärger', 'über', [] , 'true', 'false', 'undefined',
             'and', 'or', 'not', 'div', 'rem', 'band', 'bor', 'bxor', 'bnot', 'bsl', 'bsr', 'xor',
             'when', 'case', 'of', 'end', 'fun', 'try', 'catch', 'after', 'receive', 'if', 'begin',
             'orelse', 'andalso', 'query', 'cond', 'let', 'maybe', 'else',
             '+', '-', '*', '/', '==', '=:=', '<', '=<', '!', '[]', '{}', '$', '#', '%', 'a b c'],
    lists:foreach(fun(A) -> io:format("~p ~w ~s ~ts~n", [A, A, to_str(A), to_str(A)]) end, Atoms),
    io:format("~p~n", [Atoms]),
    Greek = 'αβ',
    io:format("~p ~w~n", [Greek, Greek]),
    io:format("~tp ~tw ~ts~n", [Greek, Greek, atom_to_list(Greek)]),
    io:format("~p~n", [try io:format("~s~n", [atom_to_list(Greek)]) catch error:E -> E end]),
    io:format("~p~n", [try io:format("~s~n", [Greek]) catch error:E2 -> E2 end]),
    io:format("~s~n", [io_lib:write_atom('needs quote')]),
    io:format("~s~n", [io_lib:write_atom(plain)]),
    io:format("~p~n", [[io_lib:quote_atom(A, atom_to_list(A)) || A <- [ok, 'Ok', 'a b']]]),
    io:format("atom_quoting done~n").

to_str(A) when is_atom(A) -> atom_to_list(A);
to_str(L) -> L.
