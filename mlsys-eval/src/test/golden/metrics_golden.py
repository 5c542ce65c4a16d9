"""Golden values for dev.mlsys.eval.metrics, computed with scikit-learn 1.2.1 and scipy 1.10.1.

Run from anywhere with Debian's python:  /usr/bin/python3 mlsys-eval/src/test/golden/metrics_golden.py
Writes mlsys-eval/src/test/resources/golden/metrics.json.
"""
import json
import os
import warnings

import numpy as np
import scipy
import scipy.special as sp
import scipy.stats as st
import sklearn
from sklearn import metrics as m
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_predict
from sklearn.preprocessing import StandardScaler
from sklearn.pipeline import make_pipeline

warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
RES = os.path.join(HERE, "..", "resources")


def floats(a):
    return [float(x) for x in np.asarray(a, dtype=float).ravel()]


def ints(a):
    return [int(x) for x in np.asarray(a).ravel()]


def breast_cancer():
    import csv
    with open(os.path.join(RES, "data", "breast_cancer.csv")) as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    X = np.array([[float(v) for v in r[:-1]] for r in body])
    y = np.array([1 if r[-1] == "malignant" else 0 for r in body])
    return header[:-1], X, y


def binary_case(name, scores, labels):
    scores = np.asarray(scores, dtype=float)
    labels = np.asarray(labels, dtype=int)
    case = {"name": name, "scores": floats(scores), "labels": ints(labels)}
    both = 0 < labels.sum() < len(labels)
    case["rocAuc"] = float(m.roc_auc_score(labels, scores)) if both else None
    case["averagePrecision"] = float(m.average_precision_score(labels, scores)) if labels.sum() > 0 else None
    if scores.min() >= 0 and scores.max() <= 1:
        case["logLoss"] = float(m.log_loss(labels, scores, labels=[0, 1]))
        case["brierScore"] = float(m.brier_score_loss(labels, scores, pos_label=1))
    return case


def delong_reference(a, b, y):
    """DeLong et al. (1988) from the definition: O(m n) kernel matrices, no ranking tricks."""
    y = np.asarray(y)
    out = []
    comps = []
    for s in (np.asarray(a, float), np.asarray(b, float)):
        x, z = s[y == 1], s[y == 0]
        psi = (x[:, None] > z[None, :]).astype(float) + 0.5 * (x[:, None] == z[None, :])
        v10 = psi.mean(axis=1)
        v01 = psi.mean(axis=0)
        comps.append((v10, v01))
        out.append(psi.mean())
    (a10, a01), (b10, b01) = comps
    mpos, nneg = len(a10), len(a01)
    s10 = np.cov(np.vstack([a10, b10]))
    s01 = np.cov(np.vstack([a01, b01]))
    S = s10 / mpos + s01 / nneg
    var = S[0, 0] + S[1, 1] - 2 * S[0, 1]
    z = (out[0] - out[1]) / np.sqrt(var)
    return {"aucA": out[0], "aucB": out[1], "varianceA": S[0, 0], "varianceB": S[1, 1],
            "covariance": S[0, 1], "z": z, "pValue": 2 * st.norm.sf(abs(z))}


