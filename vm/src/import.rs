//! The import system: `__import__` semantics (absolute and relative names,
//! packages with `__init__.py`, submodules in `fromlist`), `sys.modules`,
//! native modules registered through the embedding API, and source modules
//! found on `sys.path` (or a package's `__path__`): in a frozen library
//! (`frozen.rs`) where an entry is one of its directories, else on the file
//! system. Also what `-m` runs ([`Vm::find_main_module`]).

use std::path::PathBuf;
use std::rc::Rc;

use crate::frozen::FrozenFound;
use crate::object::Payload;
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// Where the finder found a module.
pub(crate) enum Located {
    Frozen(FrozenFound),
    File {
        path: PathBuf,
        pkg_dir: Option<PathBuf>,
        /// The `sys.path`/`__path__` entry it was found under.
        entry: String,
    },
}

/// The code `-m` runs as `__main__` ([`Vm::find_main_module`]).
pub struct MainModule {
    /// Its source text.
    pub source: String,
    /// Its file name (`__file__`, `sys.argv[0]`, tracebacks).
    pub file: String,
    /// Its `__package__`.
    pub package: String,
}

impl Located {
    /// The module's file name (`__file__`) and, for a package, its
    /// directory (`__path__[0]`).
    pub(crate) fn file_and_package(&self) -> (String, Option<String>) {
        match self {
            Located::Frozen(f) => (f.file_name(), f.module.package.then(|| f.package_dir())),
            Located::File {
                path,
                pkg_dir,
                entry,
            } => {
                let display = if entry.is_empty() {
                    path.strip_prefix("./")
                        .unwrap_or(path)
                        .to_string_lossy()
                        .into_owned()
                } else {
                    path.to_string_lossy().into_owned()
                };
                let pkg = pkg_dir.as_ref().map(|d| d.to_string_lossy().into_owned());
                (display, pkg)
            }
        }
    }
}

impl Vm {
    /// ModuleNotFoundError "No module named 'x'" with `.name` set.
    fn module_not_found(&mut self, name: &str, msg: String) -> PyErr {
        let c = self.exc.module_not_found_error.clone();
        let e = self.new_error(&c, msg);
        let k = self.names.name.clone();
        let n = self.str_val(name);
        let _ = self.generic_set_dict_attr(&Value::Obj(e.0.clone()), &k, n);
        e
    }

    /// `sys.modules[name]` if present.
    pub fn loaded_module(&mut self, name: &str) -> Option<Value> {
        let modules = self.modules.clone();
        let k = self.intern(name);
        crate::objects::dict::get_str(&modules, &k)
    }

    /// Imports the dotted module `name` (absolute) and returns the module
    /// itself (not the top-level package).
    pub fn import_module(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.loaded_module(name) {
            if m.is_none() {
                return Err(self.module_not_found(
                    name,
                    format!("import of {name} halted; None in sys.modules"),
                ));
            }
            return Ok(m);
        }
        let mut cur = String::new();
        let mut parent: Option<Value> = None;
        let mut m = Value::None;
        for part in name.split('.') {
            if !cur.is_empty() {
                cur.push('.');
            }
            cur.push_str(part);
            m = self.import_one(&cur, parent.as_ref())?;
            parent = Some(m.clone());
        }
        Ok(m)
    }

