import statistics
from fractions import Fraction as F
print(statistics.mean([1, 2, 3, 4]), statistics.mean([1, 2, 3]), statistics.mean([1.5, 2.5]), statistics.mean([F(1, 2), F(3, 4)]))
print(statistics.median([3, 1, 2, 4]), statistics.median([5, 1, 3]), statistics.median_low([1, 2, 3, 4]), statistics.median_high([1, 2, 3, 4]))
print(statistics.mode("aabbbc"), statistics.mode([1, 1, 2, 2]), statistics.multimode("aabbc"), statistics.multimode([]))
print(statistics.stdev([1, 2, 3, 4, 5]), statistics.variance([1, 2, 3, 4]), statistics.variance([2, 4, 6]))
print(statistics.pstdev([2, 4, 4, 4, 5, 5, 7, 9]), statistics.pvariance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
print(statistics.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], n=4), statistics.quantiles(range(1, 11), n=4, method="inclusive"))
print(statistics.quantiles([10, 20, 30], n=10), statistics.fmean([1, 2, 3.5]), statistics.geometric_mean([1, 4]), statistics.harmonic_mean([1, 4]))
print(statistics.median_grouped([1, 2, 2, 3, 4]), statistics.variance([F(1, 2), F(3, 2)]))
for f, arg in [(statistics.mean, []), (statistics.median, []), (statistics.mode, []), (statistics.stdev, [1]), (statistics.variance, [3]), (statistics.pvariance, [])]:
    try:
        f(arg)
    except statistics.StatisticsError as e:
        print(f.__name__, "StatisticsError:", e)
try:
    statistics.quantiles([1, 2, 3], n=0)
except statistics.StatisticsError as e:
    print("StatisticsError:", e)
print(issubclass(statistics.StatisticsError, ValueError))