def main():
    rng = np.random.default_rng(20240601)
    cases = []
    # synthetic scores with many ties (rounded to two decimals)
    y = rng.integers(0, 2, 500)
    s = np.round(1 / (1 + np.exp(-(rng.normal(0, 1, 500) + 1.2 * y - 0.6))), 2)
    cases.append(binary_case("rounded_sigmoid", s, y))
    y = rng.integers(0, 2, 200)
    s = rng.choice([0.0, 0.25, 0.5, 0.75, 1.0], 200) * 0.5 + 0.5 * y * rng.choice([0.0, 0.5], 200)
    cases.append(binary_case("heavy_ties", s, y))
    cases.append(binary_case("all_tied", [0.3] * 10, [0, 1] * 5))
    cases.append(binary_case("perfect", [0.1, 0.2, 0.3, 0.8, 0.9], [0, 0, 0, 1, 1]))
    cases.append(binary_case("inverted", [0.9, 0.8, 0.7, 0.2, 0.1], [0, 0, 0, 1, 1]))
    cases.append(binary_case("extremes", [0.0, 1.0, 1.0, 0.0, 1e-20, 1 - 1e-17, 0.5], [0, 1, 0, 1, 1, 0, 1]))
    cases.append(binary_case("all_positive", [0.2, 0.6, 0.9, 0.4], [1, 1, 1, 1]))
    cases.append(binary_case("all_negative", [0.2, 0.6, 0.9, 0.4], [0, 0, 0, 0]))
    cases.append(binary_case("unbounded_scores", rng.normal(0, 3, 300), rng.integers(0, 2, 300)))
    names, X, yb = breast_cancer()
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
    proba = cross_val_predict(model, X, yb, cv=5, method="predict_proba")[:, 1]
    cases.append(binary_case("breast_cancer_logistic_cv", proba, yb))
    texture = X[:, names.index("mean_texture")]
    cases.append(binary_case("breast_cancer_mean_texture", texture, yb))

    # multi-class
    multi = []
    k = 3
    yt = rng.integers(0, k, 300)
    logits = rng.normal(0, 1, (300, k)) + 1.5 * np.eye(k)[yt]
    proba3 = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    yp = proba3.argmax(axis=1)
    def multi_case(name, yt, yp, classes, proba=None):
        c = {"name": name, "classes": classes, "actual": ints(yt), "predicted": ints(yp),
             "confusion": [ints(r) for r in m.confusion_matrix(yt, yp, labels=list(range(classes)))],
             "accuracy": m.accuracy_score(yt, yp),
             "balancedAccuracy": m.balanced_accuracy_score(yt, yp),
             "matthews": m.matthews_corrcoef(yt, yp)}
        for avg in ("macro", "weighted", "micro"):
            c["precision_" + avg] = m.precision_score(yt, yp, average=avg, zero_division=0)
            c["recall_" + avg] = m.recall_score(yt, yp, average=avg, zero_division=0)
            c["f1_" + avg] = m.f1_score(yt, yp, average=avg, zero_division=0)
        present = sorted(set(ints(yt)) | set(ints(yp)))
        per = m.precision_recall_fscore_support(yt, yp, labels=present, zero_division=0)
        c["perClass"] = {str(cl): {"precision": float(per[0][i]), "recall": float(per[1][i]), "f1": float(per[2][i])}
                         for i, cl in enumerate(present)}
        if proba is not None:
            c["probabilities"] = [floats(r) for r in proba]
            c["rocAucOvrMacro"] = m.roc_auc_score(yt, proba, multi_class="ovr", average="macro")
            c["rocAucOvrWeighted"] = m.roc_auc_score(yt, proba, multi_class="ovr", average="weighted")
            c["logLoss"] = m.log_loss(yt, proba, labels=list(range(proba.shape[1])))
        return c
    multi.append(multi_case("three_classes", yt, yp, 3, proba3))
    # a declared class that never occurs (index 3 of 4) and a class only ever predicted (2)
    yt2 = np.array([0, 0, 1, 1, 1, 0, 1, 0, 1, 1])
    yp2 = np.array([0, 2, 1, 0, 1, 0, 2, 0, 1, 1])
    multi.append(multi_case("absent_and_predicted_only", yt2, yp2, 4))
    multi.append(multi_case("constant_predictions", np.array([0, 1, 2, 1, 0]), np.array([1, 1, 1, 1, 1]), 3))
    yhat = (proba >= 0.5).astype(int)
    multi.append(multi_case("breast_cancer_threshold", yb, yhat, 2))

    # regression
    reg = []
    def reg_case(name, a, p):
        a = np.asarray(a, float); p = np.asarray(p, float)
        return {"name": name, "actual": floats(a), "predicted": floats(p),
                "mae": m.mean_absolute_error(a, p), "mse": m.mean_squared_error(a, p),
                "rmse": m.mean_squared_error(a, p, squared=False), "r2": m.r2_score(a, p),
                "mape": m.mean_absolute_percentage_error(a, p)}
    a = rng.normal(10, 4, 400)
    reg.append(reg_case("noisy_linear", a, a + rng.normal(0, 1.5, 400)))
    reg.append(reg_case("with_zero_actuals", [0.0, 1.0, -2.0, 3.5, 0.0], [0.5, 1.0, -1.0, 3.0, 0.0]))
    reg.append(reg_case("constant_actual_perfect", [2.0, 2.0, 2.0], [2.0, 2.0, 2.0]))
    reg.append(reg_case("constant_actual_imperfect", [2.0, 2.0, 2.0], [2.0, 2.5, 2.0]))
    radius = X[:, names.index("mean_radius")]
    area = X[:, names.index("mean_area")]
    coef = np.polyfit(radius, area, 1)
    reg.append(reg_case("breast_cancer_area_from_radius", area, np.polyval(coef, radius)))

    # special functions
    xs = [-30, -8.5, -5, -3, -1.5, -1, -0.5, -1e-3, 0, 1e-8, 0.3, 0.7071, 0.9, 1, 1.5, 2.5, 4, 7.9, 8, 12, 26]
    special = {
        "erfcX": xs, "erfc": floats(sp.erfc(xs)), "erf": floats(sp.erf(xs)), "ndtr": floats(sp.ndtr(xs)),
        "ndtriP": [1e-300, 1e-20, 1e-10, 1e-5, 0.001, 0.025, 0.1, 0.3, 0.5, 0.6, 0.8, 0.975, 0.999, 1 - 1e-12],
    }
    special["ndtri"] = floats(sp.ndtri(special["ndtriP"]))
    gx = [1e-5, 0.1, 0.5, 1, 1.5, 2, 3.3, 9.99, 10, 25.5, 100, 1234.5, 1e6]
    special["gammalnX"] = gx
    special["gammaln"] = floats(sp.gammaln(gx))
    betas = [(0.5, 2, 3), (0.1, 0.5, 0.5), (0.9, 10, 2), (0.5, 60, 41), (0.5, 495, 6), (0.3, 3.5, 0.5),
             (0.999, 50, 0.5), (0.02, 1, 1), (0.5, 5000, 4801), (0.7, 200.5, 0.5)]
    special["betaincArgs"] = [list(b) for b in betas]
    special["betainc"] = [float(sp.betainc(a_, b_, x_)) for (x_, a_, b_) in betas]
    tcases = [(2.1, 5.0), (-0.4, 12.3), (5.0, 3.0), (1.96, 1e4), (0.0, 7.0), (12.0, 40.5), (3.3, 1.5)]
    special["tArgs"] = [list(t) for t in tcases]
    special["tTwoSided"] = [float(2 * st.t.sf(abs(t), df)) for t, df in tcases]

    # Wilson intervals: statsmodels' formula with scipy's normal quantile
    wilson = []
    for (x, n, conf) in [(0, 10, 0.95), (3, 10, 0.95), (10, 10, 0.95), (1, 1000, 0.95), (512, 1000, 0.9),
                         (7, 50, 0.99), (49, 50, 0.8)]:
        crit = st.norm.isf((1 - conf) / 2)
        q = x / n
        denom = 1 + crit ** 2 / n
        center = (q + crit ** 2 / (2 * n)) / denom
        dist = crit * np.sqrt(q * (1 - q) / n + crit ** 2 / (4 * n ** 2)) / denom
        wilson.append({"successes": x, "trials": n, "confidence": conf,
                       "lower": max(0.0, center - dist), "upper": min(1.0, center + dist)})

    # DeLong
    delong = []
    logit_two = cross_val_predict(make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)),
                                  X[:, [names.index("mean_texture"), names.index("mean_smoothness")]], yb,
                                  cv=5, method="predict_proba")[:, 1]
    d = delong_reference(proba, logit_two, yb)
    d.update({"name": "breast_cancer_all_vs_two_features", "scoresA": floats(proba), "scoresB": floats(logit_two),
              "labels": ints(yb)})
    delong.append(d)
    y = rng.integers(0, 2, 120)
    sa = np.round(rng.normal(0, 1, 120) + 0.8 * y, 1)
    sb = np.round(sa * 0.5 + rng.normal(0, 1, 120) + 0.3 * y, 1)
    d = delong_reference(sa, sb, y)
    d.update({"name": "correlated_with_ties", "scoresA": floats(sa), "scoresB": floats(sb), "labels": ints(y)})
    delong.append(d)
    for dd in delong:
        for key in ("aucA", "aucB", "varianceA", "varianceB", "covariance", "z", "pValue"):
            dd[key] = float(dd[key])
        dd["sklearnAucA"] = float(m.roc_auc_score(dd["labels"], dd["scoresA"]))

    # McNemar, as statsmodels.stats.contingency_tables.mcnemar computes it
    mcnemar = []
    for (b, c) in [(121, 59), (5, 1), (0, 0), (10, 10), (3, 17), (250, 210), (0, 9)]:
        n = b + c
        exact = min(1.0, 2 * st.binom.cdf(min(b, c), n, 0.5)) if n > 0 else 1.0
        chi = (b - c) ** 2 / n if n else 0.0
        # statsmodels squares |b - c| - 1 even when it is -1 (b == c); the correction is floored at 0 here
        chic = max(abs(b - c) - 1, 0) ** 2 / n if n else 0.0
        mcnemar.append({"b": b, "c": c, "exactP": float(exact), "chi2": float(chi), "chi2P": float(st.chi2.sf(chi, 1)) if n else 1.0,
                        "chi2Corrected": float(chic), "chi2CorrectedP": float(st.chi2.sf(chic, 1)) if n else 1.0})

    # Welch
    welch = []
    for (na, nb, shift) in [(30, 45, 0.4), (8, 200, -1.0), (500, 480, 0.05)]:
        xa = rng.normal(0, 1, na); xb = rng.normal(shift, 2.0, nb)
        r = st.ttest_ind(xa, xb, equal_var=False)
        va, vb = xa.var(ddof=1) / na, xb.var(ddof=1) / nb
        df = (va + vb) ** 2 / (va ** 2 / (na - 1) + vb ** 2 / (nb - 1))
        welch.append({"a": floats(xa), "b": floats(xb), "statistic": float(r.statistic), "df": float(df),
                      "pValue": float(r.pvalue)})

    # Benjamini-Hochberg and Holm: statsmodels.multipletests' formulas
    def bh(p):
        p = np.asarray(p); n = len(p); o = np.argsort(p, kind="mergesort")
        adj = np.minimum.accumulate((p[o] * n / np.arange(1, n + 1))[::-1])[::-1]
        out = np.empty(n); out[o] = np.minimum(adj, 1); return out
    def holm(p):
        p = np.asarray(p); n = len(p); o = np.argsort(p, kind="mergesort")
        adj = np.maximum.accumulate(np.minimum((n - np.arange(n)) * p[o], 1))
        out = np.empty(n); out[o] = adj; return out
    # Benjamini and Hochberg (1995), section 4: 15 p-values; at q = 0.05 BH rejects 4, Bonferroni 3
    bh1995 = [0.0201, 0.0001, 0.4262, 0.0004, 0.0019, 0.0095, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.5719,
              0.6528, 0.7590, 1.0]
    multiple = []
    for p in (bh1995, floats(rng.uniform(0, 0.2, 25)), [0.01, 0.01, 0.04, 0.04, 0.2]):
        multiple.append({"p": floats(p), "bh": floats(bh(p)), "holm": floats(holm(p))})

    # numpy's default (linear) quantile
    quantiles = []
    for size in (1, 2, 7, 2000, 1999):
        v = np.sort(rng.normal(0, 1, size))
        qs = [0.0, 0.025, 0.05, 0.5, 0.95, 0.975, 1.0, (1 - 0.9) / 2, 1 - (1 - 0.9) / 2]
        quantiles.append({"sorted": floats(v), "q": qs, "value": floats(np.quantile(v, qs))})

    out = {"generator": "metrics_golden.py", "sklearn": sklearn.__version__, "scipy": scipy.__version__,
           "numpy": np.__version__, "binary": cases, "multiclass": multi, "regression": reg,
           "special": special, "wilson": wilson, "deLong": delong, "mcNemar": mcnemar, "welch": welch,
           "multipleComparisons": multiple, "quantiles": quantiles}
    with open(os.path.join(RES, "golden", "metrics.json"), "w") as f:
        json.dump(out, f, separators=(",", ":"), default=float)


if __name__ == "__main__":
    main()
