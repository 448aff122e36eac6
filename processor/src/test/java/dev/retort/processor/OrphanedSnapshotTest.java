package dev.retort.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.varchar;
import static dev.retort.processor.ProjectFixture.HEAD_CLASS;
import static dev.retort.processor.ProjectFixture.headRevision;
import static dev.retort.processor.ProjectFixture.revision;
import static dev.retort.processor.ProjectFixture.schema;
import static dev.retort.processor.ProjectFixture.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.retort.model.SchemaModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A snapshot in the resource tree that no revision of the compilation reads: its migration was
 * moved to another package, renamed or deleted, and the snapshot stayed behind.
 */
class OrphanedSnapshotTest {

  private static final String TAG = "[retort:snapshot-orphaned]";

  private static final SchemaModel USERS = schema(s -> s.createTable("users", t -> t
      .column("id", bigint(), notNull())
      .column("email", varchar(255))
      .primaryKey("pk_users", "id")));

  private static final JavaFileObject USER = source("com.example.User", """
      package com.example;

      import dev.retort.*;

      @Table(name = "users")
      public record User(@Id long id, String email) {}
      """);

  /** The head revision, moved from {@code com.example.migration} to {@code com.example.db}. */
  private static final JavaFileObject MOVED_HEAD = source("com.example.db.V20261120_090000_CreateUsers", """
      package com.example.db;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /** A committed revision. */
      @Revision(id = "20261120_090000")
      public final class V20261120_090000_CreateUsers implements Migration {
        @Override
        public void upgrade(Schema schema) {}
      }
      """);

  @TempDir Path root;

  private static long orphanWarnings(Compilation compilation) {
    return compilation.diagnostics().stream()
        .filter(d -> d.getMessage(null).contains(TAG))
        .count();
  }

