s = "abc"
print(f"[{s:>10}] [{s:<10}] [{s:^10}] [{s:*^11}] [{s:.2}] [{s:>6.1}]")
print(f"[{s:10}] [{'':5}] [{'toolong':3}]")
words = ["apple", "fig", "banana"]
for w in words:
    print(f"{w:<8}|{len(w):>3}")
