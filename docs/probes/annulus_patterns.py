"""Synthetic annuli for the ring probe (docs/benchmarks.md, "Session 9").

Writes, in the current folder: a14h6.npy and a10h4.npy (128×128 Poisson diffraction patterns, 3e5 photons,
centre at (64, 64)) of uniform annuli 14/6 and 10/4 px across (outer/hole), their ground truths
*-truth.npy (the object in the middle of the 128×128 window), and core0/21/29.npy: valid-convention
masks (1 = measured) with a centred disc of radius 21 or 29 px missing (core0: nothing missing).
Needs numpy only.
"""
import numpy as np

N, SUPERSAMPLE, PHOTONS = 128, 8, 3e5
rng = np.random.default_rng(5)


def annulus(outer_px, hole_px):
    """Uniform annulus, area-weighted over SUPERSAMPLE² sub-pixels, centred in the N×N window."""
    m = N * SUPERSAMPLE
    c = (m - 1) / 2
    y, x = np.ogrid[:m, :m]
    r = np.hypot(y - c, x - c) / SUPERSAMPLE
    a = ((r <= outer_px / 2) & (r >= hole_px / 2)).astype(np.float64)
    return a.reshape(N, SUPERSAMPLE, N, SUPERSAMPLE).mean(axis=(1, 3))


for name, (outer, hole) in {"a14h6": (14, 6), "a10h4": (10, 4)}.items():
    obj = annulus(outer, hole)
    intensity = np.abs(np.fft.fftshift(np.fft.fft2(obj))) ** 2
    np.save(f"{name}.npy", rng.poisson(intensity / intensity.sum() * PHOTONS).astype(np.float32))
    np.save(f"{name}-truth.npy", obj.astype(np.float32))

y, x = np.ogrid[:N, :N]
r = np.hypot(y - N / 2, x - N / 2)
for radius in (0, 21, 29):
    np.save(f"core{radius}.npy", (r > radius).astype(np.uint8) if radius else np.ones((N, N), np.uint8))
