package dev.mlsys.cli.quickstart;

import dev.mlsys.api.json.Json;
import dev.mlsys.cli.report.TextTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The main job: the whole lifecycle on real data, in one run. Loads and validates a data set,
 * splits it, trains a baseline, single models and ensembles, calibrates the best, runs
 * behavioral tests and slice metrics, saves, reloads and serves the model, checks a real drift,
 * and writes {@code report.html} and {@code report.json}.
 *
 * <p>Not thread-safe: one run per instance.
 */
public final class Quickstart {
  /** Name and version of the JSON report format. */
  public static final String FORMAT = "mlsys.quickstart-report";
  static final int FORMAT_VERSION = 1;

  private final QuickstartOptions options;
  private final PrintWriter out;
  private final PrintWriter err;

  /**
   * @param options the run's settings
   * @param out where results go
   * @param err where progress bars go
   */
  public Quickstart(QuickstartOptions options, PrintWriter out, PrintWriter err) {
    this.options = options;
    this.out = out;
    this.err = err;
  }

  /**
   * Runs every step.
   *
   * @return the path of the HTML report
   * @throws UncheckedIOException if the report cannot be written
   * @throws IllegalArgumentException if the user's data set cannot be used
   */
  public Path run() {
    long start = System.nanoTime();
    Session session = new Session(options, out, err);
    Path scratch = createDirectories(options.out().resolve(".data"));
    try {
      Path file = options.bundled() ? LoadStep.bundled("breast_cancer.csv", scratch) : options.data();
      String label = options.bundled() ? "diagnosis" : options.label();
      session.always("mlsys quickstart: " + file.getFileName() + ", label '" + label + "', seed " + options.seed());

      session.begin("Data: infer the schema, validate every row");
      Dataset data = LoadStep.run(session, file, label);
      session.end("data");

      session.begin("Split and features: stratified train / calibration / test, pipeline fitted on train");
      Prepared prepared = SplitStep.run(session, data);
      session.end("split");

      session.begin("Models: baseline, single models, bagging, boosting, stacking");
      List<Candidate> candidates = TrainStep.run(session, prepared);
      Candidate best = TrainStep.best(candidates);
      session.end("training");

      session.begin("Calibration of the best model: Platt and isotonic");
      Calibrated calibrated = CalibrationStep.run(session, prepared, best);
      session.end("calibration");

      session.begin("Behavioral tests and slices");
      BehaviorStep.run(session, prepared, best);
      if (options.bundled()) {
        SliceStep.run(session, LoadStep.read(LoadStep.bundled("income.csv", scratch), "INCOME"));
      }
      session.html.end();
      session.end("behavior");

      session.begin("Serving: save, reload (checksums verified), serve with a cache, hot swap");
      Candidate second = candidates.stream().filter(c -> c != best && c != candidates.get(0))
          .max(Comparator.comparingDouble(Candidate::calibrationAccuracy)).orElse(best);
      ServingStep.run(session, prepared, best, second, calibrated);
      session.end("serving");

      session.begin("Drift: a real seasonal shift in Seattle's weather");
      Dataset weather = LoadStep.read(LoadStep.bundled("seattle_weather.csv", scratch), "weather");
      DriftStep.run(session, weather);
      session.end("drift");

      double total = (System.nanoTime() - start) / 1e9;
      Path html = write(session, total);
      if (!options.quiet()) {
        out.println();
        TextTable times = new TextTable("step", "seconds");
        session.seconds.forEach((k, v) -> times.row(k, TextTable.num(v, 1)));
        times.row("total", TextTable.num(total, 1));
        out.print(times.render());
      }
      session.always(String.format(Locale.ROOT, "done in %.1f s: %s and %s", total, html,
          html.resolveSibling("report.json")));
      return html;
    } finally {
      deleteRecursively(scratch);
    }
  }

  private Path write(Session session, double total) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", FORMAT);
    json.put("formatVersion", FORMAT_VERSION);
    json.put("seed", options.seed());
    json.put("java", System.getProperty("java.version"));
    json.putAll(session.json);
    Map<String, Object> seconds = new LinkedHashMap<>(session.seconds);
    seconds.put("total", total);
    json.put("seconds", seconds);
    Path html = options.out().resolve("report.html");
    try {
      Files.writeString(options.out().resolve("report.json"), Json.pretty(json, true) + "\n");
      Files.writeString(html, session.html.render());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return html;
  }

  private static Path createDirectories(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  static void deleteRecursively(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a scratch folder left behind is harmless
    }
  }
}
