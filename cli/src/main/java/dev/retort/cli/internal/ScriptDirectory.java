package dev.retort.cli.internal;

import dev.retort.operation.Vendor;
import dev.retort.runtime.Current;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.SqlScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Offline scripts written one per schema into a directory, {@code scripts/tenant_acme.sql}, for a database
 * administrator who applies them by hand to each tenant. Each starts where its schema is: from the revision the
 * schema's version table records, read from the database, or from one revision given for all. Each enters its schema
 * and, from any revision but base, stops before any change on a schema at another revision.
 *
 * <p>A schema already where the script goes gets a file too, which says so and changes nothing: a second run into the
 * same directory then leaves no earlier script behind to be run by mistake, and a loop over the directory runs every
 * file without error.
 */
public final class ScriptDirectory {

  /** Writes one schema's script. */
  @FunctionalInterface
  public interface Script {
    /**
     * Writes the script.
     *
     * @param retort working in the schema
     * @param from the revision the script starts from
     * @param vendor the database to write for
     * @return the script
     * @throws RetortException if it cannot be written, such as for a target out of range
     */
    SqlScript write(Retort retort, String from, Vendor vendor);
  }

  private final Path directory;
  private final Vendor vendor;
  private final Optional<String> from;
  private final Script script;

  /**
   * Prepares the scripts; nothing is written yet.
   *
   * @param directory where the scripts go; created if missing
   * @param vendor the database to write for
   * @param from the revision every script starts from; empty to read each schema's from its version table
   * @param script writes a schema's script
   */
  public ScriptDirectory(Path directory, Vendor vendor, Optional<String> from, Script script) {
    this.directory = Objects.requireNonNull(directory, "directory == null");
    this.vendor = Objects.requireNonNull(vendor, "vendor == null");
    this.from = Objects.requireNonNull(from, "from == null");
    this.script = Objects.requireNonNull(script, "script == null");
  }

  /**
   * Writes a schema's script to {@code DIRECTORY/SCHEMA.sql}, replacing an earlier one.
   *
   * @param retort working in the schema
   * @param schema the schema, which names the file
   * @return the line saying what was written; the summary names the schemas with something to run
   * @throws RetortException if the schema's revision cannot be read, or its script cannot be written
   * @throws IllegalArgumentException if the schema's name is not a file name
   * @throws UncheckedIOException if the file cannot be written
   */
  public Outcome write(Retort retort, String schema) {
    Path file = file(schema);
    SqlScript written = script.write(retort, from.orElseGet(() -> recorded(retort.current(), schema)), vendor);
    boolean nothing = written.statements().isEmpty();
    String at = written.to() + (retort.heads().revisions().contains(written.to()) ? " (head)" : "");
    String text = nothing
        ? written.text() + "\n-- Nothing to do: " + schema + " is at " + at + " already, where this script goes.\n"
        : written.text();
    try {
      Files.createDirectories(directory);
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the script of " + schema + " to " + file + ": " + e.getMessage(),
          e);
    }
    return nothing
        ? new Outcome(List.of("Already at " + at + ": wrote " + file + ", which changes nothing."),
            "already at " + at, Outcome.Kind.COUNTED)
        : new Outcome(List.of(Report.scriptWritten(written, file)), "with a script to run", Outcome.Kind.NAMED);
  }

  /** The schema's file in the directory, as the directory was given; refuses a name that would put it elsewhere. */
  private Path file(String schema) {
    Path file = directory.resolve(schema + ".sql");
    Path absolute = directory.toAbsolutePath().normalize();
    if (schema.isBlank() || schema.startsWith(".")
        || !absolute.equals(absolute.resolve(schema + ".sql").normalize().getParent())) {
      throw new IllegalArgumentException("the schema name " + schema + " does not make a file name in " + directory
          + "; write its script alone, to a file of your choosing");
    }
    return file;
  }

  /** The one revision the schema's version table records, where its script starts. */
  private static String recorded(Current current, String schema) {
    List<String> revisions = current.revisions();
    if (revisions.size() > 1) {
      throw new RetortException(ErrorCode.INVALID_TARGET, "The version table of " + schema + " records the branches "
          + String.join(" and ", revisions) + ", not yet merged, but an offline script starts from one revision."
          + " Upgrade this schema online, or write its script from the revision you choose to start from.");
    }
    return revisions.isEmpty() ? "base" : revisions.get(0);
  }
}
