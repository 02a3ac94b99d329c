//! One measured run of a command: wall time, peak resident set size and output.

use std::io::Read;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// What one run of a command produced.
#[derive(Debug)]
pub struct Outcome {
    pub success: bool,
    /// How the process ended, for messages: `exit status 1`, `killed by signal 9`.
    pub status: String,
    pub stdout: String,
    pub stderr: String,
    pub wall: Duration,
    /// Peak RSS in KiB of the process and every descendant it waited for (`ru_maxrss` from
    /// `wait4`): OTP's `erlexec` execs `beam.smp` in place, so the VM is counted; under
    /// qemu-arm it is the emulator's footprint, guest memory and translated code included.
    pub max_rss_kib: u64,
}

/// Runs `argv` to completion, killing it after `timeout`.
pub fn run(argv: &[String], timeout: Duration) -> Result<Outcome, String> {
    let (program, args) = argv.split_first().ok_or("empty command line")?;
    let start = Instant::now();
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    let pid = child.id() as libc::pid_t;
    let mut out = child.stdout.take().ok_or("no stdout pipe")?;
    let mut err = child.stderr.take().ok_or("no stderr pipe")?;
    let stderr_reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = err.read_to_string(&mut text);
        text
    });
    let (done, finished) = mpsc::channel::<()>();
    let watchdog = std::thread::spawn(move || {
        if finished.recv_timeout(timeout) == Err(mpsc::RecvTimeoutError::Timeout) {
            // SAFETY: kill(2) on the child's pid, which stays reserved (a zombie at worst)
            // until the wait4 below reaps it, so the signal cannot reach another process.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            return true;
        }
        false
    });
    let mut stdout = String::new();
    let _ = out.read_to_string(&mut stdout);
    let mut status: libc::c_int = 0;
    // SAFETY: all-zero bytes are a valid rusage (plain integers and timevals).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = loop {
        // SAFETY: `status` and `usage` are live locals wait4 writes into; `pid` is our child,
        // never waited for by std (the Child handle is dropped without wait).
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid || std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
            break r == pid;
        }
    };
    let wall = start.elapsed();
    let _ = done.send(());
    let timed_out = watchdog.join().unwrap_or(false);
    let stderr = stderr_reader.join().unwrap_or_default();
    drop(child);
    if !reaped {
        return Err(format!("wait4 on {program} failed"));
    }
    let (success, status) = if timed_out {
        (false, format!("killed after the {}-second timeout", timeout.as_secs()))
    } else if libc::WIFEXITED(status) {
        let code = libc::WEXITSTATUS(status);
        (code == 0, format!("exit status {code}"))
    } else {
        (false, format!("killed by signal {}", libc::WTERMSIG(status)))
    };
    Ok(Outcome { success, status, stdout, stderr, wall, max_rss_kib: usage.ru_maxrss as u64 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str, timeout: Duration) -> Outcome {
        run(&["sh".into(), "-c".into(), script.into()], timeout).unwrap()
    }

    #[test]
    fn output_status_and_memory() {
        let o = sh("echo out; echo err >&2; exit 3", Duration::from_secs(10));
        assert!(!o.success);
        assert_eq!((o.stdout.as_str(), o.stderr.as_str()), ("out\n", "err\n"));
        assert_eq!(o.status, "exit status 3");
        assert!(o.max_rss_kib > 0);
    }

    #[test]
    fn a_hung_command_is_killed() {
        let o = sh("exec sleep 30", Duration::from_millis(200));
        assert!(!o.success);
        assert!(o.status.contains("timeout"), "{}", o.status);
        assert!(o.wall < Duration::from_secs(10));
    }

    #[test]
    fn a_missing_program_never_succeeds() {
        // Natively spawning fails; under qemu-user (the ARM lane) the exec fails in the
        // child instead, which then exits unsuccessfully.
        match run(&["/nonexistent/program".into()], Duration::from_secs(10)) {
            Ok(o) => assert!(!o.success, "{o:?}"),
            Err(e) => assert!(e.contains("/nonexistent/program"), "{e}"),
        }
    }
}
