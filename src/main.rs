//! `rbeam`: the command-line front end (erl-style flags). Kept thin: everything it does is a
//! call into the loader, runtime and interpreter crates.

fn main() {
    eprintln!("rbeam: nothing to run yet");
    std::process::exit(1);
}
