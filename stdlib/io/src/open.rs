//! `open()`, `open_code()` and `text_encoding()`: the mode checks and
//! messages of CPython's `_io.open`, then a `FileIO`, buffered by
//! `BufferedReader`/`Writer`/`Random` (line buffering on a terminal),
//! wrapped in a `TextIOWrapper` in text mode.

use rpy_vm::{OptArg, PyResult, Value, Vm};

use crate::buffered::{BufferedRandom, BufferedReader, BufferedWriter};
use crate::common::{int_arg, DEFAULT_BUFFER_SIZE};
use crate::fileio::FileIO;
use crate::textio::TextIOWrapper;

#[allow(clippy::too_many_arguments)]
pub fn open(
    vm: &mut Vm,
    file: Value,
    mode: OptArg<Value>,
    buffering: OptArg<Value>,
    encoding: OptArg<Value>,
    errors: OptArg<Value>,
    newline: OptArg<Value>,
    closefd: OptArg<Value>,
    opener: OptArg<Value>,
) -> PyResult<Value> {
    let is_fd = matches!(file, Value::Int(_) | Value::Bool(_));
    if !is_fd
        && file.as_str().is_none()
        && !matches!(file.payload(), Some(rpy_vm::Payload::Bytes(_)))
    {
        // Path-like or an error naming the type.
        crate::fileio::path_of(vm, &file)?;
    }
    let mode = match &mode.0 {
        None => "r".to_owned(),
        Some(m) => match m.as_str() {
            Some(s) => s.to_owned(),
            None => {
                let t = vm.type_name(m);
                return Err(vm.type_error(format!("open() argument 'mode' must be str, not {t}")));
            }
        },
    };
    let mut buffering = match &buffering.0 {
        None => -1,
        Some(v) => int_arg(vm, v)?,
    };
    let str_or_none = |vm: &mut Vm, v: &Option<Value>, what: &str| -> PyResult<Option<String>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(v) => match v.as_str() {
                Some(s) => Ok(Some(s.to_owned())),
                None => {
                    let t = vm.type_name(v);
                    Err(vm.type_error(format!(
                        "open() argument '{what}' must be str or None, not {t}"
                    )))
                }
            },
        }
    };
    let enc = str_or_none(vm, &encoding.0, "encoding")?;
    let errs = str_or_none(vm, &errors.0, "errors")?;
    let nl = str_or_none(vm, &newline.0, "newline")?;

    let (mut creating, mut reading, mut writing, mut appending, mut updating) =
        (false, false, false, false, false);
    let (mut text, mut binary) = (false, false);
    let invalid = |vm: &mut Vm| {
        let m = vm.str_val(mode.clone());
        match vm.repr(&m) {
            Ok(r) => vm.value_error(format!("invalid mode: {r}")),
            Err(e) => e,
        }
    };
    for c in mode.chars() {
        let flag = match c {
            'x' => &mut creating,
            'r' => &mut reading,
            'w' => &mut writing,
            'a' => &mut appending,
            '+' => &mut updating,
            't' => &mut text,
            'b' => &mut binary,
            _ => return Err(invalid(vm)),
        };
        if *flag {
            return Err(invalid(vm));
        }
        *flag = true;
    }
    let mut rawmode = String::new();
    if creating {
        rawmode.push('x');
    }
    if reading {
        rawmode.push('r');
    }
    if writing {
        rawmode.push('w');
    }
    if appending {
        rawmode.push('a');
    }
    if updating {
        rawmode.push('+');
    }
    if text && binary {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    if [creating, reading, writing, appending]
        .iter()
        .filter(|b| **b)
        .count()
        > 1
    {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    if binary && enc.is_some() {
        return Err(vm.value_error("binary mode doesn't take an encoding argument"));
    }
    if binary && errs.is_some() {
        return Err(vm.value_error("binary mode doesn't take an errors argument"));
    }
    if binary && nl.is_some() {
        return Err(vm.value_error("binary mode doesn't take a newline argument"));
    }
    if binary && buffering == 1 {
        let w = Value::Obj(vm.exc.runtime_warning.clone());
        crate::common::warn(
            vm,
            w,
            "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used",
            2,
        )?;
    }
    let fio = Value::Obj(vm.native_type::<FileIO>());
    let rm = vm.str_val(rawmode);
    let cf = closefd.0.unwrap_or(Value::Bool(true));
    let op = opener.0.unwrap_or(Value::None);
    let raw = vm.call(&fio, &[file, rm, cf, op])?;
    let result = (|| -> PyResult<Value> {
        let mut line_buffering = false;
        if buffering == 1 || buffering < 0 && crate::common::call_bool(vm, &raw, "isatty")? {
            buffering = -1;
            line_buffering = true;
        }
        if buffering < 0 {
            buffering = match vm.get_attr_str(&raw, "_blksize") {
                Ok(v) => vm.to_i64(&v).unwrap_or(DEFAULT_BUFFER_SIZE as i64),
                Err(_) => DEFAULT_BUFFER_SIZE as i64,
            };
            if buffering <= 1 {
                buffering = DEFAULT_BUFFER_SIZE as i64;
            }
        }
        if buffering == 0 {
            if binary {
                return Ok(raw.clone());
            }
            return Err(vm.value_error("can't have unbuffered text I/O"));
        }
        let cls = if updating {
            vm.native_type::<BufferedRandom>()
        } else if creating || writing || appending {
            vm.native_type::<BufferedWriter>()
        } else {
            vm.native_type::<BufferedReader>()
        };
        let buffer = vm.call(&Value::Obj(cls), &[raw.clone(), Value::Int(buffering)])?;
        if binary {
            return Ok(buffer);
        }
        let tw = Value::Obj(vm.native_type::<TextIOWrapper>());
        let to = |vm: &mut Vm, s: Option<String>| match s {
            Some(s) => vm.str_val(s),
            None => Value::None,
        };
        let e = to(vm, enc.clone());
        let r = to(vm, errs.clone());
        let n = to(vm, nl.clone());
        let wrapper = match vm.call(&tw, &[buffer.clone(), e, r, n, Value::Bool(line_buffering)]) {
            Ok(w) => w,
            Err(err) => {
                let _ = vm.call_method(&buffer, "close", &[]);
                return Err(err);
            }
        };
        let k = vm.intern("mode");
        let m = vm.str_val(mode.clone());
        vm.set_attr(&wrapper, &k, m)?;
        Ok(wrapper)
    })();
    if result.is_err() {
        let _ = vm.call_method(&raw, "close", &[]);
    }
    result
}

/// `open_code(path)`: the file opened for reading bytes.
pub fn open_code(vm: &mut Vm, path: Value) -> PyResult<Value> {
    if path.as_str().is_none() {
        let t = vm.type_name(&path);
        return Err(vm.type_error(format!("open_code() argument 'path' must be str, not {t}")));
    }
    let rb = vm.str_val("rb");
    open(
        vm,
        path,
        OptArg(Some(rb)),
        OptArg(None),
        OptArg(None),
        OptArg(None),
        OptArg(None),
        OptArg(None),
        OptArg(None),
    )
}

/// `text_encoding(encoding, stacklevel=2)`: "utf-8" for None (rpy always runs in UTF-8 mode, `sys.flags.utf8_mode`).
pub fn text_encoding(vm: &mut Vm, encoding: Value, _stacklevel: OptArg<Value>) -> PyResult<Value> {
    if encoding.is_none() {
        return Ok(vm.str_val("utf-8"));
    }
    Ok(encoding)
}
