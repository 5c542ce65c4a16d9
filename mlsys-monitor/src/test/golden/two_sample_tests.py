#!/usr/bin/python3
"""Golden values for mlsys-monitor's two-sample tests, from Debian's scipy 1.10.1.

Run from the module directory:
    /usr/bin/python3 src/test/golden/two_sample_tests.py > src/test/resources/golden/two_sample_tests.json

Inputs are stored with the results, so the tests need neither Python nor a shared random generator.
"""
import json
import math

import numpy as np
import scipy
from scipy import special, stats
from scipy.spatial import distance

assert scipy.__version__ == "1.10.1", scipy.__version__

rng = np.random.RandomState(20240601)


def arr(a, decimals=None):
    a = np.asarray(a, dtype=float)
    if decimals is not None:
        a = np.round(a, decimals)
    return [float(v) for v in a]


def normal(n, loc=0.0, scale=1.0, decimals=None):
    return arr(rng.normal(loc, scale, n), decimals)


# ---------------------------------------------------------------- Kolmogorov-Smirnov
ks_cases = []


def ks(name, a, b, methods=("auto", "exact", "asymp")):
    for method in methods:
        r = stats.ks_2samp(a, b, method=method)
        # scipy answers NaN where the asymptotic effective size rounds to 0; mlsys rejects that input
        pvalue = None if math.isnan(r.pvalue) else float(r.pvalue)
        ks_cases.append({"name": name, "method": method, "reference": a, "current": b,
                         "statistic": float(r.statistic), "pvalue": pvalue})


ks("equal-20", normal(20), normal(20, 0.5))
ks("unequal-30-45", normal(30), normal(45, 0.3, 1.2))
ks("ties-integers", arr(rng.poisson(4, 60)), arr(rng.poisson(5, 85)))
ks("ties-rounded", normal(150, decimals=1), normal(110, 0.2, decimals=1))
ks("identical", [1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0])
ks("disjoint", [1.0, 2.0, 3.0], [7.0, 8.0, 9.0, 10.0])
ks("single-each", [1.0], [2.0])
ks("one-vs-many", [0.25], normal(40))
ks("unequal-2000-3000", normal(2000, decimals=4), normal(3000, 0.05, decimals=4))
ks("equal-10000", normal(10000, decimals=4), normal(10000, 0.03, decimals=4), methods=("auto",))
ks("asymp-12000-9000-small-shift", normal(12000, decimals=4), normal(9000, 0.01, decimals=4), methods=("auto",))
ks("asymp-12000-9000-large-shift", normal(12000, decimals=4), normal(9000, 0.1, decimals=4), methods=("auto",))
ks("asymp-tiny-en", normal(3, 1.0, decimals=4), normal(10050, decimals=4), methods=("auto",))
ks("asymp-small-en", normal(25, 0.7, decimals=4), normal(10020, decimals=4), methods=("auto",))
ks("asymp-mid-en", normal(400, 0.1, decimals=4), normal(10100, decimals=4), methods=("auto",))

# the one-sample two-sided distribution over every branch of scipy's kolmogn
kstwo_cases = []
for n in [1, 2, 3, 5, 10, 37, 100, 140, 141, 500, 1000, 5143, 20000, 100000, 100001, 500000]:
    for d in [0.0005, 0.001, 0.003, 0.007, 0.01, 0.02, 0.03, 0.05, 0.08, 0.1, 0.15, 0.2, 0.3, 0.45, 0.5,
              0.6, 0.8, 0.95, 1.0 / n, 0.5 / n, 0.75 / n, 1.0 - 1.0 / (n + 1)]:
        kstwo_cases.append({"n": n, "d": d, "sf": float(stats.kstwo.sf(d, n)),
                            "cdf": float(stats.kstwo.cdf(d, n))})

smirnov_cases = []
for n in [1, 2, 5, 10, 50, 140, 1000, 1013, 5000, 100000, 500000]:
    for d in [0.0001, 0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 0.99, 1.0 / n, 0.5 / n]:
        smirnov_cases.append({"n": n, "d": d, "sf": float(special.smirnov(n, d))})

# ---------------------------------------------------------------- chi-squared contingency
chi_cases = []


def chi(name, ref, cur):
    cats = sorted(set(ref) | set(cur))
    table = np.array([[ref.get(c, 0) for c in cats], [cur.get(c, 0) for c in cats]])
    stat, p, dof, _ = stats.chi2_contingency(table, correction=False)
    chi_cases.append({"name": name, "reference": ref, "current": cur, "statistic": float(stat),
                      "pvalue": float(p), "dof": int(dof)})


