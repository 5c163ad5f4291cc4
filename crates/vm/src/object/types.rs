//! The built-in classes: `object`, `type`, `int`, `str`, ... and the exception hierarchy. Built
//! once per interpreter; built-in functions add their methods to these classes' dicts at start-up
//! (see `builtins::install`).

use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::object::exc_table::EXCEPTIONS;
use crate::object::gilcell::GilCell;
use crate::object::value::{BuiltinType, Class, DictMap, PyStr};

pub struct Types {
    pub object: Arc<Class>,
    pub type_: Arc<Class>,
    pub none_type: Arc<Class>,
    pub bool_: Arc<Class>,
    pub int: Arc<Class>,
    pub float: Arc<Class>,
    pub str_: Arc<Class>,
    pub bytes: Arc<Class>,
    pub list: Arc<Class>,
    pub tuple: Arc<Class>,
    pub dict: Arc<Class>,
    pub set: Arc<Class>,
    pub range: Arc<Class>,
    pub slice: Arc<Class>,
    pub function: Arc<Class>,
    pub builtin_function: Arc<Class>,
    pub method: Arc<Class>,
    pub module: Arc<Class>,
    pub iterator: Arc<Class>,
    pub cell: Arc<Class>,
    pub code: Arc<Class>,
    pub ellipsis: Arc<Class>,
    pub not_implemented: Arc<Class>,

    pub base_exception: Arc<Class>,
    pub exception: Arc<Class>,
    pub base_exception_group: Arc<Class>,
    /// `ExceptionGroup(BaseExceptionGroup, Exception)`: the one built-in class with two bases.
    pub exception_group: Arc<Class>,
    pub system_exit: Arc<Class>,
    pub keyboard_interrupt: Arc<Class>,
    pub stop_iteration: Arc<Class>,
    pub arithmetic_error: Arc<Class>,
    pub overflow_error: Arc<Class>,
    pub zero_division_error: Arc<Class>,
    pub assertion_error: Arc<Class>,
    pub attribute_error: Arc<Class>,
    pub eof_error: Arc<Class>,
    pub import_error: Arc<Class>,
    pub module_not_found_error: Arc<Class>,
    pub lookup_error: Arc<Class>,
    pub index_error: Arc<Class>,
    pub key_error: Arc<Class>,
    pub memory_error: Arc<Class>,
    pub name_error: Arc<Class>,
    pub unbound_local_error: Arc<Class>,
    pub os_error: Arc<Class>,
    pub file_not_found_error: Arc<Class>,
    pub runtime_error: Arc<Class>,
    pub not_implemented_error: Arc<Class>,
    pub recursion_error: Arc<Class>,
    pub type_error: Arc<Class>,
    pub value_error: Arc<Class>,
    pub syntax_error: Arc<Class>,
    /// `InstructionLimitExceeded`: raised when the instruction limit is spent (instr_limit.rs).
    pub instruction_limit: Arc<Class>,
    /// `MemoryLimitExceeded`: the in-process memory limit ended the program (instr_limit.rs).
    pub memory_limit: Arc<Class>,

    /// Every exception class by name (for the builtins module).
    pub exceptions: Vec<Arc<Class>>,
    /// Classes of native types registered later (file objects, property, ...), by name.
    pub natives: GilCell<FxHashMap<&'static str, Arc<Class>>>,
    /// `X.__new__` of built-in classes, made on first use (keyed by the class's address; built-in
    /// classes live as long as the interpreter), so that `A.__new__ is object.__new__`.
    pub new_wrappers: GilCell<FxHashMap<usize, crate::object::value::Value>>,
}

/// Make a built-in class with the given base.
pub fn new_builtin_class(
    name: &str,
    base: Option<&Arc<Class>>,
    builtin: BuiltinType,
) -> Arc<Class> {
    let name = Arc::new(PyStr::new(name));
    let bases: Vec<Arc<Class>> = base.into_iter().cloned().collect();
    Arc::new(Class {
        qualname: name.clone(),
        name,
        mro: Vec::new(),
        bases,
        dict: crate::object::lookup::ClassDict::new(DictMap::default()),
        lookup_cache: Default::default(),
        builtin,
        module: Arc::new(PyStr::new("builtins")),
        flags: Default::default(),
        subclasses: Default::default(),
        meta: None,
        slots: None,
        nslots: 0,
    })
    .with_mro()
}

pub trait WithMro {
    fn with_mro(self) -> Arc<Class>;
}

impl WithMro for Arc<Class> {
    /// Fill in the MRO (the class, then its base's MRO). Done once while the Arc is unshared.
    fn with_mro(mut self) -> Arc<Class> {
        let mut mro_rest: Vec<Arc<Class>> = Vec::new();
        if let Some(base) = self.bases.first() {
            mro_rest.push(base.clone());
            mro_rest.extend(base.mro.iter().cloned());
        }
        let this = Arc::get_mut(&mut self).expect("fresh class is unshared");
        this.mro = mro_rest;
        self
    }
}

