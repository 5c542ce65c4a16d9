package dev.mlsys.serving.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A {@link Bandit}: arm statistics under one lock, choices by a {@link BanditPolicy}. */
final class BanditRouter implements Bandit {
  private final String[] arms;
  private final Map<String, Integer> index;
  private final Set<String> versions;
  private final BanditPolicy policy;
  private final long[] selections;
  private final long[] rewards;
  private final double[] sums;
  private long total;

  BanditRouter(BanditPolicy policy, String... arms) {
    if (arms == null || arms.length < 2) {
      throw new IllegalArgumentException("a bandit needs at least 2 arms but got "
          + (arms == null ? 0 : arms.length));
    }
    this.arms = arms.clone();
    this.index = new HashMap<>();
    for (int i = 0; i < this.arms.length; i++) {
      Routers.checkVersion(this.arms[i], "arm " + i);
      if (index.putIfAbsent(this.arms[i], i) != null) {
        throw new IllegalArgumentException("arm '" + this.arms[i] + "' is given twice");
      }
    }
    this.versions = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(this.arms)));
    this.policy = policy;
    this.selections = new long[arms.length];
    this.rewards = new long[arms.length];
    this.sums = new double[arms.length];
  }

  @Override
  public Set<String> versions() {
    return versions;
  }

  @Override
  public synchronized String route(long entityHash, String activeVersion) {
    int arm = policy.choose(rewards, sums, total);
    selections[arm]++;
    return arms[arm];
  }

  @Override
  public void recordOutcome(String version, double reward) {
    if (!(reward >= 0 && reward <= 1)) {
      throw new IllegalArgumentException("reward must be in [0, 1] but was: " + reward);
    }
    Integer i = index.get(version);
    if (i == null) {
      throw new IllegalArgumentException("version '" + version + "' is not an arm of this bandit; arms are "
          + versions);
    }
    synchronized (this) {
      rewards[i]++;
      sums[i] += reward;
      total++;
    }
  }

  @Override
  public synchronized List<BanditArm> arms() {
    List<BanditArm> out = new ArrayList<>(arms.length);
    for (int i = 0; i < arms.length; i++) {
      out.add(new BanditArm(arms[i], selections[i], rewards[i], rewards[i] == 0 ? Double.NaN : sums[i] / rewards[i]));
    }
    return List.copyOf(out);
  }

  @Override
  public synchronized String bestArm() {
    int best = 0;
    double bestMean = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < arms.length; i++) {
      if (rewards[i] > 0 && sums[i] / rewards[i] > bestMean) {
        bestMean = sums[i] / rewards[i];
        best = i;
      }
    }
    return arms[best];
  }

  @Override
  public String toString() {
    return "Bandit[" + policy.describe() + ", arms=" + versions + "]";
  }
}
