"""scikit-learn 1.2 accuracy of random forest, gradient boosting and stacking on spam.csv and
income.csv, on the seeded split mlsys makes (golden/acceptance_split.json, written by
AcceptanceSplitTest): the mean over random_state 0..4 (a forest's accuracy moves by about a
point from seed to seed on income), with every seed's figure. mlsys's AcceptanceTest (-Plong)
must come within 1.5 accuracy points of each mean.

Run from mlsys-models/ with Debian's python:
  /usr/bin/python3 src/test/golden/acceptance.py > src/test/resources/golden/acceptance_sklearn.json
"""
import json
import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier, StackingClassifier
from sklearn.linear_model import LogisticRegression

split = json.load(open("src/test/resources/golden/acceptance_split.json"))


SEEDS = [0, 1, 2, 3, 4]


def models(seed):
    rf = RandomForestClassifier(n_estimators=100, random_state=seed)
    gb = GradientBoostingClassifier(n_estimators=100, learning_rate=0.1, max_depth=3, random_state=seed)
    stack = StackingClassifier([("rf", rf), ("gb", gb)], final_estimator=LogisticRegression(max_iter=1000), cv=5)
    return {"randomForest": rf, "gradientBoosting": gb, "stacking": stack}


def run(name, X, y):
    test = np.array(split[name]["test"])
    assert len(X) == split[name]["rows"]
    train = np.setdiff1d(np.arange(len(X)), test)
    out = {"trainRows": int(len(train)), "testRows": int(len(test))}
    by_seed = {}
    for seed in SEEDS:
        for key, model in models(seed).items():
            model.fit(X[train], y[train])
            by_seed.setdefault(key, []).append(float(np.mean(model.predict(X[test]) == y[test])))
    for key, values in by_seed.items():
        out[key] = float(np.mean(values))
        out[key + "BySeed"] = values
    return out


spam = pd.read_csv("src/test/resources/data/spam.csv")
income = pd.read_csv("src/test/resources/data/income.csv", keep_default_na=False, na_values=["", "NA"])
income_x = pd.get_dummies(income.drop(columns=["INCOME"]).fillna("NA")).values.astype(float)

result = {
    "format": "mlsys-golden-acceptance",
    "formatVersion": 1,
    "sklearnVersion": sklearn.__version__,
    "seeds": SEEDS,
    "models": {
        "randomForest": "RandomForestClassifier(n_estimators=100, random_state=0)",
        "gradientBoosting": "GradientBoostingClassifier(n_estimators=100, learning_rate=0.1, max_depth=3, random_state=0)",
        "stacking": "StackingClassifier([rf, gb], final_estimator=LogisticRegression(max_iter=1000), cv=5)",
    },
    "spam": run("spam", spam.drop(columns=["type"]).values.astype(float), spam["type"].values),
    "income": run("income", income_x, income["INCOME"].values),
}
print(json.dumps(result, indent=1))
