//! Block fast paths: fixed-size blocks of clean input, compiled for several
//! CPU levels and chosen at run time (Base64 through `pulp`'s safe
//! intrinsics, the other codecs through `multiversion` and the compiler's
//! vectorizer), with a table/word path for plain builds. They hold no
//! semantics of their own: each stops at the first block it cannot take
//! whole and hands the rest back to its codec's one scalar path.

/// Compiles the functions inside for the CPU levels the block paths are
/// written for and picks one at run time (with the `dispatch` feature;
/// otherwise they are compiled for the build's target only). One list of
/// levels for every codec.
macro_rules! dispatched {
    ($($item:item)*) => {
        $(
            #[cfg_attr(
                feature = "dispatch",
                multiversion::multiversion(targets(
                    "x86_64+avx512f+avx512bw+avx512vl+avx512vbmi+avx2+avx+bmi1+bmi2+popcnt+lzcnt",
                    "x86_64+avx2+avx+bmi1+bmi2+popcnt+lzcnt",
                    "x86_64+sse4.1+ssse3",
                ))
            )]
            $item
        )*
    };
}

pub(crate) mod b32;
pub(crate) mod b64;
#[cfg(all(feature = "dispatch", target_arch = "x86_64"))]
mod b64_avx2;
mod b64_swar;
pub(crate) mod b85;
pub(crate) mod hex;
