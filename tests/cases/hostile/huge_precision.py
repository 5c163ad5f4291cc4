# Precisions far beyond an f64's digits: exact digits, then zeros (gilvm once panicked here).
for s in ['%.100000f' % 1.5, '{:.100000e}'.format(-2.5e-300), f'{0.1:.70000g}',
          format(1e300, ',.70000f'), '%.1100f' % 5e-324, '%.2000g' % (1 / 3)]:
    print(len(s), s[:40], s[-8:], s.count('0'))
