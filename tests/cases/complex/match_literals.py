for v in [1+2j, 3-1j, 2j, -1j, 5, 0j]:
    match v:
        case 1 + 2j:
            print("one plus two j")
        case 3 - 1j:
            print("three minus j")
        case 2j:
            print("two j")
        case -1j:
            print("minus j")
        case 0:
            print("zero", v)
        case _:
            print("other", v)
