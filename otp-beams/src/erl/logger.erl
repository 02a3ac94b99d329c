%% rbeam's stand-in for kernel's `logger`.
%%
%% OTP's logger keeps its configuration in ETS tables and processes that the kernel
%% application starts at boot (logger_server, logger_config, the default handler's
%% logger_std_h process). rbeam starts no kernel application, so this module takes
%% logger's place: it offers the entry points OTP code calls (the ?LOG_* macros'
%% allow/2 and macro_log/3,4,5, log/2,3,4, the level functions, metadata, the report
%% formatting helpers) and acts as erl's default configuration does: primary level
%% `notice`, the default handler's domain filters (events of domain [otp, sasl] or a
%% prefix of it, or of no domain), and each event formatted by OTP's own
%% logger_formatter with the default handler's configuration (legacy_header, not
%% single_line). Events are written to standard_error: erl's default handler writes
%% them to standard_io, but rbeam keeps reports out of a program's output.
%%
%% The primary level can be read and changed (get_primary_config/0,
%% set_primary_config/1,2, update_primary_config/1); handlers cannot be added or
%% configured, and calls to do so fail with `undef`.
-module(logger).

-export([emergency/1, emergency/2, emergency/3,
         alert/1, alert/2, alert/3,
         critical/1, critical/2, critical/3,
         error/1, error/2, error/3,
         warning/1, warning/2, warning/3,
         notice/1, notice/2, notice/3,
         info/1, info/2, info/3,
         debug/1, debug/2, debug/3]).
-export([log/2, log/3, log/4]).
-export([allow/2, macro_log/3, macro_log/4, macro_log/5, add_default_metadata/1]).
-export([get_primary_config/0, set_primary_config/1, set_primary_config/2,
         update_primary_config/1, get_config/0, get_handler_ids/0]).
-export([compare_levels/2, timestamp/0]).
-export([set_process_metadata/1, update_process_metadata/1,
         unset_process_metadata/0, get_process_metadata/0]).
-export([format_report/1, format_otp_report/1, filter_stacktrace/2]).