    /// Imports one module whose parent (if any) is already imported.
    fn import_one(&mut self, fullname: &str, parent: Option<&Value>) -> PyResult<Value> {
        if let Some(m) = self.loaded_module(fullname) {
            if m.is_none() {
                return Err(self.module_not_found(
                    fullname,
                    format!("import of {fullname} halted; None in sys.modules"),
                ));
            }
            return Ok(m);
        }
        // The parent's __path__ (None for a top-level module).
        let path_value = match parent {
            Some(p) => {
                let k = self.names.__path__.clone();
                match self.get_attr_opt(p, &k)? {
                    Some(pp) => pp,
                    None => {
                        let pname = fullname.rsplit_once('.').map(|x| x.0).unwrap_or("");
                        return Err(self.module_not_found(
                            fullname,
                            format!("No module named '{fullname}'; '{pname}' is not a package"),
                        ));
                    }
                }
            }
            None => Value::None,
        };
        let hooks = self.import_hooks();
        for finder in self.meta_path_entries()? {
            let m = match self.finder_kind(&finder, &hooks) {
                Some(true) => match self.native_module(fullname) {
                    Some(init) => self.load_native(fullname, init)?,
                    None => continue,
                },
                Some(false) => {
                    let search: Vec<String> = if path_value.is_none() {
                        self.sys_path()?
                    } else {
                        self.iterate(&path_value)?
                            .iter()
                            .filter_map(|v| v.as_str().map(|s| s.to_owned()))
                            .collect()
                    };
                    match self.search_path(fullname, &search)? {
                        Some(crate::import_hooks::PathFound::Located(found)) => {
                            self.load_located(fullname, found)?
                        }
                        Some(crate::import_hooks::PathFound::Spec(spec)) => {
                            self.load_spec(&spec)?
                        }
                        None => continue,
                    }
                }
                None => match self.call_user_finder(&finder, fullname, &path_value)? {
                    Some(spec) => self.load_spec(&spec)?,
                    None => continue,
                },
            };
            if let Some(p) = parent {
                let leaf = fullname.rsplit('.').next().unwrap_or(fullname);
                let lk = self.intern(leaf);
                let _ = self.set_attr(p, &lk, m.clone());
            }
            if fullname == "importlib" {
                self.importlib_loaded()?;
            }
            return Ok(m);
        }
        Err(self.module_not_found(fullname, format!("No module named '{fullname}'")))
    }

    /// Runs a native module's initialiser and records it in `sys.modules`.
    fn load_native(&mut self, fullname: &str, init: crate::vm::ModuleInit) -> PyResult<Value> {
        let m = init(self)?;
        let mv = Value::Obj(m.clone());
        if self.module_get(&m, "__spec__").is_none() {
            if let Some(h) = self.import_hooks() {
                let loader = Value::Obj(h.builtin);
                let origin = self.str_val("built-in");
                let spec = self.new_module_spec(fullname, loader.clone(), origin, None, false);
                self.module_set(&m, "__spec__", spec);
                self.module_set(&m, "__loader__", loader);
            }
        }
        let k = self.intern(fullname);
        self.dict_set(&self.modules.clone(), Value::Obj(k), mv.clone())?;
        Ok(mv)
    }

    /// The string entries of `sys.path`.
    pub(crate) fn sys_path(&mut self) -> PyResult<Vec<String>> {
        let k = self.intern("path");
        let sys = Value::Obj(self.sys.clone());
        Ok(match self.get_attr_opt(&sys, &k)? {
            Some(p) => self
                .iterate(&p)?
                .iter()
                .filter_map(|v| v.as_str().map(|s| s.to_owned()))
                .collect(),
            None => Vec::new(),
        })
    }

    /// The string entries of a package's `__path__` (`None`: not a package).
    fn package_path(&mut self, p: &Value) -> PyResult<Option<Vec<String>>> {
        let k = self.names.__path__.clone();
        Ok(match self.get_attr_opt(p, &k)? {
            Some(pp) => Some(
                self.iterate(&pp)?
                    .iter()
                    .filter_map(|v| v.as_str().map(|s| s.to_owned()))
                    .collect(),
            ),
            None => None,
        })
    }

