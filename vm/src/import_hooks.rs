//! CPython's import protocol around rpy's own finder (`import.rs`): the
//! finders `sys.meta_path` holds from start-up (`BuiltinImporter` for
//! native modules, `PathFinder` for `sys.path`, both run by Rust), the
//! loader of the source modules they find (`SourceFileLoader`: source,
//! code, data, `exec_module`), and the walk over `sys.meta_path`,
//! `sys.path_hooks` and `sys.path_importer_cache` that lets a program's
//! own finders, hooks and loaders take part. While those hold only rpy's
//! entries an import never leaves Rust. See docs/import.md.

use crate::native::Args;
use crate::object::Payload;
use crate::objects::type_::Layout;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// The objects rpy puts on `sys.meta_path` and the loader type.
#[derive(Clone)]
pub(crate) struct ImportHooks {
    pub builtin: PyRef,
    pub path: PyRef,
    pub loader: PyRef,
}

/// CPython's FileFinder hook and class, once `importlib` is loaded: rpy's
/// finder stands for them (a FileFinder's directory is searched by Rust).
#[derive(Clone)]
pub(crate) struct FileFinderKind {
    pub hook: Value,
    pub class: Value,
}

/// What a `sys.path` entry gave.
pub(crate) enum PathFound {
    /// rpy's finder found the module there.
    Located(crate::import::Located),
    /// A finder of the program's gave this spec.
    Spec(Value),
}

fn ptr_is(v: &Value, o: &PyRef) -> bool {
    matches!(v, Value::Obj(x) if std::rc::Rc::ptr_eq(x, o))
}

fn str_arg(vm: &mut Vm, v: Option<&Value>, what: &str) -> PyResult<String> {
    match v.and_then(|v| v.as_str()) {
        Some(s) => Ok(s.to_owned()),
        None => Err(vm.type_error(format!("{what} must be str"))),
    }
}

// BuiltinImporter -----------------------------------------------------------

fn builtin_find_spec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [_, name, _, _] = args.bind(vm, "find_spec", ["self", "fullname", "path", "target"], 2)?;
    let name = str_arg(vm, name, "fullname")?;
    if vm.native_module(&name).is_none() && name != "sys" && name != "builtins" {
        return Ok(Value::None);
    }
    let this = args.this().clone();
    let origin = vm.str_val("built-in");
    Ok(vm.new_module_spec(&name, this, origin, None, false))
}

fn builtin_create_module(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [_, spec] = args.exact_method::<2>(vm, "create_module")?;
    crate::imp::create_builtin_from_spec(vm, spec)
}

fn builtin_exec_module(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact_method::<2>(vm, "exec_module")?;
    Ok(Value::None)
}

fn returns_none(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.range::<3>(vm, "method", 1, true)?;
    Ok(Value::None)
}

fn returns_false(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact_method::<2>(vm, "is_package")?;
    Ok(Value::Bool(false))
}

// PathFinder ----------------------------------------------------------------

fn path_find_spec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [_, name, path, _] =
        args.bind(vm, "find_spec", ["self", "fullname", "path", "target"], 2)?;
    let name = str_arg(vm, name, "fullname")?;
    let search = match path {
        Some(p) if !p.is_none() => vm
            .iterate(p)?
            .iter()
            .filter_map(|v| v.as_str().map(|s| s.to_owned()))
            .collect(),
        _ => vm.sys_path()?,
    };
    match vm.search_path(&name, &search)? {
        Some(PathFound::Spec(s)) => Ok(s),
        Some(PathFound::Located(l)) => Ok(vm.spec_of_located(&name, &l)),
        None => Ok(Value::None),
    }
}

// SourceFileLoader ----------------------------------------------------------

fn loader_path(vm: &mut Vm, this: &Value) -> PyResult<String> {
    let p = vm.get_attr_str(this, "path")?;
    str_arg(vm, Some(&p), "path")
}

fn loader_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, name, path] = args.exact_method::<3>(vm, "SourceFileLoader")?;
    for (k, v) in [("name", name), ("path", path)] {
        let key = vm.intern(k);
        vm.generic_set_dict_attr(this, &key, v.clone())?;
    }
    Ok(Value::None)
}

fn loader_create_module(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact_method::<2>(vm, "create_module")?;
    Ok(Value::None)
}

fn loader_exec_module(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, module] = args.exact_method::<2>(vm, "exec_module")?;
    let path = loader_path(vm, this)?;
    let source = vm.source_of_file(&path)?;
    let Some(m) = module.as_obj().filter(|m| m.dict().is_some()).cloned() else {
        return Err(vm.type_error("exec_module() needs a module with a __dict__"));
    };
    vm.exec_source(&source, &path, &m)?;
    Ok(Value::None)
}

