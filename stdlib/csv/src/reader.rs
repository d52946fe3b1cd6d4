//! `_csv.reader`: splits the lines an iterable yields into records, one
//! character at a time through CPython's states (quoted fields spanning
//! lines, escapes, doubled quotes, `skipinitialspace`, `strict`, numeric
//! conversion with `QUOTE_NONNUMERIC`, the field size limit).

use rpy_vm::{ClassDef, KwArgs, Native, NativeClass, OptArg, PyResult, Value, Vm};

use crate::dialect::{resolve, Dialect, QUOTE_NONE, QUOTE_NONNUMERIC};
use crate::state;

#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
enum State {
    #[default]
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrnl,
    AfterEscapedCrnl,
}

/// One input character, or the end of a line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ch {
    C(char),
    Eol,
}

/// The parser's state between characters and lines.
#[derive(Default)]
struct Parser {
    state: State,
    fields: Vec<Value>,
    field: String,
    /// The field's length in characters (for the size limit).
    field_len: i64,
    numeric: bool,
}

/// A reader object.
pub struct Reader {
    iter: Option<Value>,
    dialect: Dialect,
    dialect_obj: Option<Value>,
    line_num: i64,
    parser: Parser,
}

impl NativeClass for Reader {
    const NAME: &'static str = "reader";
    const MODULE: &'static str = "_csv";

    fn define(c: &mut ClassDef<Self>) {
        c.iter(|_vm: &mut Vm, this: Native<Self>| Ok(this.value()));
        c.next(next_record);
        c.getter("line_num", |r: &Self| r.line_num);
        c.getter("dialect", |r: &Self| {
            r.dialect_obj.clone().unwrap_or(Value::None)
        });
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.iter.iter().for_each(&mut *visit);
        self.dialect_obj.iter().for_each(&mut *visit);
        self.parser.fields.iter().for_each(visit);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.extend(self.iter.take());
        out.extend(self.dialect_obj.take());
        out.append(&mut self.parser.fields);
    }
}

/// `reader(iterable, dialect='excel', **fmtparams)`.
pub fn reader(vm: &mut Vm, iterable: Value, dialect: OptArg<Value>, kw: KwArgs) -> PyResult<Value> {
    let iter = vm.get_iter(&iterable)?;
    let d = resolve(vm, dialect.0, kw.0)?;
    let dialect_obj = vm.new_native_object(d.clone());
    Ok(vm.new_native_object(Reader {
        iter: Some(iter),
        dialect: d,
        dialect_obj: Some(dialect_obj),
        line_num: 0,
        parser: Parser::default(),
    }))
}

/// `next(reader)`: the next record, or `None` at the end.
fn next_record(vm: &mut Vm, this: Native<Reader>) -> PyResult<Option<Value>> {
    let (iter, dialect) = this.with(vm, |r| (r.iter.clone(), r.dialect.clone()))?;
    let Some(iter) = iter else { return Ok(None) };
    let limit = state::field_limit(vm);
    let mut p = this.with_mut(vm, |r| std::mem::take(&mut r.parser))?;
    p.fields.clear();
    p.field.clear();
    p.field_len = 0;
    p.numeric = false;
    p.state = State::StartRecord;
    let result = read_record(vm, &this, &iter, &dialect, limit, &mut p);
    let record = std::mem::take(&mut p.fields);
    this.with_mut(vm, |r| r.parser = p)?;
    match result? {
        true => Ok(Some(vm.new_list(record))),
        false => Ok(None),
    }
}

/// Reads lines until a record is complete: whether there is one.
fn read_record(
    vm: &mut Vm,
    this: &Native<Reader>,
    iter: &Value,
    d: &Dialect,
    limit: i64,
    p: &mut Parser,
) -> PyResult<bool> {
    loop {
        let Some(line) = vm.next(iter)? else {
            if !p.field.is_empty() || p.state == State::InQuotedField {
                if d.strict {
                    return Err(state::error(vm, "unexpected end of data"));
                }
                save_field(vm, d, p)?;
                return Ok(true);
            }
            return Ok(false);
        };
        let Some(text) = line.as_str().map(str::to_owned) else {
            let t = vm.type_name(&line);
            return Err(state::error(
                vm,
                format!(
                    "iterator should return strings, not {t} (the file should be opened in text mode)"
                ),
            ));
        };
        this.with_mut(vm, |r| r.line_num += 1)?;
        for c in text.chars() {
            process(vm, d, limit, p, Ch::C(c))?;
        }
        process(vm, d, limit, p, Ch::Eol)?;
        if p.state == State::StartRecord {
            return Ok(true);
        }
    }
}

fn is_crlf(c: Ch) -> bool {
    matches!(c, Ch::C('\n') | Ch::C('\r'))
}

