"""Golden values for dev.mlsys.eval.calibration, from scikit-learn 1.2.1 and scipy 1.10.1.

Run with Debian's python:  /usr/bin/python3 mlsys-eval/src/test/golden/calibration_golden.py
Writes mlsys-eval/src/test/resources/golden/calibration.json.

Platt scaling is checked two ways: against scikit-learn's own fit (sklearn.calibration.
_sigmoid_calibration, which stops BFGS at gtol 1e-5, so probabilities agree to about 1e-6) and
against the exact optimum of the same objective found here by Newton's method to machine
precision. Isotonic calibration is scikit-learn's IsotonicRegression(out_of_bounds="clip"), and
end to end CalibratedClassifierCV(cv="prefit").
"""
import csv
import json
import os
import warnings

import numpy as np
import scipy
import scipy.optimize as so
import sklearn
from sklearn.calibration import CalibratedClassifierCV, _sigmoid_calibration, calibration_curve
from sklearn.datasets import make_classification
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_recall_curve
from sklearn.model_selection import cross_val_predict, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
RES = os.path.join(HERE, "..", "resources")
EPS = np.finfo(np.float64).eps


def floats(a):
    return [float(x) for x in np.asarray(a, dtype=float).ravel()]


def ints(a):
    return [int(x) for x in np.asarray(a).ravel()]


def breast_cancer():
    with open(os.path.join(RES, "data", "breast_cancer.csv")) as f:
        rows = list(csv.reader(f))
    X = np.array([[float(v) for v in r[:-1]] for r in rows[1:]])
    y = np.array([1 if r[-1] == "malignant" else 0 for r in rows[1:]])
    return X, y


def expit(z):
    return 1 / (1 + np.exp(-z))


def platt_exact(F, y):
    """The optimum of scikit-learn's sigmoid objective by plain Newton iterations."""
    prior0 = float(np.sum(y <= 0)); prior1 = len(y) - prior0
    T = np.where(y > 0, (prior1 + 1) / (prior1 + 2), 1 / (prior0 + 2))
    ab = np.array([0.0, np.log((prior0 + 1) / (prior1 + 1))])
    def f(ab):
        z = ab[0] * F + ab[1]
        return np.sum(T * z + np.logaddexp(0, -z))
    for _ in range(100):
        P = expit(-(ab[0] * F + ab[1]))
        g = np.array([np.dot(T - P, F), np.sum(T - P)])
        w = P * (1 - P)
        H = np.array([[np.dot(w, F * F), np.dot(w, F)], [np.dot(w, F), np.sum(w)]]) + 1e-12 * np.eye(2)
        step = np.linalg.solve(H, g)
        t = 1.0
        while f(ab - t * step) > f(ab) and t > 1e-12:
            t /= 2
        new = ab - t * step
        if np.all(np.abs(new - ab) <= 1e-15 * (1 + np.abs(ab))):
            ab = new
            break
        ab = new
    return ab


GRID = np.concatenate([np.linspace(-12, 12, 49), [-1e3, 1e3, 0.123456789]])


def sklearn_objective(F, y, a, b):
    """scikit-learn's own objective; it overflows to inf once some |a F + b| exceeds about 37."""
    from scipy.special import xlogy
    prior0 = float(np.sum(y <= 0)); prior1 = len(y) - prior0
    T = np.where(y > 0, (prior1 + 1) / (prior1 + 2), 1 / (prior0 + 2))
    P = expit(-(a * F + b))
    return float(np.sum(-(xlogy(T, P) + xlogy(1 - T, 1 - P))))


def platt_case(name, F, y):
    F = np.asarray(F, float); y = np.asarray(y, int)
    a, b = _sigmoid_calibration(F, y)
    ea, eb = platt_exact(F, y)
    # Where scikit-learn's objective is infinite at the optimum, its BFGS line search stalls early
    # ("precision loss") and its answer is not the optimum; only the exact optimum is compared then.
    representable = bool(np.isfinite(sklearn_objective(F, y, ea, eb)))
    grid = np.concatenate([GRID, F[:50]])
    return {"name": name, "scores": floats(F), "labels": ints(y), "sklearnA": float(a), "sklearnB": float(b),
            "sklearnReachesOptimum": representable,
            "exactA": float(ea), "exactB": float(eb), "grid": floats(grid),
            "sklearnProbabilities": floats(expit(-(a * grid + b))),
            "exactProbabilities": floats(expit(-(ea * grid + eb)))}


