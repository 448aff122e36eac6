package dev.retort.cli.command;

import dev.retort.cli.RetortCli;
import dev.retort.cli.internal.Settings;
import dev.retort.cli.internal.entities.EntityFiles;
import dev.retort.cli.internal.entities.EntityImport;
import dev.retort.runtime.internal.Unmanaged;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.SourceVersion;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retort entities --package com.example.model}: reads a live database and writes one
 * {@code @Table} record per table and a {@code @View} record per view, for adopting Retort on a
 * database that exists. It never overwrites a file: when one of the files to write exists, it names them and writes nothing.
 */
@Command(name = "entities",
    description = {"Reads the database and writes one @Table entity record per table, and one @View record per view,"
        + " into the source tree, for"
        + " adopting Retort on a database that exists (one Flyway or Liquibase made, or one made by hand).",
        "Reads the connection's schema, or the one --schema names. Leaves out the version table and Flyway's and"
        + " Liquibase's history tables unless --tables names them."
        + " Prints a warning for everything an entity cannot declare (triggers, expression indexes, types"
        + " without a Java type), with what to do, and for each view, whose query is the database's spelling. Never overwrites a file: if one exists, writes nothing."})
public final class EntitiesCommand extends RetortCommand {

  @Option(names = "--package", paramLabel = "NAME", required = true,
      description = "The package of the entities, such as com.example.model.")
  private String packageName;

  @Option(names = "--output", paramLabel = "DIR", defaultValue = "src/main/java",
      description = "The source directory the package is written under. Default: ${DEFAULT-VALUE}.")
  private Path output;

  @Option(names = "--tables", paramLabel = "NAME", split = ",",
      description = "The tables and views to read, as the database spells them (a,b,c). Default: every table and"
          + " view of the schema but the unmanaged ones, the version table and flyway_schema_history, databasechangelog and databasechangeloglock.")
  private List<String> tables = new ArrayList<>();

  @Option(names = "--conversion-script", paramLabel = "FILE",
      description = "Also writes into FILE the SQL that converts PostgreSQL's serial keys to the identity columns"
          + " the entities declare, one transaction per table, to run on each database before stamping (the"
          + " warnings give each table's). Not written when there is no serial key.")
  private Path conversionScript;

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
    if (!SourceVersion.isName(packageName.strip())) {
      throw usage("--package: '" + packageName + "' is not a Java package name; give one such as com.example.model");
    }
    requireOneSchema("entities reads one schema's tables: give it the schema of one tenant");
    Settings using = connectable(settings);
    DataSource dataSource = using.dataSource(console.classLoader());
    connected();
    EntityFiles entities;
    try {
      entities = EntityFiles.read(dataSource, using.currentSchema(),
          new EntityImport.Options(using.schema(), tables.stream().map(String::strip).toList(), using.versionTable(),
              Unmanaged.of(using.unmanaged())),
          output, packageName.strip());
      if (conversionScript != null) {
        entities = entities.withConversionScript(conversionScript);
      }
    } catch (SQLException e) {
      return failed("cannot read the database: " + e.getMessage() + ". Check --url, --user and the password, and that"
          + " the database is reachable.");
    } catch (IllegalArgumentException | IllegalStateException e) {
      return failed(e.getMessage());
    }
    List<String> refusal = entities.refusal();
    if (!refusal.isEmpty()) {
      return failed(String.join(System.lineSeparator(), refusal));
    }
    try {
      print(entities.write());
    } catch (IOException e) {
      return failed("cannot write the entities: " + e + ". Give --output a directory where you may write.");
    }
    entities.warnings().forEach(line -> console.err().println(mask(line)));
    console.err().flush();
    return RetortCli.OK;
  }

  private int failed(String message) {
    console.err().println(mask("retort entities: " + message));
    console.err().flush();
    return RetortCli.FAILED;
  }
}
