# sys's named tuples: version_info (fields and tuple comparison), int_info and float_info
import sys
print(sys.int_info)
print(sys.float_info)
v = sys.version_info
print(v.major, v[0], v[:2] >= (3, 8), v >= (3, 8), len(v), type(v).__name__, v.releaselevel)
print(sys.int_info.bits_per_digit, sys.float_info.epsilon, sys.float_info.max, sys.float_info[8])
major, minor, *rest = v
print(major, isinstance(v, tuple), tuple(v)[3:], sys.int_info.n_fields)
