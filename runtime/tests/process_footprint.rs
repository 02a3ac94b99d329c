//! The memory a new process takes, in machine words, against BEAM's: erts documents a newly
//! spawned process as 338 words (its process structure plus the default 233-word heap and
//! stack). rbeam's should stay in that range on both word sizes, so that programs spawning
//! hundreds of thousands of processes fit where they fit on erl; this test prints the figure
//! (run with `--nocapture` to see it) and fails if it grows past the bound.

use rbeam_runtime::Vm;
use rbeam_runtime::process::Process;
use rbeam_runtime::vm::DEFAULT_PROCESS_WORDS;

/// BEAM's initial process size in words (the Efficiency Guide's "Processes" section).
const BEAM_WORDS: usize = 338;

/// The bound rbeam keeps to: BEAM's figure with a quarter of headroom.
const BOUND_WORDS: usize = BEAM_WORDS + BEAM_WORDS / 4;

const WORD: usize = core::mem::size_of::<usize>();

/// Words of a new process: its structure (boxed in the process table), the table entry
/// (pid and box pointer), the heap and stack block, and the three argument registers a spawn
/// sets (`Module`, `Function`, `Args` for `erlang:apply/3`). Empty vectors and the empty
/// mailbox allocate nothing.
fn footprint(p: &Process) -> (usize, usize, usize) {
    let structure = core::mem::size_of::<Process>().div_ceil(WORD) + 2;
    let heap_and_stack = p.block_words();
    let args = 3;
    (structure, heap_and_stack, args)
}

#[test]
fn a_new_process_stays_within_beams_footprint() {
    let mut vm = Vm::new();
    let p = vm.new_process(DEFAULT_PROCESS_WORDS).expect("spawns");
    let (structure, heap_and_stack, args) = footprint(&p);
    let total = structure + heap_and_stack + args;
    println!(
        "initial process footprint on {}-bit: {total} words ({structure} structure, \
         {heap_and_stack} heap and stack, {args} arguments; BEAM: {BEAM_WORDS}, bound {BOUND_WORDS})",
        WORD * 8
    );
    assert_eq!(heap_and_stack, DEFAULT_PROCESS_WORDS, "the heap+stack block is erts' min_heap_size");
    assert!(total <= BOUND_WORDS, "a new process takes {total} words, more than {BOUND_WORDS}");
}
