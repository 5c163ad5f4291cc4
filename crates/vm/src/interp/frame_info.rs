//! Where the running Python code is, for modules that need their caller's location without
//! frame objects (warnings, logging): the file, line and module of the n-th Python frame
//! counted from the innermost.

use crate::interp::vm::Vm;

impl Vm {
    /// `(filename, line, module name)` of the Python frame `depth` levels out from the
    /// innermost (0), or None past the outermost. Valid while a native function runs (every
    /// frame then has its function and instruction pointer saved).
    pub fn frame_location(&self, depth: usize) -> Option<(String, u32, String)> {
        let frame = self.frames.iter().rev().nth(depth)?;
        let func = frame.func.as_ref()?;
        let code = &func.code.code;
        let line = code.line_at(frame.ip.saturating_sub(1) as usize);
        Some((
            code.filename.to_string(),
            line,
            func.globals.name.as_str().to_string(),
        ))
    }
}
