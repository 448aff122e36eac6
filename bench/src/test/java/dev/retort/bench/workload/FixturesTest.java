package dev.retort.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.bench.database.Server;
import dev.retort.bench.tool.StatementsFile;
import dev.retort.index.RevisionIndexFile;
import dev.retort.runtime.dialect.Dialects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixturesTest {

  @TempDir
  static Path directory;

  private static Fixtures fixtures;
  private static List<List<String>> statements;

  @BeforeAll
  static void prepare() {
    fixtures = Fixtures.prepare(directory);
    statements = fixtures.writeSql(Server.POSTGRESQL, Dialects.forVendor(Server.POSTGRESQL.vendor()));
  }

  @Test
  void theProcessorIndexedEveryMigration() throws IOException {
    Path index = fixtures.retortClasses().resolve(RevisionIndexFile.RESOURCE);

    assertThat(Files.readAllLines(index)).filteredOn(line -> !line.startsWith("#")).hasSize(History.REVISIONS)
        .allMatch(line -> line.contains("\tbench.history.V"));
    assertThat(fixtures.retortClasses().resolve("bench/history/V0200_AddT100Extra.class")).exists();
  }

  @Test
  void aCreatingRevisionRendersTheTableAndItsIndexAndAnAddingOneTheColumn() {
    assertThat(statements).hasSize(History.REVISIONS);
    assertThat(statements.get(0)).hasSize(2);
    assertThat(statements.get(0).get(0)).startsWith("CREATE TABLE \"t1\"").contains("\"created\"");
    assertThat(statements.get(0).get(1)).contains("INDEX \"ix_t1_name\"");
    assertThat(statements.get(History.REVISIONS - 1)).singleElement().asString()
        .contains("\"t100\"").contains("ADD COLUMN \"extra\"");
  }

  @Test
  void flywayGetsOneVersionedFilePerRevision() throws IOException {
    Path flyway = fixtures.flywayDirectory(Server.POSTGRESQL);
    try (Stream<Path> files = Files.list(flyway)) {
      assertThat(files.count()).isEqualTo(History.REVISIONS);
    }
    assertThat(Files.readString(flyway.resolve("V1__create_table_t1.sql")))
        .isEqualTo(String.join(";\n", statements.get(0)) + ";\n");
    assertThat(flyway.resolve("V200__add_column_extra_to_t100.sql")).exists();
  }

  @Test
  void liquibaseGetsOneChangesetPerRevision() throws IOException {
    String changelog = Files.readString(fixtures.liquibaseDirectory(Server.POSTGRESQL).resolve("changelog.sql"));

    assertThat(changelog).startsWith("-- liquibase formatted sql\n");
    assertThat(changelog.lines().filter(line -> line.startsWith("-- changeset bench:r"))).hasSize(History.REVISIONS);
    assertThat(changelog).contains("-- changeset bench:r0001\n" + String.join(";\n", statements.get(0)) + ";\n");
  }

  @Test
  void theJdbcFileHoldsEveryRevisionsStatementsInOrder() throws IOException {
    List<StatementsFile.Revision> revisions = StatementsFile.read(fixtures.jdbcStatements(Server.POSTGRESQL));

    assertThat(revisions).extracting(StatementsFile.Revision::number)
        .isEqualTo(IntStream.rangeClosed(1, History.REVISIONS).boxed().toList());
    assertThat(revisions).extracting(StatementsFile.Revision::statements).isEqualTo(statements);
  }

}
