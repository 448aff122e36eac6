package dev.retort.bench.workload;

import dev.retort.Migration;
import dev.retort.RevisionInfo;
import dev.retort.bench.database.Server;
import dev.retort.dsl.Schema;
import dev.retort.index.RevisionIndexFile;
import dev.retort.model.SchemaModel;
import dev.retort.operation.Operation;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Step;
import dev.retort.snapshot.SnapshotCodec;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The {@link History} in the form each tool reads it, under one directory:
 *
 * <ul>
 *   <li>{@code retort/src/main/java} and {@code retort/classes}: the Retort migrations, compiled
 *       with the Retort processor (mode {@code off}), which adds the revision index the runtime
 *       reads, the class-path resource {@value RevisionIndexFile#RESOURCE}; and beside each
 *       migration its snapshot, as the processor writes one with a migration it generates (the
 *       schema after the revision, and the checksum of the migration's source), so that a
 *       deploy plans from the applied head's snapshot, as in a project whose migrations the
 *       processor generated;
 *   <li>{@code flyway/<server>/V<n>__<description>.sql}: one versioned SQL migration per
 *       revision;
 *   <li>{@code liquibase/<server>/changelog.sql}: a formatted-SQL changelog, one changeset per
 *       revision;
 *   <li>{@code jdbc/<server>.sql}: every statement, each followed by a line holding only
 *       {@value #STATEMENT_END}, each revision's statements after a line {@value
 *       #REVISION_START}{@code <n>}, for plain JDBC.
 * </ul>
 *
 * <p>The SQL is what the Retort dialect of the server renders from the compiled migrations, so
 * all four run the same statements.
 */
public final class Fixtures {

  /** The author of every Liquibase changeset. */
  public static final String LIQUIBASE_AUTHOR = "bench";

  /** The line that ends each statement in the JDBC file. */
  public static final String STATEMENT_END = ";";

  /** The start of the line that begins each revision's statements in the JDBC file, before its number. */
  public static final String REVISION_START = "-- revision ";

  private final Path directory;

  private Fixtures(Path directory) {
    this.directory = directory;
  }

  /**
   * Writes and compiles the Retort migrations.
   *
   * @param directory where the fixtures go; emptied of earlier Retort sources first
   * @return the fixtures
   */
  public static Fixtures prepare(Path directory) {
    Fixtures fixtures = new Fixtures(directory.toAbsolutePath().normalize());
    Path sources = fixtures.directory.resolve("retort/src/main/java");
    Path packageDirectory = sources.resolve(History.PACKAGE.replace('.', '/'));
    try {
      Files.createDirectories(packageDirectory);
      Files.createDirectories(fixtures.directory.resolve("retort/src/main/resources"));
      Files.createDirectories(fixtures.retortClasses());
      for (History.Revision revision : History.revisions()) {
        Files.writeString(packageDirectory.resolve(revision.className() + ".java"), History.javaSource(revision),
            StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the Retort migrations under " + sources, e);
    }
    fixtures.compile(sources);
    fixtures.writeSnapshots(sources);
    // Again, so that the index records each snapshot's source checksum.
    fixtures.compile(sources);
    return fixtures;
  }

  private void compile(Path sources) {
    Javac.compileTree(sources, List.of(
        "--release", "17",
        "-d", retortClasses().toString(),
        "-classpath", Javac.dslClassPath(),
        "-processorpath", Javac.processorPath(),
        "-Aretort.mode=off"));
  }

  /**
   * Writes each revision's snapshot into the resources and the classes: the schema its upgrade
   * and its parents' give, with the checksum of its source, as the processor does.
   */
  private void writeSnapshots(Path sources) {
    Path resources = directory.resolve("retort/src/main/resources");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {retortClasses().toUri().toURL()},
        Fixtures.class.getClassLoader())) {
      SchemaModel model = SchemaModel.empty();
      List<RevisionInfo> revisions = loadRevisions(loader);
      for (int i = 0; i < revisions.size(); i++) {
        Schema schema = new Schema();
        revisions.get(i).migration().get().upgrade(schema);
        for (Operation operation : schema.operations()) {
          model = model.apply(operation);
        }
        String path = History.PACKAGE.replace('.', '/') + "/" + History.revisions().get(i).className();
        String resource = path + ".schema";
        String source = Files.readString(sources.resolve(path + ".java"), StandardCharsets.UTF_8);
        String snapshot = SnapshotCodec.write(model, RevisionIndexFile.sourceChecksum(source));
        for (Path root : List.of(resources, retortClasses())) {
          Path file = root.resolve(resource);
          Files.createDirectories(file.getParent());
          Files.writeString(file, snapshot, StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the snapshots of the Retort migrations under " + resources, e);
    }
  }

  /** The compiled Retort migrations and their revision index: a class path entry. */
  public Path retortClasses() {
    return directory.resolve("retort/classes");
  }

  /**
   * The directory of Flyway's SQL migrations for a server.
   *
   * @param server the server
   * @return the directory, for Flyway's {@code filesystem:} location
   */
  public Path flywayDirectory(Server server) {
    return directory.resolve("flyway").resolve(key(server));
  }

  /**
   * The directory holding Liquibase's {@code changelog.sql} for a server.
   *
   * @param server the server
   * @return the directory
   */
  public Path liquibaseDirectory(Server server) {
    return directory.resolve("liquibase").resolve(key(server));
  }

  /**
   * The file of plain JDBC statements for a server.
   *
   * @param server the server
   * @return the file, each statement followed by a line holding only {@value #STATEMENT_END},
   *     each revision's statements after a line {@value #REVISION_START}{@code <n>}
   */
  public Path jdbcStatements(Server server) {
    return directory.resolve("jdbc").resolve(key(server) + ".sql");
  }

  /**
   * Renders the compiled migrations with a server's dialect and writes the SQL that Flyway,
   * Liquibase and plain JDBC run.
   *
   * @param server the server
   * @param dialect its Retort dialect, as detected from a connection
   * @return the statements of each revision, in order
   */
  public List<List<String>> writeSql(Server server, Dialect dialect) {
    List<List<String>> statements = render(dialect);
    List<History.Revision> revisions = History.revisions();
    try {
      Path flyway = flywayDirectory(server);
      Files.createDirectories(flyway);
      StringBuilder changelog = new StringBuilder("-- liquibase formatted sql\n");
      List<String> jdbc = new ArrayList<>();
      for (int i = 0; i < revisions.size(); i++) {
        History.Revision revision = revisions.get(i);
        List<String> revisionStatements = statements.get(i);
        String script = String.join(";\n", revisionStatements) + ";\n";
        Files.writeString(flyway.resolve(String.format(Locale.ROOT, "V%d__%s.sql", revision.number(),
            revision.description().replace(' ', '_'))), script, StandardCharsets.UTF_8);
        changelog.append("\n-- changeset ").append(LIQUIBASE_AUTHOR).append(':').append(revision.id()).append('\n')
            .append(script);
        jdbc.add(REVISION_START + revision.number());
        for (String statement : revisionStatements) {
          if (statement.lines().anyMatch(line -> line.strip().equals(STATEMENT_END))) {
            throw new IllegalStateException("the " + server.displayName() + " dialect rendered a statement with a line"
                + " holding only '" + STATEMENT_END + "', which ends a statement in the JDBC file: " + statement);
          }
          jdbc.add(statement);
          jdbc.add(STATEMENT_END);
        }
      }
      Files.createDirectories(liquibaseDirectory(server));
      Files.writeString(liquibaseDirectory(server).resolve("changelog.sql"), changelog, StandardCharsets.UTF_8);
      Files.createDirectories(jdbcStatements(server).getParent());
      Files.write(jdbcStatements(server), jdbc, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the SQL fixtures of " + server.displayName(), e);
    }
    return statements;
  }

  private List<List<String>> render(Dialect dialect) {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {retortClasses().toUri().toURL()},
        Fixtures.class.getClassLoader())) {
      List<List<String>> statements = new ArrayList<>();
      SchemaModel model = SchemaModel.empty();
      for (RevisionInfo revision : loadRevisions(loader)) {
        Schema schema = new Schema();
        revision.migration().get().upgrade(schema);
        List<String> revisionStatements = new ArrayList<>();
        for (Operation operation : schema.operations()) {
          for (Step step : dialect.render(operation, model)) {
            if (!(step instanceof Step.Sql sql)) {
              throw new IllegalStateException("revision " + revision.id() + " rendered a Java step on "
                  + dialect.vendor() + "; the benchmark's history must be plain SQL");
            }
            revisionStatements.add(sql.sql());
          }
          model = model.apply(operation);
        }
        statements.add(List.copyOf(revisionStatements));
      }
      return List.copyOf(statements);
    } catch (IOException e) {
      throw new UncheckedIOException("could not load the compiled migrations from " + retortClasses(), e);
    }
  }

  /** The revisions of the index in the compiled migrations' own directory, as the runtime reads them. */
  private List<RevisionInfo> loadRevisions(URLClassLoader loader) throws IOException {
    List<RevisionInfo> revisions = new ArrayList<>();
    for (URL index : Collections.list(loader.findResources(RevisionIndexFile.RESOURCE))) {
      try (Reader reader = new InputStreamReader(index.openStream(), StandardCharsets.UTF_8)) {
        for (RevisionIndexFile.Entry entry : RevisionIndexFile.read(reader, index.toString())) {
          Supplier<Migration> create = () -> {
            try {
              return (Migration) loader.loadClass(entry.migrationClass()).getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
              throw new IllegalStateException("cannot create " + entry.migrationClass(), e);
            }
          };
          revisions.add(new RevisionInfo(entry.id(), entry.parents(), entry.description(), entry.snapshotResource(),
              create));
        }
      }
    }
    List<String> expected = History.revisions().stream().map(History.Revision::id).toList();
    List<String> found = revisions.stream().map(RevisionInfo::id).toList();
    if (!found.equals(expected)) {
      throw new IllegalStateException("the revision index in " + retortClasses() + " lists " + found.size()
          + " revisions, not the history's " + expected.size() + " in order: " + found);
    }
    return revisions;
  }

  private static String key(Server server) {
    return server.name().toLowerCase(Locale.ROOT);
  }
}
