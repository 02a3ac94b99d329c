//! Several VMs in one process: nothing is global.

use rbeam_runtime::term::TermBuilder;
use rbeam_runtime::{LiteralArea, Vm, atoms, print};

/// Interns `names` in a fresh VM and returns each atom's index, plus a printed literal.
fn run_vm(names: &[&'static str]) -> (Vec<u32>, String) {
    let mut vm = Vm::new();
    // Indices relative to the first free one (a VM starts with the predefined atoms and the
    // names of its BIFs).
    let base = vm.atoms.len() as u32;
    let indices = names
        .iter()
        .map(|name| vm.atoms.intern(name).expect("interns").atom_index().expect("atom") - base)
        .collect();
    let area = LiteralArea::build(16, |heap| {
        let mut builder = TermBuilder::new(heap, &mut vm.atoms);
        let first = builder.atom(names[0])?;
        Ok(vec![builder.tuple(&[first, atoms::OK])?])
    })
    .expect("fits");
    let root = area.root(0).expect("root");
    let process = vm.new_process(1024).expect("spawns");
    // SAFETY: `root` points into `area`, which is alive.
    let text = unsafe { print::to_string(&vm.atoms, root) }.expect("prints");
    // SAFETY: a pid is an immediate.
    let pid = unsafe { print::to_string(&vm.atoms, process.id) }.expect("prints");
    (indices, format!("{text} {pid}"))
}

#[test]
fn two_vms_have_independent_atom_tables() {
    let first = std::thread::spawn(|| run_vm(&["alpha", "beta", "gamma"]));
    let second = std::thread::spawn(|| run_vm(&["gamma", "alpha"]));
    let (first_indices, first_text) = first.join().expect("first VM ran");
    let (second_indices, second_text) = second.join().expect("second VM ran");
    assert_eq!(first_indices, vec![0, 1, 2]);
    assert_eq!(second_indices, vec![0, 1]);
    assert_eq!(first_text, "{alpha,ok} <0.0.0>");
    assert_eq!(second_text, "{gamma,ok} <0.0.0>");
}

#[test]
fn pids_count_up_per_vm() {
    let mut vm = Vm::new();
    let first = vm.new_process(64).expect("spawns");
    let second = vm.new_process(64).expect("spawns");
    assert_eq!(first.id.local_pid_parts(), Some((0, 0)));
    assert_eq!(second.id.local_pid_parts(), Some((1, 0)));
}
