//! Bounded zlib inflation for the two compressed forms in a beam: the literal table and
//! compressed external terms. Both declare their inflated size up front; a corrupt or hostile
//! declaration must not drive an allocation, so output grows only as the stream produces it
//! and never past the declared size.

use crate::error::ErrorKind;
use flate2::{Decompress, FlushDecompress, Status};

/// zlib cannot expand data by more than 1032:1 (a 258-byte match costs at least two bits), so
/// a larger declared size is a lie.
const MAX_INFLATE_RATIO: u64 = 1032;

/// Inflates `stream`, which must be exactly one zlib stream producing exactly `declared`
/// bytes. On failure, returns the offset within `stream` to blame and what went wrong;
/// `what` names the data in messages.
pub fn inflate_exact(
    stream: &[u8],
    declared: u64,
    what: &'static str,
) -> Result<Vec<u8>, (usize, ErrorKind)> {
    if declared > (stream.len() as u64).saturating_mul(MAX_INFLATE_RATIO) {
        return Err((0, ErrorKind::ImplausibleCount { what, count: declared }));
    }
    let mut out = Vec::new();
    let mut zlib = Decompress::new(true);
    let mut buf = [0u8; 8192];
    loop {
        let consumed = zlib.total_in() as usize;
        let produced_before = zlib.total_out();
        // One byte more than may still come, to notice a stream that overruns its size.
        let room = (declared - produced_before).saturating_add(1).min(buf.len() as u64) as usize;
        let status = match zlib.decompress(&stream[consumed..], &mut buf[..room], FlushDecompress::None) {
            Ok(status) => status,
            Err(e) => return Err((consumed, ErrorKind::Inflate(e.to_string()))),
        };
        let produced = (zlib.total_out() - produced_before) as usize;
        if zlib.total_out() > declared {
            return Err((consumed, ErrorKind::SizeMismatch { what, declared, actual: zlib.total_out() }));
        }
        out.extend_from_slice(&buf[..produced]);
        match status {
            Status::StreamEnd => break,
            _ if produced == 0 && zlib.total_in() as usize == consumed => {
                return Err((stream.len(), ErrorKind::Truncated));
            }
            _ => {}
        }
    }
    if zlib.total_in() as usize != stream.len() {
        return Err((
            zlib.total_in() as usize,
            ErrorKind::BadEncoding("bytes after the end of a zlib stream"),
        ));
    }
    if zlib.total_out() != declared {
        return Err((stream.len(), ErrorKind::SizeMismatch { what, declared, actual: zlib.total_out() }));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn deflate(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn inflates_exactly() {
        let z = deflate(b"hello hello hello");
        assert_eq!(inflate_exact(&z, 17, "t").unwrap(), b"hello hello hello");
    }

    #[test]
    fn refuses_lies() {
        let z = deflate(&[7; 1000]);
        assert!(matches!(inflate_exact(&z, 999, "t"), Err((_, ErrorKind::SizeMismatch { .. }))));
        assert!(matches!(inflate_exact(&z, 1001, "t"), Err((_, ErrorKind::SizeMismatch { .. }))));
        assert!(matches!(
            inflate_exact(&z, u64::from(u32::MAX), "t"),
            Err((0, ErrorKind::ImplausibleCount { .. }))
        ));
        assert!(inflate_exact(&z[..z.len() - 3], 1000, "t").is_err());
        let mut extra = z.clone();
        extra.push(0);
        assert!(matches!(inflate_exact(&extra, 1000, "t"), Err((_, ErrorKind::BadEncoding(_)))));
        assert!(matches!(inflate_exact(b"\x78\x9cgarbage", 10, "t"), Err((_, ErrorKind::Inflate(_)))));
    }
}
