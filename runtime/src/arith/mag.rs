//! Unsigned arbitrary-precision arithmetic on magnitudes: slices of machine-word digits, least
//! significant first, as bignums store them (`term::bignum`). A magnitude may carry high zero
//! digits on input; every function returns a normalized one (no high zero digit, zero is the
//! empty vector).
//!
//! Multiplication is schoolbook below [`KARATSUBA_THRESHOLD`] digits and Karatsuba above (as
//! erts' `I_mul_karatsuba`), division is Knuth's algorithm D, and radix conversion works in
//! chunks of as many base-`b` digits as fit one machine word, like erts' `write_big`.

use core::cmp::Ordering;

/// One digit: a machine word.
pub type Digit = usize;

/// Two digits' worth, for products and two-digit dividends.
#[cfg(target_pointer_width = "64")]
pub type Wide = u128;
/// Two digits' worth, for products and two-digit dividends.
#[cfg(target_pointer_width = "32")]
pub type Wide = u64;

/// Bits in a digit.
pub const DIGIT_BITS: u32 = Digit::BITS;

/// Operand length (in digits, of the shorter operand) from which multiplication uses
/// Karatsuba's method.
pub const KARATSUBA_THRESHOLD: usize = 32;

/// The magnitude without its high zero digits.
#[inline]
pub fn trim(v: &[Digit]) -> &[Digit] {
    let mut len = v.len();
    while len > 0 && v[len - 1] == 0 {
        len -= 1;
    }
    &v[..len]
}

/// Drops high zero digits in place.
#[inline]
pub fn normalize(v: &mut Vec<Digit>) {
    while v.last() == Some(&0) {
        v.pop();
    }
}

/// Orders two magnitudes.
pub fn cmp(a: &[Digit], b: &[Digit]) -> Ordering {
    let (a, b) = (trim(a), trim(b));
    a.len().cmp(&b.len()).then_with(|| a.iter().rev().cmp(b.iter().rev()))
}

/// Number of significant bits (0 for zero).
pub fn bit_len(a: &[Digit]) -> u64 {
    let a = trim(a);
    match a.last() {
        None => 0,
        Some(&top) => {
            (a.len() as u64 - 1) * u64::from(DIGIT_BITS) + u64::from(DIGIT_BITS - top.leading_zeros())
        }
    }
}

/// `a + b`.
pub fn add(a: &[Digit], b: &[Digit]) -> Vec<Digit> {
    let (a, b) = (trim(a), trim(b));
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let mut r = Vec::with_capacity(long.len() + 1);
    r.extend_from_slice(long);
    r.push(0);
    add_at(&mut r, short, 0);
    normalize(&mut r);
    r
}

/// `a - b`, which must not be negative (`a >= b`).
pub fn sub(a: &[Digit], b: &[Digit]) -> Vec<Digit> {
    let mut r = trim(a).to_vec();
    sub_in_place(&mut r, trim(b));
    normalize(&mut r);
    r
}

/// `acc[offset..] += b`, the carry running up through `acc`; the sum must fit `acc`.
pub fn add_at(acc: &mut [Digit], b: &[Digit], offset: usize) {
    let mut carry = false;
    let mut i = offset;
    for &y in b {
        let (s1, c1) = acc[i].overflowing_add(y);
        let (s2, c2) = s1.overflowing_add(Digit::from(carry));
        acc[i] = s2;
        carry = c1 | c2;
        i += 1;
    }
    while carry {
        let (s, c) = acc[i].overflowing_add(1);
        acc[i] = s;
        carry = c;
        i += 1;
    }
}

/// `acc -= b`; `acc` must hold at least `b`.
pub fn sub_in_place(acc: &mut [Digit], b: &[Digit]) {
    let mut borrow = false;
    let mut i = 0;
    for &y in b {
        let (d1, b1) = acc[i].overflowing_sub(y);
        let (d2, b2) = d1.overflowing_sub(Digit::from(borrow));
        acc[i] = d2;
        borrow = b1 | b2;
        i += 1;
    }
    while borrow {
        let (d, b) = acc[i].overflowing_sub(1);
        acc[i] = d;
        borrow = b;
        i += 1;
    }
}

