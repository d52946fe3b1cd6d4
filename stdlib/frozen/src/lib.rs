//! rpy's own Python library (the repository's `Lib/`) and CPython 3.11's
//! pure-Python standard library, compiled into the program as one
//! [`FrozenLibrary`] (`build.rs` takes CPython's from the CPython 3.11 on
//! the build machine, never from this repository). Give it to an
//! interpreter with [`InterpreterBuilder::stdlib`]:
//!
//! ```
//! let mut interp = rpy_vm::Interpreter::builder()
//!     .stdlib(&rpy_stdlib_frozen::STDLIB)
//!     .sandbox(true) // frozen modules need no file access
//!     .build();
//! interp.exec("import keyword").unwrap();
//! assert!(interp.eval_as::<bool>("keyword.iskeyword('def')").unwrap());
//! ```
//!
//! Each module is stored raw-deflate compressed (`miniz_oxide`, level 9)
//! and decompressed when imported. rpy's directory comes first, so its
//! modules win over CPython's of the same name. See docs/stdlib.md.
//!
//! [`InterpreterBuilder::stdlib`]: rpy_vm::InterpreterBuilder::stdlib
#![forbid(unsafe_code)]

#[cfg(doctest)]
mod embedding_guide;

use rpy_vm::{FrozenDir, FrozenLibrary, FrozenModule};

// RPY_MODULES, RPY_DATA, RPY_ROOT, CPYTHON_MODULES, CPYTHON_DATA,
// CPYTHON_ROOT: written by build.rs.
include!(concat!(env!("OUT_DIR"), "/frozen.rs"));

static DIRS: [FrozenDir; 2] = [
    FrozenDir {
        root: RPY_ROOT,
        modules: &RPY_MODULES,
        data: RPY_DATA,
    },
    FrozenDir {
        root: CPYTHON_ROOT,
        modules: &CPYTHON_MODULES,
        data: CPYTHON_DATA,
    },
];

/// rpy's library, then CPython's (the order on `sys.path`).
pub static STDLIB: FrozenLibrary = FrozenLibrary {
    dirs: &DIRS,
    decode,
};

/// The directory rpy's own modules were frozen from (the repository's
/// `Lib/` at build time): their `__file__` names start with it.
pub const RPY_LIB_ROOT: &str = RPY_ROOT;

/// The CPython 3.11 standard library directory the rest was frozen from.
pub const CPYTHON_LIB_ROOT: &str = CPYTHON_ROOT;

/// Inflates one module's raw-deflate bytes into its source text.
fn decode(data: &[u8], size: usize) -> Option<String> {
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(data, size).ok()?;
    if bytes.len() != size {
        return None;
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_module_decodes_to_its_size() {
        for dir in STDLIB.dirs {
            for m in dir.modules {
                let start = m.start as usize;
                let bytes = &dir.data[start..start + m.len as usize];
                let text = decode(bytes, m.size as usize);
                assert!(text.is_some(), "{} does not decode", m.name);
            }
        }
    }

    #[test]
    fn damaged_data_is_refused() {
        assert_eq!(decode(b"\xff\xff\xff", 10), None);
        let m = &STDLIB.dirs[1].modules[0];
        let s = m.start as usize;
        let bytes = &STDLIB.dirs[1].data[s..s + m.len as usize];
        // A wrong size is damage too.
        assert_eq!(decode(bytes, m.size as usize + 1), None);
        assert_eq!(decode(bytes, m.size as usize - 1), None);
    }

    #[test]
    fn modules_are_sorted_and_left_out_directories_absent() {
        for dir in STDLIB.dirs {
            assert!(dir.modules.windows(2).all(|w| w[0].name < w[1].name));
        }
        let cpython = &STDLIB.dirs[1];
        for name in [
            "json",
            "json.decoder",
            "keyword",
            "collections",
            "pydoc_data.topics",
        ] {
            assert!(cpython.find(name).is_some(), "{name} missing");
        }
        for name in [
            "test",
            "idlelib",
            "tkinter",
            "turtledemo",
            "ensurepip",
            "lib2to3",
            "ctypes",
            "distutils",
            "venv",
            "turtle",
            "unittest.test",
            "sqlite3.test",
        ] {
            assert!(cpython.find(name).is_none(), "{name} frozen");
        }
        let rpy = &STDLIB.dirs[0];
        assert!(rpy.find("base64").is_some() && rpy.find("test.support").is_none());
        assert!(rpy.find("unittest").is_none() && cpython.find("unittest.case").is_some());
        assert!(!rpy
            .modules
            .iter()
            .any(|m| m.name.starts_with("test_subset")));
    }
}
