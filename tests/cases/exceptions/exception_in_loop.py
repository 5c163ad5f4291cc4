results = []
for text in ["1", "two", "3", "", "4.5"]:
    try:
        results.append(int(text))
    except ValueError:
        results.append(None)
        continue
    finally:
        results.append("|")
print(results)