    /// Finds the module `leaf` in the directories `search`, in order: in
    /// an entry that a frozen directory covers, the frozen module first,
    /// then (outside the sandbox) the file system, as for any other entry.
    pub(crate) fn locate(&mut self, leaf: &str, search: &[String]) -> Option<Located> {
        let frozen = self.frozen_library.clone();
        for dir in search {
            if let Some(lib) = &frozen {
                if let Some(found) = lib.find_in(dir, leaf) {
                    return Some(Located::Frozen(found));
                }
                // Sandboxed code needs no file access for the library.
                if !self.has_capability(crate::sandbox::Capability::FileRead) && lib.covers(dir) {
                    continue;
                }
            }
            let base = if dir.is_empty() {
                PathBuf::from(".")
            } else {
                PathBuf::from(dir)
            };
            let pkg_init = base.join(leaf).join("__init__.py");
            if pkg_init.is_file() {
                let pkg_dir = base.join(leaf);
                return Some(Located::File {
                    path: pkg_init,
                    pkg_dir: Some(pkg_dir),
                    entry: dir.clone(),
                });
            }
            let file = base.join(format!("{leaf}.py"));
            if file.is_file() {
                return Some(Located::File {
                    path: file,
                    pkg_dir: None,
                    entry: dir.clone(),
                });
            }
        }
        None
    }

    /// Reads the source of a located module: (source, file name, package
    /// directory).
    fn read_located(&mut self, found: &Located) -> PyResult<(String, String, Option<String>)> {
        let (file, pkg) = found.file_and_package();
        match found {
            Located::Frozen(f) => {
                let Some(source) = f.source() else {
                    let c = self.exc.import_error.clone();
                    return Err(
                        self.new_error(&c, format!("frozen module {} is damaged", f.module.name))
                    );
                };
                Ok((source, file, pkg))
            }
            Located::File { path, .. } => {
                self.require_read_path(path, "import")?;
                let source = match std::fs::read_to_string(path) {
                    Ok(s) => s,
                    Err(e) => return Err(crate::io::io_error(self, e)),
                };
                Ok((source, file, pkg))
            }
        }
    }

    fn load_located(&mut self, fullname: &str, found: Located) -> PyResult<Value> {
        let (source, file, pkg_dir) = self.read_located(&found)?;
        let m = self.new_module(fullname);
        let mv = Value::Obj(m.clone());
        let f = self.str_val(file.clone());
        self.module_set(&m, "__file__", f.clone());
        let mut search = None;
        let package = match pkg_dir {
            Some(d) => {
                let p = self.str_val(d);
                let l = self.new_list(vec![p]);
                self.module_set(&m, "__path__", l.clone());
                search = Some(l);
                fullname.to_owned()
            }
            None => fullname
                .rsplit_once('.')
                .map(|x| x.0.to_owned())
                .unwrap_or_default(),
        };
        let pv = self.str_val(package);
        self.module_set(&m, "__package__", pv);
        let loader = self.new_source_loader(fullname, &file);
        let spec = self.new_module_spec(fullname, loader.clone(), f, search, true);
        self.module_set(&m, "__spec__", spec);
        self.module_set(&m, "__loader__", loader);
        let b = Value::Obj(self.builtins.clone());
        self.module_set(&m, "__builtins__", b);
        let k = self.intern(fullname);
        let modules = self.modules.clone();
        self.dict_set(&modules, Value::Obj(k.clone()), mv.clone())?;
        let r = self.exec_source(&source, &file, &m);
        if let Err(e) = r {
            let _ = self.dict_del(&modules, &Value::Obj(k));
            return Err(e);
        }
        // The module may have replaced itself in sys.modules.
        Ok(self.loaded_module(fullname).unwrap_or(mv))
    }

