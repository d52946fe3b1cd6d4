//! `sys.flags`: the interpreter's command-line settings, as the host (the
//! `rpy` command, an embedder) sets them, and the one of them the compiler
//! acts on: the optimization level (`-O`), which leaves asserts out, makes
//! `__debug__` False and, at 2, leaves docstrings out.

use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// The fields of `sys.flags`, in CPython 3.11's order. The defaults are
/// what rpy does without options: it writes no bytecode files, always
/// runs in UTF-8 mode and does not randomize hashes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flags {
    pub debug: u8,
    pub inspect: bool,
    pub interactive: bool,
    /// `-O` count: 1 leaves asserts out, 2 also docstrings.
    pub optimize: u8,
    pub dont_write_bytecode: bool,
    pub no_user_site: bool,
    pub no_site: bool,
    pub ignore_environment: bool,
    pub verbose: u8,
    pub bytes_warning: u8,
    pub quiet: bool,
    pub hash_randomization: bool,
    pub isolated: bool,
    pub dev_mode: bool,
    pub utf8_mode: bool,
    pub warn_default_encoding: bool,
    pub safe_path: bool,
    pub int_max_str_digits: i64,
}

impl Default for Flags {
    fn default() -> Self {
        Flags {
            debug: 0,
            inspect: false,
            interactive: false,
            optimize: 0,
            dont_write_bytecode: true,
            no_user_site: false,
            no_site: false,
            ignore_environment: false,
            verbose: 0,
            bytes_warning: 0,
            quiet: false,
            hash_randomization: false,
            isolated: false,
            dev_mode: false,
            utf8_mode: true,
            warn_default_encoding: false,
            safe_path: false,
            int_max_str_digits: -1,
        }
    }
}

impl Flags {
    /// (name, value) in `sys.flags` order.
    fn fields(&self) -> [(&'static str, Value); 18] {
        let n = |v: u8| Value::Int(i64::from(v));
        let b = |v: bool| Value::Int(i64::from(v));
        [
            ("debug", n(self.debug)),
            ("inspect", b(self.inspect)),
            ("interactive", b(self.interactive)),
            ("optimize", n(self.optimize)),
            ("dont_write_bytecode", b(self.dont_write_bytecode)),
            ("no_user_site", b(self.no_user_site)),
            ("no_site", b(self.no_site)),
            ("ignore_environment", b(self.ignore_environment)),
            ("verbose", n(self.verbose)),
            ("bytes_warning", n(self.bytes_warning)),
            ("quiet", b(self.quiet)),
            ("hash_randomization", b(self.hash_randomization)),
            ("isolated", b(self.isolated)),
            // These two are bools in CPython's sys.flags, the rest ints.
            ("dev_mode", Value::Bool(self.dev_mode)),
            ("utf8_mode", b(self.utf8_mode)),
            ("warn_default_encoding", b(self.warn_default_encoding)),
            ("safe_path", Value::Bool(self.safe_path)),
            ("int_max_str_digits", Value::Int(self.int_max_str_digits)),
        ]
    }
}

/// Sets `sys.flags` and `sys.dont_write_bytecode` in the module `sys`.
pub(crate) fn install(vm: &mut Vm, sys: &PyRef, flags: &Flags) -> PyResult<()> {
    let fields = flags.fields();
    let names: Vec<&str> = fields.iter().map(|(n, _)| *n).collect();
    let values: Vec<Value> = fields.iter().map(|(_, v)| v.clone()).collect();
    let ty = vm.new_struct_seq_type("sys", "flags", &names)?;
    let seq = vm.new_struct_seq(&ty, values)?;
    vm.module_set(sys, "flags", seq);
    vm.module_set(
        sys,
        "dont_write_bytecode",
        Value::Bool(flags.dont_write_bytecode),
    );
    Ok(())
}

impl Vm {
    /// The settings `sys.flags` shows.
    pub fn flags(&self) -> &Flags {
        &self.flags
    }

    /// Replaces `sys.flags` and applies what the VM acts on: the
    /// optimization level of code compiled from now on, `__debug__`, and
    /// `sys.dont_write_bytecode`.
    pub fn set_flags(&mut self, flags: Flags) -> PyResult<()> {
        let sys = self.sys.clone();
        install(self, &sys, &flags)?;
        let builtins = self.builtins.clone();
        self.module_set(&builtins, "__debug__", Value::Bool(flags.optimize == 0));
        self.flags = flags;
        Ok(())
    }

    /// Compiles `source` at the VM's optimization level (`-O`); a compile
    /// error becomes the SyntaxError (or other exception) it stands for.
    pub fn compile_text(
        &mut self,
        source: &str,
        filename: &str,
        mode: rpy_compiler::Mode,
    ) -> PyResult<rpy_compiler::bytecode::CodeObject> {
        self.compile_text_at(source, filename, mode, self.flags.optimize)
    }

    /// Like [`Vm::compile_text`], at optimization level `optimize`
    /// (`compile(..., optimize=n)`).
    pub fn compile_text_at(
        &mut self,
        source: &str,
        filename: &str,
        mode: rpy_compiler::Mode,
        optimize: u8,
    ) -> PyResult<rpy_compiler::bytecode::CodeObject> {
        let options = rpy_compiler::CompileOptions { optimize };
        match rpy_compiler::compile_with_options(source, filename, mode, options) {
            Ok((code, _)) => Ok(code),
            Err(e) => Err(self.compile_error(&e)),
        }
    }
}
