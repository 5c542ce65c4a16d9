package dev.mlsys.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The main job: the whole lifecycle on bundled real data. */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
    description = "Run the whole ML lifecycle on a bundled real data set and write a report.")
final class QuickstartCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println("mlsys quickstart");
    return ExitCodes.OK;
  }
}
