%% rbeam's stand-in for kernel's `application_controller`.
%%
%% OTP's application controller is a process that the kernel application starts at boot,
%% keeping each application's environment in the ETS table `ac_tab`. rbeam starts no
%% applications and has no ETS, so this module answers the queries OTP code makes of it
%% (through `application:get_env/1,2,3`, `get_all_env/1`, `get_application/0,1`,
%% `get_key/2`, ...) as a controller with no application loaded would: no environment,
%% no application. `error_logger:get_format_depth/0`, which proc_lib and the behaviours
%% call when they report a crash, reads the kernel environment this way.
%% Starting, loading or configuring applications fails with `undef`.
-module(application_controller).

-export([get_env/2, get_env/3, get_pid_env/2, get_all_env/1, get_pid_all_env/1,
         get_application/1, get_application_module/1, get_key/2, get_pid_key/2,
         get_all_key/1, get_pid_all_key/1, get_master/1,
         which_applications/0, which_applications/1, loaded_applications/0,
         info/0]).

get_env(_Application, _Key) -> undefined.

get_env(_Application, _Key, Default) -> Default.

get_pid_env(_GroupLeader, _Key) -> undefined.

get_all_env(_Application) -> [].

get_pid_all_env(_GroupLeader) -> [].

get_application(_GroupLeader) -> undefined.

get_application_module(_Module) -> undefined.

get_key(_Application, _Key) -> undefined.

get_pid_key(_GroupLeader, _Key) -> undefined.

get_all_key(_Application) -> undefined.

get_pid_all_key(_GroupLeader) -> undefined.

get_master(_Application) -> undefined.

which_applications() -> [].

which_applications(_Timeout) -> [].

loaded_applications() -> [].

info() -> [{loaded, []}, {loading, []}, {started, []}, {start_p_false, []},
           {running, []}, {starting, []}].
