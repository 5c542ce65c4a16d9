package dev.mlsys.serving;

import dev.mlsys.api.Calibrator;
import dev.mlsys.api.Predictor;
import java.util.concurrent.atomic.LongAdder;

/**
 * One deployed version: the predictor and calibrator that answer together, a generation number
 * unique within the service (so a redeployed name never meets the old one's cache entries), and
 * its counters. A request holds one of these from start to end, which is what makes every answer
 * come wholly from one version.
 */
final class ModelVersion {
  final String version;
  final long generation;
  final Predictor predictor;
  final Calibrator calibrator;
  final LongAdder cacheHits = new LongAdder();
  final LongAdder modelAnswers = new LongAdder();
  final LongAdder fallbacks = new LongAdder();
  final LongAdder failed = new LongAdder();
  final LongAdder errors = new LongAdder();
  final LongAdder deadlinesExceeded = new LongAdder();

  ModelVersion(String version, long generation, ServedModel model, Calibrator serviceCalibrator) {
    this.version = version;
    this.generation = generation;
    this.predictor = model.predictor();
    this.calibrator = model.calibrator(serviceCalibrator);
  }

  VersionStats stats(VersionStats.Role role) {
    return new VersionStats(version, role, cacheHits.sum(), modelAnswers.sum(), fallbacks.sum(), failed.sum(),
        errors.sum(), deadlinesExceeded.sum());
  }

  @Override
  public String toString() {
    return "'" + version + "' (generation " + generation + ")";
  }
}