/// Appends a character to the field, within the size limit.
fn add_char(vm: &mut Vm, limit: i64, p: &mut Parser, c: char) -> PyResult<()> {
    if p.field_len >= limit {
        return Err(state::error(
            vm,
            format!("field larger than field limit ({limit})"),
        ));
    }
    p.field.push(c);
    p.field_len += 1;
    Ok(())
}

/// Ends the field: a str, or a float for an unquoted `QUOTE_NONNUMERIC`
/// field.
fn save_field(vm: &mut Vm, _d: &Dialect, p: &mut Parser) -> PyResult<()> {
    let text = std::mem::take(&mut p.field);
    p.field_len = 0;
    let s = vm.str_val(text);
    let v = if p.numeric {
        p.numeric = false;
        let float = Value::Obj(vm.types.float.clone());
        vm.call(&float, &[s])?
    } else {
        s
    };
    vm.reserve(&mut p.fields, 1)?;
    p.fields.push(v);
    Ok(())
}

/// The state after a line break or the end of a line.
fn after_line(c: Ch) -> State {
    if c == Ch::Eol {
        State::StartRecord
    } else {
        State::EatCrnl
    }
}

fn process(vm: &mut Vm, d: &Dialect, limit: i64, p: &mut Parser, c: Ch) -> PyResult<()> {
    let is = |o: Option<char>| matches!((c, o), (Ch::C(x), Some(y)) if x == y);
    let quote = is(d.quotechar) && d.quoting != QUOTE_NONE;
    let escape = is(d.escapechar);
    let delim = is(Some(d.delimiter));
    match p.state {
        State::StartRecord => {
            if c == Ch::Eol {
                return Ok(());
            }
            if is_crlf(c) {
                p.state = State::EatCrnl;
                return Ok(());
            }
            p.state = State::StartField;
            process(vm, d, limit, p, c)?;
        }
        State::StartField => {
            if is_crlf(c) || c == Ch::Eol {
                save_field(vm, d, p)?;
                p.state = after_line(c);
            } else if quote {
                p.state = State::InQuotedField;
            } else if escape {
                p.state = State::EscapedChar;
            } else if c == Ch::C(' ') && d.skipinitialspace {
            } else if delim {
                save_field(vm, d, p)?;
            } else if let Ch::C(x) = c {
                if d.quoting == QUOTE_NONNUMERIC {
                    p.numeric = true;
                }
                add_char(vm, limit, p, x)?;
                p.state = State::InField;
            }
        }
        State::EscapedChar => {
            if let Ch::C(x @ ('\n' | '\r')) = c {
                add_char(vm, limit, p, x)?;
                p.state = State::AfterEscapedCrnl;
                return Ok(());
            }
            let x = match c {
                Ch::C(x) => x,
                Ch::Eol => '\n',
            };
            add_char(vm, limit, p, x)?;
            p.state = State::InField;
        }
        State::AfterEscapedCrnl => {
            if c != Ch::Eol {
                p.state = State::InField;
                process(vm, d, limit, p, c)?;
            }
        }
        State::InField => {
            if is_crlf(c) || c == Ch::Eol {
                save_field(vm, d, p)?;
                p.state = after_line(c);
            } else if escape {
                p.state = State::EscapedChar;
            } else if delim {
                save_field(vm, d, p)?;
                p.state = State::StartField;
            } else if let Ch::C(x) = c {
                add_char(vm, limit, p, x)?;
            }
        }
        State::InQuotedField => {
            if c == Ch::Eol {
            } else if escape {
                p.state = State::EscapeInQuotedField;
            } else if quote {
                p.state = if d.doublequote {
                    State::QuoteInQuotedField
                } else {
                    State::InField
                };
            } else if let Ch::C(x) = c {
                add_char(vm, limit, p, x)?;
            }
        }
        State::EscapeInQuotedField => {
            let x = match c {
                Ch::C(x) => x,
                Ch::Eol => '\n',
            };
            add_char(vm, limit, p, x)?;
            p.state = State::InQuotedField;
        }
        State::QuoteInQuotedField => {
            if quote {
                if let Ch::C(x) = c {
                    add_char(vm, limit, p, x)?;
                }
                p.state = State::InQuotedField;
            } else if delim {
                save_field(vm, d, p)?;
                p.state = State::StartField;
            } else if is_crlf(c) || c == Ch::Eol {
                save_field(vm, d, p)?;
                p.state = after_line(c);
            } else if !d.strict {
                if let Ch::C(x) = c {
                    add_char(vm, limit, p, x)?;
                }
                p.state = State::InField;
            } else {
                let q = d.quotechar.unwrap_or('"');
                return Err(state::error(
                    vm,
                    format!("'{}' expected after '{q}'", d.delimiter),
                ));
            }
        }
        State::EatCrnl => {
            if is_crlf(c) {
            } else if c == Ch::Eol {
                p.state = State::StartRecord;
            } else {
                return Err(state::error(
                    vm,
                    "new-line character seen in unquoted field - do you need to open the file in universal-newline mode?",
                ));
            }
        }
    }
    Ok(())
}
