package dev.retort.runtime;

import static dev.retort.runtime.Codes.code;
import static dev.retort.runtime.Probe.retort;
import static dev.retort.runtime.Probe.tableExists;
import static dev.retort.runtime.Probe.versionRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.RevisionInfo;
import dev.retort.operation.Vendor;
import dev.retort.runtime.fixtures.Counted;
import dev.retort.runtime.fixtures.Library;
import dev.retort.runtime.fixtures.Validated;
import dev.retort.runtime.testdb.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The offline script, run by hand on a real database, does what Retort would have done. */
class OfflineScriptTest {

  /** A description that needs escaping in every dialect's literals. */
  private static final String AWKWARD = "authors: it's a back\\slash";

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theScriptFromBaseToHeadLeavesTheDatabaseAtHeadAndBackToBase(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = retort(db, awkwardLibrary());

      SqlScript up = retort.sql("base", "head", db.vendor());
      Probe.execute(db, up.statements().toArray(String[]::new));

      Current current = retort.current();
      assertThat(current.atHead()).isTrue();
      assertThat(current.applied().get(0).description()).isEqualTo(AWKWARD);
      assertThat(current.applied()).allSatisfy(row -> assertThat(row.executionTime()).isEmpty());
      assertThat(versionRows(db)).extracting(Probe.Row::checksum)
          .containsExactly(retort.show("001").checksum(), retort.show("002").checksum(), retort.show("003").checksum(),
              retort.show("004").checksum());
      assertThat(retort.check().differences()).isEmpty();

      SqlScript down = retort.sql("head", "base", db.vendor());
      Probe.execute(db, down.statements().toArray(String[]::new));

      assertThat(retort.current().atBase()).isTrue();
      assertThat(tableExists(db, "authors")).isFalse();
    }
  }

  /**
   * The offline script of a foreign key and a check added not valid and validated in the next revision: PostgreSQL's
   * shows NOT VALID and VALIDATE CONSTRAINT, the others' the plain adds and nothing for the validation. Run, each
   * leaves its database at head, matching, with nothing left to validate.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aScriptAddsConstraintsNotValidAndValidatesThemWhereTheDatabaseCan(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = retort(db, Validated.revisions());

      SqlScript up = retort.sql("base", "head", db.vendor());
      Probe.execute(db, up.statements().toArray(String[]::new));

      int postgres = kind == TestDatabase.Kind.POSTGRESQL ? 2 : 0;
      assertThat(up.statements()).filteredOn(s -> s.endsWith(" NOT VALID")).hasSize(postgres);
      assertThat(up.blocks()).filteredOn(block -> block.comment().startsWith("Upgrade to 003")).singleElement()
          .satisfies(block -> assertThat(block.statements()).filteredOn(s -> s.startsWith("ALTER TABLE"))
              .hasSize(postgres).allSatisfy(s -> assertThat(s).contains(" VALIDATE CONSTRAINT ")));
      assertThat(retort.current().atHead()).isTrue();
      CheckResult check = retort.check();
      assertThat(check.differences()).isEmpty();
      assertThat(check.notes()).isEmpty();
    }
  }

  @Test
  void aScriptCoversOnlyTheRevisionsBetweenItsEnds() {
    Retort retort = Retort.builder().url("jdbc:h2:mem:unused", "sa", "").migrations(Library.revisions()).build();

    SqlScript script = retort.sql("002", "+1", Vendor.POSTGRESQL);

    assertThat(script.from()).isEqualTo("002");
    assertThat(script.to()).isEqualTo("003");
    assertThat(script.blocks()).extracting(SqlScript.Block::statements).first()
        .isEqualTo(List.of("SET client_encoding = 'UTF8'"));
    assertThat(script.blocks()).extracting(SqlScript.Block::statements).last()
        .isEqualTo(List.of("RESET client_encoding"));
    assertThat(script.blocks()).hasSize(4).element(1).satisfies(block -> {
      assertThat(block.comment()).startsWith("Stop here, before any change, unless the version table retort_version"
          + " records exactly 002 and its ancestors");
      assertThat(block.statements()).singleElement().asString().startsWith("DO $retort_guard$")
          .contains("NOT IN ('001', '002')");
    });
    assertThat(script.blocks()).element(2).satisfies(block -> {
      assertThat(block.comment()).startsWith("Upgrade to 003: AddAuthorsBorn");
      assertThat(block.statements()).first().isEqualTo("BEGIN");
      assertThat(block.statements()).last().isEqualTo("COMMIT");
      assertThat(block.statements()).anySatisfy(s -> assertThat(s).contains("\"born\""));
      assertThat(block.statements()).anySatisfy(s -> assertThat(s).startsWith("INSERT INTO \"retort_version\""));
    });
    assertThat(script.text())
        .contains("-- Upgrade to 003", "COMMIT;\n")
        .doesNotContain("CREATE TABLE IF NOT EXISTS \"retort_version\"");
  }

  @Test
  void aStatementThatCannotRunInATransactionIsKeptOutOfTheMigrationsTransaction() {
    Retort retort = Retort.builder().url("jdbc:h2:mem:unused", "sa", "").migrations(List.of(
        Retort.revision("1", List.of(), OutsideTransactionTest.CreateItems::new),
        Retort.revision("2", List.of("1"), OutsideTransactionTest.IndexThenFail::new))).build();

    SqlScript script = retort.sql("1", "head", Vendor.POSTGRESQL);

    List<String> statements = script.statements().subList(2, script.statements().size() - 1);
    assertThat(statements).hasSize(8);
    assertThat(statements.get(0)).isEqualTo("BEGIN");
    assertThat(statements.get(1)).startsWith("INSERT INTO \"items\"");
    assertThat(statements.get(2)).isEqualTo("COMMIT");
    assertThat(statements.get(3)).startsWith("CREATE INDEX CONCURRENTLY");
    assertThat(statements.get(4)).isEqualTo("BEGIN");
    assertThat(statements.get(5)).isEqualTo("DROP TABLE \"no_such_table\"");
    assertThat(statements.get(6)).startsWith("INSERT INTO \"retort_version\"");
    assertThat(statements.get(7)).isEqualTo("COMMIT");
  }

  @Test
  void aSqliteScriptTurnsForeignKeyEnforcementOffFirst() {
    Retort retort = Retort.builder().url("jdbc:h2:mem:unused", "sa", "").migrations(Library.revisions()).build();

    assertThat(retort.sql("base", "head", Vendor.SQLITE).statements()).first().isEqualTo("PRAGMA foreign_keys = OFF");
    assertThat(retort.sql("base", "head", Vendor.H2).statements()).doesNotContain("PRAGMA foreign_keys = OFF");
  }

  @Test
  void aDowngradeScriptDeletesTheRows() {
    Retort retort = Retort.builder().url("jdbc:h2:mem:unused", "sa", "").migrations(Library.revisions()).build();

    SqlScript script = retort.sql("head", "002", Vendor.MARIADB);

    assertThat(script.blocks()).extracting(SqlScript.Block::comment)
        .filteredOn(comment -> comment.contains("(dev.retort.runtime.fixtures.Library$"))
        .allSatisfy(comment -> assertThat(comment).startsWith("Downgrade from")).hasSize(2);
    assertThat(script.statements()).filteredOn(s -> s.startsWith("DELETE FROM `retort_version`")).hasSize(2);
    assertThat(script.statements()).noneMatch(s -> s.equals("BEGIN"));
  }

  @Test
  void aJavaStepCannotBeWrittenIntoAScript() {
    Retort retort = Retort.builder().url("jdbc:h2:mem:unused", "sa", "").migrations(Counted.revisions()).build();

    assertThatThrownBy(() -> retort.sql("base", "head", Vendor.H2))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.OFFLINE_UNSUPPORTED))
        .hasMessageContaining("revision r1")
        .hasMessageContaining("Java step 'log revision r1'");
  }

  @Test
  void aScriptMustStartAtARevision() {
    Retort retort = Retort.builder().url("jdbc:h2:mem:unused", "sa", "").migrations(Library.revisions()).build();

    assertThatThrownBy(() -> retort.sql("-1", "head", Vendor.H2))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.INVALID_TARGET));
  }

  private static List<RevisionInfo> awkwardLibrary() {
    List<RevisionInfo> revisions = new ArrayList<>(Library.revisions());
    RevisionInfo first = revisions.get(0);
    revisions.set(0, new RevisionInfo(first.id(), first.parents(), AWKWARD, "", first.migration()));
    return revisions;
  }

  @Test
  void aScriptFromBaseHasNoGuard() {
    Retort retort = Retort.builder().url("jdbc:h2:mem:unused", "sa", "").migrations(Library.revisions()).build();

    assertThat(retort.sql("base", "head", Vendor.POSTGRESQL).statements()).noneMatch(s -> s.contains("retort_guard"));
    assertThat(retort.sql("base", "head", Vendor.SQLITE).statements()).noneMatch(s -> s.contains("retort_guard"));
  }

  @Test
  void aStampScriptRecordsTheTargetAndItsAncestorsInOneTransaction() {
    Retort retort = Retort.builder().url("jdbc:h2:mem:unused", "sa", "").migrations(Library.revisions()).build();

    SqlScript script = retort.stampSql("003", Vendor.MARIADB);

    assertThat(script.from()).isEqualTo("base");
    assertThat(script.to()).isEqualTo("003");
    assertThat(script.blocks()).extracting(SqlScript.Block::comment).element(1).asString()
        .startsWith("Create the version table retort_version unless it exists");
    assertThat(script.blocks()).element(2).satisfies(block -> {
      assertThat(block.comment()).isEqualTo("Stamp 003: record 001, 002, 003 in the version table without running"
          + " any migration");
      assertThat(block.statements()).hasSize(5).first().isEqualTo("BEGIN");
      assertThat(block.statements()).last().isEqualTo("COMMIT");
      assertThat(block.statements().subList(1, 4)).allSatisfy(s -> assertThat(s).startsWith("INSERT INTO"));
    });
    assertThat(script.statements()).noneMatch(s -> s.contains("retort_guard"));
    assertThat(retort.stampSql("head", Vendor.POSTGRESQL).blocks()).element(1).satisfies(block ->
        assertThat(block.statements()).first().isEqualTo("BEGIN"))
        .satisfies(block -> assertThat(block.statements()).element(1).asString()
            .startsWith("CREATE TABLE IF NOT EXISTS \"retort_version\""));
  }

  @Test
  void aStampScriptToWhereTheDatabaseIsIsEmpty() {
    Retort retort = Retort.builder().url("jdbc:h2:mem:unused", "sa", "").migrations(Library.revisions()).build();

    assertThat(retort.stampSql("base", "base", Vendor.H2).blocks()).isEmpty();
  }

  @Test
  void aStampScriptFromBaseCannotGoBack() {
    Retort retort = Retort.builder().url("jdbc:h2:mem:unused", "sa", "").migrations(Library.revisions()).build();

    assertThatThrownBy(() -> retort.stampSql("-1", Vendor.H2))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.TARGET_OUT_OF_RANGE))
        .hasMessageContaining("Cannot stamp -1 from base");
  }

  /** MariaDB and MySQL limit a constraint's name, which is the guard's message, to 64 characters. */
  @Test
  void theMariaDbGuardsMessageFitsAConstraintName() {
    String longId = "20261121_051546_" + "x".repeat(60);
    Retort retort = Retort.builder().url("jdbc:h2:mem:unused", "sa", "").migrations(List.of(
        Retort.revision(longId, List.of(), Library.CreateAuthors::new),
        Retort.revision("2", List.of(longId), Library.CreateBooks::new))).build();

    List<String> guard = retort.sql(longId, "head", Vendor.MARIADB).blocks().get(1).statements();
    assertThat(guard.get(0)).contains("CONSTRAINT `Retort: no version table, see current()`",
        "CONSTRAINT `Retort: not at the script's start, see current()`");
    assertThat(retort.sql("base", "head", Vendor.MARIADB).statements()).noneMatch(s -> s.contains("retort_guard"));
    assertThat(Retort.builder().url("jdbc:h2:mem:unused", "sa", "").migrations(Library.revisions()).build()
        .sql("003", "head", Vendor.MARIADB).blocks().get(1).statements().get(0))
        .contains("CONSTRAINT `Retort: no version table, not at 003, see current()`",
            "CONSTRAINT `Retort: not at 003, see current()`");
  }
}
