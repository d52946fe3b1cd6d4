//! The run-time side of `match` statements: the type tests of sequence and
//! mapping patterns, key lookup for mapping patterns and attribute
//! extraction for class patterns, with CPython's errors.

use std::rc::Rc;

use crate::objects::type_::{is_subtype, type_name_of};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// Whether a sequence pattern may match `v`: list, tuple, range and
    /// memoryview (and their subclasses); never str, bytes or bytearray.
    pub(crate) fn match_is_sequence(&self, v: &Value) -> bool {
        let cls = self.class_of(v);
        [&self.types.list, &self.types.tuple, &self.types.range]
            .iter()
            .any(|t| is_subtype(&cls, t))
            || crate::objects::memoryview::is_memoryview(v)
    }

    /// Whether a mapping pattern may match `v`: dict (and subclasses) and
    /// mappingproxy.
    pub(crate) fn match_is_mapping(&self, v: &Value) -> bool {
        let cls = self.class_of(v);
        is_subtype(&cls, &self.types.dict) || is_subtype(&cls, &self.types.mappingproxy)
    }

    /// MatchKeys: the tuple of `subject.get(key)` for each key, or None if
    /// one is missing.
    pub(crate) fn match_keys(&mut self, subject: &Value, keys: &Value) -> PyResult<Value> {
        let keys: Vec<Value> = keys.as_tuple().map(<[Value]>::to_vec).unwrap_or_default();
        if keys.is_empty() {
            return Ok(self.new_tuple(Vec::new()));
        }
        // An exact dict is read directly; anything else through its `get`
        // (so that `__missing__` is not triggered), as CPython.
        let exact_dict = match subject {
            Value::Obj(o) if Rc::ptr_eq(&self.obj_class(o), &self.types.dict) => Some(o.clone()),
            _ => None,
        };
        let get = match exact_dict {
            Some(_) => None,
            None => Some(self.get_attr_str(subject, "get")?),
        };
        let missing = Value::Obj(self.null_marker.clone());
        let mut seen: Vec<(i64, Value)> = Vec::with_capacity(keys.len());
        let mut values = Vec::with_capacity(keys.len());
        for key in keys {
            let h = self.hash(&key)?;
            for (sh, sk) in seen.clone() {
                if sh == h && (sk.is(&key) || self.eq(&sk, &key)?) {
                    let r = self.repr(&key)?;
                    return Err(
                        self.value_error(format!("mapping pattern checks duplicate key ({r})"))
                    );
                }
            }
            seen.push((h, key.clone()));
            let value = match (&exact_dict, &get) {
                (Some(d), _) => self.dict_get(d, &key)?,
                (None, Some(get)) => {
                    let v = self.call(get, &[key, missing.clone()])?;
                    (!v.is(&missing)).then_some(v)
                }
                (None, None) => None,
            };
            match value {
                Some(v) => values.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(self.new_tuple(values))
    }

    /// CopyDictWithoutKeys: `rest = dict(subject)`, then `del rest[key]` for
    /// each key.
    pub(crate) fn copy_dict_without_keys(
        &mut self,
        subject: &Value,
        keys: &Value,
    ) -> PyResult<Value> {
        let rest = self.new_dict();
        if let Value::Obj(d) = &rest {
            crate::objects::dict::dict_update_from(self, d, subject, "update")?;
        }
        let keys: Vec<Value> = keys.as_tuple().map(<[Value]>::to_vec).unwrap_or_default();
        for key in keys {
            self.del_item(&rest, &key)?;
        }
        Ok(rest)
    }

    /// Whether instances of `cls` match themselves as the single positional
    /// sub-pattern (`int(x)`, `str(x)`, ...) when it has no
    /// `__match_args__`.
    fn matches_self(&self, cls: &PyRef) -> bool {
        let t = &self.types;
        [
            &t.bool_,
            &t.bytearray,
            &t.bytes,
            &t.dict,
            &t.float,
            &t.frozenset,
            &t.int,
            &t.list,
            &t.set,
            &t.str,
            &t.tuple,
        ]
        .iter()
        .any(|b| is_subtype(cls, b))
    }

    /// MatchClass: the attributes for the sub-patterns of `cls(...)`, or
    /// None when `subject` does not match.
    pub(crate) fn match_class(
        &mut self,
        subject: &Value,
        cls: &Value,
        nargs: usize,
        names: &Value,
    ) -> PyResult<Value> {
        let cls_ref = match cls {
            Value::Obj(c) if c.as_type().is_some() => c.clone(),
            _ => return Err(self.type_error("called match pattern must be a type")),
        };
        if !self.isinstance(subject, cls)? {
            return Ok(Value::None);
        }
        let type_name = type_name_of(&cls_ref);
        let mut seen: Vec<String> = Vec::new();
        let mut attrs = Vec::new();
        if nargs > 0 {
            let key = self.intern("__match_args__");
            let match_args = self.get_attr_opt(cls, &key)?;
            let (match_args, match_self) = match match_args {
                Some(m) => match m.as_tuple() {
                    Some(items) if Rc::ptr_eq(&self.class_of(&m), &self.types.tuple) => {
                        (items.to_vec(), false)
                    }
                    _ => {
                        let got = self.type_name(&m);
                        return Err(self.type_error(format!(
                            "{type_name}.__match_args__ must be a tuple (got {got})"
                        )));
                    }
                },
                None => (Vec::new(), self.matches_self(&cls_ref)),
            };
            let allowed = if match_self { 1 } else { match_args.len() };
            if allowed < nargs {
                let plural = if allowed == 1 { "" } else { "s" };
                return Err(self.type_error(format!(
                    "{type_name}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)"
                )));
            }
            if match_self {
                attrs.push(subject.clone());
            } else {
                for name in match_args.iter().take(nargs) {
                    let exact_str = Rc::ptr_eq(&self.class_of(name), &self.types.str);
                    let Some(n) = name.as_str().filter(|_| exact_str) else {
                        let got = self.type_name(name);
                        return Err(self.type_error(format!(
                            "__match_args__ elements must be strings (got {got})"
                        )));
                    };
                    let n = n.to_owned();
                    match self.match_class_attr(subject, &type_name, &n, &mut seen)? {
                        Some(v) => attrs.push(v),
                        None => return Ok(Value::None),
                    }
                }
            }
        }
        let names: Vec<Value> = names.as_tuple().map(<[Value]>::to_vec).unwrap_or_default();
        for name in names {
            let n = name.as_str().unwrap_or_default().to_owned();
            match self.match_class_attr(subject, &type_name, &n, &mut seen)? {
                Some(v) => attrs.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(self.new_tuple(attrs))
    }

    /// One attribute for a class pattern: `None` if the subject lacks it.
    fn match_class_attr(
        &mut self,
        subject: &Value,
        type_name: &str,
        name: &str,
        seen: &mut Vec<String>,
    ) -> PyResult<Option<Value>> {
        if seen.iter().any(|s| s == name) {
            let s = self.str_val(name);
            let r = self.repr(&s)?;
            return Err(self.type_error(format!(
                "{type_name}() got multiple sub-patterns for attribute {r}"
            )));
        }
        seen.push(name.to_owned());
        let n = self.intern(name);
        self.get_attr_opt(subject, &n)
    }

    /// GetLen: `len(subject)`.
    pub(crate) fn match_len(&mut self, subject: &Value) -> PyResult<Value> {
        let n = self.len(subject)?;
        Ok(Value::Int(i64::try_from(n).unwrap_or(i64::MAX)))
    }
}
