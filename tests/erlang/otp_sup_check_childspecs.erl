%% supervisor:check_childspecs/1,2 on valid and invalid child specifications, in map and
%% tuple form, and a supervisor whose init returns a bad spec or bad flags.
-module(otp_sup_check_childspecs).
-behaviour(supervisor).
-export([main/0, init/1]).

main() ->
    Good = #{id => a, start => {m, f, []}},
    Specs = [
        {"empty", []},
        {"one map", [Good]},
        {"full map", [#{id => b, start => {m, f, [1]}, restart => transient, shutdown => 100,
                        type => worker, modules => [m]}]},
        {"supervisor map", [#{id => s, start => {m, f, []}, type => supervisor}]},
        {"tuple", [{t, {m, f, []}, permanent, 5000, worker, [m]}]},
        {"tuple dynamic", [{t, {m, f, []}, temporary, brutal_kill, worker, dynamic}]},
        {"duplicate id", [Good, Good]},
        {"missing start", [#{id => a}]},
        {"missing id", [#{start => {m, f, []}}]},
        {"bad mfa", [#{id => a, start => {m, f}}]},
        {"bad restart", [#{id => a, start => {m, f, []}, restart => sometimes}]},
        {"bad shutdown", [#{id => a, start => {m, f, []}, shutdown => -1}]},
        {"bad type", [#{id => a, start => {m, f, []}, type => manager}]},
        {"bad modules", [#{id => a, start => {m, f, []}, modules => notalist}]},
        {"bad significant", [#{id => a, start => {m, f, []}, significant => maybe}]},
        {"bad tuple", [{t, {m, f, []}, permanent, 5000, worker}]},
        {"not a list", Good}
    ],
    [io:format("~s: ~p~n", [Name, catch supervisor:check_childspecs(S)]) || {Name, S} <- Specs],
    io:format("with auto_shutdown: ~p~n",
              [catch supervisor:check_childspecs([#{id => a, start => {m, f, []}, restart => transient,
                                                    significant => true}], any_significant)]),
    io:format("significant permanent: ~p~n",
              [catch supervisor:check_childspecs([#{id => a, start => {m, f, []}, significant => true}],
                                                 any_significant)]),
    process_flag(trap_exit, true),
    [io:format("start ~p: ~p~n", [Case, supervisor:start_link(?MODULE, Case)])
     || Case <- [bad_spec, bad_flags, bad_strategy, bad_return, ignore]],
    flush(),
    io:format("otp_sup_check_childspecs done~n").

flush() -> receive _ -> flush() after 0 -> ok end.

init(bad_spec) -> {ok, {#{}, [#{id => a, start => nonsense}]}};
init(bad_flags) -> {ok, {#{intensity => -1}, []}};
init(bad_strategy) -> {ok, {#{strategy => one_for_none}, []}};
init(bad_return) -> what;
init(ignore) -> ignore.