def isotonic_case(name, x, y, grid=None):
    x = np.asarray(x, float); y = np.asarray(y, int)
    ir = IsotonicRegression(out_of_bounds="clip").fit(x, y)
    if grid is None:
        lo, hi = x.min(), x.max()
        grid = np.concatenate([np.linspace(lo - 1, hi + 1, 101), x[:60]])
    return {"name": name, "scores": floats(x), "labels": ints(y), "thresholdsX": floats(ir.X_thresholds_),
            "thresholdsY": floats(ir.y_thresholds_), "grid": floats(grid), "predictions": floats(ir.predict(grid))}


def quantile_edges(v, bins):
    return np.quantile(v, np.arange(bins + 1) / bins)


def assign(edges, v):
    # our convention: bin i covers [e_i, e_i+1), the last closed: largest i with e_i <= v, within [0, B-1]
    idx = np.searchsorted(edges, v, side="right") - 1
    return np.clip(idx, 0, len(edges) - 2)


def histogram_reference(scores, labels, bins, strategy):
    edges = np.arange(bins + 1) / bins if strategy == "EQUAL_WIDTH" else quantile_edges(scores, bins)
    idx = assign(edges, scores)
    values = np.full(bins, np.nan)
    for b in range(bins):
        if np.any(idx == b):
            values[b] = labels[idx == b].mean()
    last = np.nan
    for b in range(bins):  # empty bins: nearest non-empty bin below, else above
        if np.isnan(values[b]):
            values[b] = last
        else:
            last = values[b]
    last = np.nan
    for b in reversed(range(bins)):
        if np.isnan(values[b]):
            values[b] = last
        else:
            last = values[b]
    return edges, values


def beta_reference(s, y):
    """betacal's "abm" fit with an unregularised logistic regression solved to tight tolerance."""
    s = np.clip(np.asarray(s, float), EPS, 1 - EPS)
    X = np.column_stack([np.log(s), -np.log1p(-s)])
    def fit(cols):
        lr = LogisticRegression(penalty=None, solver="newton-cg", tol=1e-12, max_iter=10000).fit(X[:, cols], y)
        # newton-cg stops at a gradient of about 1e-8; three plain Newton steps polish it to machine precision
        Z = np.column_stack([X[:, cols], np.ones(len(y))])
        w = np.concatenate([lr.coef_[0], lr.intercept_])
        for _ in range(3):
            p = expit(Z @ w)
            w = w - np.linalg.solve(Z.T @ (Z * (p * (1 - p))[:, None]), Z.T @ (p - y))
        return w[:-1], w[-1]
    coef, c = fit([0, 1])
    a, b = coef
    if a < 0:
        (b,), c = fit([1]); a = 0.0
    elif b < 0:
        (a,), c = fit([0]); b = 0.0
    return float(a), float(b), float(c)


def temperature_reference(logits, y):
    def d(beta):
        z = beta * logits
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z); p /= p.sum(axis=1, keepdims=True)
        return np.sum((p * logits).sum(axis=1) - logits[np.arange(len(y)), y])
    beta = so.brentq(d, 1e-6, 1e3, xtol=1e-15, rtol=4 * EPS, maxiter=500)
    return 1 / beta


class Prefit:
    """A classifier whose decision_function returns stored scores, so that CalibratedClassifierCV(cv="prefit")
    calibrates exactly the scores written to the golden file."""
    def __init__(self, scores, classes):
        self.scores = scores; self.classes_ = np.array(classes)
    def fit(self, X, y):
        return self
    def decision_function(self, X):
        return self.scores[np.asarray(X, int).ravel()]
    def get_params(self, deep=True):
        return {}