chi("two-categories", {"a": 30, "b": 70}, {"a": 45, "b": 55})
chi("unseen-in-current", {"sun": 120, "rain": 80, "fog": 10}, {"sun": 90, "rain": 95})
chi("unseen-in-reference", {"x": 50, "y": 50}, {"x": 40, "y": 45, "z": 15})
chi("same-proportions", {"p": 10, "q": 20, "r": 30}, {"p": 20, "q": 40, "r": 60})
chi("large-counts", {"a": 100000, "b": 200000, "c": 5}, {"a": 101000, "b": 198000, "c": 40})
chi("single-category", {"only": 10}, {"only": 3})

# ---------------------------------------------------------------- Cramer-von Mises
cvm_cases = []


def cvm(name, a, b, methods=("auto", "exact", "asymptotic")):
    for method in methods:
        r = stats.cramervonmises_2samp(a, b, method=method)
        cvm_cases.append({"name": name, "method": method, "reference": a, "current": b,
                          "statistic": float(r.statistic), "pvalue": float(r.pvalue)})


cvm("small-7-9", normal(7), normal(9, 0.8))
cvm("small-ties", [1.0, 2.0, 2.0, 3.0, 5.0, 5.0], [2.0, 3.0, 3.0, 4.0, 6.0])
cvm("exact-20-20", normal(20), normal(20, 0.4))
cvm("exact-12-18", normal(12), normal(18, 1.0))
cvm("asymp-100-150", normal(100), normal(150, 0.25), methods=("auto",))
cvm("asymp-ties", normal(300, decimals=1), normal(200, 0.1, decimals=1), methods=("auto",))
cvm("asymp-large-shift", normal(500), normal(400, 1.0), methods=("auto",))
cvm("asymp-tiny-stat", [float(i) for i in range(0, 60, 2)], [float(i) for i in range(1, 61, 2)], methods=("auto",))

# limiting cdf of the Cramer-von Mises statistic (series with Bessel K_1/4)
from scipy.stats._hypotests import _cdf_cvm_inf
cvm_inf_cases = [{"x": x, "cdf": float(_cdf_cvm_inf(x))}
                 for x in [0.003, 0.01, 0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.8, 1.0, 1.5, 2.0, 3.0, 4.0]]

# ---------------------------------------------------------------- Anderson-Darling k-sample
ad_cases = []


def ad(name, samples):
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = stats.anderson_ksamp(samples)
    ad_cases.append({"name": name, "samples": samples, "statistic": float(r.statistic),
                     "critical": [float(c) for c in r.critical_values], "pvalue": float(r.significance_level)})


ad("two-normal", [normal(50), normal(60, 0.3)])
ad("two-same", [normal(80), normal(70)])
ad("two-far", [normal(40), normal(40, 2.0)])
ad("ties", [arr(rng.poisson(3, 50)), arr(rng.poisson(3.5, 45))])
ad("three-samples", [normal(30), normal(35, 0.2), normal(40, 0.5)])
ad("large", [normal(2000, decimals=3), normal(1500, 0.08, decimals=3)])

# ---------------------------------------------------------------- Wasserstein-1
w_cases = []
for name, a, b in [("docstring", [0.0, 1.0, 3.0], [5.0, 6.0, 8.0]),
                   ("normal", normal(200), normal(150, 0.5, 2.0)),
                   ("ties", arr(rng.poisson(4, 100)), arr(rng.poisson(4, 80))),
                   ("single", [3.5], [1.25]),
                   ("large", normal(20000, decimals=4), normal(15000, 0.1, decimals=4))]:
    w_cases.append({"name": name, "reference": a, "current": b,
                    "statistic": float(stats.wasserstein_distance(a, b))})


# ---------------------------------------------------------------- binned distances
def shared_bins(a, b, bins):
    pooled = np.concatenate([a, b])
    edges = np.histogram_bin_edges(pooled, bins=bins, range=(pooled.min(), pooled.max()))
    p, _ = np.histogram(a, bins=edges)
    q, _ = np.histogram(b, bins=edges)
    return p.astype(float), q.astype(float)


binned_cases = []
for name, a, b, bins in [("normal-10", normal(300), normal(250, 0.3), 10),
                         ("normal-30", normal(1000), normal(800, 0.05, 1.1), 30),
                         ("ties-5", arr(rng.poisson(3, 100)), arr(rng.poisson(4, 90)), 5),
                         ("empty-bins", [0.0, 0.1, 0.2, 9.8, 10.0], [4.9, 5.0, 5.1], 7),
                         ("constant", [2.0, 2.0, 2.0], [2.0, 2.0], 4)]:
    p, q = shared_bins(np.array(a), np.array(b), bins)
    ps, qs = p / p.sum(), q / q.sum()
    binned_cases.append({"name": name, "bins": bins, "reference": a, "current": b,
                         "jensenShannon": float(distance.jensenshannon(p, q, base=2)),
                         "hellinger": float(math.sqrt(0.5 * np.sum((np.sqrt(ps) - np.sqrt(qs)) ** 2)))})

