//! Newline translation for text streams (`\r\n` and `\r` to `\n`, a `\r`
//! at the end of a chunk held until the next one shows whether `\n`
//! follows) and the record of the kinds seen; `IncrementalNewlineDecoder`
//! puts it over any incremental decoder.

use rpy_vm::{ClassDef, KwArgs, Native, NativeClass, OptArg, PyResult, Value, VarArgs, Vm};

const SEEN_LF: u8 = 1;
const SEEN_CR: u8 = 2;
const SEEN_CRLF: u8 = 4;

/// The translation state.
#[derive(Clone, Default)]
pub struct Translator {
    pub translate: bool,
    pub pendingcr: bool,
    pub seen: u8,
}

impl Translator {
    pub fn new(translate: bool) -> Self {
        Translator {
            translate,
            pendingcr: false,
            seen: 0,
        }
    }

    /// Translates the next piece of decoded text.
    pub fn feed(&mut self, input: &str, last: bool) -> String {
        let mut out = String::with_capacity(input.len() + 1);
        if self.pendingcr && (!input.is_empty() || last) {
            out.push('\r');
            self.pendingcr = false;
        }
        out.push_str(input);
        if !last && out.ends_with('\r') {
            out.pop();
            self.pendingcr = true;
        }
        if !out.contains('\r') {
            if out.contains('\n') {
                self.seen |= SEEN_LF;
            }
            return out;
        }
        let crlf = out.matches("\r\n").count();
        let cr = out.matches('\r').count() - crlf;
        let lf = out.matches('\n').count() - crlf;
        if crlf > 0 {
            self.seen |= SEEN_CRLF;
        }
        if cr > 0 {
            self.seen |= SEEN_CR;
        }
        if lf > 0 {
            self.seen |= SEEN_LF;
        }
        if self.translate {
            out = out.replace("\r\n", "\n");
            if cr > 0 {
                out = out.replace('\r', "\n");
            }
        }
        out
    }

    pub fn reset(&mut self) {
        self.seen = 0;
        self.pendingcr = false;
    }

    /// `newlines`: None, one kind, or a tuple of the kinds seen.
    pub fn newlines(&self, vm: &mut Vm) -> Value {
        let kinds: Vec<&str> = [(SEEN_CR, "\r"), (SEEN_LF, "\n"), (SEEN_CRLF, "\r\n")]
            .iter()
            .filter(|(b, _)| self.seen & b != 0)
            .map(|(_, s)| *s)
            .collect();
        match kinds.len() {
            0 => Value::None,
            1 => vm.str_val(kinds[0]),
            _ => {
                let items = kinds.iter().map(|s| vm.str_val(*s)).collect();
                vm.new_tuple(items)
            }
        }
    }
}

/// `_io.IncrementalNewlineDecoder(decoder, translate, errors='strict')`.
pub struct IncrementalNewlineDecoder {
    decoder: Value,
    errors: Value,
    t: Translator,
    ok: bool,
}

fn init(
    vm: &mut Vm,
    this: Native<IncrementalNewlineDecoder>,
    decoder: Value,
    translate: Value,
    errors: OptArg<Value>,
) -> PyResult<()> {
    let translate = vm.is_true(&translate)?;
    let errors = match errors.0 {
        Some(e) => e,
        None => vm.str_val("strict"),
    };
    this.with_mut(vm, |d| {
        d.decoder = decoder;
        d.errors = errors;
        d.t = Translator::new(translate);
        d.ok = true;
    })
}

fn check(vm: &mut Vm, this: &Native<IncrementalNewlineDecoder>) -> PyResult<Value> {
    let (ok, dec) = this.with(vm, |d| (d.ok, d.decoder.clone()))?;
    if !ok {
        return Err(vm.value_error("IncrementalNewlineDecoder.__init__() not called"));
    }
    Ok(dec)
}

fn decode(
    vm: &mut Vm,
    this: Native<IncrementalNewlineDecoder>,
    input: Value,
    last: OptArg<Value>,
) -> PyResult<Value> {
    let dec = check(vm, &this)?;
    let last = match &last.0 {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    let text = if dec.is_none() {
        input
    } else {
        vm.call_method(&dec, "decode", &[input, Value::Bool(last)])?
    };
    let Some(s) = text.as_str() else {
        let t = vm.type_name(&text);
        return Err(vm.type_error(format!("decoder should return a string result, not '{t}'")));
    };
    let s = s.to_owned();
    let out = this.with_mut(vm, |d| d.t.feed(&s, last))?;
    Ok(vm.str_val(out))
}

fn getstate(vm: &mut Vm, this: Native<IncrementalNewlineDecoder>) -> PyResult<Value> {
    let dec = check(vm, &this)?;
    let (buf, flag) = if dec.is_none() {
        (vm.new_bytes(Vec::new()), 0i64)
    } else {
        let st = vm.call_method(&dec, "getstate", &[])?;
        match st.as_tuple() {
            Some([b, f]) => {
                let f = vm.to_i64(f)?;
                (b.clone(), f)
            }
            _ => return Err(vm.type_error("illegal decoder state")),
        }
    };
    let pending = this.with(vm, |d| d.t.pendingcr)?;
    let flag = (flag << 1) | i64::from(pending);
    Ok(vm.new_tuple(vec![buf, Value::Int(flag)]))
}

fn setstate(vm: &mut Vm, this: Native<IncrementalNewlineDecoder>, state: Value) -> PyResult<()> {
    let dec = check(vm, &this)?;
    let (buf, flag) = match state.as_tuple() {
        Some([b, f]) => (b.clone(), f.clone()),
        _ => return Err(vm.type_error("state argument must be a tuple")),
    };
    let flag = vm.to_i64(&flag)?;
    this.with_mut(vm, |d| d.t.pendingcr = flag & 1 != 0)?;
    if !dec.is_none() {
        let st = vm.new_tuple(vec![buf, Value::Int(flag >> 1)]);
        vm.call_method(&dec, "setstate", &[st])?;
    }
    Ok(())
}

fn reset(vm: &mut Vm, this: Native<IncrementalNewlineDecoder>) -> PyResult<()> {
    let dec = check(vm, &this)?;
    this.with_mut(vm, |d| d.t.reset())?;
    if !dec.is_none() {
        vm.call_method(&dec, "reset", &[])?;
    }
    Ok(())
}

impl NativeClass for IncrementalNewlineDecoder {
    const NAME: &'static str = "IncrementalNewlineDecoder";
    const MODULE: &'static str = "_io";
    const BASETYPE: bool = true;
    const DOC: Option<&'static str> =
        Some("Codec used when reading a file in universal newlines mode.");

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|_vm: &mut Vm, _a: VarArgs, _k: KwArgs| {
            Ok(IncrementalNewlineDecoder {
                decoder: Value::None,
                errors: Value::None,
                t: Translator::default(),
                ok: false,
            })
        });
        c.method("__init__", init)
            .params(&["decoder", "translate", "errors"])
            .name = "IncrementalNewlineDecoder".into();
        c.method("decode", decode).params(&["input", "final"]);
        c.method("getstate", getstate);
        c.method("setstate", setstate);
        c.method("reset", reset);
        c.getter_value("newlines", |vm, t| {
            let Some(n) = Native::<IncrementalNewlineDecoder>::of(t) else {
                return Ok(Value::None);
            };
            let tr = n.with(vm, |d| d.t.clone())?;
            Ok(tr.newlines(vm))
        });
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.decoder);
        visit(&self.errors);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.decoder, Value::None));
        out.push(std::mem::replace(&mut self.errors, Value::None));
    }
}
