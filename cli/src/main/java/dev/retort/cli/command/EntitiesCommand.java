package dev.retort.cli.command;

import dev.retort.cli.RetortCli;
import dev.retort.cli.internal.DriverDataSource;
import dev.retort.cli.internal.Settings;
import dev.retort.cli.internal.entities.Entity;
import dev.retort.cli.internal.entities.EntityImport;
import dev.retort.cli.internal.entities.EntitySource;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.dialect.inspect.LiveSchema;
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
import javax.lang.model.SourceVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retort entities --package com.example.model}: reads a live database and writes one
 * {@code @Table} record per table, for adopting Retort on a database that exists. It never
 * overwrites a file: when one of the files to write exists, it names them and writes nothing.
 */
@Command(name = "entities",
    description = {"Reads the database and writes one @Table entity record per table into the source tree, for"
        + " adopting Retort on a database that exists (one Flyway or Liquibase made, or one made by hand).",
        "Leaves out the version table and Flyway's and Liquibase's history tables unless --tables names them."
        + " Prints a warning for everything an entity cannot declare (views, triggers, expression indexes, types"
        + " without a Java type), with what to do. Never overwrites a file: if one exists, writes nothing."})
public final class EntitiesCommand extends RetortCommand {

  @Option(names = "--package", paramLabel = "NAME", required = true,
      description = "The package of the entities, such as com.example.model.")
  private String packageName;

  @Option(names = "--output", paramLabel = "DIR", defaultValue = "src/main/java",
      description = "The source directory the package is written under. Default: ${DEFAULT-VALUE}.")
  private Path output;

  @Option(names = "--tables", paramLabel = "NAME", split = ",",
      description = "The tables to read, as the database spells them (a,b,c). Default: every table of the schema but"
          + " the version table and flyway_schema_history, databasechangelog and databasechangeloglock.")
  private List<String> tables = new ArrayList<>();

  /**
   * Creates the command.
   *
   * @param console where it prints and finds the JDBC drivers
   */
  public EntitiesCommand(Console console) {
    super(console);
  }

  @Override
  int execute(Settings settings) {
    String pkg = packageName.strip();
    if (!SourceVersion.isName(pkg)) {
      throw usage("--package: '" + packageName + "' is not a Java package name; give one such as com.example.model");
    }
    Settings using = connectable(settings);
    EntityImport.Result result;
    DriverDataSource dataSource = new DriverDataSource(using.url().orElseThrow(), using.user(), using.password(),
        console.classLoader());
    connected();
    try (Connection connection = dataSource.getConnection()) {
      Dialect dialect = Dialects.detect(connection);
      result = EntityImport.read(LiveSchema.of(connection, dialect),
          new EntityImport.Options(using.schema(), tables.stream().map(String::strip).toList(),
              using.versionTable()));
    } catch (SQLException e) {
      return failed("cannot read the database: " + e.getMessage() + ". Check --url, --user and the password, and that"
          + " the database is reachable.");
    } catch (IllegalArgumentException | IllegalStateException e) {
      return failed(e.getMessage());
    }
    if (result.entities().isEmpty()) {
      return failed("schema " + result.schema() + " has no table to write an entity for"
          + (result.leftOut().isEmpty() ? "" : " (left out: " + String.join(", ", result.leftOut()) + ")")
          + ". Give --schema for another schema, or --tables to name tables that were left out.");
    }
    Path directory = output.toAbsolutePath().normalize().resolve(pkg.replace('.', '/'));
    Map<Path, String> files = new LinkedHashMap<>();
    for (Entity entity : result.entities()) {
      files.put(directory.resolve(entity.className() + ".java"), EntitySource.write(pkg, entity));
    }
    List<Path> existing = files.keySet().stream().filter(Files::exists).toList();
    if (!existing.isEmpty()) {
      List<String> lines = new ArrayList<>();
      lines.add("these files exist, and entities never overwrites a file; nothing was written:");
      existing.forEach(file -> lines.add("  " + file));
      lines.add("Move them away, write into another --output or --package, or leave their tables out with --tables.");
      return failed(String.join(System.lineSeparator(), lines));
    }
    try {
      Files.createDirectories(directory);
      for (Map.Entry<Path, String> file : files.entrySet()) {
        Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      return failed("cannot write the entities under " + directory + ": " + e + ". Give --output a directory where"
          + " you may write.");
    }
    List<String> lines = new ArrayList<>();
    lines.add("Wrote " + result.entities().size() + (result.entities().size() == 1 ? " entity" : " entities")
        + " of schema " + result.schema() + " to " + directory + ":");
    for (Entity entity : result.entities()) {
      lines.add("  " + entity.className() + ".java (" + entity.table() + ")");
    }
    if (!result.leftOut().isEmpty()) {
      lines.add("Left out: " + String.join(", ", result.leftOut())
          + " (the version table or another tool's history; name it in --tables to write it).");
    }
    lines.add("Next: build to generate the first migration, compare it with check on a copy of the database, then"
        + " stamp that revision on each database (docs/coming-from.md, \"Adopting Retort on a database that exists\").");
    print(lines);
    if (!result.warnings().isEmpty()) {
      console.err().println(result.warnings().size() + (result.warnings().size() == 1 ? " warning" : " warnings")
          + ": the entities do not declare these as the database has them.");
      result.warnings().forEach(warning -> console.err().println(mask("warning: " + warning)));
      console.err().flush();
    }
    return RetortCli.OK;
  }

  private int failed(String message) {
    console.err().println(mask("retort entities: " + message));
    console.err().flush();
    return RetortCli.FAILED;
  }
}
