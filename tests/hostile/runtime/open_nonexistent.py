# expect: error FileNotFoundError
# cpython: same
open('/nonexistent/dir/file.txt')
