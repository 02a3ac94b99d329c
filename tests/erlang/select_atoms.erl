-module(select_atoms).
-export([main/0]).

main() ->
    Days = [monday, tuesday, wednesday, thursday, friday, saturday, sunday, someday, 'Monday', true, false, undefined],
    io:format("~p~n", [[day_num(D) || D <- Days]]),
    io:format("~p~n", [[is_weekend(D) || D <- Days]]),
    io:format("~p~n", [[opcode(Op) || Op <- [add, sub, mul, 'div', mod, 'and', 'or', 'xor', 'not', nop, halt, jump, call, ret, push, pop, load, store, cmp, unknown]]]),
    io:format("~p~n", [[bool(B) || B <- [true, false, maybe]]]),
    io:format("~p~n", [[case A of ok -> 1; error -> 2; '' -> 3; 'with space' -> 4; _ -> 0 end || A <- [ok, error, '', 'with space', x]]]),
    io:format("select_atoms done~n").

day_num(monday) -> 1;
day_num(tuesday) -> 2;
day_num(wednesday) -> 3;
day_num(thursday) -> 4;
day_num(friday) -> 5;
day_num(saturday) -> 6;
day_num(sunday) -> 7;
day_num(_) -> 0.

is_weekend(D) ->
    case D of
        saturday -> true;
        sunday -> true;
        _ -> false
    end.

opcode(add) -> 16#01; opcode(sub) -> 16#02; opcode(mul) -> 16#03; opcode('div') -> 16#04;
opcode(mod) -> 16#05; opcode('and') -> 16#10; opcode('or') -> 16#11; opcode('xor') -> 16#12;
opcode('not') -> 16#13; opcode(nop) -> 16#00; opcode(halt) -> 16#FF; opcode(jump) -> 16#20;
opcode(call) -> 16#21; opcode(ret) -> 16#22; opcode(push) -> 16#30; opcode(pop) -> 16#31;
opcode(load) -> 16#40; opcode(store) -> 16#41; opcode(cmp) -> 16#50;
opcode(Other) -> {unknown, Other}.

bool(true) -> 1;
bool(false) -> 0;
bool(X) -> X.
