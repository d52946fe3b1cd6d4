//! Frozen libraries: Python modules compiled into the program as
//! compressed source, imported without touching the file system.
//!
//! A [`FrozenLibrary`] is a list of [`FrozenDir`]s, each the snapshot of
//! one directory taken at build time (rpy's own `Lib/`, then CPython's
//! `Lib/`). A frozen directory stands on `sys.path` under the path it was
//! taken from (its `root`), the way a zip archive stands there under its
//! file name: the finder (`import.rs`) looks a module up in the snapshot
//! of any entry that is a root or a package directory below one, and
//! modules keep the file names they had (`__file__`, tracebacks), whose
//! source lines come from the snapshot. Only the module imported is
//! decompressed.
//!
//! The data and its codec live outside this crate (`rpy-stdlib-frozen`
//! makes them), so embedders who do not want them leave them out; an
//! interpreter gets them through [`InterpreterBuilder::stdlib`].
//!
//! [`InterpreterBuilder::stdlib`]: crate::InterpreterBuilder::stdlib

/// Python modules compiled into the program; see the module doc.
pub struct FrozenLibrary {
    /// The directories, in the order they go on `sys.path`.
    pub dirs: &'static [FrozenDir],
    /// Turns a module's stored bytes into its source text, given the
    /// text's length in bytes; `None` if the data is damaged.
    pub decode: fn(&[u8], usize) -> Option<String>,
}

/// One directory of a [`FrozenLibrary`].
pub struct FrozenDir {
    /// The directory the modules were taken from: it names them
    /// (`<root>/json/decoder.py`) and stands for them on `sys.path`.
    pub root: &'static str,
    /// The modules, sorted by dotted name.
    pub modules: &'static [FrozenModule],
    /// The stored bytes of all modules, one after the other.
    pub data: &'static [u8],
}

/// One module of a [`FrozenDir`].
pub struct FrozenModule {
    /// Dotted name (`json.decoder`; a package by its own name, `json`).
    pub name: &'static str,
    /// A package (its source is `<name>/__init__.py`).
    pub package: bool,
    /// Where its stored bytes start in [`FrozenDir::data`].
    pub start: u32,
    /// How many stored bytes.
    pub len: u32,
    /// The length of the source text in bytes.
    pub size: u32,
}

/// A module found in a frozen directory.
pub(crate) struct FrozenFound {
    pub module: &'static FrozenModule,
    pub dir: &'static FrozenDir,
    pub decode: fn(&[u8], usize) -> Option<String>,
}

impl FrozenFound {
    /// The file name the module was frozen from.
    pub fn file_name(&self) -> String {
        let rel = self.module.name.replace('.', "/");
        if self.module.package {
            format!("{}/{rel}/__init__.py", self.dir.root)
        } else {
            format!("{}/{rel}.py", self.dir.root)
        }
    }

    /// The package's directory (its `__path__` entry).
    pub fn package_dir(&self) -> String {
        format!("{}/{}", self.dir.root, self.module.name.replace('.', "/"))
    }

    /// The source text (decompressed now: nothing is decoded in advance).
    pub fn source(&self) -> Option<String> {
        let m = self.module;
        let start = m.start as usize;
        let bytes = self
            .dir
            .data
            .get(start..start.checked_add(m.len as usize)?)?;
        (self.decode)(bytes, m.size as usize)
    }
}

impl FrozenDir {
    /// The module `name`, if frozen here.
    pub fn find(&self, name: &str) -> Option<&FrozenModule> {
        self.modules
            .binary_search_by(|m| m.name.cmp(name))
            .ok()
            .and_then(|i| self.modules.get(i))
    }

    /// The dotted package a `sys.path`/`__path__` entry names in this
    /// directory: `""` for the root, `"json"` for `<root>/json`; `None` if
    /// the entry is not the root or below it.
    fn package_of(&self, entry: &str) -> Option<String> {
        let entry = entry.strip_suffix('/').unwrap_or(entry);
        let rest = entry.strip_prefix(self.root)?;
        if rest.is_empty() {
            return Some(String::new());
        }
        let rest = rest.strip_prefix('/')?;
        Some(rest.replace('/', "."))
    }
}

