"""Reference values for the class-imbalance tests, from scikit-learn 1.2.1 and imbalanced-learn 0.10.0.

Run from the mlsys-data directory with Debian's python (apt-get install python3-sklearn python3-imblearn):
    /usr/bin/python3 src/test/golden/imbalance_golden.py
Writes src/test/resources/golden/imbalance.json.
"""
import json
from collections import Counter
import numpy as np
import pandas as pd
from sklearn.utils.class_weight import compute_class_weight, compute_sample_weight
from sklearn.neighbors import NearestNeighbors
from imblearn.over_sampling import RandomOverSampler, SMOTE, SMOTENC
from imblearn.under_sampling import RandomUnderSampler, TomekLinks

DATA = "src/test/resources/data/"
out = {}

tic = pd.read_csv(DATA + "ticdata.csv")
pima = pd.read_csv(DATA + "pima_diabetes.csv")
income = pd.read_csv(DATA + "income.csv", keep_default_na=False, na_values=[""], dtype=str)

for name, y in [("ticdata", tic["CARAVAN"]), ("pima", pima["diabetes"]), ("income", income["INCOME"])]:
    classes = np.unique(y)
    w = compute_class_weight("balanced", classes=classes, y=y)
    out["class_weight_" + name] = {"classes": [str(c) for c in classes], "weights": [float(v) for v in w]}
out["sample_weight_pima"] = [float(v) for v in compute_sample_weight("balanced", pima["diabetes"])]


def counts(y):
    return {str(k): int(v) for k, v in sorted(Counter(y).items())}


X_tic_num = tic.select_dtypes(exclude=object).to_numpy()
y_tic = tic["CARAVAN"].to_numpy()
for name, sampler in [("random_over", RandomOverSampler(random_state=0)),
                      ("random_over_ratio_0.5", RandomOverSampler(sampling_strategy=0.5, random_state=0)),
                      ("random_under", RandomUnderSampler(random_state=0)),
                      ("random_under_ratio_0.5", RandomUnderSampler(sampling_strategy=0.5, random_state=0)),
                      ("smote", SMOTE(k_neighbors=5, random_state=0))]:
    _, y_res = sampler.fit_resample(X_tic_num, y_tic)
    out["counts_" + name] = counts(y_res)

cat_cols = [i for i, c in enumerate(tic.columns[:-1]) if tic[c].dtype == object]
X_tic = tic.drop(columns=["CARAVAN"]).to_numpy(dtype=object)
_, y_res = SMOTENC(categorical_features=cat_cols, random_state=0).fit_resample(X_tic, y_tic)
out["counts_smotenc"] = counts(y_res)

# SMOTE's neighbours: the 5 nearest same-class rows of every positive pima row
X_pima = pima.drop(columns=["diabetes"]).to_numpy(dtype=float)
y_pima = pima["diabetes"].to_numpy()
pos = np.flatnonzero(y_pima == "pos")
nn = NearestNeighbors(n_neighbors=6).fit(X_pima[pos])
dist, ind = nn.kneighbors(X_pima[pos])
out["smote_neighbours_pima_pos"] = {"members": [int(i) for i in pos],
                                    "neighbours": [[int(pos[j]) for j in row[1:]] for row in ind]}

# Tomek links on pima: the rows kept
tl = TomekLinks()
tl.fit_resample(X_pima, y_pima)
out["tomek_pima_kept"] = [int(i) for i in tl.sample_indices_]

with open("src/test/resources/golden/imbalance.json", "w") as f:
    json.dump(out, f, separators=(",", ":"))
    f.write("\n")
print({k: v for k, v in out.items() if k.startswith("counts") or k.startswith("class_weight")})
print("tomek removed", len(X_pima) - len(out["tomek_pima_kept"]))
