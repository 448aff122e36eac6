package dev.retort.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.varchar;
import static dev.retort.processor.ProjectFixture.schema;
import static dev.retort.processor.ProjectFixture.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import dev.retort.index.RevisionIndexFile;
import dev.retort.model.SchemaModel;
import dev.retort.snapshot.SnapshotCodec;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The revision index resource. */
class RevisionIndexTest {

  private static final String MIGRATIONS = "com.example.migration.";

  @TempDir Path root;

  private static SchemaModel users(String... extraColumns) {
    return schema(s -> s.createTable("users", t -> {
      t.column("id", bigint(), notNull()).column("email", varchar(255));
      for (String column : extraColumns) {
        t.column(column, varchar(20));
      }
      t.primaryKey("pk_users", "id");
    }));
  }

  private static JavaFileObject revision(String simpleName, String javadoc, String annotation) {
    return source(MIGRATIONS + simpleName, """
        package com.example.migration;

        import dev.retort.Migration;
        import dev.retort.Revision;
        import dev.retort.dsl.Schema;

        %s
        %s
        public final class %s implements Migration {
          @Override
          public void upgrade(Schema schema) {}
        }
        """.formatted(javadoc, annotation, simpleName));
  }

  @Test
  void listsEveryRevisionInTopologicalOrderWithTheNewOneLast() throws IOException {
    ProjectFixture project = new ProjectFixture(root);
    project.commitSnapshot(MIGRATIONS + "V1_CreateUsers", users());
    project.commitSnapshot(MIGRATIONS + "V2_AddPhone", users("phone"));
    project.commitSnapshot(MIGRATIONS + "V4_Merge", users("phone"));
    JavaFileObject user = source("com.example.User", """
        package com.example;

        import dev.retort.*;

        @Table(name = "users")
        public record User(@Id long id, String email, @Column(length = 20) String phone, @Column(length = 20) String fax) {}
        """);

    JavaFileObject v4 = revision("V4_Merge", "", "@Revision(id = \"r4\", parent = {\"r2\", \"r3\"})");
    JavaFileObject v3 = revision("V3_BackfillEmails", """
            /**
             * Backfills {@code users.email} from the <em>legacy</em> table. Written by hand.
             *
             * <p>Runs in batches.
             */""", "@Revision(id = \"r3\", parent = \"r1\")");
    JavaFileObject v2 = revision("V2_AddPhone", "/** Add column users.phone. */", "@Revision(id = \"r2\", parent = \"r1\")");
    JavaFileObject v1 = revision("V1_CreateUsers", "/** Create table users */", "@Revision(id = \"r1\")");

    Compilation compilation = project.compile(user, v4, v3, v2, v1);
    String newSource = RevisionIndexFile.sourceChecksum(project.source(MIGRATIONS + "V20261121_153000_AddUsersFax"));

    assertThat(compilation).succeeded();
    assertThat(index(compilation)).isEqualTo("""
        # Retort revision index 2
        # Written by the Retort processor from the @Revision classes of one compilation; do not edit.
        # id\tclass\tsnapshot\tsource checksum\tsnapshot's source checksum\tdescription\tparents...
        r1\tcom.example.migration.V1_CreateUsers\tcom/example/migration/V1_CreateUsers.schema\t%s\t\tCreate table users
        r2\tcom.example.migration.V2_AddPhone\tcom/example/migration/V2_AddPhone.schema\t%s\t\tAdd column users.phone.\tr1
        r3\tcom.example.migration.V3_BackfillEmails\tcom/example/migration/V1_CreateUsers.schema\t%s\t\t\
        Backfills users.email from the legacy table.\tr1
        r4\tcom.example.migration.V4_Merge\tcom/example/migration/V4_Merge.schema\t%s\t\tV4_Merge\tr2\tr3
        20261121_153000\tcom.example.migration.V20261121_153000_AddUsersFax\t\
        com/example/migration/V20261121_153000_AddUsersFax.schema\t%s\t%s\tAdd column users.fax.\tr4
        """.formatted(checksum(v1), checksum(v2), checksum(v3), checksum(v4), newSource, newSource));
    assertThat(compilation.generatedFile(
        StandardLocation.CLASS_OUTPUT, "com/example/migration/V20261121_153000_AddUsersFax.schema")
        .orElseThrow().getCharContent(false).toString())
        .isEqualTo(project.snapshot(MIGRATIONS + "V20261121_153000_AddUsersFax"));
  }

