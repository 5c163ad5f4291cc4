# expect: ok|error OverflowError
round(1e300)