/// `a + d` for one digit `d`.
pub fn add_digit(a: &[Digit], d: Digit) -> Vec<Digit> {
    add(a, &[d])
}

/// `a - d` for one digit `d` (`a >= d`).
pub fn sub_digit(a: &[Digit], d: Digit) -> Vec<Digit> {
    sub(a, &[d])
}

/// `a * b`.
pub fn mul(a: &[Digit], b: &[Digit]) -> Vec<Digit> {
    let (a, b) = (trim(a), trim(b));
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    let mut out = vec![0; a.len() + b.len()];
    mul_to(&mut out, a, b);
    normalize(&mut out);
    out
}

/// Writes `a * b` into `out`, which is zeroed and exactly `a.len() + b.len()` digits long.
fn mul_to(out: &mut [Digit], a: &[Digit], b: &[Digit]) {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if b.len() < KARATSUBA_THRESHOLD {
        schoolbook(out, a, b);
        return;
    }
    if a.len() >= 2 * b.len() {
        // Unbalanced: multiply `b` by `a` in `b`-sized slices and add them up.
        let mut part = vec![0; 2 * b.len()];
        for (index, chunk) in a.chunks(b.len()).enumerate() {
            let part = &mut part[..chunk.len() + b.len()];
            part.fill(0);
            mul_to(part, chunk, b);
            add_at(out, trim(part), index * b.len());
        }
        return;
    }
    // a = a1·B^m + a0, b = b1·B^m + b0, and b is longer than m.
    let m = a.len() / 2;
    let (a0, a1) = a.split_at(m);
    let (b0, b1) = b.split_at(m);
    let (low, high) = out.split_at_mut(2 * m);
    mul_to(low, a0, b0);
    mul_to(high, a1, b1);
    // z1 = (a0 + a1)(b0 + b1) − z0 − z2 = a0·b1 + a1·b0.
    let sum_a = add(a0, a1);
    let sum_b = add(b0, b1);
    let mut middle = vec![0; sum_a.len() + sum_b.len()];
    if !sum_a.is_empty() && !sum_b.is_empty() {
        mul_to(&mut middle, &sum_a, &sum_b);
    }
    sub_in_place(&mut middle, trim(&out[..2 * m]));
    sub_in_place(&mut middle, trim(&out[2 * m..]));
    add_at(out, trim(&middle), m);
}

/// `out += a * b` digit by digit; `out` is zeroed and `a.len() + b.len()` long.
fn schoolbook(out: &mut [Digit], a: &[Digit], b: &[Digit]) {
    for (j, &y) in b.iter().enumerate() {
        if y == 0 {
            continue;
        }
        let mut carry: Digit = 0;
        for (i, &x) in a.iter().enumerate() {
            let t = x as Wide * y as Wide + out[i + j] as Wide + carry as Wide;
            out[i + j] = t as Digit;
            carry = (t >> DIGIT_BITS) as Digit;
        }
        out[j + a.len()] = carry;
    }
}

/// `a * d + c` in place for one-digit `d` and `c`, growing `a` as needed.
pub fn mul_digit_add_in_place(a: &mut Vec<Digit>, d: Digit, c: Digit) {
    let mut carry = c;
    for x in a.iter_mut() {
        let t = *x as Wide * d as Wide + carry as Wide;
        *x = t as Digit;
        carry = (t >> DIGIT_BITS) as Digit;
    }
    if carry != 0 {
        a.push(carry);
    }
}

/// A divisor digit prepared for division by multiplication (Möller and Granlund, "Improved
/// division by invariant integers", 2011): normalized so its top bit is set, with its
/// reciprocal `v = ⌊(B² − 1) / d⌋ − B`. Division by a digit then needs no hardware (or, on
/// 32-bit ARM, library) division per digit.
#[derive(Clone, Copy, Debug)]
pub struct DigitDivisor {
    /// The divisor shifted left until its top bit is set.
    normalized: Digit,
    /// That shift.
    shift: u32,
    /// The reciprocal of `normalized`.
    reciprocal: Digit,
}

