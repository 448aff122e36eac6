package dev.retort.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.timestamp;
import static dev.retort.model.ColumnType.varchar;
import static dev.retort.processor.ProjectFixture.HEAD_CLASS;
import static dev.retort.processor.ProjectFixture.headRevision;
import static dev.retort.processor.ProjectFixture.schema;
import static dev.retort.processor.ProjectFixture.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.retort.model.SchemaModel;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated operation that locks a table with rows while it reads or rewrites it: a comment above it in the
 * migration, and a compiler warning on the entity or member it comes from, a note or nothing as {@code
 * -Aretort.lockFindings} says.
 */
class LockFindingsTest {

  private static final SchemaModel USERS = schema(s -> s.createTable("users", t -> t
      .column("id", bigint(), notNull())
      .column("email", varchar(255))
      .primaryKey("pk_users", "id")));

  private static final String MIGRATION = "com.example.migration.V20261121_153000_CreateIxUsersEmail";

  private static final String LOCK = "the new migration V20261121_153000_CreateIxUsersEmail builds index"
      + " ix_users_email on users, which blocks writes to users on PostgreSQL while it reads the whole table (MariaDB"
      + " and MySQL build it online); on a big table use createIndexConcurrently [retort:locks-table]";

  @TempDir Path root;

  @Test
  void anIndexOnAnExistingTableIsAWarningOnTheEntityAndACommentAboveTheOperation() {
    ProjectFixture project = new ProjectFixture(root);
    JavaFileObject user = indexedUser();

    Compilation compilation = compile(project, List.of(), user);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(LOCK).inFile(user).onLineContaining("public record User");
    assertThat(compilation.warnings()).hasSize(1);
    assertThat(project.source(MIGRATION)).isEqualTo(INDEX_MIGRATION);
  }

