package dev.mlsys.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code mlsys} command; it only groups the subcommands. */
@Command(
    name = "mlsys",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Production machine learning for the JVM: sampling, validation, training, evaluation,"
        + " serving and drift monitoring.",
    subcommands = {
        QuickstartCommand.class,
        InferSchemaCommand.class,
        ValidateCommand.class,
        SampleCommand.class,
        TrainCommand.class,
        EvaluateCommand.class,
        DriftCommand.class,
        PredictCommand.class,
        picocli.CommandLine.HelpCommand.class
    },
    footer = {"", "Exit codes: 0 success, 1 a finding (rejected rows, drift), 2 usage or I/O error."})
final class MlsysCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a subcommand is required");
  }
}