impl DigitDivisor {
    /// Prepares division by `d` (non-zero).
    pub fn new(d: Digit) -> DigitDivisor {
        let shift = d.leading_zeros();
        let normalized = d << shift;
        let all_ones: Wide = Wide::MAX;
        let reciprocal = (all_ones / normalized as Wide - ((1 as Wide) << DIGIT_BITS)) as Digit;
        DigitDivisor { normalized, shift, reciprocal }
    }

    /// Divides `⟨high, low⟩` by the normalized divisor (`high` must be below it): quotient
    /// and remainder.
    #[inline]
    fn div_2by1(&self, high: Digit, low: Digit) -> (Digit, Digit) {
        let d = self.normalized;
        let product = (self.reciprocal as Wide * high as Wide)
            .wrapping_add(((high as Wide) << DIGIT_BITS) | low as Wide);
        let mut q = ((product >> DIGIT_BITS) as Digit).wrapping_add(1);
        let q_low = product as Digit;
        let mut r = low.wrapping_sub(q.wrapping_mul(d));
        if r > q_low {
            q = q.wrapping_sub(1);
            r = r.wrapping_add(d);
        }
        if r >= d {
            q += 1;
            r -= d;
        }
        (q, r)
    }

    /// Divides `a` in place and returns the remainder; `a` stays normalized.
    pub fn div_in_place(&self, a: &mut Vec<Digit>) -> Digit {
        let s = self.shift;
        let spill = |x: Digit| if s == 0 { 0 } else { x >> (DIGIT_BITS - s) };
        let Some(&top) = a.last() else {
            return 0;
        };
        // Divide a·2^s by d·2^s: same quotient, remainder scaled by 2^s.
        let mut r = spill(top);
        for i in (0..a.len()).rev() {
            let below = if i > 0 { spill(a[i - 1]) } else { 0 };
            let (q, rest) = self.div_2by1(r, (a[i] << s) | below);
            a[i] = q;
            r = rest;
        }
        normalize(a);
        r >> s
    }
}

/// Divides `a` by the digit `d` (non-zero) in place and returns the remainder; `a` stays
/// normalized.
pub fn div_digit_in_place(a: &mut Vec<Digit>, d: Digit) -> Digit {
    DigitDivisor::new(d).div_in_place(a)
}

/// Quotient and remainder of `a / d` for a non-zero digit `d`.
pub fn divrem_digit(a: &[Digit], d: Digit) -> (Vec<Digit>, Digit) {
    let mut q = trim(a).to_vec();
    let r = div_digit_in_place(&mut q, d);
    (q, r)
}

/// Quotient and remainder of `a / b`; `b` must not be zero.
pub fn divrem(a: &[Digit], b: &[Digit]) -> (Vec<Digit>, Vec<Digit>) {
    let (a, b) = (trim(a), trim(b));
    assert!(!b.is_empty(), "division by a zero magnitude");
    if cmp(a, b) == Ordering::Less {
        return (Vec::new(), a.to_vec());
    }
    if b.len() == 1 {
        let (q, r) = divrem_digit(a, b[0]);
        let r = if r == 0 { Vec::new() } else { vec![r] };
        return (q, r);
    }
    knuth_divrem(a, b)
}

