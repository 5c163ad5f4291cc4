def run(fail):
    try:
        print("  try")
        if fail:
            raise ValueError("boom")
    except ValueError as e:
        print("  except", e)
    else:
        print("  else")
    finally:
        print("  finally")
    print("  after")

print("no failure:")
run(False)
print("failure:")
run(True)

def propagate():
    try:
        raise KeyError("k")
    finally:
        print("  finally runs before propagation")

try:
    propagate()
except KeyError as e:
    print("caught outside:", e)