fn loader_get_source(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, _] = args.range::<2>(vm, "get_source", 1, true)?;
    let this = this.cloned().unwrap_or(Value::None);
    let path = loader_path(vm, &this)?;
    let s = vm.source_of_file(&path)?;
    Ok(vm.str_val(s))
}

fn loader_get_code(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, _] = args.range::<2>(vm, "get_code", 1, true)?;
    let this = this.cloned().unwrap_or(Value::None);
    let path = loader_path(vm, &this)?;
    let source = vm.source_of_file(&path)?;
    let code = vm.compile_text(&source, &path, rpy_compiler::Mode::Exec)?;
    let code = vm.load_code(code);
    Ok(Value::Obj(vm.code_object(&code)))
}

fn loader_get_filename(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, _] = args.range::<2>(vm, "get_filename", 1, true)?;
    let this = this.cloned().unwrap_or(Value::None);
    vm.get_attr_str(&this, "path")
}

fn loader_is_package(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, _] = args.exact_method::<2>(vm, "is_package")?;
    let path = loader_path(vm, this)?;
    let file = path.rsplit('/').next().unwrap_or(&path);
    Ok(Value::Bool(file == "__init__.py"))
}

fn loader_get_data(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [_, path] = args.exact_method::<2>(vm, "get_data")?;
    let path = str_arg(vm, Some(path), "path")?;
    if let Some(found) = vm.frozen_library.as_ref().and_then(|l| l.find_file(&path)) {
        if let Some(s) = found.source() {
            return Ok(vm.new_bytes(s.into_bytes()));
        }
    }
    let p = std::path::Path::new(&path);
    vm.require_read_path(p, "open")?;
    match std::fs::read(p) {
        Ok(b) => Ok(vm.new_bytes(b)),
        Err(e) => Err(crate::io::io_error(vm, e)),
    }
}

fn loader_load_module(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, name] = args.range::<2>(vm, "load_module", 1, true)?;
    let name = match name {
        Some(n) if !n.is_none() => n.clone(),
        _ => {
            let this = this.cloned().unwrap_or(Value::None);
            vm.get_attr_str(&this, "name")?
        }
    };
    let name = str_arg(vm, Some(&name), "name")?;
    vm.import_module(&name)
}

/// `get_resource_reader(name)`: importlib's reader of the files next to
/// the module (`importlib.readers.FileReader`), as CPython's file loaders.
fn loader_get_resource_reader(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, _] = args.exact_method::<2>(vm, "get_resource_reader")?;
    let readers = vm.import_module("importlib.readers")?;
    let reader = vm.get_attr_str(&readers, "FileReader")?;
    vm.call(&reader, std::slice::from_ref(this))
}

impl Vm {
    /// Builds rpy's finders and puts them on `sys.meta_path`, with empty
    /// `sys.path_hooks` and `sys.path_importer_cache`.
    pub(crate) fn install_import_hooks(&mut self) {
        let builtin_t = self.new_builtin_type_ex("BuiltinImporter", None, Layout::Object, true);
        let m = self.str_val("_frozen_importlib");
        self.set_class_const(&builtin_t, "__module__", m.clone());
        self.add_methods(
            &builtin_t,
            &[
                ("find_spec", builtin_find_spec),
                ("create_module", builtin_create_module),
                ("exec_module", builtin_exec_module),
                ("get_code", returns_none),
                ("get_source", returns_none),
                ("is_package", returns_false),
            ],
        );
        let path_t = self.new_builtin_type_ex("PathFinder", None, Layout::Object, true);
        let m_ext = self.str_val("_frozen_importlib_external");
        self.set_class_const(&path_t, "__module__", m_ext.clone());
        self.add_methods(
            &path_t,
            &[
                ("find_spec", path_find_spec),
                ("invalidate_caches", returns_none),
            ],
        );
        let loader_t = self.new_builtin_type_ex("SourceFileLoader", None, Layout::Object, true);
        self.set_class_const(&loader_t, "__module__", m_ext);
        self.add_methods(
            &loader_t,
            &[
                ("__init__", loader_init),
                ("create_module", loader_create_module),
                ("exec_module", loader_exec_module),
                ("get_source", loader_get_source),
                ("get_code", loader_get_code),
                ("get_filename", loader_get_filename),
                ("is_package", loader_is_package),
                ("get_data", loader_get_data),
                ("load_module", loader_load_module),
                ("get_resource_reader", loader_get_resource_reader),
            ],
        );
        for t in [&builtin_t, &path_t, &loader_t] {
            let d = crate::objects::descriptor::dict_descriptor(self, t);
            self.set_class_const(t, "__dict__", d);
        }
        let builtin = self.alloc_with_dict(builtin_t, Payload::Instance);
        let path = self.alloc_with_dict(path_t, Payload::Instance);
        let hooks = ImportHooks {
            builtin: builtin.clone(),
            path: path.clone(),
            loader: loader_t,
        };
        self.extensions.insert("import.hooks", Box::new(hooks));
        let sys = self.sys.clone();
        let meta = self.new_list(vec![Value::Obj(builtin), Value::Obj(path)]);
        self.module_set(&sys, "meta_path", meta);
        let ph = self.new_list(vec![]);
        self.module_set(&sys, "path_hooks", ph);
        let pic = self.new_dict();
        self.module_set(&sys, "path_importer_cache", pic);
    }