/// Knuth's algorithm D (TAOCP 4.3.1) for `a >= b`, `b` at least two digits.
fn knuth_divrem(a: &[Digit], b: &[Digit]) -> (Vec<Digit>, Vec<Digit>) {
    let base: Wide = 1 << DIGIT_BITS;
    let shift = b[b.len() - 1].leading_zeros();
    let v = shl_bits(b, shift);
    let mut u = shl_bits(a, shift);
    u.resize(a.len() + 1, 0);
    let n = v.len();
    let m = a.len() - n;
    let (v_top, v_next) = (v[n - 1] as Wide, v[n - 2] as Wide);
    let mut q = vec![0; m + 1];
    for j in (0..=m).rev() {
        let numerator = ((u[j + n] as Wide) << DIGIT_BITS) | u[j + n - 1] as Wide;
        let mut qhat = numerator / v_top;
        let mut rhat = numerator % v_top;
        while qhat >= base || qhat * v_next > ((rhat << DIGIT_BITS) | u[j + n - 2] as Wide) {
            qhat -= 1;
            rhat += v_top;
            if rhat >= base {
                break;
            }
        }
        // u[j..=j+n] -= qhat · v
        let mut carry: Wide = 0;
        let mut borrow = false;
        for i in 0..n {
            let p = qhat * v[i] as Wide + carry;
            carry = p >> DIGIT_BITS;
            let (d1, b1) = u[i + j].overflowing_sub(p as Digit);
            let (d2, b2) = d1.overflowing_sub(Digit::from(borrow));
            u[i + j] = d2;
            borrow = b1 | b2;
        }
        let (d1, b1) = u[j + n].overflowing_sub(carry as Digit);
        let (d2, b2) = d1.overflowing_sub(Digit::from(borrow));
        u[j + n] = d2;
        if b1 | b2 {
            // qhat was one too large: add v back.
            qhat -= 1;
            let mut carry = false;
            for i in 0..n {
                let (s1, c1) = u[i + j].overflowing_add(v[i]);
                let (s2, c2) = s1.overflowing_add(Digit::from(carry));
                u[i + j] = s2;
                carry = c1 | c2;
            }
            u[j + n] = u[j + n].wrapping_add(Digit::from(carry));
        }
        q[j] = qhat as Digit;
    }
    normalize(&mut q);
    u.truncate(n);
    let mut r = shr_bits(&u, shift);
    normalize(&mut r);
    (q, r)
}

/// `a << bits` for `bits < DIGIT_BITS`, keeping the length unless a digit is shifted out.
fn shl_bits(a: &[Digit], bits: u32) -> Vec<Digit> {
    if bits == 0 {
        return a.to_vec();
    }
    let mut r = Vec::with_capacity(a.len() + 1);
    let mut carry: Digit = 0;
    for &x in a {
        r.push((x << bits) | carry);
        carry = x >> (DIGIT_BITS - bits);
    }
    if carry != 0 {
        r.push(carry);
    }
    r
}

/// `a >> bits` for `bits < DIGIT_BITS`.
fn shr_bits(a: &[Digit], bits: u32) -> Vec<Digit> {
    if bits == 0 {
        return a.to_vec();
    }
    let mut r = vec![0; a.len()];
    for i in 0..a.len() {
        let high = if i + 1 < a.len() { a[i + 1] << (DIGIT_BITS - bits) } else { 0 };
        r[i] = (a[i] >> bits) | high;
    }
    r
}

/// `a · 2^bits`.
pub fn shl(a: &[Digit], bits: u64) -> Vec<Digit> {
    let a = trim(a);
    if a.is_empty() {
        return Vec::new();
    }
    let words = (bits / u64::from(DIGIT_BITS)) as usize;
    let mut r = vec![0; words];
    r.extend(shl_bits(a, (bits % u64::from(DIGIT_BITS)) as u32));
    r
}

/// `⌊a / 2^bits⌋`, and whether any bit shifted out was set.
pub fn shr(a: &[Digit], bits: u64) -> (Vec<Digit>, bool) {
    let a = trim(a);
    let words = bits / u64::from(DIGIT_BITS);
    if words >= a.len() as u64 {
        return (Vec::new(), !a.is_empty());
    }
    let words = words as usize;
    let bit_shift = (bits % u64::from(DIGIT_BITS)) as u32;
    let lost_words = a[..words].iter().any(|&d| d != 0);
    let lost_bits = bit_shift != 0 && a[words] & ((1 << bit_shift) - 1) != 0;
    let mut r = shr_bits(&a[words..], bit_shift);
    normalize(&mut r);
    (r, lost_words || lost_bits)
}

/// The largest power of `base` that fits a digit, and its exponent.
pub fn chunk_power(base: u32) -> (Digit, u32) {
    let base = base as Digit;
    let mut power = base;
    let mut count = 1;
    while let Some(next) = power.checked_mul(base) {
        power = next;
        count += 1;
    }
    (power, count)
}

