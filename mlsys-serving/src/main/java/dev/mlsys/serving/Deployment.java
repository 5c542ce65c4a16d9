package dev.mlsys.serving;

import dev.mlsys.serving.routing.Router;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of what a service serves: the active version, the staged ones, the
 * versions kept for rollback (newest first), the router and the shadow. The service swaps whole
 * snapshots through one volatile field, so a request reads one consistent snapshot.
 */
record Deployment(ModelVersion active, Map<String, ModelVersion> staged, List<ModelVersion> history, Router router,
    ShadowRun shadow, boolean closed) {

  Deployment {
    staged = Map.copyOf(staged);
    history = List.copyOf(history);
  }

  static Deployment initial(ModelVersion active) {
    return new Deployment(active, Map.of(), List.of(), null, null, false);
  }

  /** @return the version for a routed name; the router was checked against the deployed versions */
  ModelVersion resolve(String name) {
    if (name.equals(active.version)) {
      return active;
    }
    ModelVersion v = staged.get(name);
    if (v == null) {
      throw new IllegalStateException("router " + router + " chose version '" + name
          + "', which is neither active ('" + active.version + "') nor staged " + staged.keySet());
    }
    return v;
  }

  /** @return the version names the router and the shadow need deployed */
  Set<String> referenced() {
    Set<String> names = new HashSet<>();
    if (router != null) {
      names.addAll(router.versions());
    }
    if (shadow != null) {
      names.add(shadow.version.version);
    }
    return names;
  }

  /**
   * @return a snapshot with {@code next} active (and {@code newHistory}); the outgoing active
   *     version stays staged while the router or shadow needs it
   */
  Deployment withActive(ModelVersion next, List<ModelVersion> newHistory) {
    Map<String, ModelVersion> s = new HashMap<>(staged);
    s.remove(next.version);
    if (!active.version.equals(next.version) && referenced().contains(active.version)) {
      s.put(active.version, active);
    }
    // a shadow of the version that now answers every request would only compare it with itself
    ShadowRun keptShadow = shadow != null && shadow.version.version.equals(next.version) ? null : shadow;
    return new Deployment(next, s, newHistory, router, keptShadow, closed);
  }

  List<ModelVersion> pushHistory(int historyLimit) {
    List<ModelVersion> h = new ArrayList<>(history.size() + 1);
    h.add(active);
    h.addAll(history);
    return h.size() > historyLimit ? h.subList(0, historyLimit) : h;
  }

  Deployment withStaged(Map<String, ModelVersion> newStaged) {
    return new Deployment(active, newStaged, history, router, shadow, closed);
  }

  Deployment withRouter(Router newRouter) {
    return new Deployment(active, staged, history, newRouter, shadow, closed);
  }

  Deployment withShadow(ShadowRun newShadow) {
    return new Deployment(active, staged, history, router, newShadow, closed);
  }

  Deployment closedCopy() {
    return new Deployment(active, staged, history, router, shadow, true);
  }

  boolean isDeployed(String name) {
    return active.version.equals(name) || staged.containsKey(name);
  }
}
