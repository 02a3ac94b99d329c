//! The fixed-width tables: imports (`ImpT`), exports (`ExpT`), locals (`LocT`) and funs
//! (`FunT`). Each is a u32 count followed by entries of big-endian u32 fields.

use crate::error::{ErrorKind, PResult, fail};
use nom::number::complete::be_u32;

/// An imported function; call instructions refer to it by 0-based index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Import {
    pub module: u32,
    pub function: u32,
    pub arity: u32,
}

/// An exported (or, in `LocT`, local) function and its entry label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Export {
    pub function: u32,
    pub arity: u32,
    pub label: u32,
}

/// A fun (lambda) defined in the module; `make_fun3` refers to it by 0-based index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lambda {
    pub function: u32,
    /// Arity of the implementing function: the fun's own arity plus its free variables.
    pub arity: u32,
    pub label: u32,
    pub index: u32,
    pub num_free: u32,
    pub old_uniq: u32,
}

/// Reads a table of `N`-field entries, checking the count against the data first so a corrupt
/// count cannot size an allocation.
fn table<'a, const N: usize, T>(
    data: &'a [u8],
    what: &'static str,
    make: impl Fn([u32; N]) -> T,
) -> PResult<'a, Vec<T>> {
    let (mut input, count) = be_u32(data)?;
    if u64::from(count) * 4 * N as u64 > input.len() as u64 {
        return fail(data, ErrorKind::ImplausibleCount { what, count: u64::from(count) });
    }
    let mut out = Vec::with_capacity(count as usize);
    for _ in 0..count {
        let mut fields = [0u32; N];
        for f in &mut fields {
            let (rest, v) = be_u32(input)?;
            *f = v;
            input = rest;
        }
        out.push(make(fields));
    }
    Ok((input, out))
}

pub fn imports(data: &[u8]) -> PResult<'_, Vec<Import>> {
    table(data, "import", |[module, function, arity]| Import { module, function, arity })
}

/// Parses `ExpT` or `LocT`.
pub fn exports(data: &[u8]) -> PResult<'_, Vec<Export>> {
    table(data, "export", |[function, arity, label]| Export { function, arity, label })
}

pub fn lambdas(data: &[u8]) -> PResult<'_, Vec<Lambda>> {
    table(data, "fun", |[function, arity, label, index, num_free, old_uniq]| Lambda {
        function,
        arity,
        label,
        index,
        num_free,
        old_uniq,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(ws: &[u32]) -> Vec<u8> {
        ws.iter().flat_map(|w| w.to_be_bytes()).collect()
    }

    #[test]
    fn reads_entries() {
        let d = words(&[2, 1, 2, 3, 4, 5, 6]);
        let (_, imps) = imports(&d).unwrap();
        assert_eq!(
            imps,
            vec![Import { module: 1, function: 2, arity: 3 }, Import { module: 4, function: 5, arity: 6 }]
        );
        let d = words(&[1, 7, 2, 9, 0, 1, 0x1234]);
        let (_, funs) = lambdas(&d).unwrap();
        assert_eq!(funs[0].label, 9);
        assert_eq!(funs[0].old_uniq, 0x1234);
    }

    #[test]
    fn implausible_count_fails_before_allocating() {
        let d = words(&[u32::MAX, 1, 2, 3]);
        let err = exports(&d).unwrap_err();
        assert!(matches!(err, nom::Err::Failure(e) if matches!(e.kind, ErrorKind::ImplausibleCount { .. })));
        assert!(imports(&words(&[2, 1, 2, 3, 4])).is_err());
    }
}
