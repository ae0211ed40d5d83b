"""Independent reference values for org.dpr.metrics tests (numpy + scipy, not dpr's code).

Run:  python3 src/test/resources/org/dpr/metrics/reference_values.py
The printed numbers are pasted into MetricsReferenceTest.java.
"""
import numpy as np
from scipy import signal, stats


def test_images(h=20, w=24):
    i, j = np.meshgrid(np.arange(h), np.arange(w), indexing="ij")
    x = 0.5 + 0.4 * np.sin(0.7 * i + 0.3 * j)
    y = x + 0.1 * np.cos(0.9 * i - 0.5 * j) + 0.02 * i
    # dpr holds float32 images: round exactly as Java's (float) cast does
    return x.astype(np.float32).astype(np.float64), y.astype(np.float32).astype(np.float64)


def ssim_wang(x, y, data_range, size=11, sigma=1.5, k1=0.01, k2=0.03):
    """Wang et al. 2004: Gaussian window, 'valid' filtering, no sample-size correction."""
    r = np.arange(size) - size // 2
    g = np.exp(-(r ** 2) / (2 * sigma ** 2))
    win = np.outer(g, g)
    win /= win.sum()
    f = lambda a: signal.correlate2d(a, win, mode="valid")
    mx, my = f(x), f(y)
    vx = f(x * x) - mx ** 2
    vy = f(y * y) - my ** 2
    cxy = f(x * y) - mx * my
    c1, c2 = (k1 * data_range) ** 2, (k2 * data_range) ** 2
    m = ((2 * mx * my + c1) * (2 * cxy + c2)) / ((mx ** 2 + my ** 2 + c1) * (vx + vy + c2))
    return m.mean()


def ssim_global(x, y):
    c1, c2 = (0.01 * y.max()) ** 2, (0.03 * y.max()) ** 2
    mx, my = x.mean(), y.mean()
    vx, vy = x.var(), y.var()
    cxy = ((x - mx) * (y - my)).mean()
    return ((2 * mx * my + c1) * (2 * cxy + c2)) / ((mx ** 2 + my ** 2 + c1) * (vx + vy + c2))


x, y = test_images()
print("windowed SSIM, L = max Y       : %.15f" % ssim_wang(x, y, y.max()))
print("windowed SSIM, L = max Y - min Y: %.15f" % ssim_wang(x, y, y.max() - y.min()))
print("global SSIM (eq. 6)            : %.15f" % ssim_global(x, y))
print("PSNR dB                        : %.12f" % (20 * np.log10(y.max() / np.sqrt(((x - y) ** 2).mean()))))
print("PCC                            : %.15f" % stats.pearsonr(x.ravel(), y.ravel())[0])

a = [1, 2, 2, 3]
b = [2, 3, 4, 5]
r = stats.mannwhitneyu(a, b, alternative="two-sided", method="asymptotic", use_continuity=True)
print("Mann-Whitney ties U=%.1f p=%.15f" % (r.statistic, r.pvalue))
r = stats.mannwhitneyu([1, 3, 5], [2, 4, 6, 7], alternative="two-sided", method="exact")
print("Mann-Whitney exact U=%.1f p=%.15f" % (r.statistic, r.pvalue))
print("Fisher z r=0.5 n=28: lo=%.12f hi=%.12f" % tuple(
    np.tanh(np.arctanh(0.5) + s * stats.norm.ppf(0.975) / np.sqrt(25)) for s in (-1, 1)))
