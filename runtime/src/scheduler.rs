//! The per-scheduler register block whose base address the ARM32 JIT keeps in r4.
//!
//! The X registers come first, so `x[n]` is at `[r4, #n * 4]` on ARM32: with 1024 registers
//! the last one is at byte 4092, still inside the 12-bit immediate offset of A32 `ldr`/`str`,
//! and no X register ever needs a materialised address. The float registers follow at byte
//! [`F_REGISTERS_OFFSET`] (4096 on ARM32); VFP `vldr`/`vstr` reach only ±1020 bytes, so
//! emitted code forms their base address once. The block is cache-line aligned, as erts
//! aligns `ErtsSchedulerRegisters`.

use core::mem::offset_of;

use crate::term::Term;

/// Number of X registers (erts' `MAX_REG`).
pub const X_REGISTERS: usize = 1024;
/// Number of float registers.
pub const F_REGISTERS: usize = 1024;

/// Registers of one scheduler: arguments and temporaries of the running process.
#[repr(C, align(64))]
#[derive(Debug)]
pub struct SchedulerRegisters {
    /// X registers (function arguments and return value in x0).
    pub x: [Term; X_REGISTERS],
    /// Float registers.
    pub f: [f64; F_REGISTERS],
}

/// Byte offset of `x[0]` from the block base (r4).
pub const X_REGISTERS_OFFSET: usize = offset_of!(SchedulerRegisters, x);
/// Byte offset of `f[0]` from the block base.
pub const F_REGISTERS_OFFSET: usize = offset_of!(SchedulerRegisters, f);

impl SchedulerRegisters {
    /// A block with every X register holding the non-value and every float register 0.0,
    /// allocated directly on the heap (it is 12 KiB on ARM32, 16 KiB on x86_64).
    pub fn new_boxed() -> Box<SchedulerRegisters> {
        Box::new(SchedulerRegisters { x: [Term::NON_VALUE; X_REGISTERS], f: [0.0; F_REGISTERS] })
    }

    /// Byte offset of `x[index]` from the block base.
    pub const fn x_offset(index: usize) -> usize {
        X_REGISTERS_OFFSET + index * core::mem::size_of::<Term>()
    }

    /// Byte offset of `f[index]` from the block base.
    pub const fn f_offset(index: usize) -> usize {
        F_REGISTERS_OFFSET + index * core::mem::size_of::<f64>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::tags::WORD_BYTES;

    #[test]
    fn x_registers_start_the_block_and_floats_follow() {
        assert_eq!(X_REGISTERS_OFFSET, 0);
        assert_eq!(F_REGISTERS_OFFSET, X_REGISTERS * WORD_BYTES);
        assert_eq!(SchedulerRegisters::x_offset(1023), 1023 * WORD_BYTES);
        assert_eq!(core::mem::align_of::<SchedulerRegisters>(), 64);
    }

    #[cfg(target_pointer_width = "32")]
    #[test]
    fn every_x_register_is_within_an_a32_immediate_offset() {
        assert!(SchedulerRegisters::x_offset(X_REGISTERS - 1) <= 4095);
        assert_eq!(F_REGISTERS_OFFSET, 4096);
    }

    #[test]
    fn new_block_is_cleared() {
        let registers = SchedulerRegisters::new_boxed();
        assert!(registers.x.iter().all(|x| x.is_non_value()));
        assert_eq!(registers.f[F_REGISTERS - 1], 0.0);
        assert_eq!(&*registers as *const SchedulerRegisters as usize % 64, 0);
    }
}
