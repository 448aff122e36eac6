package dev.retort.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.varchar;
import static dev.retort.processor.ProjectFixture.revision;
import static dev.retort.processor.ProjectFixture.schema;
import static dev.retort.processor.ProjectFixture.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.retort.model.SchemaModel;
import dev.retort.snapshot.SnapshotCodec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the committed history gives the head schema: snapshots beside their migrations,
 * inherited by revisions without one, merged for merge revisions, and errors for snapshots
 * that cannot be read or merged.
 */
class HistoryTest {

  private static final String MIGRATIONS = "com.example.migration.";

  private static final SchemaModel USERS = schema(s -> s.createTable("users", t -> t
      .column("id", bigint(), notNull())
      .column("email", varchar(255))
      .primaryKey("pk_users", "id")));

  private static final JavaFileObject BASE = revision("V1_CreateUsers", "@Revision(id = \"r1\")");
  private static final JavaFileObject LEFT = revision("V2_AddPhone", "@Revision(id = \"r2\", parent = \"r1\")");
  private static final JavaFileObject RIGHT = revision("V3_AddFax", "@Revision(id = \"r3\", parent = \"r1\")");
  private static final JavaFileObject MERGE = revision("V4_Merge", "@Revision(id = \"r4\", parent = {\"r2\", \"r3\"})");

  @TempDir Path root;

  private ProjectFixture project;

  @BeforeEach
  void createProject() {
    project = new ProjectFixture(root);
    project.commitSnapshot(MIGRATIONS + "V1_CreateUsers", USERS);
  }

  private static JavaFileObject user(String components) {
    return source("com.example.User", """
        package com.example;

        import dev.retort.*;

        @Table(name = "users")
        public record User(%s) {}
        """.formatted(components));
  }

  private static SchemaModel users(String... extraColumns) {
    return schema(s -> s.createTable("users", t -> {
      t.column("id", bigint(), notNull()).column("email", varchar(255));
      for (String column : extraColumns) {
        t.column(column, varchar(20));
      }
      t.primaryKey("pk_users", "id");
    }));
  }

  @Test
  void aCorruptSnapshotIsAnErrorOnItsRevisionNamingTheFileAndLine() {
    Path snapshot = project.resourceDir.resolve("com/example/migration/V1_CreateUsers.schema");
    ProjectFixture.write(snapshot, SnapshotCodec.write(USERS).replace("  column email", "  colum email"));

    Compilation compilation = project.compile(user("@Id long id, String email"), BASE);

    assertThat(compilation)
        .hadErrorContaining("the snapshot of V1_CreateUsers (\"r1\") is corrupt: " + snapshot + ":5: ")
        .inFile(BASE)
        .onLineContaining("public final class V1_CreateUsers");
    assertThat(compilation).hadErrorContaining("fix the file or restore it from version control");
  }

  @Test
  void aSnapshotListingColumnsInAnotherOrderOrWithWindowsLineEndsIsTheSameSchema() {
    SchemaModel reordered = schema(s -> s.createTable("users", t -> t
        .column("email", varchar(255))
        .column("id", bigint(), notNull())
        .primaryKey("pk_users", "id")));
    Path snapshot = project.resourceDir.resolve("com/example/migration/V1_CreateUsers.schema");
    ProjectFixture.write(snapshot, SnapshotCodec.write(reordered).replace("\n", "\r\n"));
    Map<Path, String> committed = project.tree();

    Compilation compilation = project.compile(user("@Id long id, String email"), BASE);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(project.tree()).isEqualTo(committed);
  }

  @Test
  void aRevisionWithoutSnapshotHasItsParentsSchema() {
    JavaFileObject dataOnly = revision("V2_FillEmails", "@Revision(id = \"r2\", parent = \"r1\")");
    Map<Path, String> committed = project.tree();

    Compilation unchanged = project.compile(user("@Id long id, String email"), BASE, dataOnly);

    assertThat(unchanged).succeededWithoutWarnings();
    assertThat(project.tree()).isEqualTo(committed);

    Compilation changed = project.compile(user("@Id long id, String email, @Column(length = 20) String phone"),
        BASE, dataOnly);

    assertThat(changed).succeeded();
    assertThat(project.source(MIGRATIONS + "V20261121_153000_AddUsersPhone"))
        .contains("@Revision(\n    id = \"20261121_153000\",\n    parent = \"r2\"\n)")
        .contains("schema.addColumn(\"users\", \"phone\", varchar(20));");
  }

