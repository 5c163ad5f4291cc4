# expect: ok|error OverflowError
x = 1e300 // 1
