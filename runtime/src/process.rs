//! The process structure the interpreter and the ARM32 JIT share.
//!
//! `Process` is `#[repr(C)]` and its first fields are the ones emitted code touches; their
//! byte offsets are exported as constants (`*_OFFSET`) and pinned by tests on both word sizes,
//! so machine code can address them as `[r8, #OFFSET]` (r8 holds `c_p`). Every JIT-visible
//! field is one word, so field *n* lives at `n * WORD_BYTES`.
//!
//! Heap and stack share one block, as in BEAM: the heap grows up from `heap` to `htop`, the
//! stack grows down from `hend` to `stop`, and the process is out of memory when they meet.
//!
//! ```text
//!   heap            htop                         stop                 hend
//!    | terms ...     | free ...                   | stack frames ...   |
//! ```
//!
//! Allocation is a bump of `htop`; when the heap is full, [`Process::alloc`] falls back to a
//! heap fragment and the interpreter collects garbage ([`crate::gc::collect`]) at its next
//! safe point, which moves the heap and the stack to a new block. Every field holding a term
//! is a root of the collector: a new one must be added to `crate::gc::roots`.

use core::mem::offset_of;

use crate::dispatch::Mfa;
use crate::heap::block::WordBlock;
use crate::heap::offheap::OffHeap;
use crate::heap::{AllocError, Allocator};
use crate::mailbox::Mailbox;
use crate::term::Term;

/// A process.
#[repr(C)]
pub struct Process {
    /// Heap top: the next free heap word (HTOP, cached in r10 by the JIT).
    pub htop: *mut usize,
    /// Stack top: the last pushed stack word (E, cached in r7 by the JIT).
    pub stop: *mut usize,
    /// Start of the heap (and of the heap+stack block).
    pub heap: *mut usize,
    /// End of the heap+stack block; the stack starts here.
    pub hend: *mut usize,
    /// Reductions left in this time slice (FCALLS, cached in r9 by the JIT).
    pub fcalls: isize,
    /// Why the current exception was raised (erts' `freason` bits, set by the interpreter).
    pub freason: usize,
    /// The value of the current exception, or the non-value.
    pub fvalue: Term,
    /// Where execution resumes when the process is scheduled in.
    pub i: *const u8,
    /// Number of active catch frames on the stack.
    pub catches: isize,
    /// The process's own pid.
    pub id: Term,
    /// Scheduler-owned state bits; the scheduler defines them.
    pub flags: usize,
    /// Messages waiting to be received.
    pub mailbox: Mailbox,
    /// X registers saved while the process is scheduled out (`arity` of them are live).
    pub arg_regs: Vec<Term>,
    /// Number of live X registers in `arg_regs`.
    pub arity: usize,
    /// Heap fragments: memory allocated when the heap proper was full (by BIFs, which must
    /// not move terms under their feet) and received messages. They belong to the young
    /// generation until the next collection copies their live terms out.
    pub fragments: Vec<Fragment>,
    /// The old generation (terms that survived a minor collection), if any.
    pub old_heap: Option<OldHeap>,
    /// Heap top at the end of the last collection: terms below it have survived once and are
    /// promoted by the next minor collection.
    pub high_water: *mut usize,
    /// Minor collections since the last major one.
    pub minor_gcs: u32,
    /// The process dictionary, in insertion order.
    pub dictionary: Vec<(Term, Term)>,
    /// The group leader (a pid).
    pub group_leader: Term,
    /// The function the process was spawned with.
    pub initial_call: Mfa,
    /// Reductions executed so far.
    pub reductions: u64,
    /// Monitors this process holds (`pid`: the monitored process).
    pub monitors: crate::monitors::MonitorList,
    /// Monitors on this process (`pid`: the monitoring process).
    pub monitored_by: crate::monitors::MonitorList,
    /// Pids of the processes linked to this one (immediates: not GC roots).
    pub links: crate::links::LinkSet,
    /// When a `receive ... after` times out, if the process is waiting with a timeout.
    pub timeout_at: Option<std::time::Instant>,
    /// Set when the receive timeout fired.
    pub timed_out: bool,
    /// `process_flag(trap_exit, ...)`.
    pub trap_exit: bool,
    /// Why the process exited, once it has.
    pub exit_reason: Term,
    /// Waiting in a receive for a message or a timeout (not in the run queue).
    pub waiting: bool,
    /// Collect at every opportunity and poison freed memory (from the VM's setting).
    pub gc_stress: bool,
    /// The garbage collector's bookkeeping (growth and sweep flags, statistics).
    pub gc: crate::gc::GcState,
    /// Sequence number of the receive timer the process waits for (stale timers are ignored).
    pub timer_seq: u64,
    /// The Rust behaviour of a native process (the group leader, for instance).
    pub native: Option<Box<dyn crate::native::Native>>,
    /// For a process spawned to compute a value for another (a native process): where to
    /// send `{Tag, {ok, Result} | {error, Reason}}` when it ends.
    pub reply_result_to: Option<(Term, Term)>,
    /// The value the initial call returned (set when the process ends normally).
    pub result: Term,
    /// The boot process (running the `-s`/`-run` functions): its crash halts the system.
    pub boot: bool,
    /// Whether the process ended with an uncaught `error` or `throw` (erl reports those).
    pub exit_class_error: bool,
    /// A process started to print another's crash report: its own crash is printed
    /// directly rather than reported by yet another process.
    pub crash_reporter: bool,
    pub(crate) off_heap: OffHeap,
    pub(crate) block: WordBlock,
}

