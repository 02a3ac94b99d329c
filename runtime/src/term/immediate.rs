//! Immediate terms: the value lives in the word itself.
//!
//! Small integers are `value << 4 | 0xF`, atoms `index << 6 | 0x0B`, catch labels
//! `index << 6 | 0x1B`, `[]` is `0x3B`. Local pids are `(serial << 28 | number) << 4 | 0x3`:
//! 28 bits of number and, on 64-bit words only, 32 bits of serial above it (erts'
//! `_PID_NUM_SIZE`/`_PID_DATA_SIZE`). Local ports are `number << 4 | 0x7`. A continuation
//! pointer (CP) is a raw code address with the low two bits clear; on the stack it is told apart
//! from every term by that primary tag, which no stack-resident term has.

use super::Term;
use super::tags::{
    CP_MASK, IMMED1_MASK, IMMED1_PID, IMMED1_PORT, IMMED1_SIZE, IMMED1_SMALL, IMMED2_ATOM, IMMED2_CATCH,
    IMMED2_MASK, IMMED2_NIL, IMMED2_SIZE, MAX_ATOM_INDEX, MAX_SMALL, MIN_SMALL, WORD_BITS,
};

/// Bits of a local pid's number field.
pub const PID_NUMBER_BITS: u32 = 28;
/// Bits of a local pid's serial field: 32 on 64-bit words, none on 32-bit words.
pub const PID_SERIAL_BITS: u32 = WORD_BITS - IMMED1_SIZE - PID_NUMBER_BITS;
/// Bits of a local port's number.
pub const PORT_NUMBER_BITS: u32 = WORD_BITS - IMMED1_SIZE;

impl Term {
    /// `[]`.
    pub const NIL: Term = Term::from_raw(IMMED2_NIL);

    /// The small integer `value`, or `None` outside [`MIN_SMALL`]`..=`[`MAX_SMALL`] (such
    /// values need a bignum).
    #[inline]
    pub const fn small(value: i64) -> Option<Term> {
        if value < MIN_SMALL || value > MAX_SMALL {
            return None;
        }
        Some(Term::from_raw(((value as usize) << IMMED1_SIZE) | IMMED1_SMALL))
    }

    /// Whether the word is a small integer.
    #[inline]
    pub const fn is_small(self) -> bool {
        self.raw() & IMMED1_MASK == IMMED1_SMALL
    }

    /// The value of a small integer.
    #[inline]
    pub const fn small_value(self) -> Option<i64> {
        if self.is_small() { Some(((self.raw() as isize) >> IMMED1_SIZE) as i64) } else { None }
    }

    /// The atom with the given atom-table index, or `None` if the index cannot be tagged.
    #[inline]
    pub const fn atom(index: u32) -> Option<Term> {
        if index as usize > MAX_ATOM_INDEX {
            return None;
        }
        Some(Term::from_raw(((index as usize) << IMMED2_SIZE) | IMMED2_ATOM))
    }

    /// Whether the word is an atom.
    #[inline]
    pub const fn is_atom(self) -> bool {
        self.raw() & IMMED2_MASK == IMMED2_ATOM
    }

    /// The atom-table index of an atom.
    #[inline]
    pub const fn atom_index(self) -> Option<u32> {
        if self.is_atom() { Some((self.raw() >> IMMED2_SIZE) as u32) } else { None }
    }

    /// Whether the word is `[]`.
    #[inline]
    pub const fn is_nil(self) -> bool {
        self.raw() == IMMED2_NIL
    }

    /// A catch label with the given catch-table index.
    #[inline]
    pub const fn catch(index: u32) -> Option<Term> {
        if index as usize > MAX_ATOM_INDEX {
            return None;
        }
        Some(Term::from_raw(((index as usize) << IMMED2_SIZE) | IMMED2_CATCH))
    }

    /// Whether the word is a catch label.
    #[inline]
    pub const fn is_catch(self) -> bool {
        self.raw() & IMMED2_MASK == IMMED2_CATCH
    }

    /// The catch-table index of a catch label.
    #[inline]
    pub const fn catch_index(self) -> Option<u32> {
        if self.is_catch() { Some((self.raw() >> IMMED2_SIZE) as u32) } else { None }
    }

    /// The local pid `<0.number.serial>`, or `None` if a field does not fit (the serial must
    /// be 0 on 32-bit words, where the pid has no serial bits).
    #[inline]
    pub const fn local_pid(number: u32, serial: u32) -> Option<Term> {
        if number >> PID_NUMBER_BITS != 0 {
            return None;
        }
        let serial = serial as usize;
        if PID_SERIAL_BITS < 32 && serial >> PID_SERIAL_BITS != 0 {
            return None;
        }
        let data = (serial << PID_NUMBER_BITS) | number as usize;
        Some(Term::from_raw((data << IMMED1_SIZE) | IMMED1_PID))
    }

    /// Whether the word is a local pid.
    #[inline]
    pub const fn is_local_pid(self) -> bool {
        self.raw() & IMMED1_MASK == IMMED1_PID
    }

    /// The data bits of a local pid (`serial << 28 | number`), which is also the order erts
    /// sorts local pids in.
    #[inline]
    pub const fn local_pid_data(self) -> Option<usize> {
        if self.is_local_pid() { Some(self.raw() >> IMMED1_SIZE) } else { None }
    }

    /// The number and serial of a local pid.
    #[inline]
    pub const fn local_pid_parts(self) -> Option<(u32, u32)> {
        match self.local_pid_data() {
            Some(data) => {
                let number = (data & ((1 << PID_NUMBER_BITS) - 1)) as u32;
                let serial = (data as u64 >> PID_NUMBER_BITS) as u32;
                Some((number, serial))
            }
            None => None,
        }
    }

    /// The local port `#Port<0.number>`, or `None` if the number needs more than
    /// [`PORT_NUMBER_BITS`].
    #[inline]
    pub const fn local_port(number: u64) -> Option<Term> {
        if PORT_NUMBER_BITS < 64 && number >> PORT_NUMBER_BITS != 0 {
            return None;
        }
        Some(Term::from_raw(((number as usize) << IMMED1_SIZE) | IMMED1_PORT))
    }

    /// Whether the word is a local port.
    #[inline]
    pub const fn is_local_port(self) -> bool {
        self.raw() & IMMED1_MASK == IMMED1_PORT
    }

    /// The number of a local port.
    #[inline]
    pub const fn local_port_number(self) -> Option<u64> {
        if self.is_local_port() { Some((self.raw() >> IMMED1_SIZE) as u64) } else { None }
    }

    /// A continuation pointer to `code`, or `None` if the address is not 4-byte aligned (A32
    /// instructions always are, so every return address is a valid CP).
    #[inline]
    pub fn cp(code: *const u8) -> Option<Term> {
        let address = code as usize;
        if address & CP_MASK != 0 || address == 0 {
            return None;
        }
        Some(Term::from_raw(address))
    }

    /// Whether a stack word is a continuation pointer rather than a term. Stack slots never
    /// hold header words, and the non-value (0) is not a CP.
    #[inline]
    pub const fn is_cp(self) -> bool {
        self.raw() & CP_MASK == 0 && self.raw() != 0
    }

    /// The code address of a continuation pointer.
    #[inline]
    pub fn cp_address(self) -> Option<*const u8> {
        if self.is_cp() { Some(self.raw() as *const u8) } else { None }
    }
}
