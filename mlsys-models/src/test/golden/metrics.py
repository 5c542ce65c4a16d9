"""Golden values for mlsys-models' metrics and paired tests, from scikit-learn 1.2 and scipy 1.10.

Run with Debian's python: /usr/bin/python3 src/test/golden/metrics.py > src/test/resources/golden/metrics.json
"""
import json
import numpy as np
from scipy import stats
from sklearn.metrics import (accuracy_score, f1_score, log_loss, mean_absolute_error, mean_squared_error, r2_score,
                             roc_auc_score)

rng = np.random.default_rng(20261126)


def classification_case(y, p, pred):
    k = p.shape[1]
    case = {"k": k, "y": y.tolist(), "p": p.tolist(), "pred": pred.tolist(),
            "accuracy": accuracy_score(y, pred),
            "macroF1": f1_score(y, pred, average="macro"),
            "logLoss": log_loss(y, p, labels=list(range(k)))}
    if k == 2:
        case["rocAuc"] = roc_auc_score(y, p[:, 1])
    return case


cases = []
for n, k, ties in [(50, 2, False), (200, 2, True), (120, 3, False), (300, 5, True), (7, 2, True)]:
    y = rng.integers(0, k, n)
    y[:k] = np.arange(k)  # every class present
    raw = rng.random((n, k)) + 0.8 * np.eye(k)[y]
    if ties:
        raw = np.round(raw, 1) + 0.01
    p = raw / raw.sum(axis=1, keepdims=True)
    pred = rng.integers(0, k, n) if n == 7 else p.argmax(axis=1)
    cases.append(classification_case(y, p, pred))

# certain predictions, right and wrong: log loss clips to float64 eps (scikit-learn 1.2's eps="auto")
for y, p in [([0, 1, 1, 0, 1, 0], [[1, 0], [0, 1], [1, 0], [0.5, 0.5], [0, 1], [0.25, 0.75]]),
             ([0, 1, 2, 2, 1], [[1, 0, 0], [0, 0, 1], [0, 0, 1], [0.2, 0.3, 0.5], [0, 1, 0]])]:
    y = np.array(y)
    p = np.array(p, dtype=float)
    cases.append(classification_case(y, p, p.argmax(axis=1)))

# regression: noisy predictions, and a constant target (R^2 is 1 for a perfect fit, else 0)
regression = []
for y, pred in [(rng.normal(5, 2, 80), None), ([3.0, 3.0, 3.0], [2.5, 3.0, 4.0]), ([3.0, 3.0], [3.0, 3.0])]:
    y = np.asarray(y, dtype=float)
    pred = y + rng.normal(0, 0.7, len(y)) if pred is None else np.asarray(pred, dtype=float)
    regression.append({"y": y.tolist(), "pred": pred.tolist(),
                       "rmse": mean_squared_error(y, pred, squared=False),
                       "mae": mean_absolute_error(y, pred), "r2": r2_score(y, pred)})

# corrected resampled t-test: per-fold metric differences of two models, k folds, n examples
tests = []
for a, b, n in [([0.91, 0.93, 0.90, 0.94, 0.92], [0.89, 0.92, 0.90, 0.91, 0.90], 1000),
                ([0.71, 0.69, 0.74, 0.70, 0.72, 0.73, 0.70, 0.71, 0.69, 0.72],
                 [0.70, 0.70, 0.71, 0.71, 0.70, 0.72, 0.69, 0.70, 0.70, 0.71], 4601)]:
    d = np.array(a) - np.array(b)
    k = len(d)
    n_test = n / k
    t = d.mean() / np.sqrt((1 / k + n_test / (n - n_test)) * d.var(ddof=1))
    tests.append({"a": a, "b": b, "n": n, "t": t, "p": 2 * stats.t.sf(abs(t), k - 1)})

# McNemar exact: discordant counts (only-a right, only-b right)
mcnemar = []
for only_a, only_b in [(12, 5), (40, 22), (3, 3), (0, 9), (150, 120)]:
    r = stats.binomtest(min(only_a, only_b), only_a + only_b, 0.5)
    mcnemar.append({"onlyA": only_a, "onlyB": only_b, "p": min(1.0, r.pvalue)})

print(json.dumps({"format": "mlsys-golden-metrics", "formatVersion": 1, "cases": cases,
                  "regression": regression,
                  "correctedT": tests, "mcnemar": mcnemar}, indent=1))