/// A heap fragment and the off-heap objects built in it.
///
/// A fragment that holds a message keeps the message's bin refs on its own off-heap list, so
/// that the binaries are released when the message dies unreceived (on drop), and moved to
/// the receiver's list when it joins the receiver ([`Process::attach_fragment`]).
#[derive(Debug)]
pub struct Fragment {
    pub(crate) block: WordBlock,
    /// Words in use from the start.
    pub used: usize,
    pub(crate) off_heap: OffHeap,
}

impl Fragment {
    /// A fragment of `words` words, all in use (the caller builds into it right away).
    pub fn new(words: usize) -> Fragment {
        Fragment { block: WordBlock::zeroed(words.max(1)), used: words, off_heap: OffHeap::new() }
    }

    pub fn start(&self) -> *mut usize {
        self.block.start()
    }

    pub fn contains(&self, ptr: *const usize) -> bool {
        self.block.contains(ptr)
    }
}

impl Drop for Fragment {
    fn drop(&mut self) {
        // SAFETY: the block is dropped after this body; objects still linked here belong to
        // a fragment nobody uses any more (a collection or `attach_fragment` empties the list
        // of a fragment whose terms live on).
        unsafe { self.off_heap.release_all() };
    }
}

/// The old generation of a process heap.
#[derive(Debug)]
pub struct OldHeap {
    pub(crate) block: WordBlock,
    /// Next free word.
    pub top: *mut usize,
}

impl OldHeap {
    pub fn start(&self) -> *mut usize {
        self.block.start()
    }

    pub fn end(&self) -> *mut usize {
        self.block.end()
    }

    pub fn contains(&self, ptr: *const usize) -> bool {
        self.block.contains(ptr)
    }
}

/// A process monitor, as each end records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Monitor {
    /// The monitor's reference, a term of the recording process.
    pub reference: Term,
    /// The process at the other end.
    pub pid: Term,
    /// The registered name the monitor was set up with (the `'DOWN'` message names the
    /// object as `{Name, Node}` then), or NIL for a monitor by pid.
    pub name: Term,
}

/// Byte offset of [`Process::htop`].
pub const HTOP_OFFSET: usize = offset_of!(Process, htop);
/// Byte offset of [`Process::stop`].
pub const STOP_OFFSET: usize = offset_of!(Process, stop);
/// Byte offset of [`Process::heap`].
pub const HEAP_OFFSET: usize = offset_of!(Process, heap);
/// Byte offset of [`Process::hend`].
pub const HEND_OFFSET: usize = offset_of!(Process, hend);
/// Byte offset of [`Process::fcalls`].
pub const FCALLS_OFFSET: usize = offset_of!(Process, fcalls);
/// Byte offset of [`Process::freason`].
pub const FREASON_OFFSET: usize = offset_of!(Process, freason);
/// Byte offset of [`Process::fvalue`].
pub const FVALUE_OFFSET: usize = offset_of!(Process, fvalue);
/// Byte offset of [`Process::i`].
pub const I_OFFSET: usize = offset_of!(Process, i);
/// Byte offset of [`Process::catches`].
pub const CATCHES_OFFSET: usize = offset_of!(Process, catches);
/// Byte offset of [`Process::id`].
pub const ID_OFFSET: usize = offset_of!(Process, id);
/// Byte offset of [`Process::flags`].
pub const FLAGS_OFFSET: usize = offset_of!(Process, flags);

/// Free words between heap and stack that allocation never takes, so that a call can always
/// push its CP (erts' `S_RESERVED`).
pub const STACK_RESERVE: usize = 2;

/// Reductions a process gets per time slice (erts' `CONTEXT_REDS`).
pub const CONTEXT_REDUCTIONS: isize = 4000;

impl core::fmt::Debug for Process {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Process").field("id", &self.id).field("i", &self.i).finish_non_exhaustive()
    }
}

