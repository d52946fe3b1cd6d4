//! The modules through the embedding API: registered on an `Interpreter`,
//! called from Rust, their errors seen as Python exceptions.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rpy_vm::{Interpreter, Payload, PyErr, Value, Vm};

fn interpreter() -> Interpreter {
    let mut interp = Interpreter::builder()
        .stdlib(&rpy_stdlib_frozen::STDLIB)
        .build();
    rpy_base64::register(&mut interp);
    interp
}

/// Calls `module.name(*args)`.
fn call(vm: &mut Vm, module: &str, name: &str, args: &[Value]) -> Result<Value, PyErr> {
    let m = vm.import_module(module)?;
    let f = vm.get_attr_str(&m, name)?;
    vm.call(&f, args)
}

fn bytes_of(v: &Value) -> Vec<u8> {
    match v.payload() {
        Some(Payload::Bytes(b)) => b.clone(),
        _ => panic!("not bytes"),
    }
}

#[test]
fn hexlify_and_crc32_from_rust() {
    let mut interp = interpreter();
    let vm = interp.vm();
    let data = vm.new_bytes(vec![0x01, 0xab, 0xff]);
    let hex = call(vm, "binascii", "hexlify", std::slice::from_ref(&data)).expect("hexlify");
    assert_eq!(bytes_of(&hex), b"01abff");
    let ba = vm.new_bytearray(b"hello world".to_vec());
    let crc = call(vm, "binascii", "crc32", &[ba]).expect("crc32");
    assert!(matches!(crc, Value::Int(0x0d4a_1185)));
}

#[test]
fn codec_errors_are_binascii_error() {
    let mut interp = interpreter();
    let vm = interp.vm();
    let odd = vm.new_bytes(b"abc".to_vec());
    let err = call(vm, "binascii", "a2b_hex", &[odd]).expect_err("odd length");
    let exc = Value::Obj(err.0.clone());
    let binascii = vm.import_module("binascii").expect("import");
    let Value::Obj(error) = vm.get_attr_str(&binascii, "Error").expect("Error") else {
        panic!("binascii.Error is not an object");
    };
    assert!(vm.is_instance(&exc, &error));
    let value_error = vm.exc.value_error.clone();
    assert!(vm.is_instance(&exc, &value_error));
    assert_eq!(vm.exc_message(&err), "Odd-length string");

    // _base64 raises the same class.
    let bad = vm.str_val("MFRGG");
    let err = call(vm, "_base64", "b32decode", &[bad]).expect_err("padding");
    assert!(vm.is_instance(&Value::Obj(err.0.clone()), &error));

    // A wrong argument type is a TypeError with CPython's message.
    let text = vm.str_val("abc");
    let err = call(vm, "binascii", "b2a_base64", &[text]).expect_err("str");
    let type_error = vm.exc.type_error.clone();
    assert!(vm.is_instance(&Value::Obj(err.0.clone()), &type_error));
    assert_eq!(
        vm.exc_message(&err),
        "a bytes-like object is required, not 'str'"
    );
}

/// Z85 is only in `_base64` (CPython 3.11's base64 module has none), so the
/// snapshot programs cannot check it: the ZeroMQ specification's vector.
#[test]
fn z85_round_trip() {
    let mut interp = interpreter();
    let vm = interp.vm();
    let raw = vm.new_bytes(vec![0x86, 0x4F, 0xD2, 0x6F, 0xB5, 0x59, 0xF7, 0x5B]);
    let enc = call(vm, "_base64", "z85encode", &[raw]).expect("z85encode");
    assert_eq!(bytes_of(&enc), b"HelloWorld");
    let text = vm.str_val("HelloWorld");
    let dec = call(vm, "_base64", "z85decode", &[text]).expect("z85decode");
    assert_eq!(
        bytes_of(&dec),
        [0x86, 0x4F, 0xD2, 0x6F, 0xB5, 0x59, 0xF7, 0x5B]
    );
}

#[test]
fn python_code_sees_the_modules() {
    let (mut interp, out) = Interpreter::with_captured_output();
    rpy_base64::register(&mut interp);
    let src = "import binascii, _base64\n\
               print(binascii.b2a_base64(b'hi', newline=False), _base64.b16encode(b'hi'))\n\
               try:\n    binascii.a2b_base64('\\xe9')\n\
               except ValueError as e:\n    print(type(e).__name__, e)\n";
    interp.run_source(src, "<test>").expect("program runs");
    interp.flush();
    assert_eq!(
        out.borrow().stdout,
        "b'aGk=' b'6869'\nValueError string argument should contain only ASCII characters\n"
    );
}

/// The functions hold the exception classes: dropping the interpreter must
/// still free them (and the modules).
#[test]
fn dropping_the_interpreter_frees_the_modules() {
    let (module, error) = {
        let mut interp = interpreter();
        interp
            .run_source(
                "import base64, binascii, _base64\nbase64.b64encode(b'x')",
                "<t>",
            )
            .expect("imports");
        let vm = interp.vm();
        let Value::Obj(m) = vm.import_module("_base64").expect("import") else {
            panic!("module is not an object");
        };
        let binascii = vm.import_module("binascii").expect("import");
        let Value::Obj(e) = vm.get_attr_str(&binascii, "Error").expect("Error") else {
            panic!("binascii.Error is not an object");
        };
        (std::rc::Rc::downgrade(&m), std::rc::Rc::downgrade(&e))
    };
    assert!(module.upgrade().is_none(), "_base64 leaked");
    assert!(error.upgrade().is_none(), "binascii.Error leaked");
}
