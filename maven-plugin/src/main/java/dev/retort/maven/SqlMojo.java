package dev.retort.maven;

import dev.retort.cli.internal.Databases;
import dev.retort.cli.internal.ScriptDirectory;
import dev.retort.cli.internal.Settings;
import dev.retort.operation.Vendor;
import dev.retort.runtime.Retort;
import dev.retort.runtime.SqlScript;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes the offline SQL script between two revisions, for a database administrator to review
 * and run; does not connect. To standard output ({@code mvn -q compile retort:sql
 * -Dretort.dialect=postgresql > upgrade.sql}) or to a file ({@code -Dretort.output=upgrade.sql}),
 * as UTF-8 either way. With {@code -Dretort.stamp}, the script of a stamp instead: the
 * version-table rows that record {@code retort.to} without running any migration, for adopting a
 * database that only a database administrator may change. With {@code -Dretort.outputDirectory=scripts} and
 * {@code -Dretort.currentSchema=tenant_*}, one script per schema instead, each from that schema's revision, read
 * from the database.
 */
@Mojo(name = "sql", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class SqlMojo extends DatabaseMojo {

  /**
   * The revision the database is at: {@code base} (the default), {@code head}, or a revision. With
   * {@code outputDirectory}, the default is each schema's revision, read from its version table.
   */
  @Parameter(property = "retort.from")
  String from;

  /** Where to go: {@code head} (the default), {@code base}, a revision, or {@code +N}/{@code -N} from {@code from}. */
  @Parameter(property = "retort.to", defaultValue = "head")
  String to;

  /**
   * Write what {@code stamp} does instead: make the version table record {@code to} and its
   * ancestors without running any migration, creating the table unless it exists when
   * {@code from} is {@code base}.
   */
  @Parameter(property = "retort.stamp", defaultValue = "false")
  boolean stamp;

  /** The database to write for: h2, sqlite, postgresql, mysql or mariadb. Default: the one the URL points at. */
  @Parameter(property = "retort.dialect")
  String dialect;

  /** The file to write the script to. Default: standard output. */
  @Parameter(property = "retort.output")
  File output;

  /**
   * The directory to write one script per schema to, {@code DIRECTORY/SCHEMA.sql}, for the schemas that
   * {@code retort.currentSchema} names (names or a pattern): each starts from the revision that schema's version table
   * records, read from the database, or from {@code retort.from} when given. A schema already where the script goes
   * gets a script that changes nothing.
   */
  @Parameter(property = "retort.outputDirectory")
  File outputDirectory;

  /** Creates the goal; Maven calls this. */
  public SqlMojo() {}

  @Override
  void run(Settings settings, ClassLoader loader) throws MojoExecutionException, MojoFailureException {
    if (outputDirectory != null) {
      writeEach(settings, loader);
      return;
    }
    requireOneSchema("an offline script is for one schema: write one per schema into a directory with"
        + " -Dretort.outputDirectory=DIRECTORY");
    Vendor vendor = vendor(settings);
    SqlScript script = write(offline(settings, loader), from != null ? from : "base", vendor);
    if (output == null) {
      // The script's bytes as UTF-8, the encoding it declares to the database's client: printing
      // the text would encode it in the console's charset, US-ASCII in the C locale.
      byte[] text = script.text().getBytes(StandardCharsets.UTF_8);
      PrintStream out = System.out;
      out.write(text, 0, text.length);
      out.flush();
      if (out.checkError()) {
        throw new MojoExecutionException("Cannot write the script to standard output");
      }
      return;
    }
    Path file = output.toPath();
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Files.writeString(file, script.text(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write the script to " + file + ": " + e.getMessage(), e);
    }
    info(settings, List.of("Wrote the " + Databases.name(script.vendor()) + (stamp ? " stamp" : "") + " script from " + script.from() + " to "
        + script.to() + " (" + script.statements().size() + " statements) to " + file + "."));
  }

  /** Writes one script per schema into the output directory. */
  private void writeEach(Settings settings, ClassLoader loader) throws MojoExecutionException, MojoFailureException {
    if (output != null) {
      throw new MojoExecutionException("retort.output writes one script and retort.outputDirectory one per schema:"
          + " set one of them");
    }
    if (currentSchema == null || currentSchema.isBlank()) {
      throw new MojoExecutionException("retort.outputDirectory writes one script per schema that"
          + " retort.currentSchema names: set it, such as -Dretort.currentSchema=tenant_*, or write one script with"
          + " -Dretort.output=FILE");
    }
    ScriptDirectory directory =
        new ScriptDirectory(outputDirectory.toPath(), vendor(settings), Optional.ofNullable(from), this::write);
    try {
      inEachSchema(settings, loader, Optional.empty(),
          (retort, scope) -> directory.write(retort, scope.schema().orElseThrow()));
    } catch (UncheckedIOException | IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage() + ". The scripts written before it are complete.", e);
    }
  }

  /** The script from a revision: a migration's, or a stamp's. */
  private SqlScript write(Retort retort, String start, Vendor vendor) {
    return stamp ? retort.stampSql(start, to, vendor) : retort.sql(start, to, vendor);
  }

  private Vendor vendor(Settings settings) throws MojoExecutionException {
    if (dialect != null && !dialect.isBlank()) {
      try {
        return Databases.parse(dialect);
      } catch (IllegalArgumentException e) {
        throw new MojoExecutionException(e.getMessage() + " (retort.dialect)", e);
      }
    }
    return settings.url().flatMap(Databases::fromUrl).orElseThrow(() -> new MojoExecutionException(
        "Which database is the script for? Set -Dretort.dialect to one of " + Databases.NAMES + "."));
  }
}