    pub(crate) fn import_hooks(&self) -> Option<ImportHooks> {
        self.extensions
            .get("import.hooks")
            .and_then(|b| b.downcast_ref::<ImportHooks>())
            .cloned()
    }

    fn file_finder_kind(&self) -> Option<FileFinderKind> {
        self.extensions
            .get("import.filefinder")
            .and_then(|b| b.downcast_ref::<FileFinderKind>())
            .cloned()
    }

    /// After CPython's `importlib` package has run: put its FileFinder
    /// hook on `sys.path_hooks` (as CPython's start-up does), standing for
    /// rpy's own search of directories, so `pkgutil` and
    /// `importlib.machinery.PathFinder` see ordinary FileFinders.
    pub(crate) fn importlib_loaded(&mut self) -> PyResult<()> {
        if self.file_finder_kind().is_some() {
            return Ok(());
        }
        let Some(ext) = self.loaded_module("importlib._bootstrap_external") else {
            return Ok(());
        };
        let class = self.get_attr_str(&ext, "FileFinder")?;
        let loaders = self.get_attr_str(&ext, "_get_supported_file_loaders")?;
        let loaders = self.call(&loaders, &[])?;
        let loaders = self.iterate(&loaders)?;
        let make = self.get_attr_str(&class, "path_hook")?;
        let hook = self.call(&make, &loaders)?;
        let sys = Value::Obj(self.sys.clone());
        let hooks = self.get_attr_str(&sys, "path_hooks")?;
        self.call_method(&hooks, "append", std::slice::from_ref(&hook))?;
        self.extensions.insert(
            "import.filefinder",
            Box::new(FileFinderKind { hook, class }),
        );
        Ok(())
    }

    /// The entries of `sys.meta_path` (rpy's two finders if it is gone).
    pub(crate) fn meta_path_entries(&mut self) -> PyResult<Vec<Value>> {
        let sys = Value::Obj(self.sys.clone());
        let k = self.intern("meta_path");
        match self.get_attr_opt(&sys, &k)? {
            Some(Value::None) => {
                Err(self.import_error("sys.meta_path is None, Python is likely shutting down"))
            }
            Some(v) => self.iterate(&v),
            None => Ok(match self.import_hooks() {
                Some(h) => vec![Value::Obj(h.builtin), Value::Obj(h.path)],
                None => Vec::new(),
            }),
        }
    }

    /// Whether `v` is rpy's BuiltinImporter / PathFinder.
    pub(crate) fn finder_kind(&self, v: &Value, hooks: &Option<ImportHooks>) -> Option<bool> {
        let h = hooks.as_ref()?;
        if ptr_is(v, &h.builtin) {
            Some(true)
        } else if ptr_is(v, &h.path) {
            Some(false)
        } else {
            None
        }
    }

    /// Asks a finder of the program's for `fullname`'s spec, as CPython's
    /// `_find_spec` does (`find_spec(name, path, None)`, or the legacy
    /// `find_module` through importlib).
    pub(crate) fn call_user_finder(
        &mut self,
        finder: &Value,
        fullname: &str,
        path: &Value,
    ) -> PyResult<Option<Value>> {
        let name = self.str_val(fullname);
        let k = self.intern("find_spec");
        let spec = match self.get_attr_opt(finder, &k)? {
            Some(f) => self.call(&f, &[name, path.clone(), Value::None])?,
            None => {
                let boot = self.import_module("importlib._bootstrap")?;
                let legacy = self.get_attr_str(&boot, "_find_spec_legacy")?;
                self.call(&legacy, &[finder.clone(), name, path.clone()])?
            }
        };
        Ok((!spec.is_none()).then_some(spec))
    }

    /// Loads a spec a finder of the program's returned, with importlib's
    /// own `_load` (module creation, attributes, `exec_module`).
    pub(crate) fn load_spec(&mut self, spec: &Value) -> PyResult<Value> {
        let boot = self.import_module("importlib._bootstrap")?;
        let load = self.get_attr_str(&boot, "_load")?;
        self.call(&load, std::slice::from_ref(spec))
    }