def main():
    rng = np.random.default_rng(7)
    X, y = breast_cancer()
    platt = []
    yy = rng.integers(0, 2, 400)
    platt.append(platt_case("synthetic_normal", rng.normal(0, 1, 400) + 1.5 * yy, yy))
    decision = cross_val_predict(make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)), X, y, cv=5,
                                 method="decision_function")
    platt.append(platt_case("breast_cancer_decision_function", decision, y))
    cv_proba = cross_val_predict(make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)), X, y, cv=5,
                                 method="predict_proba")[:, 1]
    platt.append(platt_case("breast_cancer_probabilities", cv_proba, y))
    yy = rng.integers(0, 2, 300)
    platt.append(platt_case("rounded_probabilities", np.round(expit(rng.normal(0, 2, 300) + yy), 1), yy))
    platt.append(platt_case("all_negative", rng.normal(0, 1, 50), np.zeros(50, int)))
    platt.append(platt_case("all_positive", rng.normal(0, 1, 30), np.ones(30, int)))
    platt.append(platt_case("tiny", [0.2, 0.8], [0, 1]))

    isotonic = []
    yy = rng.integers(0, 2, 500)
    isotonic.append(isotonic_case("synthetic_with_ties", np.round(rng.normal(0, 1, 500) + yy, 1), yy))
    isotonic.append(isotonic_case("breast_cancer_decision_function", decision, y))
    isotonic.append(isotonic_case("merge_resolution", [0.0, 5e-16, 2e-15, 1.0, 1.0, 0.5], [0, 1, 1, 1, 0, 0]))
    isotonic.append(isotonic_case("all_negative", [0.1, 0.4, 0.3], [0, 0, 0]))
    isotonic.append(isotonic_case("single_score", [0.7, 0.7, 0.7], [0, 1, 1], grid=np.array([0.0, 0.7, 2.0])))
    isotonic.append(isotonic_case("decreasing_labels", [1, 2, 3, 4, 5], [1, 1, 0, 0, 0]))

    # End to end: CalibratedClassifierCV(cv="prefit") on breast cancer, calibrating on one split, predicting another
    Xtr, Xrest, ytr, yrest = train_test_split(X, y, test_size=0.6, random_state=0, stratify=y)
    Xcal, Xte, ycal, yte = train_test_split(Xrest, yrest, test_size=0.5, random_state=0, stratify=yrest)
    base = make_pipeline(StandardScaler(), LogisticRegression(C=0.05, max_iter=1000)).fit(Xtr, ytr)
    scal = base.decision_function(Xcal); ste = base.decision_function(Xte)
    allscores = np.concatenate([scal, ste])
    end_to_end = {"calibrationScores": floats(scal), "calibrationLabels": ints(ycal), "testScores": floats(ste)}
    ea, eb = platt_exact(scal, ycal)
    end_to_end["sigmoidReachesOptimum"] = bool(np.isfinite(sklearn_objective(scal, ycal, ea, eb)))
    for method in ("sigmoid", "isotonic"):
        ccv = CalibratedClassifierCV(Prefit(allscores, [0, 1]), method=method, cv="prefit")
        ccv.fit(np.arange(len(scal)).reshape(-1, 1), ycal)
        end_to_end[method] = floats(ccv.predict_proba(np.arange(len(scal), len(allscores)).reshape(-1, 1))[:, 1])

    # Multi-class one-vs-rest through CalibratedClassifierCV(cv="prefit")
    Xm, ym = make_classification(n_samples=900, n_features=8, n_informative=5, n_classes=3, random_state=3)
    Xmtr, Xmrest, ymtr, ymrest = train_test_split(Xm, ym, test_size=0.66, random_state=1)
    clf = LogisticRegression(max_iter=1000).fit(Xmtr, ymtr)
    dcal = clf.decision_function(Xmrest[:300]); dte = clf.decision_function(Xmrest[300:])
    ycal_m = ymrest[:300]
    dall = np.vstack([dcal, dte])
    multi = {"calibrationScores": [floats(r) for r in dcal], "calibrationLabels": ints(ycal_m),
             "testScores": [floats(r) for r in dte], "testLabels": ints(ymrest[300:])}
    for method in ("sigmoid", "isotonic"):
        ccv = CalibratedClassifierCV(Prefit(dall, [0, 1, 2]), method=method, cv="prefit")
        ccv.fit(np.arange(300).reshape(-1, 1), ycal_m)
        multi[method] = [floats(r) for r in ccv.predict_proba(np.arange(300, len(dall)).reshape(-1, 1))]
    multi["temperature"] = float(temperature_reference(dcal, ycal_m))

    # Histogram binning and beta calibration of probabilities
    probs = cross_val_predict(make_pipeline(StandardScaler(), LogisticRegression(C=0.01, max_iter=1000)), X, y, cv=5,
                              method="predict_proba")[:, 1]
    histogram = []
    for bins, strategy in ((10, "EQUAL_WIDTH"), (7, "EQUAL_MASS"), (50, "EQUAL_WIDTH")):
        edges, values = histogram_reference(probs, y, bins, strategy)
        grid = np.concatenate([np.linspace(0, 1, 41), probs[:40]])
        histogram.append({"bins": bins, "binning": strategy, "edges": floats(edges), "values": floats(values),
                          "grid": floats(grid), "predictions": floats(values[assign(edges, grid)])})
    beta = []
    for name, s, lab in (("breast_cancer_probabilities", probs, y),
                         ("overconfident", np.clip(expit(3 * rng.normal(0, 1, 400)), 0, 1), None)):
        if lab is None:
            lab = (rng.uniform(0, 1, 400) < expit(rng.normal(0, 0.3, 400) + 0.6 * np.log(s / (1 - s)))).astype(int)
        a, b, c = beta_reference(s, lab)
        grid = np.concatenate([np.linspace(0, 1, 41), s[:40]])
        g = np.clip(grid, EPS, 1 - EPS)
        beta.append({"name": name, "scores": floats(s), "labels": ints(lab), "a": a, "b": b, "c": c,
                     "grid": floats(grid), "predictions": floats(expit(a * np.log(g) - b * np.log1p(-g) + c))})

    # Reliability diagrams and ECE with the documented convention; calibration_curve agrees away from edges
    reliability = []
    for bins, strategy in ((10, "EQUAL_WIDTH"), (15, "EQUAL_WIDTH"), (5, "EQUAL_MASS")):
        edges = np.arange(bins + 1) / bins if strategy == "EQUAL_WIDTH" else quantile_edges(probs, bins)
        idx = assign(edges, probs)
        counts = np.bincount(idx, minlength=bins)
        pos = np.bincount(idx, weights=y, minlength=bins)
        sums = np.bincount(idx, weights=probs, minlength=bins)
        nz = counts > 0
        gaps = np.abs(pos[nz] / counts[nz] - sums[nz] / counts[nz])
        entry = {"bins": bins, "binning": strategy, "counts": ints(counts),
                 "ece": float(np.sum(counts[nz] / len(probs) * gaps)), "mce": float(gaps.max())}
        if strategy == "EQUAL_WIDTH":
            prob_true, prob_pred = calibration_curve(y, probs, n_bins=bins, strategy="uniform")
            entry["sklearnFractionPositive"] = floats(prob_true)
            entry["sklearnMeanProbability"] = floats(prob_pred)
        reliability.append(entry)
    edge_case = {"probabilities": [0.0, 0.1, 0.2, 0.2, 0.95, 1.0], "labels": [0, 0, 1, 0, 1, 1]}
    e_idx = assign(np.arange(11) / 10, np.array(edge_case["probabilities"]))
    edge_case["bins"] = ints(e_idx)

    # Confidence: coverage/accuracy and precision thresholds
    confidence = []
    proba3 = clf.predict_proba(Xmrest)
    conf = proba3.max(axis=1); correct = proba3.argmax(axis=1) == ymrest
    for target in (0.8, 0.9, 0.97, 1.0):
        order = np.argsort(-conf, kind="mergesort")
        best = None
        for t in np.unique(conf)[::-1]:
            covered = conf >= t
            acc = correct[covered].mean()
            if acc >= target:
                best = (float(t), int(covered.sum()), float(acc))
        confidence.append({"target": target, "best": best})
    precision_targets = []
    prec, rec, thr = precision_recall_curve(y, probs)
    for target in (0.9, 0.95, 0.99, 1.0):
        ok = np.where(prec[:-1] >= target)[0]
        if len(ok):
            i = ok[np.argmin(thr[ok])]
            precision_targets.append({"target": target, "threshold": float(thr[i]), "precision": float(prec[i]),
                                      "recall": float(rec[i])})
        else:
            precision_targets.append({"target": target, "threshold": None})

    out = {"generator": "calibration_golden.py", "sklearn": sklearn.__version__, "scipy": scipy.__version__,
           "platt": platt, "isotonic": isotonic, "endToEnd": end_to_end, "multiclass": multi,
           "histogram": histogram, "histogramScores": floats(probs), "histogramLabels": ints(y), "beta": beta,
           "reliability": reliability, "reliabilityEdges": edge_case,
           "confidence": {"probabilities": [floats(r) for r in proba3], "actual": ints(ymrest), "targets": confidence},
           "precisionTargets": precision_targets}
    with open(os.path.join(RES, "golden", "calibration.json"), "w") as f:
        json.dump(out, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