    /// What `-m name` runs as `__main__`: the module's source (a package's
    /// `__main__` submodule, after the package is imported), found as
    /// `import` would find it (frozen or on the file system); its parent
    /// package is imported first. `None` if there is no such module.
    pub fn find_main_module(&mut self, name: &str) -> PyResult<Option<MainModule>> {
        let (parent, leaf) = name.rsplit_once('.').unwrap_or(("", name));
        let search = if parent.is_empty() {
            self.sys_path()?
        } else {
            let p = self.import_module(parent)?;
            match self.package_path(&p)? {
                Some(s) => s,
                None => return Ok(None),
            }
        };
        let Some(found) = self.locate(leaf, &search) else {
            return Ok(None);
        };
        let is_package = match &found {
            Located::Frozen(f) => f.module.package,
            Located::File { pkg_dir, .. } => pkg_dir.is_some(),
        };
        if !is_package {
            let (source, file, _) = self.read_located(&found)?;
            return Ok(Some(MainModule {
                source,
                file,
                package: parent.to_owned(),
            }));
        }
        // A package runs its __main__ submodule, after its __init__.
        let pkg = self.import_module(name)?;
        let search = self.package_path(&pkg)?.unwrap_or_default();
        let Some(main) = self.locate("__main__", &search) else {
            return Ok(None);
        };
        let (source, file, _) = self.read_located(&main)?;
        Ok(Some(MainModule {
            source,
            file,
            package: name.to_owned(),
        }))
    }

    /// Compiles and runs `source` in module `m`'s namespace.
    pub fn exec_source(&mut self, source: &str, filename: &str, m: &PyRef) -> PyResult<Value> {
        self.sources.insert(filename.to_owned(), Rc::from(source));
        let code = self.compile_text(source, filename, rpy_compiler::Mode::Exec)?;
        let code = self.load_code(code);
        let Some(globals) = m.dict().cloned() else {
            return Err(self.system_error("module without a namespace"));
        };
        let r = self.run_code(code, globals, None);
        if self.finalize_queue.pending.get() {
            self.run_finalizers();
        }
        r
    }

    /// Resolves a relative import name against the importing globals.
    fn resolve_name(&mut self, name: &str, globals: &PyRef, level: usize) -> PyResult<String> {
        let pk = self.names.__package__.clone();
        let package = match crate::objects::dict::get_str(globals, &pk) {
            Some(p) if p.as_str().is_some() => p.as_str().unwrap_or("").to_owned(),
            _ => {
                let nk = self.names.__name__.clone();
                let modname = crate::objects::dict::get_str(globals, &nk)
                    .and_then(|v| v.as_str().map(|s| s.to_owned()))
                    .unwrap_or_default();
                let pathk = self.names.__path__.clone();
                if crate::objects::dict::get_str(globals, &pathk).is_some() {
                    modname
                } else {
                    modname
                        .rsplit_once('.')
                        .map(|x| x.0.to_owned())
                        .unwrap_or_default()
                }
            }
        };
        if package.is_empty() {
            let c = self.exc.import_error.clone();
            return Err(
                self.new_error(&c, "attempted relative import with no known parent package")
            );
        }
        let parts: Vec<&str> = package.split('.').collect();
        if level > parts.len() {
            let c = self.exc.import_error.clone();
            return Err(self.new_error(&c, "attempted relative import beyond top-level package"));
        }
        let base = parts[..parts.len() - (level - 1)].join(".");
        Ok(if name.is_empty() {
            base
        } else {
            format!("{base}.{name}")
        })
    }

