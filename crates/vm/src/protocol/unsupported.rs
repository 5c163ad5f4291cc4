//! Names that CPython 3.11 has but gilvm lacks: a NameError for one of CPython's builtins says
//! so (`name 'memoryview' is not defined (not supported by gilvm)`), while a user's typo keeps
//! CPython's exact message.
//!
//! The suffix is decided when the error is raised, from whether the name is one of CPython's
//! builtins ([`CPYTHON_BUILTINS`], `dir(builtins)` of CPython 3.11.7) and absent from gilvm's
//! builtins: it disappears by itself for a builtin once gilvm defines it.

/// `sorted(dir(builtins))` of CPython 3.11.7.
pub const CPYTHON_BUILTINS: &[&str] = &[
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BaseException",
    "BaseExceptionGroup",
    "BlockingIOError",
    "BrokenPipeError",
    "BufferError",
    "BytesWarning",
    "ChildProcessError",
    "ConnectionAbortedError",
    "ConnectionError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "DeprecationWarning",
    "EOFError",
    "Ellipsis",
    "EncodingWarning",
    "EnvironmentError",
    "Exception",
    "ExceptionGroup",
    "False",
    "FileExistsError",
    "FileNotFoundError",
    "FloatingPointError",
    "FutureWarning",
    "GeneratorExit",
    "IOError",
    "ImportError",
    "ImportWarning",
    "IndentationError",
    "IndexError",
    "InterruptedError",
    "IsADirectoryError",
    "KeyError",
    "KeyboardInterrupt",
    "LookupError",
    "MemoryError",
    "ModuleNotFoundError",
    "NameError",
    "None",
    "NotADirectoryError",
    "NotImplemented",
    "NotImplementedError",
    "OSError",
    "OverflowError",
    "PendingDeprecationWarning",
    "PermissionError",
    "ProcessLookupError",
    "RecursionError",
    "ReferenceError",
    "ResourceWarning",
    "RuntimeError",
    "RuntimeWarning",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "SyntaxWarning",
    "SystemError",
    "SystemExit",
    "TabError",
    "TimeoutError",
    "True",
    "TypeError",
    "UnboundLocalError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeError",
    "UnicodeTranslateError",
    "UnicodeWarning",
    "UserWarning",
    "ValueError",
    "Warning",
    "ZeroDivisionError",
    "__build_class__",
    "__debug__",
    "__doc__",
    "__import__",
    "__loader__",
    "__name__",
    "__package__",
    "__spec__",
    "abs",
    "aiter",
    "all",
    "anext",
    "any",
    "ascii",
    "bin",
    "bool",
    "breakpoint",
    "bytearray",
    "bytes",
    "callable",
    "chr",
    "classmethod",
    "compile",
    "complex",
    "copyright",
    "credits",
    "delattr",
    "dict",
    "dir",
    "divmod",
    "enumerate",
    "eval",
    "exec",
    "exit",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "help",
    "hex",
    "id",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "license",
    "list",
    "locals",
    "map",
    "max",
    "memoryview",
    "min",
    "next",
    "object",
    "oct",
    "open",
    "ord",
    "pow",
    "print",
    "property",
    "quit",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "slice",
    "sorted",
    "staticmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "type",
    "vars",
    "zip",
];

/// What gilvm appends to the NameError of a CPython builtin it does not have.
pub const NOT_SUPPORTED: &str = " (not supported by gilvm)";

/// Is `name` one of CPython 3.11's builtins?
pub fn is_cpython_builtin(name: &str) -> bool {
    CPYTHON_BUILTINS.binary_search(&name).is_ok()
}

/// The message of a NameError for `name`, found neither in the globals nor in gilvm's builtins.
#[cold]
pub fn undefined_name_message(name: &str) -> String {
    if is_cpython_builtin(name) {
        format!("name '{name}' is not defined{NOT_SUPPORTED}")
    } else {
        format!("name '{name}' is not defined")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_for_binary_search() {
        assert!(CPYTHON_BUILTINS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn only_cpython_builtins_get_the_suffix() {
        assert_eq!(
            undefined_name_message("memoryview"),
            "name 'memoryview' is not defined (not supported by gilvm)"
        );
        assert_eq!(undefined_name_message("prnt"), "name 'prnt' is not defined");
        assert!(is_cpython_builtin("ExceptionGroup") && !is_cpython_builtin("spam"));
    }
}
