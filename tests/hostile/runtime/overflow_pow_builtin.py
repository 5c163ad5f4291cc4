# expect: ok|error OverflowError
pow(10, 30)
