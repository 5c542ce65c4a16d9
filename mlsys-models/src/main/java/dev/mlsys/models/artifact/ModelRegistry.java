package dev.mlsys.models.artifact;

import dev.mlsys.api.CorruptArtifactException;
import dev.mlsys.api.json.Json;
import dev.mlsys.api.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A model registry on the file system, the embedded default: versions of named models with
 * metadata and a {@link Stage}, promotion to production and roll-back.
 *
 * <pre>
 * root/NAME/versions/N/artifact/      the artifact ({@link Artifacts} layout)
 * root/NAME/versions/N/registration.json
 * root/NAME/stages.json               stage of each version and the production history
 * </pre>
 *
 * <pre>{@code
 * ModelRegistry registry = ModelRegistry.open(Path.of("registry"));
 * RegisteredModel v = registry.register("churn", artifact, Map.of("owner", "growth"));
 * registry.promote("churn", v.version(), Stage.PRODUCTION);
 * Predictor live = registry.load("churn", registry.production("churn").orElseThrow().version()).predictor();
 * }</pre>
 *
 * <p>Concurrency: a version is written completely in a temporary folder and becomes visible by
 * one atomic rename to {@code versions/N}; two writers (threads or processes) that pick the same
 * N cannot both succeed, and the loser retries with N + 1, so registration needs no lock. Stage
 * changes are serialised by a lock file ({@link FileChannel#lock()}, across processes) and an
 * in-process lock, and {@code stages.json} is replaced atomically.
 *
 * <p>Thread-safety: safe for concurrent use, also by several processes on one file system.
 */
public final class ModelRegistry {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
  private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
  private static final String STAGES_FORMAT = "mlsys.registry-stages";

  private final Path root;

  private ModelRegistry(Path root) {
    this.root = root;
  }

  /**
   * @param root the registry's folder; created if absent
   * @return the registry
   * @throws UncheckedIOException if the folder cannot be created
   */
  public static ModelRegistry open(Path root) {
    try {
      Path r = root.toAbsolutePath().normalize();
      Files.createDirectories(r);
      return new ModelRegistry(r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open registry " + root + ": " + e.getMessage(), e);
    }
  }

  /**
   * Registers a new version in {@link Stage#STAGING}.
   *
   * @param name the model's name: letters, digits, {@code _ . -}, starting with a letter or digit
   * @param artifact the artifact to store
   * @param metadata free-form metadata
   * @return the registered version
   * @throws IllegalArgumentException if the name breaks the rule
   */
  public RegisteredModel register(String name, ModelArtifact artifact, Map<String, String> metadata) {
    Path model = modelDir(name);
    Path versions = model.resolve("versions");
    String at = Instant.now().toString();
    Path tmp = model.resolve(".tmp-" + UUID.randomUUID());
    try {
      Files.createDirectories(versions);
      Files.createDirectory(tmp);
      Artifacts.save(artifact, tmp.resolve("artifact"));
      Map<String, Object> reg = new LinkedHashMap<>();
      reg.put("format", "mlsys.registration");
      reg.put("formatVersion", 1);
      reg.put("registeredAt", at);
      reg.put("metadata", new LinkedHashMap<>(metadata));
      Files.writeString(tmp.resolve("registration.json"), Json.pretty(reg));
      for (int attempt = 0; attempt < 10_000; attempt++) {
        int version = latest(versions) + 1;
        Path target = versions.resolve(Integer.toString(version));
        try {
          // rename(2) refuses a non-empty target, and version folders are never empty
          Artifacts.moveAtomically(tmp, target);
          return new RegisteredModel(name, version, Stage.STAGING, at, metadata, target.resolve("artifact"));
        } catch (FileSystemException e) {
          if (!Files.exists(target)) {
            throw e;
          }
          // another writer took this version first: try the next
        }
      }
      throw new IllegalStateException("could not register '" + name + "' after 10000 contended attempts");
    } catch (IOException e) {
      Artifacts.deleteQuietly(tmp);
      throw new UncheckedIOException("cannot register '" + name + "' in " + root + ": " + e.getMessage(), e);
    }
  }

  /**
   * @param name a model name
   * @return every version, ascending
   */
  public List<RegisteredModel> list(String name) {
    Path model = modelDir(name);
    Path versions = model.resolve("versions");
    if (!Files.isDirectory(versions)) {
      return List.of();
    }
    Map<Integer, Stage> stages = readStages(model).stages;
    List<RegisteredModel> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(versions)) {
      List<Path> dirs = s.filter(p -> p.getFileName().toString().matches("[0-9]+"))
          .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString()))).toList();
      for (Path d : dirs) {
        int v = Integer.parseInt(d.getFileName().toString());
        JsonObject reg = JsonObject.parse(Files.readString(d.resolve("registration.json")), d + "/registration.json");
        reg.requireFormat("mlsys.registration", 1);
        Map<String, String> meta = new LinkedHashMap<>();
        reg.getObject("metadata").asMap().forEach((k, val) -> meta.put(k, String.valueOf(val)));
        out.add(new RegisteredModel(name, v, stages.getOrDefault(v, Stage.STAGING), reg.getString("registeredAt"), meta,
            d.resolve("artifact")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list '" + name + "': " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * @param name a model name
   * @return the version in production, if any
   */
  public Optional<RegisteredModel> production(String name) {
    return list(name).stream().filter(m -> m.stage() == Stage.PRODUCTION).findFirst();
  }

  /**
   * @param name a model name
   * @param version a registered version
   * @return the verified artifact
   * @throws IllegalArgumentException if there is no such version
   * @throws CorruptArtifactException if the stored artifact fails verification
   */
  public ModelArtifact load(String name, int version) {
    return Artifacts.load(versionDir(name, version).resolve("artifact"));
  }

  /**
   * Moves a version to a stage. Promoting to production archives the version that was there and
   * records it for {@link #rollback(String)}.
   *
   * @param name a model name
   * @param version a registered version
   * @param stage the new stage
   * @return the version as it now stands
   * @throws IllegalArgumentException if there is no such version
   */
  public RegisteredModel promote(String name, int version, Stage stage) {
    Objects.requireNonNull(stage, "stage");
    versionDir(name, version);
    Path model = modelDir(name);
    locked(model, () -> {
      Stages s = readStages(model);
      if (stage == Stage.PRODUCTION) {
        Integer current = s.production();
        if (current != null && current != version) {
          s.stages.put(current, Stage.ARCHIVED);
        }
        if (current == null || current != version) {
          s.history.add(version);
        }
      } else if (s.stages.get(version) == Stage.PRODUCTION) {
        s.history.remove(Integer.valueOf(version));
      }
      s.stages.put(version, stage);
      writeStages(model, s);
    });
    return find(name, version);
  }

  /**
   * Puts the previous production version back into production and archives the current one.
   *
   * @param name a model name
   * @return the version now in production
   * @throws IllegalStateException if no earlier production version exists
   */
  public RegisteredModel rollback(String name) {
    Path model = modelDir(name);
    int[] restored = new int[1];
    locked(model, () -> {
      Stages s = readStages(model);
      Integer current = s.production();
      if (current == null || s.history.size() < 2) {
        throw new IllegalStateException("model '" + name + "' has no earlier production version to roll back to");
      }
      s.history.remove(s.history.size() - 1);
      int previous = s.history.get(s.history.size() - 1);
      s.stages.put(current, Stage.ARCHIVED);
      s.stages.put(previous, Stage.PRODUCTION);
      writeStages(model, s);
      restored[0] = previous;
    });
    return find(name, restored[0]);
  }

  private RegisteredModel find(String name, int version) {
    return list(name).stream().filter(m -> m.version() == version).findFirst().orElseThrow();
  }

  private Path modelDir(String name) {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("model name '" + name + "' must be 1-128 letters, digits, '_', '.' or '-'"
          + " starting with a letter or digit");
    }
    return root.resolve(name);
  }

  private Path versionDir(String name, int version) {
    Path d = modelDir(name).resolve("versions").resolve(Integer.toString(version));
    if (version < 1 || !Files.isDirectory(d)) {
      throw new IllegalArgumentException("model '" + name + "' has no version " + version);
    }
    return d;
  }

  private static int latest(Path versions) throws IOException {
    try (Stream<Path> s = Files.list(versions)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9]+")).mapToInt(Integer::parseInt)
          .max().orElse(0);
    }
  }

  /** The stage file: stages by version and the production history (oldest first). */
  private static final class Stages {
    final Map<Integer, Stage> stages = new LinkedHashMap<>();
    final List<Integer> history = new ArrayList<>();

    Integer production() {
      for (Map.Entry<Integer, Stage> e : stages.entrySet()) {
        if (e.getValue() == Stage.PRODUCTION) {
          return e.getKey();
        }
      }
      return null;
    }
  }

  private static Stages readStages(Path model) {
    Stages s = new Stages();
    Path file = model.resolve("stages.json");
    if (!Files.exists(file)) {
      return s;
    }
    try {
      JsonObject o = JsonObject.parse(Files.readString(file), file.toString());
      o.requireFormat(STAGES_FORMAT, 1);
      o.getObject("stages").asMap().forEach((k, v) -> s.stages.put(Integer.parseInt(k), Stage.valueOf((String) v)));
      for (double v : o.getDoubles("productionHistory")) {
        s.history.add((int) v);
      }
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new CorruptArtifactException(file + ": " + e.getMessage(), e);
    }
  }

  private static void writeStages(Path model, Stages s) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", STAGES_FORMAT);
    root.put("formatVersion", 1);
    Map<String, Object> stages = new LinkedHashMap<>();
    s.stages.forEach((k, v) -> stages.put(Integer.toString(k), v.name()));
    root.put("stages", stages);
    root.put("productionHistory", s.history);
    Path tmp = model.resolve(".stages-" + UUID.randomUUID() + ".json");
    try {
      Files.writeString(tmp, Json.pretty(root));
      Artifacts.moveAtomically(tmp, model.resolve("stages.json"));
    } catch (IOException e) {
      Artifacts.deleteQuietly(tmp);
      throw new UncheckedIOException("cannot write stages of " + model + ": " + e.getMessage(), e);
    }
  }

  private static void locked(Path model, Runnable action) {
    ReentrantLock lock = LOCKS.computeIfAbsent(model, p -> new ReentrantLock());
    lock.lock();
    try {
      Files.createDirectories(model);
      try (FileChannel ch = FileChannel.open(model.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = ch.lock()) {
        action.run();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + model + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "ModelRegistry[" + root + "]";
  }
}
