//! Wider vector instructions chosen at run time.
//!
//! The package is built for the x86-64 baseline (SSE2), so one wheel runs on every
//! processor. The hot scanning loops (character classes compared over whole blocks, OR-ed
//! together without branches) are written so the compiler vectorizes them; [`wide_fn!`]
//! compiles such a function a second and third time for AVX2 and AVX-512 and picks one when
//! it is called. The code is the same integer and comparison logic in each, so the results
//! are identical; only the vector width differs.

/// Whether the processor has AVX-512 F and BW (the check is cached by the standard library).
#[cfg(target_arch = "x86_64")]
#[inline]
pub fn has_avx512() -> bool {
    std::is_x86_feature_detected!("avx512bw")
}

/// Whether the processor has AVX2 (never, on processors other than x86-64).
#[inline]
pub fn has_avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    return std::is_x86_feature_detected!("avx2");
    #[cfg(not(target_arch = "x86_64"))]
    false
}

/// Define a function whose body is compiled for the baseline, AVX2 and AVX-512, the best
/// the processor has being chosen at each call (a cached feature check). Only for bodies
/// of integer and comparison code, whose results cannot depend on the instructions used.
macro_rules! wide_fn {
    (
        $(#[$attr:meta])*
        $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $(-> $ret:ty)? $body:block
    ) => {
        $(#[$attr])*
        $vis fn $name($($arg: $ty),*) $(-> $ret)? {
            // Always inlined, so each wrapper below compiles it with its target features.
            #[allow(clippy::inline_always)]
            #[inline(always)]
            fn body($($arg: $ty),*) $(-> $ret)? $body
            #[cfg(target_arch = "x86_64")]
            {
                #[target_feature(enable = "avx512f,avx512bw")]
                unsafe fn avx512($($arg: $ty),*) $(-> $ret)? {
                    body($($arg),*)
                }
                #[target_feature(enable = "avx2")]
                unsafe fn avx2($($arg: $ty),*) $(-> $ret)? {
                    body($($arg),*)
                }
                if $crate::simd::has_avx512() {
                    // SAFETY: the processor supports AVX-512 F and BW (checked just above).
                    return unsafe { avx512($($arg),*) };
                }
                if $crate::simd::has_avx2() {
                    // SAFETY: the processor supports AVX2 (checked just above).
                    return unsafe { avx2($($arg),*) };
                }
            }
            body($($arg),*)
        }
    };
}
