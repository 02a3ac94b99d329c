//! The IFF container: `FOR1 <size> BEAM` followed by chunks, each a four-byte id, a big-endian
//! u32 size, the data and zero padding to the next multiple of four.

use crate::error::{ChunkId, ErrorKind, LoadError, Located, PResult, fail, offset_of};
use nom::bytes::complete::{tag, take};
use nom::number::complete::be_u32;

/// One chunk of a BEAM file, borrowed from the file's bytes.
#[derive(Clone, Copy, Debug)]
pub struct Chunk<'a> {
    pub id: ChunkId,
    /// The chunk's data, without the header and padding.
    pub data: &'a [u8],
    /// Offset of `data` in the file.
    pub offset: usize,
}

fn chunk_header(input: &[u8]) -> PResult<'_, (ChunkId, &[u8])> {
    let (rest, id) = take(4usize)(input)?;
    let (rest, size) = be_u32(rest)?;
    let size = size as usize;
    if size > rest.len() {
        return fail(input, ErrorKind::ChunkOverrun { declared: size as u64, available: rest.len() as u64 });
    }
    let (rest, data) = take(size)(rest)?;
    // Padding: up to three bytes. A last chunk without its padding is tolerated, as erts does.
    let pad = (4 - size % 4) % 4;
    let rest = &rest[pad.min(rest.len())..];
    let mut id4 = [0u8; 4];
    id4.copy_from_slice(id);
    Ok((rest, (ChunkId(id4), data)))
}

/// Splits a file into its chunks, in file order. Checks the form header and size; the chunks'
/// contents are parsed by their own modules.
pub fn chunks(file: &[u8]) -> Result<Vec<Chunk<'_>>, LoadError> {
    let header = |input| -> PResult<'_, u32> {
        let (input, _) = tag(&b"FOR1"[..])(input)?;
        let (input, size) = be_u32(input)?;
        let (input, _) = tag(&b"BEAM"[..])(input)?;
        Ok((input, size))
    };
    let (mut rest, form_size) = match header(file) {
        Ok(ok) => ok,
        Err(_) => return Err(LoadError::new(None, 0, ErrorKind::NotABeamFile)),
    };
    // The form size counts everything after the size field.
    let actual = file.len() as u64 - 8;
    if form_size < 4 || u64::from(form_size) > actual || u64::from(form_size) + 3 < actual {
        return Err(LoadError::new(
            None,
            4,
            ErrorKind::BadFormSize { declared: u64::from(form_size), actual },
        ));
    }
    rest = &rest[..(form_size as usize - 4).min(rest.len())];
    let mut out = Vec::new();
    while rest.len() >= 8 {
        let (next, (id, data)) = chunk_header(rest).locate(file, None)?;
        out.push(Chunk { id, data, offset: offset_of(file, data) });
        rest = next;
    }
    if !rest.is_empty() {
        return Err(LoadError::new(None, offset_of(file, rest), ErrorKind::Truncated));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(chunks: &[(&[u8; 4], &[u8])]) -> Vec<u8> {
        let mut body = b"BEAM".to_vec();
        for (id, data) in chunks {
            body.extend_from_slice(&id[..]);
            body.extend_from_slice(&(data.len() as u32).to_be_bytes());
            body.extend_from_slice(data);
            while body.len() % 4 != 0 {
                body.push(0);
            }
        }
        let mut file = b"FOR1".to_vec();
        file.extend_from_slice(&(body.len() as u32).to_be_bytes());
        file.extend_from_slice(&body);
        file
    }

    #[test]
    fn splits_chunks_with_padding() {
        let file = form(&[(b"AtU8", b"abcde"), (b"Code", b"xyz"), (b"Zzzz", b"")]);
        let cs = chunks(&file).unwrap();
        assert_eq!(cs.len(), 3);
        assert_eq!(cs[0].id, ChunkId::ATU8);
        assert_eq!(cs[0].data, b"abcde");
        assert_eq!(cs[0].offset, 20);
        assert_eq!(cs[1].data, b"xyz");
        assert_eq!(cs[1].offset, 36);
        assert_eq!(cs[2].data, b"");
    }

    #[test]
    fn rejects_bad_headers() {
        assert_eq!(chunks(b"").unwrap_err().kind, ErrorKind::NotABeamFile);
        assert_eq!(chunks(b"FOR1\0\0\0\x04BEAX").unwrap_err().kind, ErrorKind::NotABeamFile);
        let mut file = form(&[(b"AtU8", b"abcd")]);
        file[7] += 8;
        assert!(matches!(chunks(&file).unwrap_err().kind, ErrorKind::BadFormSize { .. }));
    }

    #[test]
    fn chunk_overrun_is_located() {
        let mut file = form(&[(b"AtU8", b"abcd")]);
        file[19] = 200;
        let err = chunks(&file).unwrap_err();
        assert_eq!(err.offset, 12);
        assert!(matches!(err.kind, ErrorKind::ChunkOverrun { declared: 200, available: 4 }));
    }
}
