//! A whole running system: a VM, the interpreter engine, the group leader, and the boot
//! sequence of `-s`/`-run` calls — what the `rbeam` binary runs, and what a program
//! embedding rbeam owns.

use std::path::PathBuf;

use rbeam_runtime::dispatch::Mfa;
use rbeam_runtime::io::GroupLeader;
use rbeam_runtime::literal::LiteralArea;
use rbeam_runtime::term::TermBuilder;
use rbeam_runtime::vm::DEFAULT_PROCESS_WORDS;
use rbeam_runtime::{Term, Vm, schedule};

use crate::codepath::{CodePath, EmbeddedLookup};
use crate::instr::Instr;
use crate::{Engine, load};

/// How to set a system up.
#[derive(Clone, Default)]
pub struct Options {
    /// `-pa` directories, searched first.
    pub pa: Vec<PathBuf>,
    /// The installed OTP's root, whose `lib/*/ebin` directories follow on the code path.
    pub otp_root: Option<PathBuf>,
    /// rbeam's stand-ins for OTP modules, searched right after `pa`.
    pub standins: Option<EmbeddedLookup>,
    /// The boot set embedded in the binary, searched last.
    pub embedded: Option<EmbeddedLookup>,
    /// Collect garbage at every opportunity (`RBEAM_GC_STRESS=1`).
    pub gc_stress: bool,
    /// The most processes alive at once (`+P`); erts' default when `None`.
    pub process_limit: Option<usize>,
}

/// One call of the boot sequence: `-s Module Function Args...` (atoms) or `-run ...`
/// (strings).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BootCall {
    pub module: String,
    pub function: String,
    /// `None`: call with no arguments; `Some(args)`: call with one argument, the list.
    pub args: Option<Vec<String>>,
    /// `-run`: arguments are strings, not atoms.
    pub strings: bool,
}

/// A VM with its engine and group leader.
pub struct System {
    pub vm: Vm,
    pub engine: Engine,
    /// The group leader of processes the system starts.
    pub group_leader: Term,
    /// Code and arguments of the boot sequence, kept alive while it runs.
    boot: Vec<(Box<[Instr]>, LiteralArea)>,
}

impl System {
    pub fn new(options: Options) -> System {
        let mut vm = Vm::new();
        vm.gc_stress = options.gc_stress;
        if let Some(limit) = options.process_limit {
            vm.process_limit = limit;
        }
        let code_path =
            CodePath::new(options.pa, options.otp_root.as_deref(), options.standins, options.embedded);
        let engine = Engine::new(&mut vm, code_path);
        let group_leader = GroupLeader::start(&mut vm);
        GroupLeader::start_standard_error(&mut vm);
        // erl's `init` process: code looks it up (`whereis(init)`); rbeam's boot is elsewhere.
        let _ = rbeam_runtime::native::start(&mut vm, Box::new(rbeam_runtime::native::Idle), Some("init"));
        System { vm, engine, group_leader, boot: Vec::new() }
    }

    /// Loads a module from its bytes (as `code:load_binary/3`).
    pub fn load(&mut self, bytes: &[u8], path: Option<PathBuf>) -> Result<Term, load::LoadFailure> {
        load::load_module(&mut self.vm, &self.engine.loader, bytes, path, None)
    }

    /// Starts the boot process, which makes the calls in order and then stops the system with
    /// status 0. A call that raises stops it with status 1, as erl's `init` does.
    pub fn boot(&mut self, calls: &[BootCall]) {
        let mut words = 0;
        for c in calls {
            if let Some(args) = &c.args {
                words += 2 * args.len() + args.iter().map(|a| 2 * a.chars().count()).sum::<usize>();
            }
        }
        let vm = &mut self.vm;
        let mut exports = Vec::new();
        for c in calls {
            let module = vm.atoms.intern(&c.module).unwrap_or(Term::NIL);
            let function = vm.atoms.intern(&c.function).unwrap_or(Term::NIL);
            let arity = usize::from(c.args.is_some());
            exports.push(vm.exports.entry(Mfa { module, function, arity }).as_ptr() as *const _);
        }
        let atoms = &mut vm.atoms;
        let area = LiteralArea::build(words * 2 + 8, |heap| {
            let mut b = TermBuilder::new(heap, atoms);
            let mut roots = Vec::new();
            for c in calls {
                let list = match &c.args {
                    None => Term::NIL,
                    Some(args) => {
                        let items = args
                            .iter()
                            .map(|a| if c.strings { b.string(a) } else { b.atom(a) })
                            .collect::<Result<Vec<Term>, _>>()?;
                        let inner = b.list(&items)?;
                        b.list(&[inner])?
                    }
                };
                roots.push(list);
            }
            Ok(roots)
        });
        let Ok(area) = area else { return };
        let mut code: Vec<Instr> = exports
            .iter()
            .zip(area.roots())
            .map(|(&export, &args)| Instr::BootCall { export, args })
            .collect();
        code.push(Instr::BootDone);
        let code = code.into_boxed_slice();
        let Ok(mut p) = self.vm.new_process(DEFAULT_PROCESS_WORDS) else { return };
        p.boot = true;
        // erl runs the boot calls in a process that traps exits (init's `do_boot`).
        p.trap_exit = true;
        p.group_leader = self.group_leader;
        let _ = p.push_stack(Term::from_raw(self.vm.normal_exit));
        p.i = code.as_ptr() as *const u8;
        self.vm.start_process(p);
        self.boot.push((code, area));
    }

    /// Runs until the system halts; returns the exit status.
    pub fn run(&mut self) -> i32 {
        schedule::run(&mut self.vm, &self.engine)
    }
}
