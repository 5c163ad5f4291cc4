def returns_in_finally():
    try:
        return "from try"
    finally:
        return "from finally"

def finally_runs_on_return(log):
    try:
        log.append("try")
        return "value"
    finally:
        log.append("finally")

def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed the exception"

def return_value_evaluated_first():
    x = 1
    try:
        return x
    finally:
        x = 2

print(returns_in_finally())
log = []
print(finally_runs_on_return(log), log)
print(swallow())
print(return_value_evaluated_first())
