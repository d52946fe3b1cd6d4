//! `posix.scandir`: an iterator of `DirEntry` objects (name, path, the
//! file type read with the directory, `stat()` on demand), usable as a
//! context manager, as `os.walk` and `shutil` expect.

use std::ffi::OsString;
use std::fs::{FileType, ReadDir};
use std::os::unix::fs::DirEntryExt;
use std::path::PathBuf;

use rpy_vm::Args;
use rpy_vm::Capability;
use rpy_vm::OptArg;
use rpy_vm::Value;
use rpy_vm::{ClassDef, Native, NativeClass};
use rpy_vm::{PyResult, Vm};

use super::posix::{name_value, os_error, path_arg, stat_fields};

/// The iterator `scandir` returns; `None` once closed or exhausted.
pub struct ScandirIterator {
    dir: Option<ReadDir>,
    /// The directory as given (joined with each name for `entry.path`).
    prefix: PathBuf,
    /// Whether names and paths are bytes.
    bytes: bool,
    /// The argument, for error messages.
    original: Value,
}

/// One entry of a directory.
pub struct DirEntry {
    name: Value,
    path: Value,
    full: PathBuf,
    file_type: Option<FileType>,
    ino: u64,
}

impl DirEntry {
    /// Whether the entry is of the kind `test` says, following a symlink
    /// when asked; False when it does not exist (as CPython's).
    fn is_kind(&self, follow: bool, test: fn(&FileType) -> bool) -> bool {
        match self.file_type {
            Some(t) if !(follow && t.is_symlink()) => test(&t),
            _ => {
                let md = if follow {
                    std::fs::metadata(&self.full)
                } else {
                    std::fs::symlink_metadata(&self.full)
                };
                md.map(|m| test(&m.file_type())).unwrap_or(false)
            }
        }
    }
}

impl NativeClass for DirEntry {
    const NAME: &'static str = "DirEntry";
    const MODULE: &'static str = "posix";

    fn define(c: &mut ClassDef<Self>) {
        c.getter("name", |e: &DirEntry| e.name.clone());
        c.getter("path", |e: &DirEntry| e.path.clone());
        c.method("inode", |e: &DirEntry| e.ino as i64);
        c.method("__fspath__", |e: &DirEntry| e.path.clone());
        c.method("is_symlink", |e: &DirEntry| {
            e.is_kind(false, FileType::is_symlink)
        });
        c.method(
            "is_dir",
            |vm: &mut Vm, e: Native<DirEntry>, follow: OptArg<bool>| {
                let follow = follow.unwrap_or(true);
                e.with(vm, |e| e.is_kind(follow, FileType::is_dir))
            },
        )
        .params(&["*", "follow_symlinks"]);
        c.method(
            "is_file",
            |vm: &mut Vm, e: Native<DirEntry>, follow: OptArg<bool>| {
                let follow = follow.unwrap_or(true);
                e.with(vm, |e| e.is_kind(follow, FileType::is_file))
            },
        )
        .params(&["*", "follow_symlinks"]);
        c.method("stat", entry_stat)
            .params(&["*", "follow_symlinks"]);
        c.repr(|vm, e| {
            let name = e.with(vm, |e| e.name.clone())?;
            let r = vm.repr(&name)?;
            Ok(format!("<DirEntry {r}>"))
        });
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.name);
        visit(&self.path);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.name, Value::None));
        out.push(std::mem::replace(&mut self.path, Value::None));
    }
}

fn entry_stat(vm: &mut Vm, e: Native<DirEntry>, follow: OptArg<bool>) -> PyResult<Value> {
    let follow = follow.unwrap_or(true);
    vm.require(Capability::FileRead, "os.DirEntry.stat")?;
    let (full, path) = e.with(vm, |e| (e.full.clone(), e.path.clone()))?;
    let md = if follow {
        std::fs::metadata(&full)
    } else {
        std::fs::symlink_metadata(&full)
    };
    let md = md.map_err(|err| os_error(vm, &err, Some(&path)))?;
    let ty = vm.module_type("posix", "stat_result")?;
    vm.new_struct_seq(&ty, stat_fields(&md))
}

impl NativeClass for ScandirIterator {
    const NAME: &'static str = "ScandirIterator";
    const MODULE: &'static str = "posix";

    fn define(c: &mut ClassDef<Self>) {
        c.iter(|_vm, it| Ok(it.value()));
        c.next(scandir_next);
        c.method("close", |it: &mut ScandirIterator| {
            it.dir = None;
        });
        c.method("__enter__", |vm: &mut Vm, it: Native<ScandirIterator>| {
            let _ = vm;
            Ok::<Value, rpy_vm::PyErr>(it.value())
        });
        c.method(
            "__exit__",
            |it: &mut ScandirIterator, _a: OptArg<Value>, _b: OptArg<Value>, _c: OptArg<Value>| {
                it.dir = None;
                false
            },
        );
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.original);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.original, Value::None));
    }
}

fn scandir_next(vm: &mut Vm, it: Native<ScandirIterator>) -> PyResult<Option<Value>> {
    let next = it.with_mut(vm, |s| {
        let r = s.dir.as_mut().and_then(Iterator::next);
        if r.is_none() {
            s.dir = None;
        }
        r.map(|r| (r, s.prefix.clone(), s.bytes, s.original.clone()))
    })?;
    let Some((entry, prefix, bytes, original)) = next else {
        return Ok(None);
    };
    let entry = entry.map_err(|e| os_error(vm, &e, Some(&original)))?;
    let fname: OsString = entry.file_name();
    let full = prefix.join(&fname);
    let name = name_value(vm, &fname, bytes);
    let path = name_value(vm, full.as_os_str(), bytes);
    let data = DirEntry {
        name,
        path,
        full,
        file_type: entry.file_type().ok(),
        ino: entry.ino(),
    };
    Ok(Some(vm.new_native_object(data)))
}

pub fn scandir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [p] = args.bind(vm, "scandir", ["path"], 0)?;
    vm.require(Capability::FileRead, "os.scandir")?;
    let p = match p {
        None | Some(Value::None) => super::posix::PathArg {
            path: PathBuf::from("."),
            original: vm.str_val("."),
            bytes: false,
        },
        Some(v) => path_arg(vm, v, "scandir", "path")?,
    };
    let rd = std::fs::read_dir(&p.path).map_err(|e| os_error(vm, &e, Some(&p.original)))?;
    let it = ScandirIterator {
        dir: Some(rd),
        prefix: p.path,
        bytes: p.bytes,
        original: p.original,
    };
    Ok(vm.new_native_object(it))
}

/// Adds `scandir` and `DirEntry` to `m`.
pub fn add_to(vm: &mut Vm, m: &rpy_vm::PyRef) {
    vm.module_add_fn(m, "scandir", scandir);
    let ty = vm.native_type::<DirEntry>();
    vm.module_set(m, "DirEntry", Value::Obj(ty));
}