    /// `__import__(name, globals, locals, fromlist, level)`.
    pub fn import_name(
        &mut self,
        name: &str,
        globals: Option<&PyRef>,
        fromlist: &[Value],
        level: usize,
    ) -> PyResult<Value> {
        if level == 0 && name.is_empty() {
            return Err(self.value_error("Empty module name"));
        }
        let full = if level > 0 {
            match globals {
                Some(g) => self.resolve_name(name, g, level)?,
                None => {
                    let c = self.exc.import_error.clone();
                    return Err(self
                        .new_error(&c, "attempted relative import with no known parent package"));
                }
            }
        } else {
            name.to_owned()
        };
        let m = self.import_module(&full)?;
        if fromlist.is_empty() {
            if level == 0 {
                let top = full.split('.').next().unwrap_or(&full).to_owned();
                return Ok(self.loaded_module(&top).unwrap_or(m));
            }
            // `from . import x` style with empty fromlist: the top of the
            // relative name.
            let top_len = full.len() - name.len();
            let top = if name.is_empty() {
                full.clone()
            } else {
                format!(
                    "{}{}",
                    &full[..top_len],
                    name.split('.').next().unwrap_or("")
                )
            };
            return Ok(self.loaded_module(&top).unwrap_or(m));
        }
        // Submodules named in fromlist are imported.
        let is_pkg = {
            let k = self.names.__path__.clone();
            self.get_attr_opt(&m, &k)?.is_some()
        };
        if is_pkg {
            for item in fromlist {
                let Some(s) = item.as_str() else { continue };
                if s == "*" {
                    let ak = self.names.__all__.clone();
                    if let Some(all) = self.get_attr_opt(&m, &ak)? {
                        for n in self.iterate(&all)? {
                            if let Some(ns) = n.as_str() {
                                let nk = self.intern(ns);
                                if self.get_attr_opt(&m, &nk)?.is_none() {
                                    let sub = format!("{full}.{ns}");
                                    self.import_module(&sub)?;
                                }
                            }
                        }
                    }
                    continue;
                }
                let nk = self.intern(s);
                if self.get_attr_opt(&m, &nk)?.is_none() {
                    let sub = format!("{full}.{s}");
                    match self.import_module(&sub) {
                        Ok(_) => {}
                        Err(e)
                            if self.err_matches(&e, &self.exc.module_not_found_error.clone()) =>
                        {
                            // Only swallow "this submodule does not exist".
                            let nk2 = self.names.name.clone();
                            let en = self
                                .get_attr_opt(&Value::Obj(e.0.clone()), &nk2)?
                                .and_then(|v| v.as_str().map(|x| x.to_owned()));
                            if en.as_deref() != Some(sub.as_str()) {
                                return Err(e);
                            }
                        }
                        Err(e) => return Err(e),
                    }
                }
            }
        }
        Ok(m)
    }

    /// The ImportName instruction (honours a replaced `builtins.__import__`).
    pub(crate) fn import_name_op(
        &mut self,
        name: &PyRef,
        globals: &PyRef,
        fromlist: &Value,
        level: &Value,
        builtins: &PyRef,
    ) -> PyResult<Value> {
        let ik = self.names.__import__.clone();
        if let Some(imp) = crate::objects::dict::get_str(builtins, &ik) {
            if !matches!(imp.payload(), Some(Payload::BuiltinFunction(nf)) if &*nf.name == "__import__")
            {
                return self.call(
                    &imp,
                    &[
                        Value::Obj(name.clone()),
                        Value::Obj(globals.clone()),
                        Value::None,
                        fromlist.clone(),
                        level.clone(),
                    ],
                );
            }
        }
        let fl: Vec<Value> = match fromlist {
            Value::None => Vec::new(),
            v => self.iterate(v)?,
        };
        let level = match level {
            Value::Int(i) => (*i).max(0) as usize,
            _ => 0,
        };
        self.import_name(name.as_str().unwrap_or(""), Some(globals), &fl, level)
    }

    /// The ImportFrom instruction.
    pub(crate) fn import_from(&mut self, m: &Value, name: &PyRef) -> PyResult<Value> {
        if let Some(v) = self.get_attr_opt(m, name)? {
            return Ok(v);
        }
        let nk = self.names.__name__.clone();
        let modname = self
            .get_attr_opt(m, &nk)?
            .and_then(|v| v.as_str().map(|s| s.to_owned()));
        if let Some(mn) = &modname {
            let full = format!("{mn}.{}", name.as_str().unwrap_or(""));
            if let Some(v) = self.loaded_module(&full) {
                return Ok(v);
            }
        }
        let n = name.as_str().unwrap_or("?");
        let mn = modname.unwrap_or_else(|| "<unknown module name>".into());
        let fk = self.names.__file__.clone();
        let loc = match self.get_attr_opt(m, &fk)? {
            Some(f) if f.as_str().is_some() => f.as_str().unwrap_or("").to_owned(),
            _ => "unknown location".into(),
        };
        let c = self.exc.import_error.clone();
        let e = self.new_error(&c, format!("cannot import name '{n}' from '{mn}' ({loc})"));
        let ev = Value::Obj(e.0.clone());
        let k = self.names.name.clone();
        let mnv = self.str_val(mn);
        let _ = self.generic_set_dict_attr(&ev, &k, mnv);
        Err(e)
    }

