package dev.retort.cli.command;

import dev.retort.cli.RetortCli;
import dev.retort.cli.internal.Report;
import dev.retort.cli.internal.authoring.AuthoringException;
import dev.retort.cli.internal.authoring.NewRevision;
import dev.retort.cli.internal.authoring.RevisionAuthor;
import dev.retort.cli.internal.authoring.SettingNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What {@code revision} and {@code merge} share: where the project keeps its migrations, and
 * turning an {@link AuthoringException} into its message and exit code {@value RetortCli#FAILED}.
 * They read the revisions from the source files, not from the class path, since a history with
 * two heads does not compile, and never connect to a database. Relative directories are
 * resolved against the working directory, so the defaults fit a Maven project's directory.
 */
abstract class AuthoringCommand implements Callable<Integer> {

  /** The options and command that messages point to. */
  private static final SettingNames NAMES =
      new SettingNames("retort merge", "--source-dir", "--resource-dir", "--package");

  @Spec
  CommandSpec spec;

  @Option(names = "--source-dir", paramLabel = "DIR", defaultValue = "src/main/java",
      description = "The source directory holding the @Revision classes; the new migration is written under it."
          + " Default: ${DEFAULT-VALUE}.")
  private Path sourceDir;

  @Option(names = "--resource-dir", paramLabel = "DIR",
      description = "The directory holding the schema snapshots. Default: the resources directory beside a source"
          + " directory named java, such as src/main/resources.")
  private Path resourceDir;

  @Option(names = "--package", paramLabel = "NAME",
      description = "The package of the new migration. Default: the package of the newest revision.")
  private String migrationPackage;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  private final Console console;

  AuthoringCommand(Console console) {
    this.console = Objects.requireNonNull(console, "console == null");
  }

  @Override
  public final Integer call() {
    RevisionAuthor author;
    try {
      author = new RevisionAuthor(layout(), NAMES, Clock.systemUTC());
    } catch (IllegalArgumentException e) {
      throw usage("--package: " + e.getMessage());
    }
    Path sources = sourceDirectory();
    if (!Files.isDirectory(sources)) {
      return failed("there is no source directory " + sources + ": run retort in the project's directory, or give"
          + " --source-dir.");
    }
    NewRevision written;
    try {
      written = write(author);
    } catch (AuthoringException e) {
      return failed(e.getMessage());
    }
    Report.written(written).forEach(console.out()::println);
    console.out().flush();
    return RetortCli.OK;
  }

  /**
   * Writes the revision.
   *
   * @param author writes into the project's source tree
   * @return the revision written
   * @throws AuthoringException if the history does not allow it or a file cannot be written
   */
  abstract NewRevision write(RevisionAuthor author) throws AuthoringException;

  /** A usage error (exit code {@value RetortCli#USAGE}) with a message. */
  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private RevisionAuthor.Layout layout() {
    Path sources = sourceDirectory();
    return new RevisionAuthor.Layout(List.of(sources), Optional.of(sources),
        Optional.ofNullable(resourceDir).map(dir -> dir.toAbsolutePath().normalize()),
        Optional.ofNullable(migrationPackage).map(String::strip));
  }

  private Path sourceDirectory() {
    return sourceDir.toAbsolutePath().normalize();
  }

  private int failed(String message) {
    console.err().println("retort " + spec.name() + ": " + message);
    console.err().flush();
    return RetortCli.FAILED;
  }
}
