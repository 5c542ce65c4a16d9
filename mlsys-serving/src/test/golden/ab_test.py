"""Reference values for mlsys-serving's A/B test statistics and normal distribution.

Run with Debian's python (scipy 1.10.1):
    /usr/bin/python3 mlsys-serving/src/test/golden/ab_test.py \
        > mlsys-serving/src/test/resources/golden/ab_test.json

Per case: Wilson intervals from scipy's binomtest(k, n).proportion_ci(method="wilson");
the pooled two-proportion z-test as the chi-squared test of the 2x2 table without continuity
correction (chi2 = z^2, same p-value); Newcombe's hybrid score interval (1998, method 10)
for the difference, assembled from scipy's Wilson limits.
"""
import json
import math

import numpy as np
from scipy import special, stats

CASES = [
    # control trials, successes, treatment trials, successes, confidence
    (1000, 100, 1000, 130, 0.95),
    (1000, 100, 1000, 100, 0.95),
    (5000, 612, 5100, 560, 0.95),
    (200, 37, 180, 45, 0.90),
    (200, 37, 180, 45, 0.99),
    (50, 1, 60, 9, 0.95),
    (12, 3, 15, 11, 0.95),
    (100000, 20000, 100000, 20500, 0.95),
    (30, 29, 40, 31, 0.95),
    (1000000, 1000, 1000000, 1400, 0.999),
]


def wilson(k, n, confidence):
    ci = stats.binomtest(k, n).proportion_ci(confidence_level=confidence, method="wilson")
    return float(ci.low), float(ci.high)


def case(n1, k1, n2, k2, confidence):
    l1, u1 = wilson(k1, n1, confidence)
    l2, u2 = wilson(k2, n2, confidence)
    p1, p2 = k1 / n1, k2 / n2
    d = p2 - p1
    table = np.array([[k1, n1 - k1], [k2, n2 - k2]])
    chi2, p, _, _ = stats.chi2_contingency(table, correction=False)
    z = math.copysign(math.sqrt(chi2), d) if d != 0 else 0.0
    return {
        "controlTrials": n1, "controlSuccesses": k1,
        "treatmentTrials": n2, "treatmentSuccesses": k2,
        "confidence": confidence,
        "controlLow": l1, "controlHigh": u1,
        "treatmentLow": l2, "treatmentHigh": u2,
        "difference": d,
        "differenceLow": d - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2),
        "differenceHigh": d + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2),
        "z": z,
        "pValue": float(p),
    }


def normal():
    zs = [-8.0, -5.0, -3.0, -1.959963984540054, -1.0, -0.3, 0.0, 0.2, 0.46875, 0.5, 1.0, 2.0, 2.8284271247461903,
          3.5, 5.0, 5.656854249492381, 8.0, 12.0, 20.0, 37.0]
    ps = [1e-300, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.025, 0.05, 0.075, 0.1, 0.3, 0.5, 0.7, 0.9, 0.925, 0.95,
          0.975, 0.99, 0.999, 0.99999, 1 - 1e-12]
    xs = [-3.0, -1.0, -0.46875, -0.2, 0.0, 1e-9, 0.1, 0.46875, 0.5, 1.0, 2.0, 3.9, 4.0, 4.1, 6.0, 10.0, 26.0]
    return {
        "sf": [{"z": z, "value": float(stats.norm.sf(z))} for z in zs],
        "quantile": [{"p": p, "value": float(stats.norm.ppf(p))} for p in ps],
        "erfc": [{"x": x, "value": float(special.erfc(x))} for x in xs],
    }


print(json.dumps({
    "format": "mlsys-golden-ab-test",
    "formatVersion": 1,
    "scipy": __import__("scipy").__version__,
    "cases": [case(*c) for c in CASES],
    "normal": normal(),
}, indent=1))
