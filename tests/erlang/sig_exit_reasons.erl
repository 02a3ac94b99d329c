-module(sig_exit_reasons).
-export([main/0]).

%% Arbitrary exit reasons travel intact through exit/2, links and monitors: tuples, lists,
%% binaries, maps, floats, bignums, nested terms.
main() ->
    process_flag(trap_exit, true),
    Reasons = [atom, {tuple, 1, 2}, [1, [2, [3]]], <<"binary reason">>, #{key => value, 1 => [a]},
               3.25, 1 bsl 100, -7, {shutdown, {nested, <<1, 2, 3>>, [x | y]}}, "string",
               {}, [], make_ref_free, <<0:1000>>],
    lists:foreach(fun(R) ->
                          %% Through exit/2 to a trapping process that reports it.
                          Self = self(),
                          T = spawn(fun() ->
                                            process_flag(trap_exit, true),
                                            Self ! ready,
                                            receive {'EXIT', _, Got} -> Self ! {got, Got} end
                                    end),
                          receive ready -> ok end,
                          exit(T, R),
                          A = receive {got, G} -> G =:= R end,
                          %% Through exit/2 to a non-trapping process, seen by a monitor.
                          N = spawn(fun() -> receive never -> ok end end),
                          NRef = monitor(process, N),
                          exit(N, R),
                          B = receive {'DOWN', NRef, process, N, W} -> W =:= R end,
                          %% Through a link, from a process exiting with it.
                          L = spawn_link(fun() -> exit(R) end),
                          C = receive {'EXIT', L, W2} -> W2 =:= R end,
                          io:format("~p: ~p ~p ~p~n", [R, A, B, C])
                  end, Reasons),
    io:format("sig_exit_reasons done~n").