    /// `from m import *` into the mapping `locals`.
    pub(crate) fn import_star(&mut self, m: &Value, locals: &Value) -> PyResult<()> {
        let ak = self.names.__all__.clone();
        let names: Vec<Value> = match self.get_attr_opt(m, &ak)? {
            Some(all) => self.iterate(&all)?,
            None => {
                let Some(d) = m.as_obj().and_then(|o| o.dict().cloned()) else {
                    return Ok(());
                };
                crate::objects::dict::entries(&d)
                    .into_iter()
                    .map(|(k, _)| k)
                    .filter(|k| k.as_str().map(|s| !s.starts_with('_')).unwrap_or(false))
                    .collect()
            }
        };
        for n in names {
            let Value::Obj(no) = &n else { continue };
            let v = self.get_attr(m, no)?;
            self.set_item(locals, n.clone(), v)?;
        }
        Ok(())
    }

    /// Turns a compile error into the Python exception it stands for.
    pub fn compile_error(&mut self, e: &rpy_compiler::CompileError) -> PyErr {
        use rpy_compiler::CompileErrorKind as K;
        let cls = match e.kind {
            K::SyntaxError => self.exc.syntax_error.clone(),
            K::IndentationError => self.exc.indentation_error.clone(),
            K::TabError => self.exc.tab_error.clone(),
            K::Unsupported => self.exc.not_implemented_error.clone(),
            K::RecursionError => self.exc.recursion_error.clone(),
        };
        if matches!(e.kind, K::Unsupported | K::RecursionError) {
            return self.new_error(&cls, e.message.clone());
        }
        let msg = self.str_val(e.message.clone());
        let fname = self.str_val(e.filename.clone());
        let text = match &e.text {
            Some(t) => self.str_val(t.clone()),
            None => Value::None,
        };
        let opt = |x: u32| {
            if x == 0 {
                Value::None
            } else {
                Value::Int(i64::from(x))
            }
        };
        let detail = self.new_tuple(vec![
            fname,
            Value::Int(i64::from(e.line)),
            Value::Int(i64::from(e.offset)),
            text,
            opt(e.end_line),
            Value::Int(i64::from(e.end_offset)),
        ]);
        match self.call(&Value::Obj(cls.clone()), &[msg, detail]) {
            Ok(Value::Obj(o)) => PyErr(o),
            _ => self.new_error(&cls, e.message.clone()),
        }
    }

    /// Runs module-level code with `globals` (and optional locals mapping).
    pub fn run_code(
        &mut self,
        code: Rc<crate::objects::code::Code>,
        globals: PyRef,
        locals: Option<Value>,
    ) -> PyResult<Value> {
        let bk = self.names.__builtins__.clone();
        if crate::objects::dict::get_str(&globals, &bk).is_none() {
            let b = Value::Obj(self.builtins.clone());
            self.dict_set(&globals, Value::Obj(bk), b)?;
        }
        let builtins = self.builtins_dict.clone();
        let mut frame = Box::new(crate::eval::frame::Frame::new(
            code.clone(),
            globals.clone(),
            builtins,
        ));
        let n = code.varnames.len();
        frame
            .core_mut()
            .fast
            .resize_with(n, || std::cell::Cell::new(None));
        for _ in 0..code.ncells() {
            let c = self.new_cell(None);
            frame.core_mut().cells.push(c);
        }
        frame.core_mut().locals = Some(locals.unwrap_or(Value::Obj(globals)));
        self.run_frame(frame)
    }
}