/// The digits of `a` in `base` (2..=36), most significant first, as ASCII with uppercase
/// letters; `"0"` for zero.
pub fn to_radix(a: &[Digit], base: u32) -> Vec<u8> {
    let a = trim(a);
    if a.is_empty() {
        return vec![b'0'];
    }
    if base.is_power_of_two() {
        return to_radix_bits(a, base.trailing_zeros());
    }
    let mut rest = a.to_vec();
    let (power, per_chunk) = chunk_power(base);
    let divisor = DigitDivisor::new(power);
    let mut out = Vec::new();
    while !rest.is_empty() {
        let mut chunk = divisor.div_in_place(&mut rest);
        let mut written = 0;
        while chunk != 0 || (!rest.is_empty() && written < per_chunk) {
            out.push(digit_char((chunk % base as Digit) as u32));
            chunk /= base as Digit;
            written += 1;
        }
    }
    out.reverse();
    out
}

/// `to_radix` for base `2^bits`: each digit is a bit field.
fn to_radix_bits(a: &[Digit], bits: u32) -> Vec<u8> {
    let total = bit_len(a);
    let count = total.div_ceil(u64::from(bits));
    let mask = (1 << bits) - 1;
    (0..count)
        .rev()
        .map(|i| {
            let at = i * u64::from(bits);
            let word = (at / u64::from(DIGIT_BITS)) as usize;
            let offset = (at % u64::from(DIGIT_BITS)) as u32;
            let mut value = a[word] >> offset;
            if offset + bits > DIGIT_BITS && word + 1 < a.len() {
                value |= a[word + 1] << (DIGIT_BITS - offset);
            }
            digit_char((value & mask) as u32)
        })
        .collect()
}

/// The ASCII character of a digit value below 36.
#[inline]
pub fn digit_char(value: u32) -> u8 {
    if value < 10 { b'0' + value as u8 } else { b'A' + (value - 10) as u8 }
}

/// The magnitude whose digits in `base` are `digits` (values below `base`), most significant
/// first.
pub fn from_radix(digits: &[u8], base: u32) -> Vec<Digit> {
    if base.is_power_of_two() {
        return from_radix_bits(digits, base.trailing_zeros());
    }
    let (_, per_chunk) = chunk_power(base);
    let mut acc: Vec<Digit> = Vec::new();
    for chunk in digits.chunks(per_chunk as usize) {
        let mut value: Digit = 0;
        let mut scale: Digit = 1;
        for &d in chunk {
            value = value * base as Digit + Digit::from(d);
            scale *= base as Digit;
        }
        mul_digit_add_in_place(&mut acc, scale, value);
        normalize(&mut acc);
    }
    acc
}

