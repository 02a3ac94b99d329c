//! Off-heap binaries: reference-counted byte buffers shared between heaps (erts' `Binary`).
//!
//! Layout (OTP 27 `erl_binary.h`, `struct binary_internals` + `Binary`), four words followed by
//! the bytes:
//!
//! | word | field           | use here                                                      |
//! |------|-----------------|---------------------------------------------------------------|
//! | 0    | `flags`         | always 0: no magic, driver or writable binaries yet            |
//! | 1    | `apparent_size` | always 0 (only meaningful for writable binaries)               |
//! | 2    | `refc`          | atomic reference count, one per `BinRef` pointing here         |
//! | 3    | `orig_size`     | number of bytes                                               |
//! | 4..  | `orig_bytes`    | the bytes, 8-byte aligned (16 bytes in on 32-bit, 32 on 64-bit) |
//!
//! The count is atomic because a binary is shared by every heap holding a `BinRef` to it,
//! and those heaps belong to processes that run on different schedulers.

use core::alloc::Layout;
use core::ptr::NonNull;
use core::sync::atomic::{AtomicUsize, Ordering, fence};

/// The fixed part of an off-heap binary; the bytes follow it in the same allocation.
#[repr(C)]
pub struct Binary {
    flags: usize,
    apparent_size: usize,
    refc: AtomicUsize,
    orig_size: usize,
}

/// Alignment of the allocation and therefore of the bytes (erts requires 8 even on 32-bit).
const BINARY_ALIGN: usize = 8;

/// Byte offset of the data from the start of a [`Binary`] (`offsetof(Binary, orig_bytes)`).
pub const BINARY_DATA_OFFSET: usize = core::mem::size_of::<Binary>();

/// Byte offset of the reference count, for emitted code that shares binaries.
pub const BINARY_REFC_OFFSET: usize = core::mem::offset_of!(Binary, refc);

/// Byte offset of the size in bytes.
pub const BINARY_SIZE_OFFSET: usize = core::mem::offset_of!(Binary, orig_size);

const _: () = assert!(BINARY_DATA_OFFSET % BINARY_ALIGN == 0);

impl Binary {
    fn layout(size: usize) -> Option<Layout> {
        let total = BINARY_DATA_OFFSET.checked_add(size)?;
        Layout::from_size_align(total, BINARY_ALIGN).ok()
    }

    /// Allocates a binary holding a copy of `bytes`, with a reference count of 1 owned by the
    /// caller. `None` if the size cannot be represented.
    pub fn allocate(bytes: &[u8]) -> Option<NonNull<Binary>> {
        let layout = Binary::layout(bytes.len())?;
        // SAFETY: the layout has a non-zero size (the header alone is 16 or 32 bytes).
        let raw = unsafe { std::alloc::alloc(layout) };
        let Some(binary) = NonNull::new(raw.cast::<Binary>()) else {
            std::alloc::handle_alloc_error(layout);
        };
        let header = Binary { flags: 0, apparent_size: 0, refc: AtomicUsize::new(1), orig_size: bytes.len() };
        // SAFETY: the allocation is large enough and aligned for the header followed by
        // `bytes.len()` bytes, and nothing else refers to it yet.
        unsafe {
            binary.as_ptr().write(header);
            let data = raw.add(BINARY_DATA_OFFSET);
            core::ptr::copy_nonoverlapping(bytes.as_ptr(), data, bytes.len());
        }
        Some(binary)
    }

    /// The bytes of the binary.
    ///
    /// # Safety
    /// `binary` must point to a live binary made by [`Binary::allocate`], and the caller must
    /// hold a reference to it for `'a`.
    pub unsafe fn bytes<'a>(binary: NonNull<Binary>) -> &'a [u8] {
        // SAFETY: the binary is live (caller), so its header is readable and `orig_size`
        // bytes follow at the data offset.
        unsafe {
            let size = (*binary.as_ptr()).orig_size;
            let data = binary.as_ptr().cast::<u8>().add(BINARY_DATA_OFFSET);
            core::slice::from_raw_parts(data, size)
        }
    }

    /// The current reference count (for tests and diagnostics; it may change concurrently).
    ///
    /// # Safety
    /// `binary` must point to a live binary.
    pub unsafe fn ref_count(binary: NonNull<Binary>) -> usize {
        // SAFETY: live binary (caller).
        unsafe { (*binary.as_ptr()).refc.load(Ordering::Relaxed) }
    }

    /// Adds a reference.
    ///
    /// # Safety
    /// `binary` must point to a live binary on which the caller already holds a reference.
    pub unsafe fn retain(binary: NonNull<Binary>) {
        // SAFETY: live binary (caller). Relaxed suffices for an increment made while holding
        // a reference, as with `Arc::clone`.
        unsafe { (*binary.as_ptr()).refc.fetch_add(1, Ordering::Relaxed) };
    }

    /// Drops a reference, freeing the binary when it was the last.
    ///
    /// # Safety
    /// `binary` must point to a live binary and the caller must own one of its references,
    /// which it gives up here.
    pub unsafe fn release(binary: NonNull<Binary>) {
        // SAFETY: live binary (caller); Release orders this owner's reads of the bytes before
        // the decrement, the Acquire fence below orders the free after every other owner's.
        let previous = unsafe { (*binary.as_ptr()).refc.fetch_sub(1, Ordering::Release) };
        if previous != 1 {
            return;
        }
        fence(Ordering::Acquire);
        // SAFETY: that was the last reference, so nobody else can reach the allocation.
        let size = unsafe { (*binary.as_ptr()).orig_size };
        if let Some(layout) = Binary::layout(size) {
            // SAFETY: allocated in `allocate` with exactly this layout.
            unsafe { std::alloc::dealloc(binary.as_ptr().cast::<u8>(), layout) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_offset_is_four_words_and_eight_aligned() {
        assert_eq!(BINARY_DATA_OFFSET, 4 * core::mem::size_of::<usize>());
        assert_eq!(BINARY_REFC_OFFSET, 2 * core::mem::size_of::<usize>());
    }

    #[test]
    fn reference_counting_frees_on_last_release() {
        let binary = Binary::allocate(b"hello").expect("allocates");
        // SAFETY: `binary` is live and we hold its first reference throughout.
        unsafe {
            assert_eq!(Binary::bytes(binary), b"hello");
            assert_eq!(binary.as_ptr().cast::<u8>().add(BINARY_DATA_OFFSET) as usize % 8, 0);
            Binary::retain(binary);
            assert_eq!(Binary::ref_count(binary), 2);
            Binary::release(binary);
            assert_eq!(Binary::ref_count(binary), 1);
            Binary::release(binary);
        }
    }
}
