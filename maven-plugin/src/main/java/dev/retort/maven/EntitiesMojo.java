package dev.retort.maven;

import dev.retort.cli.internal.Settings;
import dev.retort.cli.internal.entities.EntityFiles;
import dev.retort.cli.internal.entities.EntityImport;
import dev.retort.runtime.internal.Unmanaged;
import java.io.File;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Reads the database and writes one {@code @Table} entity record per table, and one {@code @View}
 * record per view, into the source tree, for adopting Retort on a database that exists, as {@code retort entities} does:
 * {@code mvn retort:entities -Dretort.entityPackage=com.example.model}. Never replaces a file:
 * when one of the files to write exists, it names them, writes nothing and fails.
 */
@Mojo(name = "entities", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class EntitiesMojo extends DatabaseMojo {

  /** The package of the entities, such as {@code com.example.model}. */
  @Parameter(property = "retort.entityPackage")
  String entityPackage;

  /** The source directory the package is written under. */
  @Parameter(property = "retort.entityDirectory", defaultValue = "${project.build.sourceDirectory}")
  File entityDirectory;

  /**
   * The tables and views to write, as the database spells them, separated by commas. Default:
   * every table and view of the schema but the unmanaged ones, the version table and Flyway's and
   * Liquibase's history tables.
   */
  @Parameter(property = "retort.tables")
  String tables;

  /**
   * A file to write the SQL into that converts PostgreSQL's serial keys to the identity columns
   * the entities declare, one transaction per table, to run on each database before stamping.
   * Not written when there is no serial key.
   */
  @Parameter(property = "retort.conversionScript")
  File conversionScript;

  /** Creates the goal; Maven calls this. */
  public EntitiesMojo() {}

  @Override
  boolean needsMigrations() {
    return false;
  }

  @Override
  void run(Settings settings, ClassLoader loader) throws MojoExecutionException, MojoFailureException {
    if (entityPackage == null || entityPackage.isBlank()) {
      throw new MojoExecutionException("Name the entities' package: mvn retort:entities"
          + " -Dretort.entityPackage=com.example.model");
    }
    requireOneSchema("retort:entities reads one schema's tables: give it the schema of one tenant");
    if (settings.url().isEmpty()) {
      throw new MojoExecutionException("No database for retort:entities: set -Dretort.url=JDBC_URL, <url> in the"
          + " plugin's configuration, or the environment variable " + Settings.URL_VARIABLE + ".");
    }
    getLog().info("Database: " + settings.describe());
    List<String> names = tables == null || tables.isBlank() ? List.of()
        : List.of(tables.split(",")).stream().map(String::strip).filter(name -> !name.isEmpty()).toList();
    EntityFiles entities;
    try {
      entities = EntityFiles.read(
          settings.dataSource(loader),
          settings.currentSchema(), new EntityImport.Options(settings.schema(), names, settings.versionTable(),
              Unmanaged.of(settings.unmanaged())),
          entityDirectory.toPath(), entityPackage.strip());
      if (conversionScript != null) {
        entities = entities.withConversionScript(conversionScript.toPath());
      }
    } catch (SQLException e) {
      throw new MojoFailureException("retort:entities cannot read the database: "
          + settings.secrets().mask(String.valueOf(e.getMessage())));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new MojoExecutionException("retort:entities: " + settings.secrets().mask(e.getMessage()));
    }
    List<String> refusal = entities.refusal();
    if (!refusal.isEmpty()) {
      throw new MojoFailureException("retort:entities: " + String.join(System.lineSeparator(), refusal));
    }
    try {
      info(settings, entities.write());
    } catch (IOException e) {
      throw new MojoExecutionException("retort:entities cannot write the entities: " + e.getMessage(), e);
    }
    entities.warnings().forEach(line -> getLog().warn(settings.secrets().mask(line)));
  }
}