  @Test
  void aMarkdownCommentDescribesTheRevisionInPlainText() throws IOException {
    assumeTrue(Runtime.version().feature() >= 23,
        "javac reads /// comments as documentation since JDK 23; this runs on " + Runtime.version());
    ProjectFixture project = new ProjectFixture(root);
    JavaFileObject v1 = revision("V1_SeedUsers", """
            /// Seeds `users` from the [legacy table][com.example.Legacy].
            ///
            /// Written by hand.""", "@Revision(id = \"r1\")");

    Compilation compilation = project.compile(List.of("-Aretort.mode=off"), v1);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(index(compilation)).endsWith("\tSeeds users from the legacy table.\n");
  }

  @Test
  void theNewSnapshotRecordsTheChecksumOfTheMigrationSourceWrittenWithIt() {
    ProjectFixture project = new ProjectFixture(root);

    Compilation compilation = project.compile(source("com.example.User", """
        package com.example;

        @dev.retort.Table(name = "users")
        public record User(@dev.retort.Id long id) {}
        """));

    assertThat(compilation).succeeded();
    String className = MIGRATIONS + "V20261121_153000_CreateUsers";
    String sourceChecksum = RevisionIndexFile.sourceChecksum(project.source(className));
    assertThat(project.snapshot(className)).startsWith("""
        # Retort schema snapshot. Generated by the Retort processor; do not edit by hand.
        retort-snapshot 1
        source sha256 %s
        table users
        """.formatted(sourceChecksum));
  }

  @Test
  void eachEntryCarriesTheSourceChecksumItsOwnSnapshotRecords() throws IOException {
    ProjectFixture project = new ProjectFixture(root);
    JavaFileObject v1 = revision("V1_CreateUsers", "/** Create table users. */", "@Revision(id = \"r1\")");
    JavaFileObject v2 = revision("V2_AddPhone", "/** Add column users.phone. */",
        "@Revision(id = \"r2\", parent = \"r1\")");
    JavaFileObject v3 = revision("V3_Backfill", "/** Backfill. */", "@Revision(id = \"r3\", parent = \"r2\")");
    String edited = RevisionIndexFile.sourceChecksum("the source as it was generated, before an edit");
    ProjectFixture.write(project.resourceDir.resolve("com/example/migration/V1_CreateUsers.schema"),
        SnapshotCodec.write(users(), checksum(v1)));
    ProjectFixture.write(project.resourceDir.resolve("com/example/migration/V2_AddPhone.schema"),
        SnapshotCodec.write(users("phone"), edited));

    Compilation compilation = project.compile(List.of("-Aretort.mode=off"), v1, v2, v3);

    assertThat(compilation).succeeded();
    List<RevisionIndexFile.Entry> entries =
        RevisionIndexFile.read(new StringReader(index(compilation)), RevisionIndexFile.RESOURCE);
    assertThat(entries).extracting(RevisionIndexFile.Entry::snapshotSourceChecksum)
        .containsExactly(checksum(v1), edited, "");
    assertThat(entries).extracting(RevisionIndexFile.Entry::snapshotMatchesSource).containsExactly(true, false, false);
  }

  @Test
  void aFirstRevisionWithoutSnapshotHasTheEmptySchemaAndNoResource() throws IOException {
    ProjectFixture project = new ProjectFixture(root);

    JavaFileObject seed = revision("V1_Seed", "/** Seed the reference data. */", "@Revision(id = \"r1\")");

    Compilation compilation = project.compile(List.of("-Aretort.mode=off"), seed);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(index(compilation)).contains("\nr1\tcom.example.migration.V1_Seed\t\t" + checksum(seed)
        + "\t\tSeed the reference data.\n");
    assertThat(compilation.generatedSourceFiles()).isEmpty();
  }

  @Test
  void noIndexWithoutRevisions() {
    ProjectFixture project = new ProjectFixture(root);

    Compilation compilation = project.compile(List.of("-Aretort.mode=off"), source("com.example.User", """
        package com.example;

        @dev.retort.Table(name = "users")
        public record User(@dev.retort.Id long id) {}
        """));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, RevisionIndexFile.RESOURCE)).isEmpty();
  }

  private static String index(Compilation compilation) throws IOException {
    return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, RevisionIndexFile.RESOURCE).orElseThrow()
        .getCharContent(false).toString();
  }

  private static String checksum(JavaFileObject source) throws IOException {
    return RevisionIndexFile.sourceChecksum(source.getCharContent(true));
  }
}
