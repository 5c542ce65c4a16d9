package dev.mlsys.cli;

import dev.mlsys.cli.quickstart.Quickstart;
import dev.mlsys.cli.quickstart.QuickstartOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The main job: the whole lifecycle on bundled real data, or on the user's own CSV. */
@Command(name = "quickstart", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Run the whole ML lifecycle on real data and write a report: infer and validate a schema, split,",
        "train a baseline, single models and ensembles, calibrate, run behavioral tests and slice metrics,",
        "save / reload / serve the model with a cache and a hot swap, and check a real seasonal drift.",
        "Without --data it uses bundled data sets (breast cancer, income, Seattle weather)."})
final class QuickstartCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "quickstart-report",
      description = "Folder for report.html, report.json and the model (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Seed of every random step (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--quiet", description = "Print only the result lines.")
  boolean quiet;

  @Option(names = "--data", paramLabel = "FILE", description = "Your own CSV file (header on the first line).")
  Path data;

  @Option(names = "--label", paramLabel = "COL", description = "The label column of --data (categorical).")
  String label;

  @Override
  public Integer call() {
    if ((data == null) != (label == null)) {
      throw new ParameterException(spec.commandLine(), "--data and --label go together: give both or neither");
    }
    new Quickstart(new QuickstartOptions(out, seed, quiet, data, label), spec.commandLine().getOut(),
        spec.commandLine().getErr()).run();
    return ExitCodes.OK;
  }
}
