package dev.mlsys.models.artifact;

import dev.mlsys.api.CorruptArtifactException;
import dev.mlsys.api.json.Json;
import dev.mlsys.api.json.JsonObject;
import dev.mlsys.data.features.FeaturePipeline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Saves, verifies and loads {@link ModelArtifact}s, as a directory or as one zip file:
 *
 * <pre>
 * manifest.json     format "mlsys.model-artifact", formatVersion, and the SHA-256 and size of every other file
 * model.json        the model tree ("mlsys.model")
 * tribuo/N.pb       each Tribuo model in Tribuo's protobuf format
 * schema.json       the row schema ("mlsys.schema"), optional
 * pipeline.json     the fitted feature pipeline ("mlsys.feature-pipeline"), optional
 * calibrator.json   the calibrator as mlsys-eval writes it ("mlsys.calibrator"), optional
 * metrics.json      evaluation metrics ("mlsys.metrics")
 * provenance.json   data fingerprint, seed, trainer, versions, time ("mlsys.provenance"), optional
 * </pre>
 *
 * <p>{@link #load(Path)} first checks the manifest's format and version (a newer version is
 * refused), then that the files are exactly those listed, each with its size and SHA-256, and
 * only then parses them. Nothing is read with Java deserialization, and a Tribuo file may only
 * name a Tribuo class. Zip entries must be plain relative paths: an entry that would land outside
 * the artifact (absolute, {@code ..}, backslashes) is refused. Saving writes to a temporary
 * sibling and renames it into place atomically, so a reader never sees half an artifact.
 *
 * <p>Thread-safety: stateless; safe for concurrent use.
 */
public final class Artifacts {
  /** The manifest's format name. */
  public static final String FORMAT = "mlsys.model-artifact";
  /** The newest manifest version this build writes and reads. */
  public static final int FORMAT_VERSION = 1;
  /** The manifest's file name. */
  public static final String MANIFEST = "manifest.json";

