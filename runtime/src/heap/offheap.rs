//! The off-heap list: heap objects that hold a counted reference to something outside the heap.
//!
//! As in erts (`ErlOffHeap`), such objects are chained through a `next` word so that the
//! owner of the heap can give their references back when the heap dies (and, later, when the
//! garbage collector finds them dead). Every linked object has its `next` field at word 2:
//! `BinRef` is `[header, Binary*, next]` and external pids/ports/refs are
//! `[header, node*, next, data...]`. Only `BinRef`s are created so far.

use core::ptr::NonNull;

use super::binary::Binary;
use crate::term::tags::{BIN_REF_SUBTAG, header_subtag};

/// Word index of the `next` link inside every off-heap object.
pub const OFF_HEAP_NEXT_WORD: usize = 2;

/// The head of a heap's off-heap list (erts' `ErlOffHeap.first`).
#[repr(C)]
#[derive(Debug)]
pub struct OffHeap {
    first: *mut usize,
}

impl Default for OffHeap {
    fn default() -> OffHeap {
        OffHeap::new()
    }
}

impl OffHeap {
    /// An empty list.
    pub const fn new() -> OffHeap {
        OffHeap { first: core::ptr::null_mut() }
    }

    /// Whether nothing is linked.
    pub fn is_empty(&self) -> bool {
        self.first.is_null()
    }

    /// Links the object at `object` (its header word) at the front of the list.
    ///
    /// # Safety
    /// `object` must be a fully written off-heap object with a `next` word at index 2, living
    /// in the heap that owns this list, and not linked yet. Its reference is released by
    /// [`OffHeap::release_all`].
    pub(crate) unsafe fn push(&mut self, object: *mut usize) {
        // SAFETY: the object has a `next` word at index 2 (caller).
        unsafe { object.add(OFF_HEAP_NEXT_WORD).write(self.first as usize) };
        self.first = object;
    }

    /// Gives back the reference of every linked object and empties the list.
    ///
    /// # Safety
    /// The heap holding the linked objects must still be alive and nothing may use the
    /// objects' references afterwards.
    pub(crate) unsafe fn release_all(&mut self) {
        let mut object = self.detach();
        while !object.is_null() {
            // SAFETY: every linked object is alive and well formed (push's contract); the
            // link is read before the object gives its reference back.
            unsafe {
                let next = OffHeap::next_of(object);
                OffHeap::release_object(object);
                object = next;
            }
        }
    }

    /// The first linked object (null when the list is empty).
    pub(crate) fn first_object(&self) -> *mut usize {
        self.first
    }

    /// Unlinks every object at once and returns the first (null when the list is empty). The
    /// caller takes over the objects' references: it must relink ([`OffHeap::push`]) or
    /// release ([`OffHeap::release_object`]) each one, reading its link first.
    pub(crate) fn detach(&mut self) -> *mut usize {
        core::mem::replace(&mut self.first, core::ptr::null_mut())
    }

    /// The object linked after `object` (null at the end).
    ///
    /// # Safety
    /// `object` must be a live object that was linked into a list.
    pub(crate) unsafe fn next_of(object: *const usize) -> *mut usize {
        // SAFETY: a linked object has its `next` word at index 2 (caller).
        unsafe { object.add(OFF_HEAP_NEXT_WORD).read() as *mut usize }
    }

    /// Gives back the counted reference one unlinked object holds (a `BinRef`'s binary;
    /// external identifiers hold none yet).
    ///
    /// # Safety
    /// `object` must be a well-formed off-heap object whose reference has not been given
    /// back yet, and nothing may use that reference afterwards.
    pub(crate) unsafe fn release_object(object: *const usize) {
        // SAFETY: the object's header and target words are readable (caller).
        let (header, target) = unsafe { (object.read(), object.add(1).read()) };
        if header_subtag(header) == BIN_REF_SUBTAG {
            if let Some(binary) = NonNull::new(target as *mut Binary) {
                // SAFETY: a linked BinRef owns exactly one reference to its binary.
                unsafe { Binary::release(binary) };
            }
        }
    }

    /// Moves every object of `other` onto this list (a heap fragment joining a process).
    ///
    /// # Safety
    /// The objects of `other` must be alive and from now on belong to the owner of `self`.
    pub(crate) unsafe fn append(&mut self, other: &mut OffHeap) {
        let mut object = other.detach();
        while !object.is_null() {
            // SAFETY: every object of `other` is alive (caller); its link is read before
            // `push` overwrites it.
            unsafe {
                let next = OffHeap::next_of(object);
                self.push(object);
                object = next;
            }
        }
    }

    /// Number of linked objects (for tests and diagnostics).
    ///
    /// # Safety
    /// Every linked object must still be alive.
    pub unsafe fn len(&self) -> usize {
        let mut count = 0;
        let mut object = self.first;
        while !object.is_null() {
            count += 1;
            // SAFETY: linked objects are alive (caller).
            object = unsafe { OffHeap::next_of(object) };
        }
        count
    }
}