impl Process {
    /// A process with pid `id` and a heap+stack block of `words` words.
    pub fn new(id: Term, words: usize) -> Process {
        let block = WordBlock::zeroed(words);
        Process {
            htop: block.start(),
            stop: block.end(),
            heap: block.start(),
            hend: block.end(),
            fcalls: CONTEXT_REDUCTIONS,
            freason: 0,
            fvalue: Term::NON_VALUE,
            i: core::ptr::null(),
            catches: 0,
            id,
            flags: 0,
            mailbox: Mailbox::new(),
            arg_regs: Vec::new(),
            arity: 0,
            fragments: Vec::new(),
            old_heap: None,
            high_water: block.start(),
            minor_gcs: 0,
            dictionary: Vec::new(),
            group_leader: id,
            initial_call: Mfa { module: crate::atoms::ERLANG, function: crate::atoms::UNDEFINED, arity: 0 },
            reductions: 0,
            monitors: crate::monitors::MonitorList::new(),
            monitored_by: crate::monitors::MonitorList::new(),
            links: crate::links::LinkSet::new(),
            timeout_at: None,
            timed_out: false,
            trap_exit: false,
            exit_reason: crate::atoms::NORMAL,
            waiting: false,
            gc_stress: false,
            gc: crate::gc::GcState::default(),
            timer_seq: 0,
            native: None,
            reply_result_to: None,
            result: crate::atoms::UNDEFINED,
            boot: false,
            exit_class_error: false,
            crash_reporter: false,
            off_heap: OffHeap::new(),
            block,
        }
    }

    /// Allocates `words` words for terms: on the heap if they fit, else in a new heap
    /// fragment. Never collects garbage, so terms the caller holds stay where they are; the
    /// interpreter collects at its next safe point when fragments exist.
    pub fn alloc(&mut self, words: usize) -> *mut usize {
        // The last `STACK_RESERVE` free words stay free: the interpreter pushes a CP on every
        // call without a heap check, relying on them.
        if words + STACK_RESERVE <= self.free_words() {
            let start = self.htop;
            self.htop = self.htop.wrapping_add(words);
            return start;
        }
        let fragment = Fragment::new(words);
        let start = fragment.start();
        self.fragments.push(fragment);
        start
    }

    /// Makes a fragment (a received message's) part of the young generation: its terms are
    /// collected with the heap from now on and its off-heap objects join the process's list.
    pub fn attach_fragment(&mut self, mut fragment: Fragment) {
        // SAFETY: the fragment and its objects now belong to this process and live as long
        // as it keeps them in `fragments` (the next collection copies what is live out).
        unsafe { self.off_heap.append(&mut fragment.off_heap) };
        self.fragments.push(fragment);
    }

    /// Whether the interpreter should collect garbage before allocating `need` words: the
    /// free space is smaller than `need` or than the heap fragments (erts'
    /// `ERTS_IS_GC_DESIRED`: collecting copies live fragment data into the heap), or GC
    /// stress is on, which makes every opportunity a collection.
    pub fn needs_gc(&self, need: usize) -> bool {
        self.gc_stress || self.heap_short(need)
    }

    /// Whether the free space is smaller than `need` or than the heap fragments waiting to be
    /// folded in: [`Self::needs_gc`] without GC stress.
    pub fn heap_short(&self, need: usize) -> bool {
        let free = self.free_words();
        free < need || (!self.fragments.is_empty() && free < self.fragment_words())
    }

    /// Makes a received message's fragment part of this process's heap (young generation).
    pub fn adopt_fragment(&mut self, fragment: Fragment) {
        self.fragments.push(fragment);
    }

    /// Words held in heap fragments.
    pub fn fragment_words(&self) -> usize {
        self.fragments.iter().map(|f| f.used).sum()
    }

    /// The off-heap list of this process's heap (and of its fragments).
    pub fn off_heap_mut(&mut self) -> &mut OffHeap {
        &mut self.off_heap
    }

    /// Size of the heap+stack block in words.
    pub fn block_words(&self) -> usize {
        self.block.len()
    }

    /// Words between the heap top and the stack top.
    pub fn free_words(&self) -> usize {
        (self.stop as usize).saturating_sub(self.htop as usize) / core::mem::size_of::<usize>()
    }

    /// Words of heap in use.
    pub fn heap_words_used(&self) -> usize {
        (self.htop as usize - self.heap as usize) / core::mem::size_of::<usize>()
    }

    /// Words of stack in use.
    pub fn stack_words_used(&self) -> usize {
        (self.hend as usize - self.stop as usize) / core::mem::size_of::<usize>()
    }

    /// Pushes a word on the stack (a term or a CP), or fails if the heap is in the way.
    pub fn push_stack(&mut self, word: Term) -> Result<(), AllocError> {
        if self.free_words() == 0 {
            return Err(AllocError { requested: 1, available: 0 });
        }
        self.stop = self.stop.wrapping_sub(1);
        // SAFETY: there was a free word below the old stack top, inside the block.
        unsafe { self.stop.write(word.raw()) };
        Ok(())
    }

