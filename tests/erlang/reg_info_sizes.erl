-module(reg_info_sizes).
-export([main/0]).

%% Sizes, reductions and memory differ between VMs: only their types and plausible
%% relations are checked.
main() ->
    P = spawn(fun() -> receive stop -> ok end end),
    Items = [heap_size, total_heap_size, stack_size, reductions, memory],
    Info = process_info(P, Items),
    io:format("keys: ~p~n", [[K || {K, _} <- Info]]),
    io:format("non-negative integers: ~p~n", [[{K, is_integer(V) andalso V >= 0} || {K, V} <- Info]]),
    {heap_size, Heap} = lists:keyfind(heap_size, 1, Info),
    {total_heap_size, Total} = lists:keyfind(total_heap_size, 1, Info),
    {memory, Mem} = lists:keyfind(memory, 1, Info),
    Word = erlang:system_info(wordsize),
    io:format("heap > 0: ~p~n", [Heap > 0]),
    io:format("total >= heap: ~p~n", [Total >= Heap]),
    io:format("memory covers the heap: ~p~n", [Mem >= Heap * Word]),
    io:format("a new process is small: ~p~n", [Total < 10000 andalso Mem < 100000]),
    %% a process that builds a big term grows
    Self = self(),
    G = spawn(fun() ->
                      L = lists:seq(1, 50000),
                      Self ! {built, self()},
                      receive stop -> length(L) end
              end),
    receive {built, G} -> ok end,
    {total_heap_size, GTotal} = process_info(G, total_heap_size),
    io:format("grew past the list: ~p~n", [GTotal >= 100000]),
    {memory, GMem} = process_info(G, memory),
    io:format("memory grew: ~p~n", [GMem > Mem]),
    %% reductions only go up
    {reductions, R1} = process_info(self(), reductions),
    _ = lists:sum(lists:seq(1, 10000)),
    {reductions, R2} = process_info(self(), reductions),
    io:format("reductions grew: ~p~n", [R2 > R1]),
    %% garbage_collection is a list of {Key, Value}
    {garbage_collection, GC} = process_info(P, garbage_collection),
    io:format("gc keys: ~p~n", [lists:sort([K || {K, _} <- GC, lists:member(K, [min_heap_size, fullsweep_after, minor_gcs])])]),
    P ! stop, G ! stop,
    io:format("reg_info_sizes done~n").
