#!/usr/bin/python3
"""Golden values for mlsys-monitor's domain-classifier test, from Debian's scipy 1.10.1 and
scikit-learn 1.2.1: the one-sided asymptotic Mann-Whitney U p-value on held-out scores, and the
L2-penalised logistic regression (C = 1, intercept not penalised) it fits.

Run from the module directory:
    /usr/bin/python3 src/test/golden/domain_classifier.py > src/test/resources/golden/domain_classifier.json
"""
import json
import warnings

import numpy as np
import scipy
import sklearn
from scipy import stats
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression

# newton-cg asked for tol=1e-12 stops at rounding level and warns; the gradient of the penalised
# objective at its answer is stored with each fit (below 1e-8), so its coefficients are good to
# about 1e-8
warnings.filterwarnings("ignore", category=ConvergenceWarning)

assert scipy.__version__ == "1.10.1", scipy.__version__
assert sklearn.__version__ == "1.2.1", sklearn.__version__

rng = np.random.RandomState(20261126)


def arr(a):
    return [float(v) for v in np.asarray(a, dtype=float).ravel()]


mwu = []


def mann_whitney(name, x, y):
    r = stats.mannwhitneyu(x, y, alternative="greater", method="asymptotic", use_continuity=True)
    mwu.append({"name": name, "current": arr(x), "reference": arr(y),
                "auc": float(r.statistic) / (len(x) * len(y)), "pvalue": float(r.pvalue)})


mann_whitney("no-shift-40-50", rng.normal(0, 1, 40), rng.normal(0, 1, 50))
mann_whitney("shift-30-30", rng.normal(0.8, 1, 30), rng.normal(0, 1, 30))
mann_whitney("ties-rounded", np.round(rng.normal(0.3, 1, 60), 1), np.round(rng.normal(0, 1, 45), 1))
mann_whitney("lower", rng.normal(-0.5, 1, 25), rng.normal(0, 1, 35))
mann_whitney("separated", np.arange(20) + 100.0, np.arange(15) * 1.0)
mann_whitney("small-3-4", [0.2, 0.9, 0.4], [0.1, 0.3, 0.35, 0.05])

fits = []


def fit(name, n, d, shift):
    x = rng.normal(0, 1, (n, d))
    y = (rng.uniform(size=n) < 0.5).astype(float)
    x[y == 1, 0] += shift
    model = LogisticRegression(C=1.0, solver="newton-cg", tol=1e-12, max_iter=10000).fit(x, y)
    w, b = model.coef_.ravel(), model.intercept_[0]
    residual = 1 / (1 + np.exp(-(x @ w + b))) - y
    gradient = np.concatenate([x.T @ residual + w, [residual.sum()]])
    fits.append({"name": name, "x": [arr(r) for r in x], "y": arr(y),
                 "weights": arr(w), "intercept": float(b), "gradientMaxAbs": float(np.max(np.abs(gradient)))})


fit("overlapping-200x3", 200, 3, 0.7)
fit("separable-ish-120x2", 120, 2, 3.0)
fit("noise-80x5", 80, 5, 0.0)

print(json.dumps({"scipy": scipy.__version__, "sklearn": sklearn.__version__,
                  "mannWhitney": mwu, "logistic": fits}, indent=1))