# categorical distances on shared categories
cat_cases = []
for name, ref, cur in [("weather", {"sun": 120, "rain": 80, "fog": 10}, {"sun": 90, "rain": 95, "snow": 7}),
                       ("same", {"a": 1, "b": 3}, {"a": 2, "b": 6}),
                       ("disjoint", {"a": 5}, {"b": 5})]:
    cats = sorted(set(ref) | set(cur))
    p = np.array([ref.get(c, 0) for c in cats], dtype=float)
    q = np.array([cur.get(c, 0) for c in cats], dtype=float)
    ps, qs = p / p.sum(), q / q.sum()
    cat_cases.append({"name": name, "reference": ref, "current": cur,
                      "jensenShannon": float(distance.jensenshannon(p, q, base=2)),
                      "hellinger": float(math.sqrt(0.5 * np.sum((np.sqrt(ps) - np.sqrt(qs)) ** 2))),
                      "lInfinity": float(np.max(np.abs(ps - qs)))})

# ---------------------------------------------------------------- PSI
psi_cases = []


def psi(name, a, b, bins):
    a = np.asarray(a)
    b = np.asarray(b)
    edges = np.quantile(a, np.arange(1, bins) / bins)  # linear interpolation, numpy's default
    r = np.bincount(np.searchsorted(edges, a, side="right"), minlength=bins) / a.size
    c = np.bincount(np.searchsorted(edges, b, side="right"), minlength=bins) / b.size
    r = np.maximum(r, 1e-4)
    c = np.maximum(c, 1e-4)
    psi_cases.append({"name": name, "bins": bins, "reference": arr(a), "current": arr(b),
                      "statistic": float(np.sum((c - r) * np.log(c / r)))})


psi("normal-10", normal(500), normal(400, 0.2), 10)
psi("shifted-10", normal(1000), normal(1000, 1.0), 10)
psi("ties-4", arr(rng.poisson(2, 200)), arr(rng.poisson(2.5, 150)), 4)
psi("outside-range", normal(100), normal(50, 10.0), 5)
psi("same", normal(300), normal(300), 20)


# ---------------------------------------------------------------- MMD statistic, RBF kernel, median heuristic
def mmd2(x, y):
    z = np.vstack([x, y])
    d2 = ((z[:, None, :] - z[None, :, :]) ** 2).sum(-1)
    iu = np.triu_indices(len(z), 1)
    sigma = np.median(np.sqrt(d2[iu]))
    k = np.exp(-d2 / (2 * sigma ** 2))
    m, n = len(x), len(y)
    kxx = k[:m, :m]
    kyy = k[m:, m:]
    kxy = k[:m, m:]
    return ((kxx.sum() - np.trace(kxx)) / (m * (m - 1)) + (kyy.sum() - np.trace(kyy)) / (n * (n - 1))
            - 2 * kxy.sum() / (m * n)), sigma


mmd_cases = []
for name, x, y in [("same-2d", rng.normal(0, 1, (40, 2)), rng.normal(0, 1, (30, 2))),
                   ("shifted-3d", rng.normal(0, 1, (50, 3)), rng.normal(0.7, 1, (45, 3))),
                   ("one-dim", rng.normal(0, 1, (25, 1)), rng.normal(1, 1, (25, 1)))]:
    stat, sigma = mmd2(x, y)
    mmd_cases.append({"name": name, "reference": [arr(r) for r in x], "current": [arr(r) for r in y],
                      "statistic": float(stat), "bandwidth": float(sigma)})

print(json.dumps(allow_nan=False, obj={
    "generator": "src/test/golden/two_sample_tests.py",
    "scipy": scipy.__version__,
    "numpy": np.__version__,
    "ks": ks_cases,
    "kstwo": kstwo_cases,
    "smirnov": smirnov_cases,
    "chiSquared": chi_cases,
    "cramerVonMises": cvm_cases,
    "cramerVonMisesLimit": cvm_inf_cases,
    "andersonDarling": ad_cases,
    "wasserstein": w_cases,
    "binned": binned_cases,
    "categorical": cat_cases,
    "psi": psi_cases,
    "mmd": mmd_cases,
}))
