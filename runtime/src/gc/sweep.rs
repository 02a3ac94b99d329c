//! The off-heap sweep (erts' `sweep_off_heap`): after evacuation, every bin ref (or external
//! identifier) on an off-heap list is either outside from-space (kept as is), moved (its copy
//! takes over the reference and the list slot), or dead (its reference is given back, which
//! frees a binary nobody else holds).

use super::space::FromSpace;
use crate::heap::offheap::OffHeap;
use crate::term::tags::{PRIMARY_BOXED, PRIMARY_MASK};

/// Relinks the live objects of `list` onto `into` and releases the dead ones; `list` ends
/// empty (it may be `into`'s own objects, detached first).
///
/// # Safety
/// Evacuation with `from` must just have finished: from-space objects are intact except for
/// forwarding headers, and every copy is complete.
pub(super) unsafe fn sweep(list: &mut OffHeap, into: &mut OffHeap, from: &FromSpace) {
    let mut object = list.detach();
    while !object.is_null() {
        // SAFETY: linked objects are alive and keep their `next` word (caller); it is read
        // before the object is relinked or released.
        unsafe {
            let next = OffHeap::next_of(object);
            if from.classify(object as usize).is_none() {
                into.push(object);
            } else {
                let header = object.read();
                if header & PRIMARY_MASK == PRIMARY_BOXED {
                    into.push((header - PRIMARY_BOXED) as *mut usize);
                } else {
                    OffHeap::release_object(object);
                }
            }
            object = next;
        }
    }
}
