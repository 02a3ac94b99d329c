-module(sig_trap_many).
-export([main/0]).

%% A trapping process linked to many children gets one 'EXIT' per child, with each one's
%% reason, and can pick them out by pid.
main() ->
    process_flag(trap_exit, true),
    N = 100,
    Kids = [{I, spawn_link(fun() -> receive go -> exit(reason(I)) end end)} || I <- lists:seq(1, N)],
    [P ! go || {_, P} <- lists:reverse(Kids)],
    %% Selective receive in spawn order, whatever order they died in.
    Got = [receive {'EXIT', P, W} -> W =:= reason(I) end || {I, P} <- Kids],
    io:format("all ~p matched: ~p~n", [N, lists:all(fun(B) -> B end, Got)]),
    io:format("extra: ~p~n", [receive X -> X after 50 -> none end]),
    %% Killing them all: killed for each.
    Kids2 = [spawn_link(fun() -> receive never -> ok end end) || _ <- lists:seq(1, N)],
    [exit(P, kill) || P <- Kids2],
    Reasons = [receive {'EXIT', P, W} -> W end || P <- Kids2],
    io:format("killed: ~p~n", [lists:usort(Reasons)]),
    %% Normal exits also arrive as messages for a trapping parent.
    Kids3 = [spawn_link(fun() -> ok end) || _ <- lists:seq(1, 10)],
    Normal = [receive {'EXIT', P, W} -> W end || P <- Kids3],
    io:format("normal: ~p~n", [lists:usort(Normal)]),
    %% A child linked twice (spawn_link and link) is still one link: one message.
    C = spawn_link(fun() -> receive go -> exit(once) end end),
    link(C),
    C ! go,
    Msgs = collect(C),
    io:format("linked twice: ~p~n", [Msgs]),
    io:format("sig_trap_many done~n").

reason(I) when I rem 3 =:= 0 -> normal;
reason(I) when I rem 3 =:= 1 -> {kid, I};
reason(I) -> [I].

collect(P) ->
    receive {'EXIT', P, W} -> [W | collect(P)] after 100 -> [] end.
