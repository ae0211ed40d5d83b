#!/usr/bin/env python3
"""Trainable parameters of the DPR network, counted by hand from Supplementary Table 1.

An independent check of the Java blocks (DprNetworkTest, ModelSummaryTest take their expected
numbers from this script). Conventions: no biases; BatchNorm has gamma + beta (running statistics
are not trainable); DSC = depthwise 3x3 (groups = C_in) + pointwise 1x1 with nothing in between;
FFC as in LaMa with the local Fourier unit enabled. Run: python3 parameter_count.py
"""


def bn(c):
    return 2 * c


def spectral(c_in, c_out):
    hidden = c_out // 2
    fourier_unit = (2 * hidden) * (2 * hidden) + bn(2 * hidden)  # 1x1 conv 2h -> 2h + BN
    return c_in * hidden + bn(hidden) + 2 * fourier_unit + hidden * c_out  # conv1+BN, FU, LFU, conv2


def ffc(c_in, c_out, k=3, global_in=0.5, global_out=0.5):
    in_g = int(c_in * global_in)
    in_l = c_in - in_g
    out_g = int(c_out * global_out)
    out_l = c_out - out_g
    p = in_l * out_l * k * k + in_l * out_g * k * k
    if in_g:
        p += in_g * out_l * k * k + spectral(in_g, out_g)
    return p + bn(out_l) + bn(out_g)


def dsc(c_in, c_out):
    return 9 * c_in + c_in * c_out


def network(ngf, cap, encoder="WPC", two_stage=True):
    ch = [min(cap, ngf * 2 ** k) for k in range(4)]
    if encoder == "FFC":
        enc = ffc(2, ngf, 7, 0, 0.5) + sum(ffc(ch[k], ch[k + 1]) for k in range(3))
    else:  # WPC and PC: one 7x7 conv 1 -> ngf, three 3x3 doubling, each + BN
        enc = ngf * 49 + bn(ngf) + sum(ch[k] * ch[k + 1] * 9 + bn(ch[k + 1]) for k in range(3))
    c = ch[3]
    base = dsc(c, c) + bn(c) + (3 if two_stage else 6) * 2 * ffc(c, c)
    base += sum(ffc(ch[k], ch[k - 1]) for k in (3, 2, 1)) + dsc(ngf, 1)
    plus_d = dsc(2, ngf) + bn(ngf) + 6 * 2 * ffc(ngf, ngf) + dsc(ngf, 1) if two_stage else 0
    return enc, base, plus_d, enc + base + plus_d


if __name__ == "__main__":
    for name, ngf, cap in (("paper", 64, 1024), ("small", 32, 512)):
        for encoder in ("WPC", "PC", "FFC"):
            for two_stage in (True, False):
                e, b, d, t = network(ngf, cap, encoder, two_stage)
                print(f"{name:6s} {encoder:4s} {'TWO_STAGE' if two_stage else 'SINGLE':9s} "
                      f"encoder {e:>10,} base {b:>11,} +D {d:>8,} total {t:>11,}")