/// `issubclass(sub, sup)`: is `sup` the class itself or one of its ancestors? (The MRO stored in
/// a class excludes the class itself, to avoid a reference cycle.)
pub fn is_subclass(sub: &Arc<Class>, sup: &Arc<Class>) -> bool {
    Arc::ptr_eq(sub, sup) || sub.mro.iter().any(|c| Arc::ptr_eq(c, sup))
}

impl Types {
    pub fn new() -> Types {
        use BuiltinType as B;
        let object = new_builtin_class("object", None, B::Object);
        let mk = |name: &str, b: BuiltinType| new_builtin_class(name, Some(&object), b);
        let int = mk("int", B::Int);
        let bool_ = new_builtin_class("bool", Some(&int), B::Bool);

        let mut by_name: FxHashMap<&str, Arc<Class>> = FxHashMap::default();
        let mut exceptions = Vec::new();
        for &(name, base) in EXCEPTIONS {
            let base = if base == "object" {
                object.clone()
            } else {
                by_name[base].clone()
            };
            let class = new_builtin_class(name, Some(&base), B::Exception);
            by_name.insert(name, class.clone());
            exceptions.push(class);
        }
        let exception_group = {
            let (beg, exc) = (
                by_name["BaseExceptionGroup"].clone(),
                by_name["Exception"].clone(),
            );
            let mut c = new_builtin_class("ExceptionGroup", Some(&beg), B::Exception);
            let this = Arc::get_mut(&mut c).expect("fresh class is unshared");
            this.bases = vec![beg.clone(), exc.clone()];
            this.mro = vec![beg, exc, by_name["BaseException"].clone(), object.clone()];
            c
        };
        exceptions.push(exception_group.clone());
        let e = |name: &str| by_name[name].clone();
        Types {
            type_: mk("type", B::Type),
            none_type: mk("NoneType", B::NoneType),
            bool_,
            int,
            float: mk("float", B::Float),
            str_: mk("str", B::Str),
            bytes: mk("bytes", B::Bytes),
            list: mk("list", B::List),
            tuple: mk("tuple", B::Tuple),
            dict: mk("dict", B::Dict),
            set: mk("set", B::Set),
            range: mk("range", B::Range),
            slice: mk("slice", B::Slice),
            function: mk("function", B::Function),
            builtin_function: mk("builtin_function_or_method", B::BuiltinFunction),
            method: mk("method", B::Method),
            module: mk("module", B::Module),
            iterator: mk("iterator", B::Iterator),
            cell: mk("cell", B::Cell),
            code: mk("code", B::Code),
            ellipsis: mk("ellipsis", B::Ellipsis),
            not_implemented: mk("NotImplementedType", B::NotImplemented),
            base_exception: e("BaseException"),
            exception: e("Exception"),
            base_exception_group: e("BaseExceptionGroup"),
            exception_group,
            system_exit: e("SystemExit"),
            keyboard_interrupt: e("KeyboardInterrupt"),
            stop_iteration: e("StopIteration"),
            arithmetic_error: e("ArithmeticError"),
            overflow_error: e("OverflowError"),
            zero_division_error: e("ZeroDivisionError"),
            assertion_error: e("AssertionError"),
            attribute_error: e("AttributeError"),
            eof_error: e("EOFError"),
            import_error: e("ImportError"),
            module_not_found_error: e("ModuleNotFoundError"),
            lookup_error: e("LookupError"),
            index_error: e("IndexError"),
            key_error: e("KeyError"),
            memory_error: e("MemoryError"),
            name_error: e("NameError"),
            unbound_local_error: e("UnboundLocalError"),
            os_error: e("OSError"),
            file_not_found_error: e("FileNotFoundError"),
            runtime_error: e("RuntimeError"),
            not_implemented_error: e("NotImplementedError"),
            recursion_error: e("RecursionError"),
            type_error: e("TypeError"),
            value_error: e("ValueError"),
            syntax_error: e("SyntaxError"),
            // Not in builtins and never caught (instr_limit.rs).
            instruction_limit: new_builtin_class(
                "InstructionLimitExceeded",
                Some(&by_name["BaseException"]),
                B::Exception,
            ),
            memory_limit: new_builtin_class(
                "MemoryLimitExceeded",
                Some(&by_name["BaseException"]),
                B::Exception,
            ),
            exceptions,
            natives: GilCell::new(FxHashMap::default()),
            new_wrappers: GilCell::new(FxHashMap::default()),
            object,
        }
    }

    /// An exception class by name (`"ValueError"`).
    pub fn exception_by_name(&self, name: &str) -> Option<&Arc<Class>> {
        self.exceptions.iter().find(|c| c.name.as_str() == name)
    }
}

impl Default for Types {
    fn default() -> Self {
        Types::new()
    }
}
