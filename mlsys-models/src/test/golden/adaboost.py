"""scikit-learn 1.2 AdaBoost with decision stumps on the three-blob data of
TestData.blobs(150, 81) (train) and TestData.blobs(90, 82) (test), as written to
golden/adaboost_blobs.txt (x0,x1,class rows; '---' separates train from test).

/usr/bin/python3 src/test/golden/adaboost.py > src/test/resources/golden/adaboost.json
"""
import json
import numpy as np
from sklearn.ensemble import AdaBoostClassifier
from sklearn.tree import DecisionTreeClassifier

parts = open("src/test/resources/golden/adaboost_blobs.txt").read().split("---\n")
train = np.array([[float(v) for v in line.split(",")] for line in parts[0].strip().split("\n")])
test = np.array([[float(v) for v in line.split(",")] for line in parts[1].strip().split("\n")])
out = {"format": "mlsys-golden-adaboost", "formatVersion": 1, "runs": []}
for algorithm in ["SAMME", "SAMME.R"]:
    for rounds in [1, 2, 3, 5, 10, 20]:
        m = AdaBoostClassifier(DecisionTreeClassifier(max_depth=1), n_estimators=rounds, algorithm=algorithm)
        m.fit(train[:, :2], train[:, 2])
        out["runs"].append({"algorithm": algorithm, "rounds": rounds, "members": len(m.estimators_),
                            "accuracy": m.score(test[:, :2], test[:, 2]),
                            "weights": m.estimator_weights_.tolist()})
print(json.dumps(out, indent=1))