/// `from_radix` for base `2^bits`: each digit is a bit field.
fn from_radix_bits(digits: &[u8], bits: u32) -> Vec<Digit> {
    let total = digits.len() as u64 * u64::from(bits);
    let mut out = vec![0; total.div_ceil(u64::from(DIGIT_BITS)) as usize];
    for (i, &d) in digits.iter().rev().enumerate() {
        let at = i as u64 * u64::from(bits);
        let word = (at / u64::from(DIGIT_BITS)) as usize;
        let offset = (at % u64::from(DIGIT_BITS)) as u32;
        out[word] |= Digit::from(d) << offset;
        if offset + bits > DIGIT_BITS {
            out[word + 1] |= Digit::from(d) >> (DIGIT_BITS - offset);
        }
    }
    normalize(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic pseudo-random magnitude of `len` digits.
    fn sample(seed: &mut u64, len: usize) -> Vec<Digit> {
        (0..len)
            .map(|_| {
                *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (*seed >> 7) as Digit
            })
            .collect()
    }

    #[test]
    fn karatsuba_agrees_with_schoolbook() {
        let mut seed = 7;
        for (la, lb) in [(32, 32), (33, 40), (64, 100), (150, 31), (200, 200), (513, 97), (70, 35)] {
            let a = sample(&mut seed, la);
            let b = sample(&mut seed, lb);
            let fast = mul(&a, &b);
            let mut slow = vec![0; la + lb];
            schoolbook(&mut slow, &a, &b);
            normalize(&mut slow);
            assert_eq!(fast, slow, "{la}x{lb}");
        }
    }

    #[test]
    fn division_reconstructs_the_dividend() {
        let mut seed = 11;
        for (la, lb) in [(2, 2), (5, 2), (10, 3), (40, 17), (100, 99), (64, 1), (3, 3)] {
            let a = sample(&mut seed, la);
            let mut b = sample(&mut seed, lb);
            if la == lb {
                b[lb - 1] >>= 3;
            }
            let (q, r) = divrem(&a, &b);
            assert_eq!(cmp(&r, &b), Ordering::Less);
            assert_eq!(add(&mul(&q, &b), &r), trim(&a).to_vec(), "{la}/{lb}");
        }
        // The add-back step: dividends built to make the first quotient estimate too large.
        let b = vec![Digit::MAX, Digit::MAX >> 1, 1];
        let a = mul(&b, &[Digit::MAX, Digit::MAX, Digit::MAX - 1]);
        let a = add(&a, &[5]);
        let (q, r) = divrem(&a, &b);
        assert_eq!(q, vec![Digit::MAX, Digit::MAX, Digit::MAX - 1]);
        assert_eq!(r, vec![5]);
    }

    #[test]
    fn radix_round_trip() {
        let mut seed = 3;
        for len in [0, 1, 2, 7, 30] {
            let a = sample(&mut seed, len);
            for base in 2..=36 {
                let text = to_radix(&a, base);
                let values: Vec<u8> =
                    text.iter().map(|&c| if c <= b'9' { c - b'0' } else { c - b'A' + 10 }).collect();
                assert_eq!(from_radix(&values, base), trim(&a).to_vec(), "base {base}");
            }
        }
        assert_eq!(to_radix(&[1_000_000_000], 10), b"1000000000".to_vec());
    }

    #[test]
    fn division_by_invariant_digits() {
        let mut seed = 5;
        let mut divisors =
            vec![1, 2, 3, 7, 10, 1_000_000_000, Digit::MAX, Digit::MAX - 1, 1 << (DIGIT_BITS - 1)];
        divisors.push((1 << (DIGIT_BITS - 1)) + 1);
        divisors.extend(sample(&mut seed, 20));
        divisors.extend(sample(&mut seed, 10).into_iter().map(|d| d >> 17 | 1));
        for d in divisors {
            for len in [1, 2, 5, 17] {
                let mut a = sample(&mut seed, len);
                if len == 2 {
                    a = vec![Digit::MAX, Digit::MAX];
                }
                let expected = {
                    let mut rem: Wide = 0;
                    let mut q = a.clone();
                    for x in q.iter_mut().rev() {
                        let cur = (rem << DIGIT_BITS) | *x as Wide;
                        *x = (cur / d as Wide) as Digit;
                        rem = cur % d as Wide;
                    }
                    normalize(&mut q);
                    (q, rem as Digit)
                };
                assert_eq!(divrem_digit(&a, d), expected, "{a:?} / {d}");
            }
        }
    }

    #[test]
    fn shifts() {
        let a = vec![0b1011];
        assert_eq!(shl(&a, u64::from(DIGIT_BITS) + 1), vec![0, 0b10110]);
        assert_eq!(shr(&[0, 0b10110], u64::from(DIGIT_BITS) + 1), (vec![0b1011], false));
        assert_eq!(shr(&[1, 0b10110], u64::from(DIGIT_BITS) + 1), (vec![0b1011], true));
        assert_eq!(shr(&[0, 0b10111], u64::from(DIGIT_BITS) + 1), (vec![0b1011], true));
        assert_eq!(shr(&[5], 1000), (vec![], true));
        assert_eq!(bit_len(&[0, 1]), u64::from(DIGIT_BITS) + 1);
    }
}
