# expect: error ModuleNotFoundError
# cpython: same
import no_such_module_xyz
