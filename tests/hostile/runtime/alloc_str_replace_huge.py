# expect: ok|error MemoryError|OverflowError
('x' * 100000).replace('x', 'y' * 100000)