  @Test
  void aMergeRevisionWithoutSnapshotGetsTheThreeWayMergeOfItsParentsWritten() {
    project.commitSnapshot(MIGRATIONS + "V2_AddPhone", users("phone"));
    project.commitSnapshot(MIGRATIONS + "V3_AddFax", users("fax"));

    Compilation compilation = project.compile(
        user("@Id long id, String email, @Column(length = 20) String phone, @Column(length = 20) String fax"),
        BASE, LEFT, RIGHT, MERGE);

    assertThat(compilation).succeededWithoutWarnings();
    Path merged = project.resourceDir.resolve("com/example/migration/V4_Merge.schema");
    assertThat(compilation).hadNoteContaining("wrote snapshot " + merged + " of merge revision V4_Merge (\"r4\")");
    assertThat(SnapshotCodec.read(project.snapshot(MIGRATIONS + "V4_Merge"), "merged"))
        .isEqualTo(users("phone", "fax"));
    // The merge class is written by hand; nothing shows that its upgrade keeps the merged schema.
    assertThat(SnapshotCodec.sourceChecksum(project.snapshot(MIGRATIONS + "V4_Merge"), "merged")).isEmpty();
    assertThat(project.tree().keySet()).noneMatch(file -> file.getFileName().toString().startsWith("V2026"));
  }

  @Test
  void aNewMigrationAfterAMergeFollowsTheMergeRevision() {
    project.commitSnapshot(MIGRATIONS + "V2_AddPhone", users("phone"));
    project.commitSnapshot(MIGRATIONS + "V3_AddFax", users("fax"));
    project.commitSnapshot(MIGRATIONS + "V4_Merge", users("phone", "fax"));

    Compilation compilation = project.compile(
        user("@Id long id, String email, @Column(length = 20) String phone"), BASE, LEFT, RIGHT, MERGE);

    assertThat(compilation).succeeded();
    assertThat(project.source(MIGRATIONS + "V20261121_153000_DropUsersFax"))
        .contains("parent = \"r4\"")
        .contains("schema.dropColumn(\"users\", \"fax\");");
  }

  @Test
  void branchesThatChangeOneColumnDifferentlyAreAMergeConflict() {
    project.commitSnapshot(MIGRATIONS + "V2_AddPhone", schema(s -> s.createTable("users", t -> t
        .column("id", bigint(), notNull())
        .column("email", varchar(100))
        .primaryKey("pk_users", "id"))));
    project.commitSnapshot(MIGRATIONS + "V3_AddFax", schema(s -> s.createTable("users", t -> t
        .column("id", bigint(), notNull())
        .column("email", varchar(50))
        .primaryKey("pk_users", "id"))));

    Compilation compilation = project.compile(user("@Id long id, String email"), BASE, LEFT, RIGHT, MERGE);

    assertThat(compilation)
        .hadErrorContaining("merge revision V4_Merge (\"r4\") cannot combine its parents' schemas: applying the"
            + " changes of V3_AddFax (\"r3\") since V1_CreateUsers (\"r1\") to V2_AddPhone (\"r2\") fails:")
        .inFile(MERGE)
        .onLineContaining("public final class V4_Merge");
    assertThat(compilation).hadErrorContaining(
        "or write the merged snapshot " + project.resourceDir.resolve("com/example/migration/V4_Merge.schema"));
    assertThat(project.resourceDir.resolve("com/example/migration/V4_Merge.schema")).doesNotExist();
  }

  @Test
  void checkModeRequiresTheSnapshotOfAMergeRevisionToBeCommitted() {
    project.commitSnapshot(MIGRATIONS + "V2_AddPhone", users("phone"));
    project.commitSnapshot(MIGRATIONS + "V3_AddFax", users("fax"));

    Compilation compilation = project.compile(List.of("-Aretort.mode=check"),
        user("@Id long id, String email, @Column(length = 20) String phone, @Column(length = 20) String fax"),
        BASE, LEFT, RIGHT, MERGE);

    assertThat(compilation)
        .hadErrorContaining("merge revision V4_Merge (\"r4\") has no snapshot "
            + project.resourceDir.resolve("com/example/migration/V4_Merge.schema")
            + "; build once in generate mode (-Aretort.mode=generate, the default) to compute it, then review and"
            + " commit it")
        .inFile(MERGE)
        .onLineContaining("public final class V4_Merge");
  }
}
