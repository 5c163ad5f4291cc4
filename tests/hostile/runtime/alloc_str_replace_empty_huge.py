# expect: error MemoryError|OverflowError
('x' * 10**6).replace('', 'y' * 10**6)