  static final long MAX_FILE_BYTES = 1L << 30;
  private static final int MAX_FILES = 100_000;
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");
  private static final FileTime ZIP_TIME = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));

  private Artifacts() {}

  /**
   * Saves an artifact as a new directory.
   *
   * @param artifact the artifact
   * @param dir the directory to create; must not exist
   * @throws UncheckedIOException if writing fails, or the directory exists
   */
  public static void save(ModelArtifact artifact, Path dir) {
    Objects.requireNonNull(dir, "dir");
    Map<String, byte[]> files = files(artifact);
    Path parent = dir.toAbsolutePath().getParent();
    Path tmp = parent.resolve("." + dir.getFileName() + ".tmp-" + UUID.randomUUID());
    try {
      Files.createDirectories(parent);
      if (Files.exists(dir)) {
        throw new FileAlreadyExistsException(dir.toString(), null, "an artifact is never overwritten");
      }
      Files.createDirectory(tmp);
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        Path p = tmp.resolve(e.getKey());
        Files.createDirectories(p.getParent());
        Files.write(p, e.getValue());
      }
      moveAtomically(tmp, dir);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new UncheckedIOException("cannot save artifact to " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Saves an artifact as one zip file, with entries in a fixed order and fixed times.
   *
   * @param artifact the artifact
   * @param zip the file to create; must not exist
   * @throws UncheckedIOException if writing fails, or the file exists
   */
  public static void saveZip(ModelArtifact artifact, Path zip) {
    Objects.requireNonNull(zip, "zip");
    Map<String, byte[]> files = files(artifact);
    Path parent = zip.toAbsolutePath().getParent();
    Path tmp = parent.resolve("." + zip.getFileName() + ".tmp-" + UUID.randomUUID());
    try {
      Files.createDirectories(parent);
      if (Files.exists(zip)) {
        throw new FileAlreadyExistsException(zip.toString(), null, "an artifact is never overwritten");
      }
      try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(out)) {
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
          ZipEntry entry = new ZipEntry(e.getKey());
          entry.setLastModifiedTime(ZIP_TIME);
          z.putNextEntry(entry);
          z.write(e.getValue());
          z.closeEntry();
        }
      }
      moveAtomically(tmp, zip);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new UncheckedIOException("cannot save artifact to " + zip + ": " + e.getMessage(), e);
    }
  }

  /**
   * Verifies and loads an artifact directory or zip file.
   *
   * @param path an artifact directory or zip file
   * @return the artifact
   * @throws CorruptArtifactException if the manifest is missing, of another format or a newer
   *     version, a file is missing, unlisted, truncated or changed, or a file cannot be parsed;
   *     the message names the file and expected versus actual
   * @throws UncheckedIOException if the path cannot be read
   */
  public static ModelArtifact load(Path path) {
    Map<String, byte[]> files = verified(read(path), path);
    String where = path.toString();
    ModelArtifact.Builder b = ModelArtifact.builder(ModelJson.read(text(files, "model.json"), files, where + "/model.json"));
    if (files.containsKey("schema.json")) {
      b.schema(readSchema(text(files, "schema.json"), where + "/schema.json"));
    }
    if (files.containsKey("pipeline.json")) {
      try {
        b.pipeline(FeaturePipeline.fromJson(text(files, "pipeline.json")));
      } catch (IllegalArgumentException e) {
        throw new CorruptArtifactException(where + "/pipeline.json: " + e.getMessage(), e);
      }
    }
    if (files.containsKey("calibrator.json")) {
      b.calibratorJson(text(files, "calibrator.json"));
    }
    JsonObject metrics = JsonObject.parse(text(files, "metrics.json"), where + "/metrics.json");
    metrics.requireFormat("mlsys.metrics", 1);
    b.metrics(metrics.getObject("metrics").asMap());
    if (files.containsKey("provenance.json")) {
      b.provenance(Provenance.fromJson(JsonObject.parse(text(files, "provenance.json"), where + "/provenance.json")));
    }
    return b.build();
  }

  /**
   * Checks an artifact's manifest, file list, sizes and checksums without parsing the model.
   *
   * @param path an artifact directory or zip file
   * @return the verified file names with their SHA-256, in name order
   * @throws CorruptArtifactException as for {@link #load(Path)}
   */
  public static Map<String, String> verify(Path path) {
    Map<String, byte[]> files = verified(read(path), path);
    Map<String, String> out = new TreeMap<>();
    files.forEach((k, v) -> out.put(k, sha256(v)));
    return out;
  }

  /**
   * Extracts a zipped artifact into a new directory, refusing any entry that would land outside
   * it, then verifies the result.
   *
   * @param zip the zip file
   * @param dir the directory to create
   * @throws CorruptArtifactException on an unsafe entry name or a failed verification; nothing is
   *     left behind in that case
   */
  public static void unzip(Path zip, Path dir) {
    Map<String, byte[]> files = readZip(zip);
    Path root = dir.toAbsolutePath().normalize();
    Path parent = root.getParent();
    Path tmp = parent.resolve("." + root.getFileName() + ".tmp-" + UUID.randomUUID());
    try {
      Files.createDirectories(parent);
      Files.createDirectory(tmp);
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        Path target = tmp.resolve(e.getKey()).normalize();
        if (!target.startsWith(tmp)) {
          throw new CorruptArtifactException(zip + ": entry '" + e.getKey() + "' would be written outside " + dir);
        }
        Files.createDirectories(target.getParent());
        Files.write(target, e.getValue());
      }
      verify(tmp);
      moveAtomically(tmp, root);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new UncheckedIOException("cannot extract " + zip + " to " + dir + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      deleteQuietly(tmp);
      throw e;
    }
  }

  /** Serialises every part; the manifest comes last and lists the others. */
  static Map<String, byte[]> files(ModelArtifact artifact) {
    Map<String, byte[]> files = new TreeMap<>();
    Map<String, byte[]> tribuo = new LinkedHashMap<>();
    files.put("model.json", utf8(ModelJson.write(artifact.model(), tribuo)));
    files.putAll(tribuo);
    artifact.schema().ifPresent(s -> files.put("schema.json", utf8(dev.mlsys.data.schema.SchemaJson.write(s))));
    artifact.pipeline().ifPresent(p -> files.put("pipeline.json", utf8(p.toJson())));
    artifact.calibratorJson().ifPresent(c -> files.put("calibrator.json", utf8(c)));
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("format", "mlsys.metrics");
    metrics.put("formatVersion", 1);
    metrics.put("metrics", artifact.metrics());
    files.put("metrics.json", utf8(Json.pretty(metrics)));
    artifact.provenance().ifPresent(p -> files.put("provenance.json", utf8(Json.pretty(p.toMap()))));
    List<Object> listed = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("path", e.getKey());
      f.put("bytes", e.getValue().length);
      f.put("sha256", sha256(e.getValue()));
      listed.add(f);
    }
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("format", FORMAT);
    manifest.put("formatVersion", FORMAT_VERSION);
    manifest.put("mlsysVersion", Provenance.currentMlsysVersion());
    manifest.put("files", listed);
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put(MANIFEST, utf8(Json.pretty(manifest)));
    out.putAll(files);
    return out;
  }

  private static Map<String, byte[]> verified(Map<String, byte[]> files, Path path) {
    byte[] manifestBytes = files.remove(MANIFEST);
    if (manifestBytes == null) {
      throw new CorruptArtifactException(path + ": no " + MANIFEST + "; not an mlsys model artifact, or truncated");
    }
    JsonObject manifest = JsonObject.parse(new String(manifestBytes, StandardCharsets.UTF_8), path + "/" + MANIFEST);
    String format = manifest.getString("format");
    if (!FORMAT.equals(format)) {
      throw new CorruptArtifactException(path + "/" + MANIFEST + ": expected format '" + FORMAT + "' but found '" + format + "'");
    }
    long version = manifest.getLong("formatVersion");
    if (version > FORMAT_VERSION) {
      throw new CorruptArtifactException(path + ": artifact format version " + version
          + " is newer than this build reads (up to " + FORMAT_VERSION + "); upgrade mlsys to load it");
    }
    if (version < 1) {
      throw new CorruptArtifactException(path + ": artifact format version " + version + " is invalid; expected 1 to "
          + FORMAT_VERSION);
    }
    Map<String, byte[]> out = new TreeMap<>();
    for (JsonObject f : manifest.getObjects("files")) {
      String name = f.getString("path");
      byte[] bytes = files.remove(name);
      if (bytes == null) {
        throw new CorruptArtifactException(path + ": file '" + name + "' listed in the manifest is missing");
      }
      long expectedSize = f.getLong("bytes");
      if (bytes.length != expectedSize) {
        throw new CorruptArtifactException(path + ": file '" + name + "' has " + bytes.length + " bytes but the manifest says "
            + expectedSize + " (truncated or changed)");
      }
      String expected = f.getString("sha256");
      String actual = sha256(bytes);
      if (!actual.equals(expected)) {
        throw new CorruptArtifactException(path + ": file '" + name + "' has SHA-256 " + actual + " but the manifest says "
            + expected + " (changed after saving)");
      }
      out.put(name, bytes);
    }
    if (!files.isEmpty()) {
      throw new CorruptArtifactException(path + ": files not listed in the manifest: " + files.keySet());
    }
    if (!out.containsKey("model.json") || !out.containsKey("metrics.json")) {
      throw new CorruptArtifactException(path + ": the manifest lists neither model.json nor metrics.json; expected both");
    }
    return out;
  }

  private static Map<String, byte[]> read(Path path) {
    if (Files.isDirectory(path)) {
      return readDirectory(path);
    }
    if (Files.isRegularFile(path)) {
      return readZip(path);
    }
    throw new UncheckedIOException(new java.io.FileNotFoundException("no artifact at " + path));
  }

  private static Map<String, byte[]> readDirectory(Path dir) {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (Files.isRegularFile(p)) {
          String name = dir.relativize(p).toString().replace(java.io.File.separatorChar, '/');
          if (Files.size(p) > MAX_FILE_BYTES) {
            throw new CorruptArtifactException(dir + ": file '" + name + "' is larger than " + MAX_FILE_BYTES + " bytes");
          }
          files.put(name, Files.readAllBytes(p));
          if (files.size() > MAX_FILES) {
            throw new CorruptArtifactException(dir + ": more than " + MAX_FILES + " files");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read artifact " + dir + ": " + e.getMessage(), e);
    }
    return files;
  }

  /** Reads through the central directory, so a zip cut short anywhere is refused. */
  private static Map<String, byte[]> readZip(Path zip) {
    Map<String, byte[]> files = new TreeMap<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      java.util.Enumeration<? extends ZipEntry> entries = z.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        String name = e.getName();
        if (e.isDirectory()) {
          safeName(zip, name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
          continue;
        }
        safeName(zip, name);
        if (files.containsKey(name)) {
          throw new CorruptArtifactException(zip + ": entry '" + name + "' appears twice");
        }
        try (InputStream in = z.getInputStream(e)) {
          files.put(name, readBounded(in, zip, name));
        }
        if (files.size() > MAX_FILES) {
          throw new CorruptArtifactException(zip + ": more than " + MAX_FILES + " entries");
        }
      }
    } catch (java.util.zip.ZipException e) {
      throw new CorruptArtifactException(zip + ": not a readable zip file (truncated or damaged): " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read artifact " + zip + ": " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new CorruptArtifactException(zip + ": not a zip artifact (no entries)");
    }
    return files;
  }

  private static void safeName(Path zip, String name) {
    boolean dotSegment = false;
    for (String segment : name.split("/", -1)) {
      dotSegment |= segment.equals("..") || segment.equals(".");
    }
    if (!SAFE_NAME.matcher(name).matches() || dotSegment) {
      throw new CorruptArtifactException(zip + ": entry name '" + name + "' is not a plain relative path; "
          + "an artifact entry may not leave its folder");
    }
  }

  private static byte[] readBounded(InputStream in, Path zip, String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    long total = 0;
    for (int n = in.read(buf); n > 0; n = in.read(buf)) {
      total += n;
      if (total > MAX_FILE_BYTES) {
        throw new CorruptArtifactException(zip + ": entry '" + name + "' expands beyond " + MAX_FILE_BYTES + " bytes");
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system cannot rename " + from + " to " + to + " atomically", e);
    }
  }

  static void deleteQuietly(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(q -> {
        try {
          Files.deleteIfExists(q);
        } catch (IOException ignored) {
          // best effort: a leftover temporary folder is harmless and named as such
        }
      });
    } catch (IOException ignored) {
      // best effort, as above
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static dev.mlsys.api.Schema readSchema(String json, String where) {
    try {
      return dev.mlsys.data.schema.SchemaJson.read(json);
    } catch (CorruptArtifactException e) {
      throw new CorruptArtifactException(where + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new CorruptArtifactException(where + ": " + e.getMessage(), e);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(Map<String, byte[]> files, String name) {
    byte[] b = files.get(name);
    if (b == null) {
      throw new CorruptArtifactException("the artifact has no " + name);
    }
    return new String(b, StandardCharsets.UTF_8);
  }
}
