//! UTF-8, UTF-16 and UTF-32 segments: encoding a code point (or refusing one that is not a
//! Unicode scalar value) and decoding one with erts' exact acceptance rules.

/// Whether `c` is a code point bit syntax accepts: `0..=0x10FFFF` minus the surrogates.
pub fn is_scalar(c: i64) -> bool {
    (0..=0x10FFFF).contains(&c) && !(0xD800..=0xDFFF).contains(&c)
}

/// Bytes of the UTF-8 encoding of `c` (as erts sizes it before checking it).
pub fn utf8_len(c: i64) -> usize {
    match c {
        ..=0x7F => 1,
        0x80..=0x7FF => 2,
        0x800..=0xFFFF => 3,
        _ => 4,
    }
}

/// Bytes of the UTF-16 encoding of `c` (as erts sizes it before checking it).
pub fn utf16_len(c: i64) -> usize {
    if c < 0x10000 { 2 } else { 4 }
}

/// The UTF-8 encoding of a scalar value.
pub fn encode_utf8(c: u32, out: &mut [u8; 4]) -> usize {
    match c {
        0..=0x7F => {
            out[0] = c as u8;
            1
        }
        0x80..=0x7FF => {
            out[0] = 0xC0 | (c >> 6) as u8;
            out[1] = 0x80 | (c & 0x3F) as u8;
            2
        }
        0x800..=0xFFFF => {
            out[0] = 0xE0 | (c >> 12) as u8;
            out[1] = 0x80 | ((c >> 6) & 0x3F) as u8;
            out[2] = 0x80 | (c & 0x3F) as u8;
            3
        }
        _ => {
            out[0] = 0xF0 | (c >> 18) as u8;
            out[1] = 0x80 | ((c >> 12) & 0x3F) as u8;
            out[2] = 0x80 | ((c >> 6) & 0x3F) as u8;
            out[3] = 0x80 | (c & 0x3F) as u8;
            4
        }
    }
}

/// The UTF-16 code units of a scalar value.
pub fn encode_utf16(c: u32) -> ([u16; 2], usize) {
    if c < 0x10000 {
        ([c as u16, 0], 1)
    } else {
        let v = c - 0x10000;
        ([0xD800 | (v >> 10) as u16, 0xDC00 | (v & 0x3FF) as u16], 2)
    }
}

/// Decodes one UTF-8 character from the start of `bytes` (at most 4 are looked at; fewer
/// means fewer are available): the code point and its length, or `None` (erts'
/// `erts_bs_get_utf8`: no overlong forms, no surrogates, nothing above `0x10FFFF`).
pub fn decode_utf8(bytes: &[u8]) -> Option<(u32, usize)> {
    let first = u32::from(*bytes.first()?);
    let cont = |i: usize| -> Option<u32> {
        let b = u32::from(*bytes.get(i)?);
        if b & 0xC0 == 0x80 { Some(b & 0x3F) } else { None }
    };
    match first {
        0..=0x7F => Some((first, 1)),
        0xC2..=0xDF => Some((((first & 0x1F) << 6) | cont(1)?, 2)),
        0xE0..=0xEF => {
            let (a, b) = (cont(1)?, cont(2)?);
            if first == 0xE0 && a < 0x20 {
                return None;
            }
            let c = ((first & 0x0F) << 12) | (a << 6) | b;
            if (0xD800..=0xDFFF).contains(&c) { None } else { Some((c, 3)) }
        }
        0xF0..=0xF7 => {
            let (a, b, d) = (cont(1)?, cont(2)?, cont(3)?);
            if first == 0xF0 && a < 0x10 {
                return None;
            }
            let c = ((first & 0x07) << 18) | (a << 12) | (b << 6) | d;
            if c > 0x10FFFF { None } else { Some((c, 4)) }
        }
        _ => None,
    }
}

/// Decodes one UTF-16 character from `units` (one or two 16-bit words available): the code
/// point and the number of words it took.
pub fn decode_utf16(w1: u16, w2: Option<u16>) -> Option<(u32, usize)> {
    if !(0xD800..=0xDFFF).contains(&w1) {
        return Some((u32::from(w1), 1));
    }
    if w1 > 0xDBFF {
        return None;
    }
    let w2 = w2?;
    if !(0xDC00..=0xDFFF).contains(&w2) {
        return None;
    }
    Some(((((u32::from(w1) & 0x3FF) << 10) | (u32::from(w2) & 0x3FF)) + 0x10000, 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_agrees_with_std_on_every_scalar() {
        let mut buf = [0u8; 4];
        for c in (0..0x110000u32).step_by(7).chain([0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF]) {
            let Some(ch) = char::from_u32(c) else { continue };
            let n = encode_utf8(c, &mut buf);
            let mut expect = [0u8; 4];
            assert_eq!(&buf[..n], ch.encode_utf8(&mut expect).as_bytes());
            assert_eq!(decode_utf8(&buf[..n]), Some((c, n)));
            assert_eq!(utf8_len(i64::from(c)), n);
        }
    }

    #[test]
    fn utf8_rejects_what_erts_rejects() {
        for bad in [
            &[0x80][..],
            &[0xC0, 0x80],
            &[0xC1, 0xBF],
            &[0xE0, 0x9F, 0xBF],
            &[0xED, 0xA0, 0x80],
            &[0xF0, 0x8F, 0xBF, 0xBF],
            &[0xF4, 0x90, 0x80, 0x80],
            &[0xF8, 0x88, 0x80, 0x80],
            &[0xE2, 0x82],
            &[0xC3, 0x28],
        ] {
            assert_eq!(decode_utf8(bad), None, "{bad:x?}");
        }
    }

    #[test]
    fn utf16_pairs() {
        assert_eq!(encode_utf16(0x1F600), ([0xD83D, 0xDE00], 2));
        assert_eq!(decode_utf16(0xD83D, Some(0xDE00)), Some((0x1F600, 2)));
        assert_eq!(decode_utf16(0xD83D, None), None);
        assert_eq!(decode_utf16(0xDE00, Some(0xDE00)), None);
        assert_eq!(decode_utf16(0x41, None), Some((0x41, 1)));
        assert!(!is_scalar(0xD800) && !is_scalar(-1) && !is_scalar(0x110000) && is_scalar(0x10FFFF));
    }
}
