#!/usr/bin/python3
"""Streams for the streaming-detector acceptance tests.

Run from the module directory:
    /usr/bin/python3 src/test/golden/detector_streams.py > src/test/resources/golden/detector_streams.json

1. River's own unit-test streams (river/drift/test_drift_detectors.py), made with numpy's legacy
   seeded generator, which mlsys does not reimplement: stored as values.
2. Reference draws from CPython's Mersenne Twister (random.Random) that the Java port of it must
   reproduce bit for bit: random(), getrandbits, choices (with and without weights), sample and gauss.
"""
import json
import random
import sys

import numpy as np

np.random.seed(12345)
data_stream_1 = np.concatenate((np.random.randint(2, size=1000), np.random.randint(8, size=1000)))

np.random.seed(12345)
data_stream_2 = np.concatenate(
    [
        [np.random.binomial(1, 0.2) for _ in range(1000)],
        [np.random.binomial(1, 0.8) for _ in range(1000)],
    ]
).astype(int)

np.random.seed(12345)
data_stream_3 = np.concatenate(
    (
        np.random.normal(0.0, 0.1, 500) > 0,
        np.random.normal(0.25, 0.1, 500) > 0,
        np.random.normal(0.0, 0.1, 500) > 0,
        np.random.normal(0.25, 0.1, 500) > 0,
    )
).astype(int)

python_random = []
for seed in [0, 1, 42, 12345, 2**32 + 7, -(2**40 + 11)]:
    rng = random.Random(seed)
    entry = {"seed": str(seed),
             "random": [rng.random() for _ in range(20)],
             "getrandbits7": [rng.getrandbits(7) for _ in range(20)],
             "choices01": rng.choices([0, 1], k=50),
             "choices4to8": rng.choices(range(4, 8), k=50),
             "choicesWeighted": rng.choices([0, 1], k=50, weights=[0.3, 0.7]),
             "sample70of30": rng.sample(range(70), 30),
             "sample100of100": rng.sample(range(100), 100),
             "sample5000of40": rng.sample(range(5000), 40),
             "gauss": [rng.gauss(0, 1) for _ in range(21)],
             "gaussShifted": [rng.gauss(3, 1) for _ in range(5)]}
    python_random.append(entry)

print(json.dumps({
    "generator": "src/test/golden/detector_streams.py",
    "python": sys.version.split()[0],
    "numpy": np.__version__,
    "dataStream1": [int(v) for v in data_stream_1],
    "dataStream2": [int(v) for v in data_stream_2],
    "dataStream3": [int(v) for v in data_stream_3],
    "pythonRandom": python_random,
}, allow_nan=False))
