package dev.retort.runtime;

import static dev.retort.runtime.Codes.code;
import static dev.retort.runtime.Probe.retort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.RevisionInfo;
import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.SchemaModel;
import dev.retort.operation.AddColumn;
import dev.retort.runtime.fixtures.Library;
import dev.retort.runtime.fixtures.Validated;
import dev.retort.runtime.internal.execution.Planner;
import dev.retort.runtime.internal.graph.RevisionGraph;
import dev.retort.runtime.testdb.TestDatabase;
import dev.retort.snapshot.SnapshotCodec;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Drift detection: the live database against the schema its revisions should have built. */
class CheckTest {

  private static final String SNAPSHOT = "db/library/002.schema";

  @TempDir
  Path resources;

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aMigratedDatabaseMatchesAndChangesByHandAreListed(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = retort(db, Library.revisions());
      retort.upgrade();

      CheckResult clean = retort.check();

      assertThat(clean.differences()).isEmpty();
      assertThat(clean.matches()).isTrue();
      assertThat(clean.revisions()).containsExactly("004");
      assertThat(clean.baseline()).isEqualTo("migrations");

      Probe.execute(db, "ALTER TABLE " + Probe.quote(db, "authors") + " ADD " + Probe.quote(db, "nickname")
          + " VARCHAR(20)", "CREATE TABLE " + Probe.quote(db, "scratch") + " (" + Probe.quote(db, "id") + " INTEGER)");

      CheckResult drifted = retort.check();

      assertThat(drifted.matches()).isFalse();
      assertThat(drifted.differences()).anySatisfy(d -> assertThat(d).contains("nickname"));
      assertThat(drifted.differences()).anySatisfy(d -> assertThat(d).contains("scratch"));
      assertThat(drifted.differences()).noneSatisfy(d -> assertThat(d).contains("retort_version"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void atBaseOnlyRetortsOwnTablesMayRemain(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = retort(db, Library.revisions());
      retort.upgrade();
      retort.downgrade("base");

      assertThat(retort.check().differences()).isEmpty();
    }
  }

  /**
   * A constraint added not valid matches the model, which has it; on PostgreSQL, where it stays NOT VALID until the
   * next revision validates it, check notes it with the call that validates it. Going down through the validation
   * leaves it validated; going down through the add drops it.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aConstraintLeftNotValidMatchesAndIsNotedOnPostgresUntilItIsValidated(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Retort retort = retort(db, Validated.revisions());
      retort.upgrade("001");
      Probe.execute(db, "INSERT INTO " + Probe.quote(db, "authors") + " VALUES (1)",
          "INSERT INTO " + Probe.quote(db, "books") + " VALUES (1, 1, 100)");
      retort.upgrade("002");

      CheckResult notValid = retort.check();

      assertThat(notValid.differences()).isEmpty();
      assertThat(notValid.matches()).isTrue();
      if (kind == TestDatabase.Kind.POSTGRESQL) {
        assertThat(notValid.notes()).containsExactly(
            "check constraint ck_books_pages of books is NOT VALID: the database has not checked the rows that were"
                + " there when it was added; check them with a migration that calls alterTable(\"books\", t ->"
                + " t.validateConstraint(\"ck_books_pages\"))",
            "foreign key fk_books_author of books is NOT VALID: the database has not checked the rows that were there"
                + " when it was added; check them with a migration that calls alterTable(\"books\", t ->"
                + " t.validateConstraint(\"fk_books_author\"))");
      } else {
        assertThat(notValid.notes()).isEmpty();
      }

      retort.upgrade();

      assertThat(retort.check()).satisfies(result -> {
        assertThat(result.differences()).isEmpty();
        assertThat(result.notes()).isEmpty();
      });

      retort.downgrade("-1");

      assertThat(retort.check()).satisfies(result -> {
        assertThat(result.revisions()).containsExactly("002");
        assertThat(result.differences()).isEmpty();
        assertThat(result.notes()).as("still validated").isEmpty();
      });

      retort.downgrade("-1");

      assertThat(retort.check().differences()).isEmpty();
      Probe.execute(db, "INSERT INTO " + Probe.quote(db, "books") + " VALUES (2, 99, -1)");
    }
  }

  @Test
  void theCurrentRevisionsSnapshotIsTheBaselineWhenItIsOnTheClassPath() throws IOException {
    RevisionGraph graph = RevisionGraph.of(Library.revisions());
    SchemaModel atTwo = Planner.modelOf(graph, Set.of("001", "002"));
    SchemaModel snapshot = atTwo.apply(new AddColumn("authors", ColumnModel.of("country", ColumnType.varchar(2))));
    writeResource(SNAPSHOT, SnapshotCodec.write(snapshot));

    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
      Retort retort = withSnapshots(db);
      retort.upgrade("002");

      CheckResult check = retort.check();

      assertThat(check.baseline()).isEqualTo(SNAPSHOT);
      assertThat(check.differences()).singleElement().satisfies(d -> assertThat(d).contains("country"));
    }
  }

  @Test
  void aBrokenSnapshotIsAnErrorNamingIt() throws IOException {
    writeResource(SNAPSHOT, "this is not a snapshot\n");

    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
      Retort retort = withSnapshots(db);
      retort.upgrade("002");

      assertThatThrownBy(retort::check)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.INVALID_SNAPSHOT))
          .hasMessageContaining(SNAPSHOT);
    }
  }

  @Test
  void aMissingSnapshotIsAnError() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
      Retort retort = withSnapshots(db);
      retort.upgrade("002");

      assertThatThrownBy(retort::check)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.INVALID_SNAPSHOT))
          .hasMessageContaining(SNAPSHOT + " named by the revision index is not on the class path");
    }
  }

  /** The library whose revision 002 names {@link #SNAPSHOT}, with a class loader that sees the temporary resources. */
  private Retort withSnapshots(TestDatabase db) {
    List<RevisionInfo> revisions = new ArrayList<>(Library.revisions());
    RevisionInfo two = revisions.get(1);
    revisions.set(1, new RevisionInfo(two.id(), two.parents(), "create books", SNAPSHOT, two.migration()));
    URLClassLoader loader;
    try {
      loader = new URLClassLoader(new URL[] {resources.toUri().toURL()}, getClass().getClassLoader());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return Retort.builder().url(db.url(), db.user(), db.password()).migrations(revisions).classLoader(loader)
        .lockTimeout(Duration.ofSeconds(30)).build();
  }

  private void writeResource(String name, String text) throws IOException {
    Path file = resources.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
