"""Reference values for the feature pipeline tests, computed with scikit-learn.

Run from the mlsys-data directory with Debian's python (scikit-learn 1.2.1, numpy 1.24):
    /usr/bin/python3 src/test/golden/features_golden.py
Writes src/test/resources/golden/features.json.
"""
import json
import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler, MinMaxScaler, KBinsDiscretizer, OneHotEncoder, OrdinalEncoder
from sklearn.impute import SimpleImputer
from sklearn.feature_extraction import FeatureHasher

DATA = "src/test/resources/data/"
out = {}

pima = pd.read_csv(DATA + "pima_diabetes.csv")
# zeros in these columns mean "not measured"
missing_zero = ["glucose", "pressure", "triceps", "insulin", "mass"]
pima_nan = pima.copy()
for c in missing_zero:
    pima_nan.loc[pima_nan[c] == 0, c] = np.nan


def col(df, c):
    return df[[c]].to_numpy(dtype=float)


def listed(a):
    return [None if np.isnan(v) else float(v) for v in np.asarray(a, dtype=float).ravel()]


# standard scaling of raw columns
for c in ["glucose", "mass", "pedigree"]:
    s = StandardScaler().fit(col(pima, c))
    out["standard_" + c] = {"mean": float(s.mean_[0]), "scale": float(s.scale_[0]),
                            "values": listed(s.transform(col(pima, c)))}
# min-max scaling
for c in ["insulin", "age"]:
    s = MinMaxScaler().fit(col(pima, c))
    out["minmax_" + c] = {"values": listed(s.transform(col(pima, c)))}
# imputation, then standard scaling, on columns with missing values
for strategy in ["mean", "median", "most_frequent"]:
    for c in ["glucose", "pressure", "mass"]:
        imp = SimpleImputer(strategy=strategy).fit(col(pima_nan, c))
        filled = imp.transform(col(pima_nan, c))
        s = StandardScaler().fit(filled)
        out["impute_%s_%s" % (strategy, c)] = {"statistic": float(imp.statistics_[0]),
                                               "values": listed(s.transform(filled))}
# log1p then standard scaling (insulin is heavily skewed)
logged = np.log1p(col(pima, "insulin"))
s = StandardScaler().fit(logged)
out["log1p_standard_insulin"] = {"values": listed(s.transform(logged))}
# quantile buckets (edges are merged where quantiles coincide, as for insulin's many zeros)
for c, n in [("pedigree", 4), ("age", 5), ("insulin", 4), ("pregnant", 10)]:
    k = KBinsDiscretizer(n_bins=n, encode="ordinal", strategy="quantile", subsample=None).fit(col(pima, c))
    out["quantile_%s_%d" % (c, n)] = {"edges": listed(k.bin_edges_[0]),
                                      "values": listed(k.transform(col(pima, c)))}

income = pd.read_csv(DATA + "income.csv", keep_default_na=False, na_values=[""], dtype=str)
income = income.astype(object).where(income.notna(), None)
for c in ["OCCUPATION", "AREA", "HOUSEHOLD.SIZE"]:
    x = income[[c]].to_numpy(dtype=object)
    enc = OneHotEncoder(handle_unknown="ignore", sparse_output=False).fit(x)
    cats = [None if v is None else str(v) for v in enc.categories_[0]]
    m = enc.transform(x)
    assert (m.sum(axis=1) == 1).all()
    # one 1 per row: store its column
    out["onehot_" + c] = {"categories": cats, "hot": [int(i) for i in m.argmax(axis=1)]}
    imp = SimpleImputer(strategy="most_frequent", missing_values=None).fit(x)
    out["impute_most_frequent_" + c] = {"statistic": str(imp.statistics_[0])}
    ordinal = OrdinalEncoder().fit(imp.transform(x))
    out["ordinal_imputed_" + c] = {"values": listed(ordinal.transform(imp.transform(x)))}
# the hashing trick on "FIELD=value" strings, as mlsys hashes them
for c, n in [("OCCUPATION", 16), ("EDUCATION", 8)]:
    tokens = [[c + "=" + v] if v is not None else [] for v in income[c]]
    h = FeatureHasher(n_features=n, input_type="string", alternate_sign=True)
    m = h.transform(tokens).toarray()
    # at most one non-zero per row: store its column and sign (column -1 for a missing value)
    col_of = [int(np.flatnonzero(r)[0]) if r.any() else -1 for r in m]
    sign_of = [int(r[i]) if i >= 0 else 0 for r, i in zip(m, col_of)]
    out["hashed_%s_%d" % (c, n)] = {"column": col_of, "sign": sign_of}

with open("src/test/resources/golden/features.json", "w") as f:
    json.dump(out, f, indent=None, separators=(",", ":"))
    f.write("\n")
print("wrote", len(out), "entries")