  @Test
  void aNoteInsteadLeavesABuildWithWerrorGreenAndTheCommentInTheMigration() {
    ProjectFixture project = new ProjectFixture(root);
    JavaFileObject user = indexedUser();

    Compilation compilation = compile(project, List.of("-Werror", "-Aretort.lockFindings=note"), user);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).hadNoteContaining(LOCK).inFile(user).onLineContaining("public record User");
    assertThat(project.source(MIGRATION)).isEqualTo(INDEX_MIGRATION);
  }

  @Test
  void aWarningFailsABuildWithWerrorOnceTheMigrationIsWritten() {
    ProjectFixture project = new ProjectFixture(root);

    Compilation compilation = compile(project, List.of("-Werror"), indexedUser());

    assertThat(compilation).failed();
    assertThat(compilation).hadWarningContaining(LOCK);
    assertThat(project.source(MIGRATION)).isEqualTo(INDEX_MIGRATION);
  }

  @Test
  void offReportsNothingAndKeepsTheComment() {
    ProjectFixture project = new ProjectFixture(root);

    Compilation compilation = compile(project, List.of("-Werror", "-Aretort.lockFindings=OFF"), indexedUser());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.diagnostics()).noneMatch(d -> d.getMessage(null).contains("locks-table"));
    assertThat(project.source(MIGRATION)).isEqualTo(INDEX_MIGRATION);
  }

  @Test
  void findingsAboutDataStayWarningsWhenLockFindingsAreNotes() {
    ProjectFixture project = new ProjectFixture(root);
    JavaFileObject user = user("", "@Id long id, @Column(nullable = Column.Nullability.NOT_NULL) String email");

    Compilation compilation = compile(project, List.of("-Aretort.lockFindings=note"), user);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("makes column users.email NOT NULL, which fails while any row holds"
        + " NULL there; fill those rows first [retort:fails-on-data]").inFile(user).onLineContaining("String email");
    assertThat(compilation).hadNoteContaining("makes users.email NOT NULL, which reads the whole table while it"
        + " blocks reads and writes on PostgreSQL (MariaDB and MySQL do it online); on a big table on PostgreSQL first"
        + " add a check (email IS NOT NULL) with addCheckNotValid and validate it with validateConstraint, each in a"
        + " migration before this one: PostgreSQL 12 and later trust it instead of reading the table; drop it after"
        + " [retort:locks-table]").inFile(user).onLineContaining("String email");
    assertThat(compilation.diagnostics()).filteredOn(d -> d.getKind() == Diagnostic.Kind.WARNING).hasSize(1);
  }

  /**
   * What the processor writes when an entity gains an identity column as its new key: drop the old key, add the
   * column, add the key. Adding the identity column fills it for every row, so PostgreSQL rewrites the table.
   */
  @Test
  void anIdentityColumnAddedToAnExistingTableIsAFindingOnTheMember() {
    ProjectFixture project = new ProjectFixture(root);
    project.commitSnapshot(HEAD_CLASS, schema(s -> s.createTable("users", t -> t
        .column("code", varchar(10), notNull())
        .primaryKey("pk_users", "code"))));
    JavaFileObject user = user("", "@Column(length = 10) String code, @Id(generated = true) long id");

    Compilation compilation = project.compile(List.of(), user, headRevision());

    assertThat(compilation).succeeded();
    String migration = project.source("com.example.migration.V20261121_153000_AlterUsers");
    assertThat(migration).contains(".addColumn(\"id\", bigint(), identity())");
    assertThat(compilation).hadWarningContaining("adds identity column users.id, which fills it for every row:"
        + " PostgreSQL rewrites the whole table while it blocks reads and writes, and MariaDB and MySQL refuse an"
        + " AUTO_INCREMENT column outside a key (the statement that adds it with its key rebuilds the table, blocking"
        + " writes); on a big table on PostgreSQL add the column without identity, fill it in batches and make it NOT"
        + " NULL, then addIdentity() in a later migration, which rewrites nothing [retort:locks-table]")
        .inFile(user).onLineContaining("long id");
    assertThat(migration).contains("// Retort: adds identity column users.id, which fills it for every row:");
  }

  @Test
  void aColumnWithAVolatileDefaultAddedToAnExistingTableIsAFinding() {
    ProjectFixture project = new ProjectFixture(root);
    JavaFileObject user = user("", "@Id long id, String email, @Column(defaultExpression = \"gen_random_uuid()\")"
        + " java.util.UUID token");

    Compilation compilation = compile(project, List.of(), user);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("adds column users.token with the default gen_random_uuid(), which"
        + " gives every row its own value: PostgreSQL rewrites the whole table while it blocks reads and writes,"
        + " and MariaDB and MySQL copy it, blocking writes, for a default such as uuid(); on a big table add the"
        + " column without the default, fill it in batches, then set the default [retort:locks-table]")
        .inFile(user).onLineContaining("token");
  }

  @Test
  void aColumnWithAConstantDefaultOrCurrentTimestampIsNoFinding() {
    ProjectFixture project = new ProjectFixture(root);
    JavaFileObject user = user("", "@Id long id, String email, @Column(defaultValue = \"0\") int visits,"
        + " @Column(defaultExpression = \"CURRENT_TIMESTAMP\") java.time.Instant seen");

    Compilation compilation = compile(project, List.of("-Werror"), user);

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void fewerDigitsOfTheSecondRewriteTheTableOnPostgresAndCopyItOnMariaDb() {
    ProjectFixture project = new ProjectFixture(root);
    project.commitSnapshot(HEAD_CLASS, schema(s -> s.createTable("users", t -> t
        .column("id", bigint(), notNull())
        .column("seen_at", timestamp())
        .column("left_at", timestamp(0))
        .primaryKey("pk_users", "id"))));
    JavaFileObject user = user("", "@Id long id,\n    @Column(precision = 0) java.time.LocalDateTime seenAt,\n"
        + "    @Column(precision = 3) java.time.LocalDateTime leftAt");

    Compilation compilation = project.compile(List.of(), user, headRevision());

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("changes the type of users.seen_at from timestamp to timestamp(0),"
        + " which rewrites the whole table while it blocks reads and writes on PostgreSQL, and copies it, blocking"
        + " writes, on MariaDB and MySQL").inFile(user).onLineContaining("seenAt");
    assertThat(compilation).hadWarningContaining("changes the type of users.left_at from timestamp(0) to"
        + " timestamp(3), which copies the whole table, blocking writes, on MariaDB and MySQL (PostgreSQL changes it"
        + " without a rewrite)").inFile(user).onLineContaining("leftAt");
    assertThat(project.tree().values()).anySatisfy(source -> assertThat(source).contains(
        ".alterColumn(\"seen_at\", c -> c.type(timestamp(), timestamp(0)))",
        ".alterColumn(\"left_at\", c -> c.type(timestamp(0), timestamp(3)))"));
  }

  @Test
  void anIndexOnANewTableIsNoFinding() {
    ProjectFixture project = new ProjectFixture(root);

    Compilation compilation = project.compile(List.of(), indexedUser());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(project.source("com.example.migration.V20261121_153000_CreateUsers")).doesNotContain("// Retort:");
  }

  @Test
  void anInvalidValueIsAnErrorNamingTheValuesThatAre() {
    Compilation compilation = compile(new ProjectFixture(root), List.of("-Aretort.lockFindings=loud"), indexedUser());

    assertThat(compilation).hadErrorContaining(
        "option -Aretort.lockFindings=loud is not valid: use warning, note or off [retort:invalid-option]");
  }

  private static Compilation compile(ProjectFixture project, List<String> options, JavaFileObject user) {
    project.commitSnapshot(HEAD_CLASS, USERS);
    return project.compile(options, user, headRevision());
  }

  private static JavaFileObject indexedUser() {
    return user("@Index(name = \"ix_users_email\", columns = \"email\")", "@Id long id, String email");
  }

  private static JavaFileObject user(String annotations, String components) {
    return source("com.example.User", """
        package com.example;

        import dev.retort.*;

        @Table(name = "users")
        %s
        public record User(%s) {}
        """.formatted(annotations, components));
  }

  private static final String INDEX_MIGRATION = """
      package com.example.migration;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Create index ix_users_email on users [email]. Generated by Retort; review before committing.
       */
      @Revision(
          id = "20261121_153000",
          parent = "20261120_090000"
      )
      public final class V20261121_153000_CreateIxUsersEmail implements Migration {
        @Override
        public void upgrade(Schema schema) {
          // Retort: builds index ix_users_email on users, which blocks writes to users on
          // PostgreSQL while it reads the whole table (MariaDB and MySQL build it online); on a big
          // table use createIndexConcurrently.
          schema.alterTable("users", t -> t.createIndex("ix_users_email", "email"));
        }

        @Override
        public void downgrade(Schema schema) {
          schema.alterTable("users", t -> t.dropIndex("ix_users_email"));
        }
      }
      """;
}
