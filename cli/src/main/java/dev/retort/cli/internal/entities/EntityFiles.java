package dev.retort.cli.internal.entities;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.dialect.inspect.LiveSchema;
import dev.retort.runtime.internal.connect.CurrentSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.SourceVersion;
import javax.sql.DataSource;

/**
 * What {@code retort entities} and {@code mvn retort:entities} share: reading the database,
 * the files to write, refusing to replace any, writing them, and the lines that report them.
 */
public final class EntityFiles {

  private final EntityImport.Result result;
  private final Path directory;
  private final Map<Path, String> files;
  private final Optional<Path> conversionScript;

  private EntityFiles(EntityImport.Result result, Path directory, Map<Path, String> files,
      Optional<Path> conversionScript) {
    this.result = result;
    this.directory = directory;
    this.files = files;
    this.conversionScript = conversionScript;
  }

  /**
   * Reads the database and lays out the entities' files.
   *
   * @param dataSource the database
   * @param currentSchema the schema to work in, whose tables are then the connection's own
   *     ({@link dev.retort.runtime.Retort.Builder#currentSchema}); empty for the connection's own
   * @param options what to read
   * @param sourceDirectory the source directory the package is written under
   * @param packageName the entities' package
   * @return the files to write
   * @throws SQLException if the database cannot be read
   * @throws IllegalArgumentException if the package is not a package name, or a table named in
   *     the options is not in the schema
   */
  public static EntityFiles read(DataSource dataSource, Optional<String> currentSchema, EntityImport.Options options,
      Path sourceDirectory, String packageName) throws SQLException {
    if (!SourceVersion.isName(packageName)) {
      throw new IllegalArgumentException("'" + packageName + "' is not a Java package name; give one such as"
          + " com.example.model");
    }
    EntityImport.Result result;
    try (Connection connection = dataSource.getConnection()) {
      Dialect dialect = Dialects.detect(connection);
      currentSchema.ifPresent(schema -> CurrentSchema.enter(dialect, connection, schema));
      result = EntityImport.read(LiveSchema.of(connection, dialect), SerialKeys.of(connection, dialect), options);
    }
    Path directory = sourceDirectory.toAbsolutePath().normalize().resolve(packageName.replace('.', '/'));
    Map<Path, String> files = new LinkedHashMap<>();
    for (Entity entity : result.entities()) {
      files.put(directory.resolve(entity.className() + ".java"), EntitySource.write(packageName, entity));
    }
    for (ViewType view : result.views()) {
      files.put(directory.resolve(view.className() + ".java"), EntitySource.writeView(packageName, view));
    }
    for (EntityImport.JavaEnum javaEnum : result.enums()) {
      files.put(directory.resolve(javaEnum.className() + ".java"), EntitySource.writeEnum(packageName, javaEnum));
    }
    return new EntityFiles(result, directory, files, Optional.empty());
  }

  /**
   * The same files, and a SQL script of the serial keys' conversions to identity columns, which
   * the warnings give one by one; no script where there is no serial key to convert.
   *
   * @param script the script's file
   * @return the files to write
   */
  public EntityFiles withConversionScript(Path script) {
    Path file = script.toAbsolutePath().normalize();
    Map<Path, String> withScript = new LinkedHashMap<>(files);
    if (!result.conversions().isEmpty()) {
      withScript.put(file, SerialKeys.script(result.conversions()));
    }
    return new EntityFiles(result, directory, withScript, Optional.of(file));
  }

  /** What was read. */
  public EntityImport.Result result() {
    return result;
  }

  /** The files to write, each with its text, in the order of their tables. */
  public Map<Path, String> files() {
    return Map.copyOf(files);
  }

  /**
   * Why nothing can be written: no table to write, or files that exist.
   *
   * @return the message, one line or several; empty if the files can be written
   */
  public List<String> refusal() {
    List<String> lines = new ArrayList<>();
    if (result.entities().isEmpty() && result.views().isEmpty()) {
      lines.add("schema " + result.schema() + " has no table to write an entity for"
          + (result.leftOut().isEmpty() ? "" : " (left out: " + String.join(", ", result.leftOut()) + ")")
          + ". Name another schema, or name the tables that were left out.");
      return lines;
    }
    List<Path> existing = files.keySet().stream().filter(Files::exists).toList();
    if (!existing.isEmpty()) {
      lines.add("these files exist, and entities never overwrites a file; nothing was written:");
      existing.forEach(file -> lines.add("  " + file));
      lines.add("Move them away, write into another directory or package, or leave their tables out.");
    }
    return lines;
  }

  /**
   * Writes the files, which must not exist ({@link #refusal()} is empty).
   *
   * @return the lines that say what was written
   * @throws IOException if a file cannot be written
   */
  public List<String> write() throws IOException {
    for (Map.Entry<Path, String> file : files.entrySet()) {
      Files.createDirectories(file.getKey().getParent());
      Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8);
    }
    List<String> lines = new ArrayList<>();
    List<String> counts = new ArrayList<>();
    counts.add(count(result.entities().size(), "entity", "entities"));
    if (!result.views().isEmpty()) {
      counts.add(count(result.views().size(), "view", "views"));
    }
    if (!result.enums().isEmpty()) {
      counts.add(count(result.enums().size(), "enum", "enums"));
    }
    String last = counts.remove(counts.size() - 1);
    lines.add("Wrote " + (counts.isEmpty() ? last : String.join(", ", counts) + " and " + last)
        + " of schema " + result.schema() + " to " + directory + ":");
    for (Entity entity : result.entities()) {
      lines.add("  " + entity.className() + ".java (" + entity.table() + ")");
    }
    for (ViewType view : result.views()) {
      lines.add("  " + view.className() + ".java (view " + view.view() + ")");
    }
    for (EntityImport.JavaEnum javaEnum : result.enums()) {
      lines.add("  " + javaEnum.className() + ".java ("
          + javaEnum.databaseType().map(type -> "enum " + type).orElse("enum of " + javaEnum.column()) + ")");
    }
    int conversions = result.conversions().size();
    if (conversionScript.isPresent() && conversions > 0) {
      lines.add("Wrote the conversion of " + conversions + (conversions == 1 ? " serial key" : " serial keys")
          + " to identity columns to " + conversionScript.get() + ": run it on each database before stamping.");
    } else if (conversionScript.isPresent()) {
      lines.add("No serial key to convert to an identity column: " + conversionScript.get() + " is not written.");
    }
    if (!result.leftOut().isEmpty()) {
      lines.add("Left out: " + String.join(", ", result.leftOut())
          + " (the version table, another tool's history, or unmanaged; name it among the tables to write it).");
    }
    lines.add("Next: build to generate the first migration, which creates the tables"
        + (result.views().isEmpty() ? "" : " and the views") + ", stamp it on a copy of the database and check, then"
        + " stamp it on each database (docs/coming-from.md, \"Adopting Retort on a database that exists\").");
    return lines;
  }

  private static String count(int count, String one, String several) {
    return count + " " + (count == 1 ? one : several);
  }

  /** The warnings, one a line, after a line that counts them; empty without warnings. */
  public List<String> warnings() {
    List<String> lines = new ArrayList<>();
    List<EntityImport.Warning> warnings = result.warnings();
    if (!warnings.isEmpty()) {
      lines.add(warnings.size() + (warnings.size() == 1 ? " warning" : " warnings")
          + ": the entities do not declare these as the database has them.");
      warnings.forEach(warning -> lines.add("warning: " + warning));
    }
    return lines;
  }
}