  @ParameterizedTest
  @ValueSource(strings = {"generate", "check"})
  void aHistoryWhoseSnapshotsAllBelongToItsRevisionsHasNoWarning(String mode) {
    ProjectFixture project = new ProjectFixture(root);
    project.commitSnapshot(HEAD_CLASS, USERS);

    Compilation compilation = project.compile(List.of("-Aretort.mode=" + mode), USER, headRevision());

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void theSnapshotOfAMovedRevisionIsReportedWithThePathItNowNeeds() {
    ProjectFixture project = new ProjectFixture(root);
    project.commitSnapshot(HEAD_CLASS, USERS);
    Map<Path, String> before = project.tree();

    Compilation compilation = project.compile(MOVED_HEAD);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(
            "snapshot " + project.resourceDir.resolve("com/example/migration/V20261120_090000_CreateUsers.schema")
                + " belongs to no @Revision class of this compilation")
        .inFile(MOVED_HEAD)
        .onLineContaining("public final class V20261120_090000_CreateUsers");
    assertThat(compilation).hadWarningContaining(
        "move the snapshot to " + project.resourceDir.resolve("com/example/db/V20261120_090000_CreateUsers.schema"));
    assertThat(compilation).hadWarningContaining(TAG);
    assertThat(orphanWarnings(compilation)).isEqualTo(1);
    assertThat(project.tree()).isEqualTo(before);
  }

  @Test
  void aCopyLeftBehindBesideTheSnapshotOfTheMovedRevisionIsReportedForDeletion() {
    ProjectFixture project = new ProjectFixture(root);
    project.commitSnapshot(HEAD_CLASS, USERS);
    project.commitSnapshot("com.example.db.V20261120_090000_CreateUsers", USERS);

    Compilation compilation = project.compile(MOVED_HEAD);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(
            "snapshot " + project.resourceDir.resolve("com/example/migration/V20261120_090000_CreateUsers.schema")
                + " belongs to no @Revision class of this compilation")
        .inFile(MOVED_HEAD);
    assertThat(compilation).hadWarningContaining("this is a stale copy; delete it");
    assertThat(orphanWarnings(compilation)).isEqualTo(1);
  }

  @Test
  void checkModeReportsItToo() {
    ProjectFixture project = new ProjectFixture(root);
    project.commitSnapshot(HEAD_CLASS, USERS);

    Compilation compilation = project.compile(List.of("-Aretort.mode=check"), MOVED_HEAD);

    assertThat(compilation).hadWarningContaining(TAG);
  }

  @Test
  void offModeReportsNothing() {
    ProjectFixture project = new ProjectFixture(root);
    project.commitSnapshot(HEAD_CLASS, USERS);

    Compilation compilation = project.compile(List.of("-Aretort.mode=off"), MOVED_HEAD);

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void aMovedSchemaChangingHeadHasBothTheMissingSnapshotErrorAndTheWarningSayingWhereToMoveIt() {
    JavaFileObject movedCreate = source("com.example.db.V20261120_090000_CreateUsers", """
        package com.example.db;

        import static dev.retort.dsl.ColumnOption.notNull;
        import static dev.retort.model.ColumnType.bigint;
        import static dev.retort.model.ColumnType.varchar;

        import dev.retort.Migration;
        import dev.retort.Revision;
        import dev.retort.dsl.Schema;

        @Revision(id = "20261120_090000")
        public final class V20261120_090000_CreateUsers implements Migration {
          @Override
          public void upgrade(Schema schema) {
            schema.createTable("users", t -> t
                .column("id", bigint(), notNull())
                .column("email", varchar(255))
                .primaryKey("pk_users", "id"));
          }
        }
        """);
    ProjectFixture project = new ProjectFixture(root);
    project.commitSnapshot(HEAD_CLASS, USERS);

    Compilation compilation = project.compile(USER, movedCreate);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[retort:snapshot-missing]");
    assertThat(compilation).hadWarningContaining(
        "move the snapshot to " + project.resourceDir.resolve("com/example/db/V20261120_090000_CreateUsers.schema"));
  }

  @Test
  void theSnapshotOfADeletedRevisionIsReportedWithAdviceToDeleteIt() {
    ProjectFixture project = new ProjectFixture(root);
    project.commitSnapshot(HEAD_CLASS, USERS);
    project.commitSnapshot("com.example.migration.V20261119_090000_CreateOrders", USERS);

    Compilation compilation = project.compile(USER, headRevision());

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(
        "snapshot " + project.resourceDir.resolve("com/example/migration/V20261119_090000_CreateOrders.schema")
            + " belongs to no @Revision class of this compilation");
    assertThat(compilation).hadWarningContaining("delete it if its migration was deleted");
    assertThat(orphanWarnings(compilation)).isEqualTo(1);
  }

  @Test
  void theSnapshotsThisBuildWritesAreNoOrphans() {
    JavaFileObject userWithPhone = source("com.example.User", """
        package com.example;

        import dev.retort.*;

        @Table(name = "users")
        public record User(@Id long id, String email, @Column(length = 20) String phone) {}
        """);
    ProjectFixture project = new ProjectFixture(root);
    project.commitSnapshot(HEAD_CLASS, USERS);

    Compilation compilation = project.compile(userWithPhone, headRevision());

    assertThat(compilation).succeeded();
    assertThat(compilation).hadNoteContaining("[retort:migration-written]");
    assertThat(orphanWarnings(compilation)).isZero();
  }

  @Test
  void aComputedMergeSnapshotIsNoOrphan() {
    ProjectFixture project = new ProjectFixture(root);
    project.commitSnapshot(HEAD_CLASS, USERS);
    project.commitSnapshot("com.example.migration.V2_Left", USERS);
    project.commitSnapshot("com.example.migration.V3_Right", USERS);

    Compilation compilation = project.compile(USER, headRevision(),
        revision("V2_Left", "@Revision(id = \"r2\", parent = \"20261120_090000\")"),
        revision("V3_Right", "@Revision(id = \"r3\", parent = \"20261120_090000\")"),
        revision("V4_Merge", "@Revision(id = \"r4\", parent = {\"r2\", \"r3\"})"));

    assertThat(compilation).succeeded();
    assertThat(compilation).hadNoteContaining("[retort:merge-snapshot-written]");
    assertThat(orphanWarnings(compilation)).isZero();

    Compilation again = project.compile(USER, headRevision(),
        revision("V2_Left", "@Revision(id = \"r2\", parent = \"20261120_090000\")"),
        revision("V3_Right", "@Revision(id = \"r3\", parent = \"20261120_090000\")"),
        revision("V4_Merge", "@Revision(id = \"r4\", parent = {\"r2\", \"r3\"})"));

    assertThat(again).succeededWithoutWarnings();
  }

  @Test
  void aResourceDirectoryThatDoesNotExistIsNoProblem() {
    ProjectFixture project = new ProjectFixture(root);

    Compilation compilation = project.compile(List.of("-Aretort.mode=check"), headRevision());

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void snapshotsOfAnotherModuleOutsidePackageDirectoriesAndSchemaFilesThatAreNoSnapshotsAreNotReported() {
    ProjectFixture project = new ProjectFixture(root);
    project.commitSnapshot(HEAD_CLASS, USERS);
    ProjectFixture other = new ProjectFixture(root.resolve("other-module"));
    other.commitSnapshot("com.example.migration.V20261119_090000_CreateOrders", USERS);
    ProjectFixture.write(project.resourceDir.resolve("json/orders.schema"), "{\"type\": \"object\"}\n");
    ProjectFixture.write(project.resourceDir.resolve("empty.schema"), "");
    ProjectFixture.write(project.resourceDir.resolve("META-INF/copy/V20261119_090000_CreateOrders.schema"),
        project.snapshot(HEAD_CLASS));

    Compilation compilation = project.compile(USER, headRevision());

    assertThat(compilation).succeededWithoutWarnings();
  }
}
