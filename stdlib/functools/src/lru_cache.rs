//! `functools._lru_cache_wrapper(user_function, maxsize, typed,
//! cache_info_type)`: the type behind `functools.lru_cache`. `maxsize`
//! None caches without bound, 0 not at all, n keeps the n most recently
//! used results. The results live in a private dict whose insertion order
//! is the recency order (a hit moves its entry to the end; a full cache
//! drops the first). No borrow is held while Python code runs (the user
//! function, a key's `__hash__`/`__eq__`), so the function may call
//! itself through the cache and `cache_clear()` may run meanwhile.

use rpy_vm::{
    Args, ClassDef, KwArgs, Native, NativeClass, OptArg, PyRef, PyResult, Value, VarArgs, Vm,
};

use crate::arguments::OwnedArgs;
use crate::cache_key::make_key;

pub struct LruCache {
    func: Value,
    /// `None`: unbounded; `Some(0)`: no caching.
    maxsize: Option<usize>,
    typed: bool,
    cache_info_type: Value,
    /// key -> result, least recently used first.
    cache: PyRef,
    /// Separates positional from keyword arguments in keys.
    kwd_mark: Value,
    hits: u64,
    misses: u64,
}

impl NativeClass for LruCache {
    const NAME: &'static str = "_lru_cache_wrapper";
    const MODULE: &'static str = "functools";
    const DICT: bool = true;

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|vm: &mut Vm, a: VarArgs, k: KwArgs| {
            let owned = OwnedArgs::new(vm, a.0, k.0);
            new_wrapper(vm, owned.args())
        });
        c.call(call);
        c.method("cache_info", cache_info);
        c.method("cache_clear", |vm: &mut Vm, this: Native<LruCache>| {
            cache_clear(vm, &this)
        });
        c.method(
            "__get__",
            |vm: &mut Vm, this: Native<LruCache>, obj: Value, _cls: OptArg<Value>| {
                if obj.is_none() {
                    this.value()
                } else {
                    vm.new_bound_method(this.value(), obj)
                }
            },
        );
        c.method("__reduce__", |vm: &mut Vm, this: Native<LruCache>| {
            vm.get_attr_str(&this.value(), "__qualname__")
        });
        c.method(
            "__copy__",
            |_vm: &mut Vm, this: Native<LruCache>, _a: VarArgs| this.value(),
        );
        c.method(
            "__deepcopy__",
            |_vm: &mut Vm, this: Native<LruCache>, _a: VarArgs| this.value(),
        );
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
        visit(&self.cache_info_type);
        visit(&Value::Obj(self.cache.clone()));
        visit(&self.kwd_mark);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.func, Value::None));
        out.push(std::mem::replace(&mut self.cache_info_type, Value::None));
        if let Some(t) = rpy_vm::dict_table(&self.cache) {
            if let Ok(mut t) = t.try_borrow_mut() {
                while let Some((k, v)) = t.pop_last() {
                    out.push(k);
                    out.push(v);
                }
            }
        }
    }
}

fn new_wrapper(vm: &mut Vm, args: Args<'_>) -> PyResult<LruCache> {
    let [func, maxsize, typed, info] = args.bind(
        vm,
        "lru_cache",
        ["user_function", "maxsize", "typed", "cache_info_type"],
        4,
    )?;
    let none = Value::None;
    let (func, maxsize, typed, info) = (
        func.unwrap_or(&none),
        maxsize.unwrap_or(&none),
        typed.unwrap_or(&none),
        info.unwrap_or(&none),
    );
    let typed = vm.is_true(typed)?;
    if !vm.is_callable(func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let maxsize = if maxsize.is_none() {
        None
    } else if vm.is_index(maxsize) {
        let n = rpy_vm::index_arg(vm, maxsize)?;
        Some(usize::try_from(n).unwrap_or(0))
    } else {
        return Err(vm.type_error("maxsize should be integer or None"));
    };
    let object = Value::Obj(vm.types.object.clone());
    let kwd_mark = vm.call(&object, &[])?;
    Ok(LruCache {
        func: func.clone(),
        maxsize,
        typed,
        cache_info_type: info.clone(),
        cache: vm.new_dict_ref(),
        kwd_mark,
        hits: 0,
        misses: 0,
    })
}

fn call(vm: &mut Vm, this: Native<LruCache>, args: Args<'_>) -> PyResult<Value> {
    let (func, maxsize, typed, cache, mark) = this.with(vm, |c| {
        (
            c.func.clone(),
            c.maxsize,
            c.typed,
            c.cache.clone(),
            c.kwd_mark.clone(),
        )
    })?;
    if maxsize == Some(0) {
        this.with_mut(vm, |c| c.misses += 1)?;
        return vm.call_with(&func, args);
    }
    let (key, h) = make_key(vm, &args, typed, &mark)?;
    let Some(table) = rpy_vm::dict_table(&cache) else {
        return Err(vm.system_error("lru_cache: the cache is not a dict"));
    };
    if let Some(i) = vm.table_find(table, &key, h)? {
        let found = {
            let mut t = table.borrow_mut();
            if maxsize.is_some() {
                // Most recently used: to the end.
                match t.remove_index(i) {
                    Some((k, v)) => {
                        t.insert_new(k, h, v.clone());
                        Some(v)
                    }
                    None => None,
                }
            } else {
                t.get_index(i).map(|(_, v)| v.clone())
            }
        };
        if let Some(v) = found {
            this.with_mut(vm, |c| c.hits += 1)?;
            return Ok(v);
        }
    }
    this.with_mut(vm, |c| c.misses += 1)?;
    let result = vm.call_with(&func, args)?;
    let Some(limit) = maxsize else {
        vm.dict_set_hashed(&cache, key, h, result.clone())?;
        return Ok(result);
    };
    // The function may have cached this key itself (a recursive call).
    if vm.table_find(table, &key, h)?.is_some() {
        return Ok(result);
    }
    let evicted = {
        let mut t = table.borrow_mut();
        if t.len() >= limit {
            match t.next_from(0).map(|(j, _, _)| j) {
                Some(j) => t.remove_index(j),
                None => None,
            }
        } else {
            None
        }
    };
    drop(evicted);
    // A full insertion (CPython's compares colliding keys again here).
    vm.dict_set_hashed(&cache, key, h, result.clone())?;
    Ok(result)
}

fn cache_info(vm: &mut Vm, this: Native<LruCache>) -> PyResult<Value> {
    let (info, hits, misses, maxsize, cache) = this.with(vm, |c| {
        (
            c.cache_info_type.clone(),
            c.hits,
            c.misses,
            c.maxsize,
            c.cache.clone(),
        )
    })?;
    let currsize = rpy_vm::dict_table(&cache).map_or(0, |t| t.borrow().len());
    let as_int = |n: u64| Value::Int(i64::try_from(n).unwrap_or(i64::MAX));
    let maxsize = match maxsize {
        Some(m) => as_int(m as u64),
        None => Value::None,
    };
    let (hits, misses, currsize) = (as_int(hits), as_int(misses), as_int(currsize as u64));
    vm.call(&info, &[hits, misses, maxsize, currsize])
}

fn cache_clear(vm: &mut Vm, this: &Native<LruCache>) -> PyResult<Value> {
    let cache = this.with_mut(vm, |c| {
        c.hits = 0;
        c.misses = 0;
        c.cache.clone()
    })?;
    // The entries are dropped after the table's borrow ends.
    let old = rpy_vm::dict_table(&cache).map(|t| std::mem::take(&mut *t.borrow_mut()));
    drop(old);
    Ok(Value::None)
}
