-module(stdlib_calendar).
-export([main/0]).

main() ->
    io:format("~p~n", [calendar:date_to_gregorian_days(2000, 1, 1)]),
    io:format("~p~n", [calendar:gregorian_days_to_date(730485)]),
    io:format("~p~n", [calendar:gregorian_days_to_date(calendar:date_to_gregorian_days({2024, 2, 28}) + 1)]),
    io:format("~p~n", [calendar:gregorian_days_to_date(calendar:date_to_gregorian_days({2023, 2, 28}) + 1)]),
    io:format("~p~n", [[calendar:is_leap_year(Y) || Y <- [1900, 2000, 2023, 2024, 2100]]]),
    io:format("~p~n", [[calendar:last_day_of_the_month(2024, M) || M <- lists:seq(1, 12)]]),
    io:format("~p~n", [[calendar:day_of_the_week(D) || D <- [{2000, 1, 1}, {2024, 7, 4}, {1970, 1, 1}]]]),
    io:format("~p~n", [calendar:valid_date({2023, 2, 29})]),
    io:format("~p~n", [calendar:valid_date(2024, 2, 29)]),
    io:format("~p~n", [calendar:datetime_to_gregorian_seconds({{1970, 1, 1}, {0, 0, 0}})]),
    io:format("~p~n", [calendar:gregorian_seconds_to_datetime(63795000000)]),
    io:format("~p~n", [calendar:seconds_to_daystime(100000)]),
    io:format("~p~n", [calendar:seconds_to_time(3725)]),
    io:format("~p~n", [calendar:time_to_seconds({1, 2, 5})]),
    io:format("~p~n", [calendar:time_difference({{2024, 1, 1}, {0, 0, 0}}, {{2024, 3, 1}, {12, 30, 0}})]),
    io:format("~p~n", [calendar:iso_week_number({2024, 12, 30})]),
    io:format("~p~n", [calendar:iso_week_number({2021, 1, 3})]),
    io:format("~p~n", [calendar:date_to_gregorian_days(2024, 12, 31) - calendar:date_to_gregorian_days(2024, 1, 1) + 1]),
    io:format("~p~n", [calendar:system_time_to_rfc3339(0, [{offset, "Z"}])]),
    io:format("~p~n", [calendar:system_time_to_rfc3339(1700000000123, [{unit, millisecond}, {offset, "+02:00"}])]),
    io:format("~p~n", [calendar:rfc3339_to_system_time("2024-02-29T12:00:00Z")]),
    io:format("~p~n", [calendar:system_time_to_universal_time(86400 * 365, second)]),
    io:format("~p~n", [add_days({2024, 1, 31}, 30)]),
    io:format("stdlib_calendar done~n").

add_days(Date, N) -> calendar:gregorian_days_to_date(calendar:date_to_gregorian_days(Date) + N).
