package dev.mlsys.serving.routing;

import java.util.Locale;
import java.util.Set;

/** A {@link Canary} over a volatile share; the salt comes from the version name. */
final class CanaryRouter implements Canary {
  private final String version;
  private final long salt;
  private volatile double share;

  CanaryRouter(String version, double share) {
    this.version = Routers.checkVersion(version, "version");
    this.salt = Routers.entityHash("canary:" + version);
    this.share = checkShare(share);
  }

  static double checkShare(double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be in [0, 1] but was: " + share);
    }
    return share;
  }

  @Override
  public Set<String> versions() {
    return Set.of(version);
  }

  @Override
  public String route(long entityHash, String activeVersion) {
    return Routers.unitInterval(entityHash, salt) < share ? version : activeVersion;
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public double share() {
    return share;
  }

  @Override
  public void share(double share) {
    this.share = checkShare(share);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Canary[%s, share=%.4f]", version, share);
  }
}