impl FrozenLibrary {
    /// Whether `entry` is the root of one of the directories or below it:
    /// the finder does not read the file system there in sandbox mode.
    pub(crate) fn covers(&self, entry: &str) -> bool {
        self.dirs.iter().any(|d| d.package_of(entry).is_some())
    }

    /// The module whose last name part is `leaf`, in the frozen directory
    /// that `entry` names (see [`FrozenDir::package_of`]).
    pub(crate) fn find_in(&'static self, entry: &str, leaf: &str) -> Option<FrozenFound> {
        for dir in self.dirs {
            let Some(pkg) = dir.package_of(entry) else {
                continue;
            };
            let name = if pkg.is_empty() {
                leaf.to_owned()
            } else {
                format!("{pkg}.{leaf}")
            };
            if let Some(module) = dir.find(&name) {
                return Some(FrozenFound {
                    module,
                    dir,
                    decode: self.decode,
                });
            }
        }
        None
    }

    /// The frozen module whose file name is `path` (as
    /// [`FrozenFound::file_name`] gives it), if any.
    pub(crate) fn find_file(&'static self, path: &str) -> Option<FrozenFound> {
        for dir in self.dirs {
            let Some(rel) = path
                .strip_prefix(dir.root)
                .and_then(|r| r.strip_prefix('/'))
            else {
                continue;
            };
            let (name, package) = match rel.strip_suffix("/__init__.py") {
                Some(p) => (p, true),
                None => match rel.strip_suffix(".py") {
                    Some(m) => (m, false),
                    None => continue,
                },
            };
            let name = name.replace('/', ".");
            if let Some(module) = dir.find(&name).filter(|m| m.package == package) {
                return Some(FrozenFound {
                    module,
                    dir,
                    decode: self.decode,
                });
            }
        }
        None
    }

    /// Every frozen module name, directory by directory (names frozen in
    /// two directories appear twice).
    pub fn module_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.dirs
            .iter()
            .flat_map(|d| d.modules.iter().map(|m| m.name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(b: &[u8], n: usize) -> Option<String> {
        (b.len() == n).then(|| String::from_utf8(b.to_vec()).ok())?
    }

    static MODS: [FrozenModule; 2] = [
        FrozenModule {
            name: "pkg",
            package: true,
            start: 0,
            len: 3,
            size: 3,
        },
        FrozenModule {
            name: "pkg.sub",
            package: false,
            start: 3,
            len: 5,
            size: 5,
        },
    ];
    static DIRS: [FrozenDir; 1] = [FrozenDir {
        root: "/lib",
        modules: &MODS,
        data: b"x=1y = 2",
    }];
    static LIB: FrozenLibrary = FrozenLibrary {
        dirs: &DIRS,
        decode: plain,
    };

    #[test]
    fn finds_modules_under_roots_and_package_dirs() {
        let p = LIB.find_in("/lib", "pkg").expect("pkg");
        assert_eq!(p.file_name(), "/lib/pkg/__init__.py");
        assert_eq!(p.package_dir(), "/lib/pkg");
        assert_eq!(p.source().as_deref(), Some("x=1"));
        let s = LIB.find_in("/lib/pkg/", "sub").expect("pkg.sub");
        assert_eq!(s.file_name(), "/lib/pkg/sub.py");
        assert_eq!(s.source().as_deref(), Some("y = 2"));
        assert!(LIB.find_in("/lib", "sub").is_none());
        assert!(LIB.find_in("/library", "pkg").is_none());
        assert!(LIB.covers("/lib/pkg") && !LIB.covers("/lib2"));
        let f = LIB.find_file("/lib/pkg/sub.py").expect("by file name");
        assert_eq!(f.module.name, "pkg.sub");
        assert!(LIB.find_file("/lib/pkg/__init__.py").is_some());
        assert!(LIB.find_file("/lib/pkg.py").is_none());
    }
}
