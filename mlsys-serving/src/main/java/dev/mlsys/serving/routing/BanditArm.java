package dev.mlsys.serving.routing;

import java.util.Locale;

/**
 * One arm of a {@link Bandit}.
 *
 * @param version the model version of the arm
 * @param selections how many requests the bandit sent to it
 * @param rewards how many rewards were recorded for it
 * @param meanReward the mean of those rewards, NaN before the first
 */
public record BanditArm(String version, long selections, long rewards, double meanReward) {

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s: %d selections, %d rewards, mean %.4f", version, selections, rewards,
        meanReward);
  }
}
