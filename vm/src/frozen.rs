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
//! In sandbox mode the directories stand under neutral roots instead
//! (`/frozen/<last part of the build path>`, see [`Mounted`]): sandboxed
//! code learns nothing of the machine that built the program from
//! `__file__`, `sys.path` or tracebacks.
//!
//! The data and its codec live outside this crate (`rpy-stdlib-frozen`
//! makes them), so embedders who do not want them leave them out; an
//! interpreter gets them through [`InterpreterBuilder::stdlib`].
//!
//! [`InterpreterBuilder::stdlib`]: crate::InterpreterBuilder::stdlib

use std::rc::Rc;

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
    /// The root the directory is mounted at.
    root: Rc<str>,
    pub decode: fn(&[u8], usize) -> Option<String>,
}

impl FrozenFound {
    /// The module's file name under its mounted root.
    pub fn file_name(&self) -> String {
        let rel = self.module.name.replace('.', "/");
        if self.module.package {
            format!("{}/{rel}/__init__.py", self.root)
        } else {
            format!("{}/{rel}.py", self.root)
        }
    }

    /// The package's directory (its `__path__` entry).
    pub fn package_dir(&self) -> String {
        format!("{}/{}", self.root, self.module.name.replace('.', "/"))
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
}

/// The dotted package a `sys.path`/`__path__` entry names in a directory
/// mounted at `root`: `""` for the root, `"json"` for `<root>/json`;
/// `None` if the entry is not the root or below it.
fn package_of(root: &str, entry: &str) -> Option<String> {
    let entry = entry.strip_suffix('/').unwrap_or(entry);
    let rest = entry.strip_prefix(root)?;
    if rest.is_empty() {
        return Some(String::new());
    }
    let rest = rest.strip_prefix('/')?;
    Some(rest.replace('/', "."))
}

/// A frozen library as one interpreter sees it: each directory mounted
/// at a root, the path it was taken from or (sandbox mode) a neutral one.
pub(crate) struct Mounted {
    pub lib: &'static FrozenLibrary,
    roots: Vec<Rc<str>>,
}

impl Mounted {
    /// `lib` at the paths it was taken from, or with `neutral` at
    /// `/frozen/<last part of that path>` (numbered if two would clash).
    pub fn new(lib: &'static FrozenLibrary, neutral: bool) -> Mounted {
        let mut roots: Vec<Rc<str>> = Vec::new();
        for (i, d) in lib.dirs.iter().enumerate() {
            let root = if neutral {
                let leaf = d.root.rsplit('/').find(|p| !p.is_empty()).unwrap_or("lib");
                let mut r = format!("/frozen/{leaf}");
                if roots.iter().any(|x| **x == *r) {
                    r = format!("{r}-{i}");
                }
                r
            } else {
                d.root.to_owned()
            };
            roots.push(root.into());
        }
        Mounted { lib, roots }
    }

    /// The roots, in `sys.path` order.
    pub fn roots(&self) -> impl Iterator<Item = &str> {
        self.roots.iter().map(|r| &**r)
    }

    fn mounted(&self) -> impl Iterator<Item = (&'static FrozenDir, &Rc<str>)> {
        self.lib.dirs.iter().zip(&self.roots)
    }

    fn found(
        &self,
        module: &'static FrozenModule,
        dir: &'static FrozenDir,
        root: &Rc<str>,
    ) -> FrozenFound {
        FrozenFound {
            module,
            dir,
            root: root.clone(),
            decode: self.lib.decode,
        }
    }

    /// Whether `entry` is the root of one of the directories or below it:
    /// the finder does not read the file system there in sandbox mode.
    pub fn covers(&self, entry: &str) -> bool {
        self.roots.iter().any(|r| package_of(r, entry).is_some())
    }

    /// The module whose last name part is `leaf`, in the frozen directory
    /// that `entry` names (see [`package_of`]).
    pub fn find_in(&self, entry: &str, leaf: &str) -> Option<FrozenFound> {
        for (dir, root) in self.mounted() {
            let Some(pkg) = package_of(root, entry) else {
                continue;
            };
            let name = if pkg.is_empty() {
                leaf.to_owned()
            } else {
                format!("{pkg}.{leaf}")
            };
            if let Some(module) = dir.find(&name) {
                return Some(self.found(module, dir, root));
            }
        }
        None
    }

    /// The frozen module whose file name is `path` (as
    /// [`FrozenFound::file_name`] gives it), if any.
    pub fn find_file(&self, path: &str) -> Option<FrozenFound> {
        for (dir, root) in self.mounted() {
            let Some(rel) = path.strip_prefix(&**root).and_then(|r| r.strip_prefix('/')) else {
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
                return Some(self.found(module, dir, root));
            }
        }
        None
    }
}

impl FrozenLibrary {
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
        let lib = Mounted::new(&LIB, false);
        let p = lib.find_in("/lib", "pkg").expect("pkg");
        assert_eq!(p.file_name(), "/lib/pkg/__init__.py");
        assert_eq!(p.package_dir(), "/lib/pkg");
        assert_eq!(p.source().as_deref(), Some("x=1"));
        let s = lib.find_in("/lib/pkg/", "sub").expect("pkg.sub");
        assert_eq!(s.file_name(), "/lib/pkg/sub.py");
        assert_eq!(s.source().as_deref(), Some("y = 2"));
        assert!(lib.find_in("/lib", "sub").is_none());
        assert!(lib.find_in("/library", "pkg").is_none());
        assert!(lib.covers("/lib/pkg") && !lib.covers("/lib2"));
        let f = lib.find_file("/lib/pkg/sub.py").expect("by file name");
        assert_eq!(f.module.name, "pkg.sub");
        assert!(lib.find_file("/lib/pkg/__init__.py").is_some());
        assert!(lib.find_file("/lib/pkg.py").is_none());
    }

    #[test]
    fn a_neutral_mount_hides_the_build_path() {
        let lib = Mounted::new(&LIB, true);
        assert_eq!(lib.roots().collect::<Vec<_>>(), ["/frozen/lib"]);
        let p = lib.find_in("/frozen/lib", "pkg").expect("pkg");
        assert_eq!(p.file_name(), "/frozen/lib/pkg/__init__.py");
        assert!(lib.find_file("/frozen/lib/pkg/sub.py").is_some());
        assert!(lib.find_in("/lib", "pkg").is_none() && !lib.covers("/lib"));
    }
}