-define(CONFIG_KEY, {?MODULE, rbeam_primary_config}).
-define(METADATA_KEY, '$logger_metadata$').
-define(FORMATTER_CONFIG, #{legacy_header => true, single_line => false}).

%%% The level functions: Level(...) is log(Level, ...).

emergency(A) -> log(emergency, A).
emergency(A, B) -> log(emergency, A, B).
emergency(A, B, C) -> log(emergency, A, B, C).
alert(A) -> log(alert, A).
alert(A, B) -> log(alert, A, B).
alert(A, B, C) -> log(alert, A, B, C).
critical(A) -> log(critical, A).
critical(A, B) -> log(critical, A, B).
critical(A, B, C) -> log(critical, A, B, C).
error(A) -> log(error, A).
error(A, B) -> log(error, A, B).
error(A, B, C) -> log(error, A, B, C).
warning(A) -> log(warning, A).
warning(A, B) -> log(warning, A, B).
warning(A, B, C) -> log(warning, A, B, C).
notice(A) -> log(notice, A).
notice(A, B) -> log(notice, A, B).
notice(A, B, C) -> log(notice, A, B, C).
info(A) -> log(info, A).
info(A, B) -> log(info, A, B).
info(A, B, C) -> log(info, A, B, C).
debug(A) -> log(debug, A).
debug(A, B) -> log(debug, A, B).
debug(A, B, C) -> log(debug, A, B, C).

%%% log/2,3,4 and the macros' entry points, with logger's argument conventions.

log(Level, StringOrReport) ->
    log_if_allowed(#{}, Level, StringOrReport, #{}).

log(Level, StringOrReport, Meta) when is_map(Meta), not is_function(StringOrReport) ->
    log_if_allowed(#{}, Level, StringOrReport, Meta);
log(Level, FunOrFormat, Args) ->
    log_if_allowed(#{}, Level, {FunOrFormat, Args}, #{}).

log(Level, FunOrFormat, Args, Meta) ->
    log_if_allowed(#{}, Level, {FunOrFormat, Args}, Meta).

%% The ?LOG_* macros call allow/2 first and macro_log/3,4,5 only when it says yes.
allow(Level, Module) when is_atom(Module) ->
    allowed(Level).

macro_log(Location, Level, StringOrReport) ->
    emit(Location, Level, StringOrReport, #{}).

macro_log(Location, Level, StringOrReport, Meta)
  when is_map(Meta), not is_function(StringOrReport) ->
    emit(Location, Level, StringOrReport, Meta);
macro_log(Location, Level, FunOrFormat, Args) ->
    emit(Location, Level, {FunOrFormat, Args}, #{}).

macro_log(Location, Level, FunOrFormat, Args, Meta) ->
    emit(Location, Level, {FunOrFormat, Args}, Meta).

add_default_metadata(Meta) ->
    Defaults = #{pid => self(), gl => group_leader(), time => timestamp()},
    maps:merge(Defaults, Meta).

%%% Configuration: the primary level only.

get_primary_config() ->
    persistent_term:get(?CONFIG_KEY,
                        #{level => notice, filter_default => log, filters => [],
                          metadata => #{}}).

set_primary_config(Config) when is_map(Config) ->
    case maps:get(level, Config, notice) of
        Level when is_atom(Level) ->
            Default = #{level => notice, filter_default => log, filters => [],
                        metadata => #{}},
            persistent_term:put(?CONFIG_KEY, maps:merge(Default, Config));
        Bad ->
            {error, {invalid_level, Bad}}
    end.

set_primary_config(Key, Value) ->
    set_primary_config(maps:put(Key, Value, get_primary_config())).

update_primary_config(Config) when is_map(Config) ->
    set_primary_config(maps:merge(get_primary_config(), Config)).

get_config() ->
    #{primary => get_primary_config(), handlers => [], proxy => #{},
      module_levels => []}.

get_handler_ids() ->
    [].

%%% Miscellaneous.

compare_levels(A, B) ->
    case {level_int(A), level_int(B)} of
        {X, X} -> eq;
        {X, Y} when X < Y -> gt;
        {_, _} -> lt
    end.

timestamp() ->
    os:system_time(microsecond).

set_process_metadata(Meta) when is_map(Meta) ->
    _ = put(?METADATA_KEY, Meta),
    ok.

update_process_metadata(Meta) when is_map(Meta) ->
    set_process_metadata(maps:merge(get_process_metadata(), Meta)).

unset_process_metadata() ->
    _ = erase(?METADATA_KEY),
    ok.

get_process_metadata() ->
    case get(?METADATA_KEY) of
        undefined -> #{};
        Meta -> Meta
    end.

%% A report as a format and arguments (the formatter's default for reports without a
%% report_cb): a printable list as text, a key-value list one pair a line.
format_report(Report) when is_map(Report) ->
    format_report(maps:to_list(Report));
format_report(Report) when is_list(Report) ->
    case lists:flatten(Report) of
        [] -> {"~tp", [[]]};
        Flat ->
            case io_lib:printable_list(Flat) of
                true -> {"~ts", [Flat]};
                false -> format_term_list(Report, [], [])
            end
    end;
format_report(Report) ->
    {"~tp", [Report]}.

format_otp_report(#{label := _, report := Report}) ->
    format_report(Report);
format_otp_report(Report) ->
    format_report(Report).

filter_stacktrace(Module, [{Module, _, _, _} | _]) -> [];
filter_stacktrace(Module, [H | T]) -> [H | filter_stacktrace(Module, T)];
filter_stacktrace(_, []) -> [].

%%% Internals.

format_term_list([{Tag, Data} | T], Format, Args) ->
    PorS = case is_text(Data) of true -> "s"; false -> "p" end,
    format_term_list(T, ["    ~tp: ~t" ++ PorS | Format], [Data, Tag | Args]);
format_term_list([Data | T], Format, Args) ->
    format_term_list(T, ["    ~tp" | Format], [Data | Args]);
format_term_list([], Format, Args) ->
    {lists:flatten(lists:join($\n, lists:reverse(Format))), lists:reverse(Args)}.

is_text(Data) when is_list(Data) ->
    case lists:flatten(Data) of
        [] -> false;
        Flat -> io_lib:printable_list(Flat)
    end;
is_text(_) ->
    false.

level_int(emergency) -> 0;
level_int(alert) -> 1;
level_int(critical) -> 2;
level_int(error) -> 3;
level_int(warning) -> 4;
level_int(notice) -> 5;
level_int(info) -> 6;
level_int(debug) -> 7;
level_int(all) -> 7;
level_int(none) -> -1;
level_int(Other) -> erlang:error(badarg, [Other]).

allowed(Level) ->
    level_int(Level) =< level_int(maps:get(level, get_primary_config(), notice)).

log_if_allowed(Location, Level, Msg, Meta) ->
    case allowed(Level) of
        true -> emit(Location, Level, Msg, Meta);
        false -> ok
    end.

%% Builds the event as logger does (a fun producing the message is called here) and hands
%% it to the handler.
emit(Location, Level, {Fun, FunArgs}, Meta) when is_function(Fun, 1) ->
    try Fun(FunArgs) of
        ignore -> ok;
        {Format, Args} when is_list(Args), not is_function(Format) ->
            emit(Location, Level, {Format, Args}, Meta);
        {Msg, FunMeta} when is_map(FunMeta) ->
            emit(Location, Level, Msg, maps:merge(Meta, FunMeta));
        Msg ->
            emit(Location, Level, Msg, Meta)
    catch
        C:R:S ->
            emit(Location, Level, {"LAZY_FUN_CRASH: ~tp; Reason: ~tp",
                                   [{Fun, FunArgs}, {C, R, S}]}, Meta)
    end;
emit(Location, Level, Msg0, Meta0) ->
    Msg = message(Msg0),
    Primary = maps:get(metadata, get_primary_config(), #{}),
    Meta = add_default_metadata(
             maps:merge(Location,
                        maps:merge(Primary,
                                   maps:merge(get_process_metadata(), Meta0)))),
    case default_handler_filter(Meta) of
        true -> handle(#{level => Level, msg => Msg, meta => Meta});
        false -> ok
    end.

message({Format, Args}) when is_list(Args), (is_list(Format) orelse is_binary(Format)
                                             orelse is_atom(Format)) ->
    {Format, Args};
message(Report) when is_map(Report) ->
    {report, Report};
message([T | _] = Report) when is_tuple(T) ->
    {report, Report};
message(String) when is_list(String); is_binary(String) ->
    {string, String};
message(Other) ->
    {"~tp", [Other]}.

%% erl's default handler logs events of domain [otp, sasl] or a prefix of it, and events
%% with no domain.
default_handler_filter(#{domain := Domain}) when is_list(Domain) ->
    lists:prefix(Domain, [otp, sasl]);
default_handler_filter(_) ->
    true.

%% The default handler: OTP's formatter, then standard_error. A formatter crash is
%% reported in the event's place, as logger_h_common does.
handle(Event) ->
    Text = try logger_formatter:format(Event, ?FORMATTER_CONFIG)
           catch
               C:R:S ->
                   io_lib:format("FORMATTER CRASH: ~tp~n", [{Event, {C, R, S}}])
           end,
    _ = (catch io:put_chars(standard_error, Text)),
    ok.