    /// Searches the `sys.path`-like `search` for `fullname`: in each
    /// entry, a finder of the program's from `sys.path_importer_cache` or
    /// `sys.path_hooks` if there is one, else rpy's finder.
    pub(crate) fn search_path(
        &mut self,
        fullname: &str,
        search: &[String],
    ) -> PyResult<Option<PathFound>> {
        let leaf = fullname.rsplit('.').next().unwrap_or(fullname).to_owned();
        let sys = Value::Obj(self.sys.clone());
        let hk = self.intern("path_hooks");
        let ck = self.intern("path_importer_cache");
        let hooks = match self.get_attr_opt(&sys, &hk)? {
            Some(h) if !h.is_none() => self.iterate(&h)?,
            _ => Vec::new(),
        };
        let cache = match self.get_attr_opt(&sys, &ck)? {
            Some(Value::Obj(d)) if matches!(d.payload, Payload::Dict(_)) => Some(d),
            _ => None,
        };
        let cache_used = cache
            .as_ref()
            .and_then(|d| crate::objects::dict::table(d))
            .map(|t| !t.borrow().is_empty())
            .unwrap_or(false);
        let ff = self.file_finder_kind();
        let own_hook = |v: &Value| {
            ff.as_ref()
                .is_some_and(|f| matches!(&f.hook, Value::Obj(o) if ptr_is(v, o)))
        };
        let fast = !cache_used && hooks.iter().all(own_hook);
        if fast {
            return Ok(self.locate(&leaf, search).map(PathFound::Located));
        }
        for entry in search {
            let key = self.str_val(entry.as_str());
            let mut finder = None;
            if let Some(d) = &cache {
                finder = self.dict_get(d, &key)?;
            }
            if finder.is_none() {
                for h in &hooks {
                    if own_hook(h) {
                        break;
                    }
                    match self.call(h, std::slice::from_ref(&key)) {
                        Ok(f) => {
                            if let Some(d) = &cache {
                                self.dict_set(d, key.clone(), f.clone())?;
                            }
                            finder = Some(f);
                            break;
                        }
                        Err(e) if self.err_matches(&e, &self.exc.import_error.clone()) => {}
                        Err(e) => return Err(e),
                    }
                }
            }
            let is_own_finder = |vm: &mut Vm, f: &Value| -> bool {
                ff.as_ref()
                    .is_some_and(|k| vm.isinstance(f, &k.class).unwrap_or(false))
            };
            match finder {
                Some(Value::None) => continue,
                Some(f) if !is_own_finder(self, &f) => {
                    let k = self.intern("find_spec");
                    let Some(fs) = self.get_attr_opt(&f, &k)? else {
                        continue;
                    };
                    let name = self.str_val(fullname);
                    let spec = self.call(&fs, &[name])?;
                    if spec.is_none() {
                        continue;
                    }
                    let loader = self.get_attr_str(&spec, "loader")?;
                    if loader.is_none() {
                        // A namespace portion: rpy has no namespace packages.
                        continue;
                    }
                    return Ok(Some(PathFound::Spec(spec)));
                }
                _ => {
                    if let Some(l) = self.locate(&leaf, std::slice::from_ref(entry)) {
                        return Ok(Some(PathFound::Located(l)));
                    }
                }
            }
        }
        Ok(None)
    }

    /// A loader object for the source file `path` of module `name`.
    pub(crate) fn new_source_loader(&mut self, name: &str, path: &str) -> Value {
        let Some(h) = self.import_hooks() else {
            return Value::None;
        };
        let o = Value::Obj(self.alloc_with_dict(h.loader, Payload::Instance));
        let n = self.str_val(name);
        let p = self.str_val(path);
        for (k, v) in [("name", n), ("path", p)] {
            let key = self.intern(k);
            let _ = self.generic_set_dict_attr(&o, &key, v);
        }
        o
    }

    /// The source text of `path`: frozen if the library holds it, else
    /// read from the file system.
    pub(crate) fn source_of_file(&mut self, path: &str) -> PyResult<String> {
        if let Some(found) = self.frozen_library.as_ref().and_then(|l| l.find_file(path)) {
            if let Some(s) = found.source() {
                return Ok(s);
            }
        }
        let p = std::path::Path::new(path);
        self.require_read_path(p, "import")?;
        match std::fs::read_to_string(p) {
            Ok(s) => Ok(s),
            Err(e) => Err(crate::io::io_error(self, e)),
        }
    }

    /// The spec of a module rpy's finder found (not yet loaded).
    pub(crate) fn spec_of_located(&mut self, fullname: &str, l: &crate::import::Located) -> Value {
        let (file, pkg_dir) = l.file_and_package();
        let loader = self.new_source_loader(fullname, &file);
        let origin = self.str_val(file);
        let search = pkg_dir.map(|d| {
            let d = self.str_val(d);
            self.new_list(vec![d])
        });
        self.new_module_spec(fullname, loader, origin, search, true)
    }
}
