%% gen_server:reply/2 from places other than the callback's return: a server that returns
%% {noreply, ...} and answers later from handle_info, from a helper process it hands the
%% From to, out of order to several waiting callers, and a reply to a caller that gave up.
-module(otp_gs_reply).
-behaviour(gen_server).
-export([main/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2]).

main() ->
    {ok, S} = gen_server:start_link(?MODULE, [], []),
    io:format("direct ~p~n", [gen_server:call(S, direct)]),
    io:format("later ~p~n", [gen_server:call(S, later)]),
    io:format("helper ~p~n", [gen_server:call(S, {helper, 21})]),
    %% Three requests park; the server answers them in reverse when told to. The replies
    %% come from one process, so they arrive in the order it sent them.
    Reqs = [{N, gen_server:send_request(S, {park, N})} || N <- [1, 2, 3]],
    ok = gen_server:call(S, release_reversed),
    io:format("answers in arrival order ~p~n", [arrivals(Reqs)]),
    %% A caller that timed out: the late reply is discarded, the server does not care.
    io:format("gave up ~p~n", [element(1, element(2, catch gen_server:call(S, {park, 4}, 10)))]),
    ok = gen_server:call(S, release_reversed),
    receive after 20 -> ok end,
    io:format("mailbox ~p~n", [flush()]),
    %% reply/2 returns ok even to a process that is gone.
    io:format("reply result ~p~n", [gen_server:call(S, reply_result)]),
    io:format("otp_gs_reply done~n").

%% Takes the replies to Reqs from the mailbox in arrival order.
arrivals([]) -> [];
arrivals(Reqs) ->
    receive
        Msg ->
            [{N, Reply}] = [{N, R} || {N, Req} <- Reqs, {reply, R} <- [gen_server:check_response(Msg, Req)]],
            [{N, Reply} | arrivals(lists:keydelete(N, 1, Reqs))]
    end.

flush() -> receive M -> [M | flush()] after 0 -> [] end.

init([]) -> {ok, []}.

handle_call(direct, _From, Parked) ->
    {reply, now, Parked};
handle_call(later, From, Parked) ->
    self() ! {answer, From},
    {noreply, Parked};
handle_call({helper, N}, From, Parked) ->
    spawn(fun() -> gen_server:reply(From, {doubled, 2 * N}) end),
    {noreply, Parked};
handle_call({park, N}, From, Parked) ->
    {noreply, [{N, From} | Parked]};
handle_call(release_reversed, _From, Parked) ->
    %% Parked is newest first: the last caller is answered first.
    [gen_server:reply(From, {released, N}) || {N, From} <- Parked],
    {reply, ok, []};
handle_call(reply_result, From, Parked) ->
    Dead = spawn(fun() -> ok end),
    Ref = monitor(process, Dead),
    receive {'DOWN', Ref, _, _, _} -> ok end,
    {_, Tag} = From,
    R = gen_server:reply({Dead, Tag}, too_late),
    {reply, R, Parked}.

handle_cast(_, S) -> {noreply, S}.

handle_info({answer, From}, Parked) ->
    gen_server:reply(From, answered_from_info),
    {noreply, Parked}.
