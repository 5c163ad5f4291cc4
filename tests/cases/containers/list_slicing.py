lst = list(range(10))
print(lst[2:5], lst[::3], lst[::-1], lst[-3:], lst[:100])
lst[2:5] = ["a", "b"]
print(lst)
lst[:2] = []
print(lst)
del lst[0]
del lst[-2:]
print(lst)
del lst[::2]
print(lst)
nums = [1, 2, 3]
nums[1:1] = [9, 9]
print(nums)
try:
    nums[10] = 1
except IndexError as e:
    print("IndexError:", e)
