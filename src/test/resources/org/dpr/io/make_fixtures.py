#!/usr/bin/env python3
"""Writes the small reference files of org.dpr.io's tests with the reference libraries
(h5py/libhdf5, numpy, tifffile, Pillow), so that dpr's readers are checked against files it did
not write. Values follow closed formulas that the Java tests recompute:
    value(k, r, c) = 100*k + 10*r + c   (+ an offset per file, stated below)
Run from this folder:  python3 make_fixtures.py   (Debian: apt-get install python3-h5py python3-tifffile python3-pil)
"""
import h5py
import numpy as np
import tifffile
from PIL import Image


def ramp(shape, offset=0.0, dtype=np.float64):
    idx = np.indices(shape)
    if len(shape) == 3:
        v = 100 * idx[0] + 10 * idx[1] + idx[2]
    else:
        v = 10 * idx[0] + idx[1]
    return (v + offset).astype(dtype)


# --- CXI written by libhdf5: soft link, chunked + gzip float64 stack, per-frame uint32 bit mask beside the link target
with h5py.File("stack-linked.cxi", "w") as f:
    f["cxi_version"] = 150
    det = f.create_group("entry_1/instrument_1/detector_1")
    det.create_dataset("data", data=ramp((4, 6, 5), 0.25), chunks=(1, 6, 5), compression="gzip")
    k, r, c = np.indices((4, 6, 5))
    mask = np.where((k + r + c) % 3 == 0, 1 << ((k + r + c) % 4), 0).astype(np.uint32)  # CXI bits: non-zero = bad
    det["mask"] = mask
    det["distance"] = 0.5
    f.create_group("entry_1/data_1")
    f["entry_1/data_1/data"] = h5py.SoftLink("/entry_1/instrument_1/detector_1/data")
    s = f.create_group("entry_1/sample_1")
    s["ground_truth"] = ramp((4, 3, 3), 0.5, np.float32)
    s["flux_factor"] = np.array([1.0, 2.0, 3.0, 4.0])
    s["seed"] = np.array([11, 12, 13, 14], dtype=np.int64)
    s["coherence_length_px"] = 50.0
    f["entry_1"].attrs["command_line"] = "simulate --frames 4"  # variable-length string

# --- plain HDF5 (not CXI): int16 stack and a bool (enum) mask, True = measured
with h5py.File("generic-int16.h5", "w") as f:
    f["scan/frames"] = ramp((3, 4, 4), -50, np.int16)
    f["scan/valid"] = ramp((4, 4)) % 5 != 0
    f["other"] = np.arange(10.0)

with h5py.File("one-d.cxi", "w") as f:
    f["entry_1/data_1/data"] = np.arange(10, dtype=np.float32)

with h5py.File("nan.cxi", "w") as f:
    d = ramp((2, 4, 4), 0, np.float32)
    d[1, 2, 3] = np.nan
    d[1, 3, 0] = np.nan
    f["entry_1/data_1/data"] = d

with h5py.File("mask-mismatch.cxi", "w") as f:
    f["entry_1/data_1/data"] = ramp((2, 4, 4), 0, np.float32)
    f["entry_1/data_1/mask"] = np.zeros((3, 3), np.uint8)

# --- numpy .npy
np.save("stack-f4.npy", ramp((3, 4, 5), 0.5, np.float32))
np.save("frame-f8.npy", ramp((4, 5), 0.125, np.float64))
np.save("frame-u1.npy", ramp((4, 5), 200, np.uint8))      # 200..243: above 127, unsigned
np.save("frame-i2.npy", ramp((4, 5), -30, np.int16))
np.save("frame-i4.npy", ramp((4, 5), 70000, np.int32))
np.save("frame-b1.npy", ramp((4, 5)) % 3 == 0)
np.save("frame-big-endian-f4.npy", ramp((4, 5), 0.5, np.dtype(">f4")))
np.save("frame-fortran.npy", np.asfortranarray(ramp((4, 5))))
np.save("line-f4.npy", np.arange(7, dtype=np.float32))

# --- TIFF (tifffile) and PNG (Pillow)
tifffile.imwrite("grey8.tif", ramp((4, 5), 200, np.uint8))
tifffile.imwrite("grey16.tif", ramp((4, 5), 60000, np.uint16))
tifffile.imwrite("grey32f.tif", ramp((4, 5), 0.75, np.float32))
tifffile.imwrite("stack16.tif", ramp((3, 4, 5), 1000, np.uint16), photometric="minisblack")
tifffile.imwrite("colour.tif", np.dstack([ramp((4, 5), 0, np.uint8)] * 2 + [np.zeros((4, 5), np.uint8)]), photometric="rgb")
Image.fromarray(ramp((4, 5), 200, np.uint8), mode="L").save("grey8.png")
Image.fromarray(ramp((4, 5), 60000, np.uint16)).save("grey16.png")
Image.fromarray(np.dstack([ramp((4, 5), 0, np.uint8)] * 3), mode="RGB").save("rgb-grey.png")
Image.fromarray(np.dstack([ramp((4, 5), 0, np.uint8), np.zeros((4, 5), np.uint8), np.zeros((4, 5), np.uint8)]), mode="RGB").save("colour.png")

# --- a long stack (2000 frames of 128x128 float32 = 131 MB uncompressed) that compresses to almost nothing:
# frame k is zero except pixel (0, 0) = k. Reading one frame must not load the stack.
with h5py.File("long-stack.cxi", "w") as f:
    d = f.create_dataset("entry_1/data_1/data", shape=(2000, 128, 128), dtype=np.float32,
                         chunks=(1, 128, 128), compression="gzip", compression_opts=9)
    block = np.zeros((100, 128, 128), np.float32)
    for start in range(0, 2000, 100):
        block[:, 0, 0] = np.arange(start, start + 100)
        d[start:start + 100] = block