    /// Pops the word on top of the stack.
    pub fn pop_stack(&mut self) -> Option<Term> {
        if self.stop == self.hend {
            return None;
        }
        // SAFETY: `stop` is below `hend`, so it points at a pushed word inside the block.
        let word = unsafe { self.stop.read() };
        self.stop = self.stop.wrapping_add(1);
        Some(Term::from_raw(word))
    }

    /// Whether `ptr` points into this process's heap+stack block.
    pub fn owns(&self, ptr: *const usize) -> bool {
        self.block.contains(ptr)
    }
}

impl Allocator for Process {
    /// Never fails: what does not fit the heap goes into a fragment (see [`Process::alloc`]).
    fn alloc_words(&mut self, words: usize) -> Result<*mut usize, AllocError> {
        Ok(self.alloc(words))
    }

    fn off_heap(&mut self) -> &mut OffHeap {
        &mut self.off_heap
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        // SAFETY: the block is dropped after this body, and the process's terms die with it.
        unsafe { self.off_heap.release_all() };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::tags::WORD_BYTES;

    #[test]
    fn jit_visible_fields_are_consecutive_words() {
        let expected = [
            HTOP_OFFSET,
            STOP_OFFSET,
            HEAP_OFFSET,
            HEND_OFFSET,
            FCALLS_OFFSET,
            FREASON_OFFSET,
            FVALUE_OFFSET,
            I_OFFSET,
            CATCHES_OFFSET,
            ID_OFFSET,
            FLAGS_OFFSET,
        ];
        for (index, offset) in expected.into_iter().enumerate() {
            assert_eq!(offset, index * WORD_BYTES, "field {index}");
        }
    }

    #[cfg(target_pointer_width = "32")]
    #[test]
    fn offsets_on_32_bit_words() {
        assert_eq!((HTOP_OFFSET, STOP_OFFSET, HEAP_OFFSET, HEND_OFFSET), (0, 4, 8, 12));
        assert_eq!((FCALLS_OFFSET, FREASON_OFFSET, FVALUE_OFFSET, I_OFFSET), (16, 20, 24, 28));
        assert_eq!((CATCHES_OFFSET, ID_OFFSET, FLAGS_OFFSET), (32, 36, 40));
    }

    #[cfg(target_pointer_width = "64")]
    #[test]
    fn offsets_on_64_bit_words() {
        assert_eq!((HTOP_OFFSET, STOP_OFFSET, HEAP_OFFSET, HEND_OFFSET), (0, 8, 16, 24));
        assert_eq!((FCALLS_OFFSET, FREASON_OFFSET, FVALUE_OFFSET, I_OFFSET), (32, 40, 48, 56));
        assert_eq!((CATCHES_OFFSET, ID_OFFSET, FLAGS_OFFSET), (64, 72, 80));
    }

    #[test]
    fn heap_and_stack_grow_toward_each_other() {
        let pid = Term::local_pid(1, 0).expect("valid pid");
        let mut process = Process::new(pid, 8);
        assert_eq!(process.free_words(), 8);
        let first = process.alloc_words(3).expect("fits");
        assert_eq!(first, process.heap);
        assert_eq!(process.heap_words_used(), 3);
        process.push_stack(Term::NIL).expect("fits");
        process.push_stack(Term::small(7).expect("small")).expect("fits");
        assert_eq!(process.stack_words_used(), 2);
        assert_eq!(process.free_words(), 3);
        // What does not fit goes to a fragment; the heap proper is untouched.
        let frag = process.alloc(4);
        assert!(!process.owns(frag));
        assert_eq!(process.fragment_words(), 4);
        assert_eq!(process.free_words(), 3);
        // Allocation leaves `STACK_RESERVE` words for CPs: one more word fits the heap...
        let one = process.alloc(1);
        assert!(process.owns(one));
        // ...and then even a single word goes to a fragment, while the stack can still grow.
        let fragment = process.alloc(1);
        assert!(!process.owns(fragment));
        assert_eq!(process.free_words(), STACK_RESERVE);
        process.push_stack(Term::NIL).expect("the reserve takes a CP");
        process.push_stack(Term::NIL).expect("the reserve takes a CP");
        assert!(process.push_stack(Term::NIL).is_err());
        assert_eq!(process.pop_stack(), Some(Term::NIL));
        assert_eq!(process.pop_stack(), Some(Term::NIL));
        assert_eq!(process.pop_stack(), Term::small(7));
        assert_eq!(process.pop_stack(), Some(Term::NIL));
        assert_eq!(process.pop_stack(), None);
    }
}
