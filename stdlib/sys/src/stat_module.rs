//! `_stat`: the file-mode constants of `stat(2)` and the functions that
//! test and show a mode (`S_ISDIR`, `S_IMODE`, `filemode`, ...), which
//! CPython's `stat.py` takes over when it is importable.

use std::rc::Rc;

use rpy_vm::{ModuleDef, PyRef, PyResult, Value, Vm};

const S_IFMT: u32 = 0o170000;
const S_IFDIR: u32 = 0o040000;
const S_IFCHR: u32 = 0o020000;
const S_IFBLK: u32 = 0o060000;
const S_IFREG: u32 = 0o100000;
const S_IFIFO: u32 = 0o010000;
const S_IFLNK: u32 = 0o120000;
const S_IFSOCK: u32 = 0o140000;

/// The integer constants (Linux values; the BSD and Solaris file types
/// that Linux lacks are 0, as in CPython's build for Linux).
const CONSTANTS: &[(&str, i64)] = &[
    ("S_IFDIR", S_IFDIR as i64),
    ("S_IFCHR", S_IFCHR as i64),
    ("S_IFBLK", S_IFBLK as i64),
    ("S_IFREG", S_IFREG as i64),
    ("S_IFIFO", S_IFIFO as i64),
    ("S_IFLNK", S_IFLNK as i64),
    ("S_IFSOCK", S_IFSOCK as i64),
    ("S_IFDOOR", 0),
    ("S_IFPORT", 0),
    ("S_IFWHT", 0),
    ("S_ISUID", 0o4000),
    ("S_ISGID", 0o2000),
    ("S_ISVTX", 0o1000),
    ("S_ENFMT", 0o2000),
    ("S_IREAD", 0o400),
    ("S_IWRITE", 0o200),
    ("S_IEXEC", 0o100),
    ("S_IRWXU", 0o700),
    ("S_IRUSR", 0o400),
    ("S_IWUSR", 0o200),
    ("S_IXUSR", 0o100),
    ("S_IRWXG", 0o070),
    ("S_IRGRP", 0o040),
    ("S_IWGRP", 0o020),
    ("S_IXGRP", 0o010),
    ("S_IRWXO", 0o007),
    ("S_IROTH", 0o004),
    ("S_IWOTH", 0o002),
    ("S_IXOTH", 0o001),
    ("UF_NODUMP", 0x1),
    ("UF_IMMUTABLE", 0x2),
    ("UF_APPEND", 0x4),
    ("UF_OPAQUE", 0x8),
    ("UF_NOUNLINK", 0x10),
    ("UF_COMPRESSED", 0x20),
    ("UF_HIDDEN", 0x8000),
    ("SF_ARCHIVED", 0x10000),
    ("SF_IMMUTABLE", 0x20000),
    ("SF_APPEND", 0x40000),
    ("SF_NOUNLINK", 0x100000),
    ("SF_SNAPSHOT", 0x200000),
    ("ST_MODE", 0),
    ("ST_INO", 1),
    ("ST_DEV", 2),
    ("ST_NLINK", 3),
    ("ST_UID", 4),
    ("ST_GID", 5),
    ("ST_SIZE", 6),
    ("ST_ATIME", 7),
    ("ST_MTIME", 8),
    ("ST_CTIME", 9),
];

/// The type tests: name and file type (0: a type Linux does not have,
/// so the test is always false).
const TESTS: &[(&str, u32)] = &[
    ("S_ISDIR", S_IFDIR),
    ("S_ISCHR", S_IFCHR),
    ("S_ISBLK", S_IFBLK),
    ("S_ISREG", S_IFREG),
    ("S_ISFIFO", S_IFIFO),
    ("S_ISLNK", S_IFLNK),
    ("S_ISSOCK", S_IFSOCK),
    ("S_ISDOOR", 0),
    ("S_ISPORT", 0),
    ("S_ISWHT", 0),
];

/// A mode argument as CPython converts it (an int, no `__index__`, at
/// most 32 bits), with its messages.
fn mode_arg(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    let Some(i) = rpy_vm::to_integer(v) else {
        return Err(vm.type_error("an integer is required"));
    };
    if i < 0i64 {
        return Err(vm.overflow_error("can't convert negative value to unsigned int"));
    }
    let Ok(wide) = u64::try_from(&i) else {
        return Err(vm.overflow_error("Python int too large to convert to C unsigned long"));
    };
    u32::try_from(wide).map_err(|_| vm.overflow_error("mode out of range"))
}

/// The letter `ls -l` shows for the file type.
fn type_char(mode: u32) -> char {
    match mode & S_IFMT {
        S_IFDIR => 'd',
        S_IFCHR => 'c',
        S_IFBLK => 'b',
        S_IFREG => '-',
        S_IFIFO => 'p',
        S_IFLNK => 'l',
        S_IFSOCK => 's',
        _ => '?',
    }
}

/// `-rwxr-xr-x`: the file type, then read/write/execute for user, group
/// and others, with the set-id and sticky bits shown in the execute place
/// (`s`/`S`, `t`/`T`).
pub fn filemode(mode: u32) -> String {
    let mut s = String::with_capacity(10);
    s.push(type_char(mode));
    // (read bit, write bit, execute bit, special bit, letter with x, without)
    let triads = [
        (0o400, 0o200, 0o100, 0o4000, 's', 'S'),
        (0o040, 0o020, 0o010, 0o2000, 's', 'S'),
        (0o004, 0o002, 0o001, 0o1000, 't', 'T'),
    ];
    for (r, w, x, special, with_x, without_x) in triads {
        s.push(if mode & r != 0 { 'r' } else { '-' });
        s.push(if mode & w != 0 { 'w' } else { '-' });
        let exec = mode & x != 0;
        s.push(match (mode & special != 0, exec) {
            (true, true) => with_x,
            (true, false) => without_x,
            (false, true) => 'x',
            (false, false) => '-',
        });
    }
    s
}

/// Makes the `_stat` module.
pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let mut m = ModuleDef::new("_stat");
    for &(name, file_type) in TESTS {
        m.function(name, move |vm: &mut Vm, mode: Value| -> PyResult<bool> {
            let mode = mode_arg(vm, &mode)?;
            Ok(file_type != 0 && mode & S_IFMT == file_type)
        })
        .qualname = Rc::from(format!("_stat.{name}"));
    }
    m.function("S_IMODE", |vm: &mut Vm, mode: Value| -> PyResult<i64> {
        Ok(i64::from(mode_arg(vm, &mode)? & 0o7777))
    })
    .qualname = Rc::from("_stat.S_IMODE");
    m.function("S_IFMT", |vm: &mut Vm, mode: Value| -> PyResult<i64> {
        Ok(i64::from(mode_arg(vm, &mode)? & S_IFMT))
    })
    .qualname = Rc::from("_stat.S_IFMT");
    m.function("filemode", |vm: &mut Vm, mode: Value| -> PyResult<String> {
        Ok(filemode(mode_arg(vm, &mode)?))
    })
    .qualname = Rc::from("_stat.filemode");
    for &(name, v) in CONSTANTS {
        m.value(name, v);
    }
    m.build(vm)
}

#[cfg(test)]
mod tests {
    use super::filemode;

    #[test]
    fn shows_the_type_permissions_and_special_bits() {
        assert_eq!(filemode(0o100644), "-rw-r--r--");
        assert_eq!(filemode(0o040755), "drwxr-xr-x");
        assert_eq!(filemode(0o107755), "-rwsr-sr-t");
        assert_eq!(filemode(0o107000), "---S--S--T");
        assert_eq!(filemode(0o170777), "?rwxrwxrwx");
    }
}
