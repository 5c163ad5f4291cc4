# colorsys: the conversions between RGB, YIQ, HLS and HSV.
import colorsys

for rgb in [(0.0, 0.0, 0.0), (1.0, 1.0, 1.0), (1.0, 0.0, 0.0), (0.2, 0.4, 0.6), (0.9, 0.1, 0.5)]:
    y = colorsys.rgb_to_yiq(*rgb)
    h = colorsys.rgb_to_hls(*rgb)
    v = colorsys.rgb_to_hsv(*rgb)
    print(rgb, [round(x, 12) for x in y], h, v)
    print(' back', [round(x, 12) for x in colorsys.yiq_to_rgb(*y)], colorsys.hls_to_rgb(*h),
          colorsys.hsv_to_rgb(*v))
colorsys.rgb_to_hsv('a', 0, 0)
