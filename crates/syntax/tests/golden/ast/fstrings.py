f'plain {x} {y!r} {z:>10} {w:{width}.{prec}f} {{literal}}'
f"{a['k']} {b=} {c = !s} {d=:>5}"
f'{x}' 'tail' f'{y}'
rf'\d{x}'
f'''{
  x + 1
}'''
f'{"nested"}' f'{f"{inner}"}'
f'{a, b}'
f'{x:,}'
