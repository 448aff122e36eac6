package dev.retort.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.retort.dsl.ColumnOption.identity;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.decimal;
import static dev.retort.model.ColumnType.enumType;
import static dev.retort.model.ColumnType.varchar;
import static dev.retort.processor.ProjectFixture.HEAD_CLASS;
import static dev.retort.processor.ProjectFixture.headRevision;
import static dev.retort.processor.ProjectFixture.schema;
import static dev.retort.processor.ProjectFixture.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.retort.dsl.CreateTableBuilder;
import dev.retort.dsl.Schema;
import dev.retort.model.CheckModel;
import dev.retort.model.SchemaModel;
import dev.retort.model.UniqueModel;
import dev.retort.operation.Operation;
import dev.retort.snapshot.SnapshotCodec;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden tests of generated migrations: for each kind of change, the exact source written into
 * the source tree, which is also what the same build compiles.
 */
class MigrationGenerationTest {

  /** The users table as the head revision left it; {@link #user} declares it unchanged with {@code @Id long id, String email}. */
  private static final SchemaModel USERS = schema(s -> s.createTable("users", t -> t
      .column("id", bigint(), notNull())
      .column("email", varchar(255))
      .primaryKey("pk_users", "id")));

  @TempDir Path root;

  /** The package and class-name prefix of the migration each test writes. */
  private static final String NEW_CLASS = "com.example.migration.V20261121_153000_";

  private Compilation compilation;
  private ProjectFixture project;

  @Test
  void createsTablesWithKeysUniquesForeignKeysIndexesChecksAndComments() throws IOException {
    String written = generate(null, "V20261121_153000_CreateAuthorsAndBooks",
        source("com.example.Author", """
            package com.example;

            import dev.retort.*;

            @Table(name = "authors", comment = "People who write books")
            @Check(name = "ck_authors_name", expression = "length(name) > 0")
            public record Author(@Id(generated = true) long id, @Column(length = 200, unique = true) String name) {}
            """),
        source("com.example.Book", """
            package com.example;

            import dev.retort.*;
            import java.math.BigDecimal;

            @Table(name = "books")
            @Index(columns = {"title"})
            @Index(columns = {"author_id", "isbn"}, unique = true)
            public record Book(
                @Id(generated = true) long id,
                @References(value = Author.class, onDelete = ReferentialAction.CASCADE) long authorId,
                @Column(length = 300, nullable = Column.Nullability.NOT_NULL) String title,
                @Column(length = 13) String isbn,
                @Column(precision = 10, scale = 2, defaultValue = "0") BigDecimal price) {}
            """));

    assertThat(written).isEqualTo(CREATE);
  }

  @Test
  void createsTheSequencesDeclaredWithSequenceAndDropsTheOnesNoLongerDeclared() throws IOException {
    JavaFileObject user = source("com.example.User", """
        package com.example;

        import dev.retort.*;

        @Table(name = "users")
        @Sequence(name = "users_seq", increment = 50)
        @Sequence(name = "invoice_no", start = 3000000000L, schema = "billing")
        public record User(@Id long id, String email) {}
        """);
    String written = generate(schema(s -> s
            .createTable("users", t -> t
                .column("id", bigint(), notNull())
                .column("email", varchar(255))
                .primaryKey("pk_users", "id"))
            .createSequence("users_seq")
            .createSequence("legacy_seq", q -> q.startWith(5))),
        "V20261121_153000_AlterInvoiceNoUsersSeqAndLegacySeq", user);

    assertThat(written).isEqualTo(SEQUENCES);
    assertThat(compilation)
        .hadWarningContaining("drops sequence legacy_seq and the value it has reached")
        .inFile(headRevision())
        .onLineContaining("public final class V20261120_090000_CreateUsers");
  }

  @Test
  void dropsAViewBeforeRetypingAColumnItReadsAndCreatesItAgainAfter() throws IOException {
    SchemaModel head = schema(s -> s
        .createTable("users", t -> t
            .column("id", bigint(), notNull())
            .column("email", varchar(255))
            .primaryKey("pk_users", "id"))
        .createView("user_emails", "SELECT id, email FROM users"));
    JavaFileObject emails = source("com.example.UserEmails", """
        package com.example;

        import dev.retort.View;

        @View(\"""
            SELECT id, email
            FROM users
            WHERE email IS NOT NULL\""")
        public record UserEmails(long id, String email) {}
        """);
    String written = generate(head, "V20261121_153000_AlterUsersEmail",
        user("@Id long id, @Column(length = 320) String email"), emails);

    assertThat(written).isEqualTo(VIEWS);
    assertThat(compilation.warnings()).isEmpty();
  }

  @Test
  void namesAMigrationOfViewsAloneAfterThem() throws IOException {
    JavaFileObject emails = source("com.example.UserEmails", """
        package com.example;

        @dev.retort.View("SELECT email FROM users")
        public record UserEmails(String email) {}
        """);
    generate(USERS, "V20261121_153000_CreateUserEmailsView", user("@Id long id, String email"), emails);

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void addsANullableColumn() throws IOException {
    String written = generate(USERS, "V20261121_153000_AddUsersPhone",
        user("@Id long id, String email, @Column(length = 20) String phone"));

    assertThat(written).isEqualTo(ADD_NULLABLE);
    assertThat(compilation.warnings()).isEmpty();
  }

  @Test
  void addsANotNullColumnWithAWarningOnItsMemberAndACommentAboveIt() throws IOException {
    JavaFileObject user = user("@Id long id, String email, int loginCount");
    String written = generate(USERS, "V20261121_153000_AddUsersLoginCount", user);

    assertThat(written).isEqualTo(ADD_NOT_NULL);
    assertThat(compilation)
        .hadWarningContaining("the new migration V20261121_153000_AddUsersLoginCount adds NOT NULL column"
            + " users.login_count without a default, which fails on a table that has rows; give the entity's member"
            + " a default (@Column(defaultValue), or Hibernate's @ColumnDefault on a JPA entity), which the snapshot"
            + " then has too, or add it nullable, fill it, then make it NOT NULL")
        .inFile(user)
        .onLineContaining("int loginCount");
  }

  @Test
  void dropsAColumnWithAWarningOnItsEntityAndACommentAboveIt() throws IOException {
    JavaFileObject user = user("@Id long id, String email");
    String written = generate(schema(s -> s.createTable("users", t -> t
            .column("id", bigint(), notNull())
            .column("email", varchar(255))
            .column("fax", varchar(40))
            .primaryKey("pk_users", "id"))),
        "V20261121_153000_DropUsersFax", user);

    assertThat(written).isEqualTo(DROP_COLUMN);
    assertThat(compilation)
        .hadWarningContaining("drops column users.fax and its data; make sure nothing reads it and that it is backed up")
        .inFile(user)
        .onLineContaining("public record User");
  }

  @Test
  void renamesAColumnDeclaredWithRenamedFromInsteadOfDroppingIt() throws IOException {
    String written = generate(schema(s -> s.createTable("users", t -> t
            .column("id", bigint(), notNull())
            .column("mail", varchar(255))
            .primaryKey("pk_users", "id"))),
        "V20261121_153000_RenameUsersMailToEmail", user("@Id long id, @RenamedFrom(\"mail\") String email"));

    assertThat(written).isEqualTo(RENAME_COLUMN);
    assertThat(compilation.warnings()).isEmpty();
  }

  @Test
  void renamesATableDeclaredWithRenamedFromAndItsDerivedKeyName() throws IOException {
    String written = generate(schema(s -> s.createTable("people", t -> t
            .column("id", bigint(), identity())
            .column("email", varchar(255))
            .primaryKey("pk_people", "id"))),
        "V20261121_153000_RenamePeopleToUsers",
        source("com.example.User", """
            package com.example;

            import dev.retort.*;

            @Table(name = "users")
            @RenamedFrom("people")
            public record User(@Id(generated = true) long id, String email) {}
            """));

    assertThat(written).isEqualTo(RENAME_TABLE);
    assertThat(compilation.warnings()).isEmpty();
  }

  @Test
  void createsATableWithThePrimaryKeyNameGivenOnTheTable() throws IOException {
    String written = generate(null, "V20261121_153000_CreateUsers",
        source("com.example.User", """
            package com.example;

            import dev.retort.*;

            @Table(name = "users", primaryKey = "users_pkey")
            public record User(@Id long id, String email) {}
            """));

    assertThat(written).contains("primaryKey(\"users_pkey\", \"id\")").doesNotContain("pk_users");
  }

  @Test
  void renamesThePrimaryKeyWhenTheNameGivenOnTheTableChanges() throws IOException {
    String written = generate(USERS, "V20261121_153000_RenameUsersPkey",
        source("com.example.User", """
            package com.example;

            import dev.retort.*;

            @Table(name = "users", primaryKey = "users_pkey")
            public record User(@Id long id, String email) {}
            """));

    assertThat(written).isEqualTo(RENAME_PRIMARY_KEY);
    assertThat(compilation.warnings()).isEmpty();
  }

  @Test
  void aTableRenamedWithRenamedFromKeepsThePrimaryKeyNameGivenOnTheTable() throws IOException {
    String written = generate(schema(s -> s.createTable("people", t -> t
            .column("id", bigint(), notNull())
            .column("email", varchar(255))
            .primaryKey("people_pkey", "id"))),
        "V20261121_153000_RenamePeopleToUsers",
        source("com.example.User", """
            package com.example;

            import dev.retort.*;

            @Table(name = "users", primaryKey = "people_pkey")
            @RenamedFrom("people")
            public record User(@Id long id, String email) {}
            """));

    assertThat(written)
        .contains("schema.renameTable(\"people\", \"users\");")
        .doesNotContain("renamePrimaryKey");
    assertThat(compilation.warnings()).isEmpty();
  }

  @Test
  void dropsTheCheckOnADroppedColumnBeforeTheColumnAndAddsItBackAfterTheColumn() throws IOException {
    String written = generate(schema(s -> s.createTable("products", t -> t
            .column("id", bigint(), notNull())
            .column("code", varchar(255))
            .column("name", varchar(255))
            .primaryKey("pk_products", "id")
            .check("ck_products_code", "code <> ''"))),
        "V20261121_153000_AlterProducts", product("", "@Id long id, String name"));

    assertThat(written).isEqualTo(DROP_COLUMN_AND_CHECK);
  }

  @Test
  void renamesAColumnAndKeepsTheCheckWhoseExpressionFollowsTheRename() throws IOException {
    SchemaModel head = schema(s -> s.createTable("products", t -> t
        .column("id", bigint(), notNull())
        .column("code", varchar(255))
        .primaryKey("pk_products", "id")
        .check("ck_products_code", "code <> 'code' AND length(\"code\") <= 20")));
    String written = generate(head, "V20261121_153000_RenameProductsCodeToSku", product(
        "@Check(name = \"ck_products_code\", expression = \"sku <> 'code' AND length(\\\"sku\\\") <= 20\")",
        "@Id long id, @RenamedFrom(\"code\") String sku"));

    assertThat(written).isEqualTo(RENAME_COLUMN_WITH_CHECK);
    SchemaModel declared = SnapshotCodec.read(project.snapshot(NEW_CLASS + "RenameProductsCodeToSku"), "snapshot");
    SchemaModel migrated = head.applyAll(operations(s -> s.alterTable("products", t -> t.renameColumn("code", "sku"))));
    assertThat(migrated).isEqualTo(declared);
    assertThat(declared.table("products").orElseThrow().checks())
        .containsExactly(new CheckModel("ck_products_code", "sku <> 'code' AND length(\"sku\") <= 20"));
  }

  /** The products table of the {@code @Unique} tests, with the unique constraint the head gave it, if any. */
  private static SchemaModel products(Consumer<CreateTableBuilder> unique) {
    return schema(s -> s.createTable("products", t -> {
      t.column("id", bigint(), notNull())
          .column("vendor_id", bigint(), notNull())
          .column("code", varchar(20))
          .primaryKey("pk_products", "id");
      unique.accept(t);
    }));
  }

  @Test
  void addsAUniqueConstraintOverSeveralColumns() throws IOException {
    String written = generate(products(t -> {}), "V20261121_153000_AddUqProductsVendorIdCode", product(
        "@Unique(columns = {\"vendor_id\", \"code\"})", "@Id long id, long vendorId, @Column(length = 20) String code"));

    assertThat(written).isEqualTo(ADD_UNIQUE);
    assertThat(compilation.warnings()).singleElement().extracting(d -> d.getMessage(null)).asString()
        .contains("adds unique constraint uq_products_vendor_id_code to products, which builds its index while it"
            + " blocks reads and writes on PostgreSQL")
        .endsWith("[retort:locks-table]");
  }

  @Test
  void dropsARemovedUniqueConstraint() throws IOException {
    String written = generate(products(t -> t.unique("uq_products_vendor_id_code", "vendor_id", "code")),
        "V20261121_153000_DropUqProductsVendorIdCode",
        product("", "@Id long id, long vendorId, @Column(length = 20) String code"));

    assertThat(written).isEqualTo(DROP_UNIQUE);
  }

  @Test
  void changesTheColumnsOfANamedUniqueConstraintByDroppingAndAddingIt() throws IOException {
    String written = generate(products(t -> t.unique("product_code", "code")), "V20261121_153000_AlterProducts",
        product("@Unique(name = \"product_code\", columns = {\"vendor_id\", \"code\"})",
            "@Id long id, long vendorId, @Column(length = 20) String code"));

    assertThat(written).isEqualTo(CHANGE_UNIQUE);
  }

  @Test
  void aUniqueColumnDeclaredWithUniqueInsteadWritesNoMigration() {
    project = new ProjectFixture(root);
    project.commitSnapshot(HEAD_CLASS, products(t -> t.unique("uq_products_code", "code")));
    Map<Path, String> before = project.tree();

    compilation = project.compile(headRevision(), product(
        "@Unique(columns = \"code\")", "@Id long id, long vendorId, @Column(length = 20) String code"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(project.tree()).isEqualTo(before);
  }

  @Test
  void renamesAColumnAndKeepsTheNamedUniqueConstraintOnIt() throws IOException {
    SchemaModel head = products(t -> t.unique("product_code", "vendor_id", "code"));
    String written = generate(head, "V20261121_153000_RenameProductsCodeToSku", product(
        "@Unique(name = \"product_code\", columns = {\"vendor_id\", \"sku\"})",
        "@Id long id, long vendorId, @RenamedFrom(\"code\") @Column(length = 20) String sku"));

    assertThat(written).isEqualTo(RENAME_COLUMN_WITH_UNIQUE);
    SchemaModel declared = SnapshotCodec.read(project.snapshot(NEW_CLASS + "RenameProductsCodeToSku"), "snapshot");
    SchemaModel migrated = head.applyAll(operations(s -> s.alterTable("products", t -> t.renameColumn("code", "sku"))));
    assertThat(migrated).isEqualTo(declared);
    assertThat(declared.table("products").orElseThrow().uniques())
        .containsExactly(new UniqueModel("product_code", List.of("vendor_id", "sku")));
  }

  @Test
  void renamesAColumnAndTheDerivedNameOfTheUniqueConstraintOnIt() throws IOException {
    String written = generate(products(t -> t.unique("uq_products_vendor_id_code", "vendor_id", "code")),
        "V20261121_153000_AlterProducts", product("@Unique(columns = {\"vendor_id\", \"sku\"})",
            "@Id long id, long vendorId, @RenamedFrom(\"code\") @Column(length = 20) String sku"));

    assertThat(written).isEqualTo(RENAME_COLUMN_AND_DERIVED_UNIQUE);
  }

  @Test
  void widensAVarcharAndADecimal() throws IOException {
    String written = generate(schema(s -> s.createTable("users", t -> t
            .column("id", bigint(), notNull())
            .column("email", varchar(100))
            .column("balance", decimal(10, 2))
            .primaryKey("pk_users", "id"))),
        "V20261121_153000_AlterUsersEmailAndBalance",
        user("@Id long id, String email, @Column(precision = 12, scale = 2) BigDecimal balance"));

    assertThat(written).isEqualTo(WIDEN);
    // The longer varchar changes no stored value anywhere; the decimal is copied on MariaDB and MySQL.
    assertThat(compilation.warnings()).singleElement().extracting(d -> d.getMessage(null)).asString()
        .contains("changes the type of users.balance from decimal(10,2) to decimal(12,2), which copies the whole"
            + " table, blocking writes, on MariaDB and MySQL (PostgreSQL changes it without a rewrite)");
  }

  @Test
  void addsAnEnumValue() throws IOException {
    String written = generate(schema(s -> s.createTable("orders", t -> t
            .column("id", bigint(), notNull())
            .column("status", enumType("order_status", "NEW", "PAID"), notNull())
            .primaryKey("pk_orders", "id"))),
        "V20261121_153000_AlterOrdersStatus",
        source("com.example.Order", """
            package com.example;

            import dev.retort.*;

            @Table(name = "orders")
            public record Order(@Id long id, @Column(nullable = Column.Nullability.NOT_NULL) OrderStatus status) {
              public enum OrderStatus { NEW, PAID, SHIPPED }
            }
            """));

    assertThat(written).isEqualTo(ENUM_VALUE);
  }

  @Test
  void changesTheActionOfAForeignKey() throws IOException {
    String written = generate(schema(s -> s
            .createTable("authors", t -> t
                .column("id", bigint(), notNull())
                .primaryKey("pk_authors", "id"))
            .createTable("books", t -> t
                .column("id", bigint(), notNull())
                .column("author_id", bigint(), notNull())
                .primaryKey("pk_books", "id")
                .foreignKey("fk_books_author_id", fk -> fk.columns("author_id").references("authors", "id")))),
        "V20261121_153000_AlterBooks",
        source("com.example.Author", """
            package com.example;

            import dev.retort.*;

            @Table(name = "authors")
            public record Author(@Id long id) {}
            """),
        source("com.example.Book", """
            package com.example;

            import dev.retort.*;

            @Table(name = "books")
            public record Book(@Id long id, @References(value = Author.class, onDelete = ReferentialAction.CASCADE) long authorId) {}
            """));

    assertThat(written).isEqualTo(FOREIGN_KEY_ACTION);
  }

  @Test
  void writesSeveralOperationsInTheDiffersOrderAndWarnsAboutADroppedTableOnTheNewestRevision() throws IOException {
    String written = generate(schema(s -> s
            .createTable("users", t -> t
                .column("id", bigint(), notNull())
                .column("email", varchar(255))
                .primaryKey("pk_users", "id"))
            .createTable("legacy_notes", t -> t.column("id", bigint(), notNull()))),
        "V20261121_153000_AlterOrdersUsersAndLegacyNotes",
        user("@Id long id, String email, @Column(length = 20) String phone"),
        source("com.example.Order", """
            package com.example;

            import dev.retort.*;

            @Table(name = "orders")
            public record Order(@Id(generated = true) long id, @References(User.class) long userId) {}
            """));

    assertThat(written).isEqualTo(SEVERAL);
    assertThat(compilation)
        .hadWarningContaining("drops table legacy_notes and all its rows")
        .inFile(headRevision())
        .onLineContaining("public final class V20261120_090000_CreateUsers");
  }

  @Test
  void aMigrationClassAlreadyOnTheClassPathIsWrittenToTheSourceTreeButNotCompiledAgain() throws IOException {
    JavaFileObject user = user("@Id long id, String email");
    String written = generate(null, "V20261121_153000_CreateUsers", user);
    Path previousOutput = root.resolve("previous-classes");
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        Path copy = previousOutput.resolve(file.getName().substring("/CLASS_OUTPUT/".length()));
        Files.createDirectories(copy.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.copy(in, copy);
        }
      }
    }
    Files.delete(project.sourceDir.resolve("com/example/migration/V20261121_153000_CreateUsers.java"));
    Files.delete(project.resourceDir.resolve("com/example/migration/V20261121_153000_CreateUsers.schema"));
    List<File> classpath = new ArrayList<>(List.of(previousOutput.toFile()));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }

    Compilation again = javac().withProcessors(new RetortProcessor()).withClasspath(classpath)
        .withOptions("-Xlint:all", "-Aretort.clock=" + ProjectFixture.CLOCK, "-Aretort.sourceDir=" + project.sourceDir,
            "-Aretort.resourceDir=" + project.resourceDir)
        .compile(user);

    assertThat(again).succeededWithoutWarnings();
    assertThat(again.generatedSourceFile("com.example.migration.V20261121_153000_CreateUsers")).isEmpty();
    assertThat(project.source("com.example.migration.V20261121_153000_CreateUsers")).isEqualTo(written);
  }

  private static JavaFileObject product(String annotations, String components) {
    return source("com.example.Product", """
        package com.example;

        import dev.retort.*;

        @Table(name = "products")
        %s
        public record Product(%s) {}
        """.formatted(annotations, components));
  }

  /** The operations a migration body builds. */
  private static List<Operation> operations(Consumer<Schema> migration) {
    Schema schema = new Schema();
    migration.accept(schema);
    return schema.operations();
  }

  private static JavaFileObject user(String components) {
    return source("com.example.User", """
        package com.example;

        import dev.retort.*;
        import java.math.BigDecimal;

        @Table(name = "users")
        public record User(%s) {}
        """.formatted(components));
  }

  /**
   * Compiles entities against a committed head (none when {@code head} is null) and returns
   * the migration written into the source tree, after checking that the same text was compiled
   * and that its snapshot holds the entities' schema.
   */
  private String generate(SchemaModel head, String className, JavaFileObject... entities) throws IOException {
    project = new ProjectFixture(root);
    List<JavaFileObject> sources = new ArrayList<>(List.of(entities));
    if (head != null) {
      project.commitSnapshot(HEAD_CLASS, head);
      sources.add(headRevision());
    }
    compilation = project.compile(sources.toArray(JavaFileObject[]::new));
    assertThat(compilation).succeeded();
    String qualifiedName = "com.example.migration." + className;
    String written = project.source(qualifiedName);
    String compiled = compilation.generatedSourceFile(qualifiedName).orElseThrow().getCharContent(false).toString();
    assertThat(compiled).isEqualTo(written);
    assertThat(SnapshotCodec.read(project.snapshot(qualifiedName), className)).isNotNull();
    assertThat(compilation)
        .hadNoteContaining("wrote migration " + project.sourceDir.resolve(qualifiedName.replace('.', '/') + ".java"));
    return written;
  }

  private static final String CREATE = """
      package com.example.migration;

      import static dev.retort.ReferentialAction.CASCADE;
      import static dev.retort.dsl.ColumnOption.defaultValue;
      import static dev.retort.dsl.ColumnOption.identity;
      import static dev.retort.dsl.ColumnOption.notNull;
      import static dev.retort.dsl.TableElement.check;
      import static dev.retort.dsl.TableElement.column;
      import static dev.retort.dsl.TableElement.foreignKey;
      import static dev.retort.dsl.TableElement.index;
      import static dev.retort.dsl.TableElement.primaryKey;
      import static dev.retort.dsl.TableElement.tableComment;
      import static dev.retort.dsl.TableElement.unique;
      import static dev.retort.dsl.TableElement.uniqueIndex;
      import static dev.retort.model.ColumnType.bigint;
      import static dev.retort.model.ColumnType.decimal;
      import static dev.retort.model.ColumnType.varchar;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Create table authors; create table books. Generated by Retort; review before committing.
       */
      @Revision(
          id = "20261121_153000"
      )
      public final class V20261121_153000_CreateAuthorsAndBooks implements Migration {
        @Override
        public void upgrade(Schema schema) {
          schema.createTable("authors",
              column("id", bigint(), identity()),
              column("name", varchar(200)),
              primaryKey("pk_authors", "id"),
              unique("uq_authors_name", "name"),
              check("ck_authors_name", "length(name) > 0"),
              tableComment("People who write books"));
          schema.createTable("books",
              column("id", bigint(), identity()),
              column("author_id", bigint(), notNull()),
              column("title", varchar(300), notNull()),
              column("isbn", varchar(13)),
              column("price", decimal(10, 2), defaultValue("0")),
              primaryKey("pk_books", "id"),
              foreignKey("fk_books_author_id", "author_id")
                  .references("authors", "id")
                  .onDelete(CASCADE),
              index("ix_books_title", "title"),
              uniqueIndex("ux_books_author_id_isbn", "author_id", "isbn"));
        }

        @Override
        public void downgrade(Schema schema) {
          schema.dropTable("books");
          schema.dropTable("authors");
        }
      }
      """;

  private static final String SEQUENCES = """
      package com.example.migration;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Create sequence invoice_no; alter sequence users_seq (increment 1 to 50); drop sequence
       * legacy_seq. Generated by Retort; review before committing.
       */
      @Revision(
          id = "20261121_153000",
          parent = "20261120_090000"
      )
      public final class V20261121_153000_AlterInvoiceNoUsersSeqAndLegacySeq implements Migration {
        @Override
        public void upgrade(Schema schema) {
          schema.createSequence("invoice_no", s -> s
              .startWith(3000000000L)
              .incrementBy(1)
              .inSchema("billing"));
          schema.alterSequence("users_seq", s -> s.incrementBy(1, 50));
          // Retort: drops sequence legacy_seq and the value it has reached; created again, it would
          // start over and hand out ids that rows already hold: make sure nothing takes values from
          // it.
          schema.dropSequence("legacy_seq");
        }

        @Override
        public void downgrade(Schema schema) {
          schema.createSequence("legacy_seq", s -> s.startWith(5).incrementBy(1));
          schema.alterSequence("users_seq", s -> s.incrementBy(50, 1));
          schema.dropSequence("invoice_no");
        }
      }
      """;

  private static final String VIEWS = """
      package com.example.migration;

      import static dev.retort.model.ColumnType.varchar;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Drop view user_emails; alter column users.email (type varchar(255) to varchar(320)); create view
       * user_emails. Generated by Retort; review before committing.
       */
      @Revision(
          id = "20261121_153000",
          parent = "20261120_090000"
      )
      public final class V20261121_153000_AlterUsersEmail implements Migration {
        @Override
        public void upgrade(Schema schema) {
          schema.dropView("user_emails");
          schema.alterTable("users", t -> t
              .alterColumn("email", c -> c.type(varchar(255), varchar(320))));
          schema.createView("user_emails", \"""
              SELECT id, email
              FROM users
              WHERE email IS NOT NULL\""");
        }

        @Override
        public void downgrade(Schema schema) {
          schema.dropView("user_emails");
          schema.alterTable("users", t -> t
              .alterColumn("email", c -> c.type(varchar(320), varchar(255))));
          schema.createView("user_emails", "SELECT id, email FROM users");
        }
      }
      """;

  private static final String ADD_NULLABLE = """
      package com.example.migration;

      import static dev.retort.model.ColumnType.varchar;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Add column users.phone. Generated by Retort; review before committing.
       */
      @Revision(
          id = "20261121_153000",
          parent = "20261120_090000"
      )
      public final class V20261121_153000_AddUsersPhone implements Migration {
        @Override
        public void upgrade(Schema schema) {
          schema.addColumn("users", "phone", varchar(20));
        }

        @Override
        public void downgrade(Schema schema) {
          schema.dropColumn("users", "phone");
        }
      }
      """;

  private static final String ADD_NOT_NULL = """
      package com.example.migration;

      import static dev.retort.dsl.ColumnOption.notNull;
      import static dev.retort.model.ColumnType.integer;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Add column users.login_count. Generated by Retort; review before committing.
       */
      @Revision(
          id = "20261121_153000",
          parent = "20261120_090000"
      )
      public final class V20261121_153000_AddUsersLoginCount implements Migration {
        @Override
        public void upgrade(Schema schema) {
          // Retort: adds NOT NULL column users.login_count without a default, which fails on a
          // table that has rows; give the entity's member a default (@Column(defaultValue), or
          // Hibernate's @ColumnDefault on a JPA entity), which the snapshot then has too, or add it
          // nullable, fill it, then make it NOT NULL.
          schema.addColumn("users", "login_count", integer(), notNull());
        }

        @Override
        public void downgrade(Schema schema) {
          schema.dropColumn("users", "login_count");
        }
      }
      """;

  private static final String DROP_COLUMN = """
      package com.example.migration;

      import static dev.retort.model.ColumnType.varchar;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Drop column users.fax. Generated by Retort; review before committing.
       */
      @Revision(
          id = "20261121_153000",
          parent = "20261120_090000"
      )
      public final class V20261121_153000_DropUsersFax implements Migration {
        @Override
        public void upgrade(Schema schema) {
          // Retort: drops column users.fax and its data; make sure nothing reads it and that it is
          // backed up.
          schema.dropColumn("users", "fax");
        }

        @Override
        public void downgrade(Schema schema) {
          schema.addColumn("users", "fax", varchar(40));
        }
      }
      """;

  private static final String RENAME_COLUMN = """
      package com.example.migration;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Rename column users.mail to email. Generated by Retort; review before committing.
       */
      @Revision(
          id = "20261121_153000",
          parent = "20261120_090000"
      )
      public final class V20261121_153000_RenameUsersMailToEmail implements Migration {
        @Override
        public void upgrade(Schema schema) {
          schema.alterTable("users", t -> t.renameColumn("mail", "email"));
        }

        @Override
        public void downgrade(Schema schema) {
          schema.alterTable("users", t -> t.renameColumn("email", "mail"));
        }
      }
      """;

  private static final String RENAME_TABLE = """
      package com.example.migration;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Rename table people to users; rename primary key pk_people on users to pk_users. Generated by
       * Retort; review before committing.
       */
      @Revision(
          id = "20261121_153000",
          parent = "20261120_090000"
      )
      public final class V20261121_153000_RenamePeopleToUsers implements Migration {
        @Override
        public void upgrade(Schema schema) {
          schema.renameTable("people", "users");
          schema.alterTable("users", t -> t.renamePrimaryKey("pk_people", "pk_users"));
        }

        @Override
        public void downgrade(Schema schema) {
          schema.renameTable("users", "people");
          schema.alterTable("people", t -> t.renamePrimaryKey("pk_users", "pk_people"));
        }
      }
      """;

  private static final String RENAME_PRIMARY_KEY = """
      package com.example.migration;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Rename primary key pk_users on users to users_pkey. Generated by Retort; review before
       * committing.
       */
      @Revision(
          id = "20261121_153000",
          parent = "20261120_090000"
      )
      public final class V20261121_153000_RenameUsersPkey implements Migration {
        @Override
        public void upgrade(Schema schema) {
          schema.alterTable("users", t -> t.renamePrimaryKey("pk_users", "users_pkey"));
        }

        @Override
        public void downgrade(Schema schema) {
          schema.alterTable("users", t -> t.renamePrimaryKey("users_pkey", "pk_users"));
        }
      }
      """;

  private static final String DROP_COLUMN_AND_CHECK = """
      package com.example.migration;

      import static dev.retort.model.ColumnType.varchar;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Drop check constraint ck_products_code on products; drop column products.code. Generated by
       * Retort; review before committing.
       */
      @Revision(
          id = "20261121_153000",
          parent = "20261120_090000"
      )
      public final class V20261121_153000_AlterProducts implements Migration {
        @Override
        public void upgrade(Schema schema) {
          schema.alterTable("products", t -> t
              .dropCheck("ck_products_code")
              // Retort: drops column products.code and its data; make sure nothing reads it and that it
              // is backed up.
              .dropColumn("code"));
        }

        @Override
        public void downgrade(Schema schema) {
          schema.alterTable("products", t -> t
              .addColumn("code", varchar(255))
              .addCheck("ck_products_code", "code <> ''"));
        }
      }
      """;

  private static final String ADD_UNIQUE = """
      package com.example.migration;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Add unique constraint uq_products_vendor_id_code on products. Generated by Retort; review before
       * committing.
       */
      @Revision(
          id = "20261121_153000",
          parent = "20261120_090000"
      )
      public final class V20261121_153000_AddUqProductsVendorIdCode implements Migration {
        @Override
        public void upgrade(Schema schema) {
          schema.alterTable("products", t -> t
              // Retort: adds unique constraint uq_products_vendor_id_code to products, which builds its
              // index while it blocks reads and writes on PostgreSQL (MariaDB and MySQL build it
              // online); on a big table run it when writes can wait, with a table lock timeout.
              .addUnique("uq_products_vendor_id_code", "vendor_id", "code"));
        }

        @Override
        public void downgrade(Schema schema) {
          schema.alterTable("products", t -> t.dropUnique("uq_products_vendor_id_code"));
        }
      }
      """;

  private static final String DROP_UNIQUE = """
      package com.example.migration;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Drop unique constraint uq_products_vendor_id_code on products. Generated by Retort; review
       * before committing.
       */
      @Revision(
          id = "20261121_153000",
          parent = "20261120_090000"
      )
      public final class V20261121_153000_DropUqProductsVendorIdCode implements Migration {
        @Override
        public void upgrade(Schema schema) {
          schema.alterTable("products", t -> t.dropUnique("uq_products_vendor_id_code"));
        }

        @Override
        public void downgrade(Schema schema) {
          schema.alterTable("products", t -> t
              .addUnique("uq_products_vendor_id_code", "vendor_id", "code"));
        }
      }
      """;

  private static final String CHANGE_UNIQUE = """
      package com.example.migration;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Drop unique constraint product_code on products; add unique constraint product_code on products.
       * Generated by Retort; review before committing.
       */
      @Revision(
          id = "20261121_153000",
          parent = "20261120_090000"
      )
      public final class V20261121_153000_AlterProducts implements Migration {
        @Override
        public void upgrade(Schema schema) {
          schema.alterTable("products", t -> t
              .dropUnique("product_code")
              // Retort: adds unique constraint product_code to products, which builds its index while
              // it blocks reads and writes on PostgreSQL (MariaDB and MySQL build it online); on a big
              // table run it when writes can wait, with a table lock timeout.
              .addUnique("product_code", "vendor_id", "code"));
        }

        @Override
        public void downgrade(Schema schema) {
          schema.alterTable("products", t -> t
              .dropUnique("product_code")
              .addUnique("product_code", "code"));
        }
      }
      """;

  private static final String RENAME_COLUMN_WITH_UNIQUE = """
      package com.example.migration;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Rename column products.code to sku. Generated by Retort; review before committing.
       */
      @Revision(
          id = "20261121_153000",
          parent = "20261120_090000"
      )
      public final class V20261121_153000_RenameProductsCodeToSku implements Migration {
        @Override
        public void upgrade(Schema schema) {
          schema.alterTable("products", t -> t.renameColumn("code", "sku"));
        }

        @Override
        public void downgrade(Schema schema) {
          schema.alterTable("products", t -> t.renameColumn("sku", "code"));
        }
      }
      """;

  private static final String RENAME_COLUMN_AND_DERIVED_UNIQUE = """
      package com.example.migration;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Drop unique constraint uq_products_vendor_id_code on products; rename column products.code to
       * sku; add unique constraint uq_products_vendor_id_sku on products. Generated by Retort; review
       * before committing.
       */
      @Revision(
          id = "20261121_153000",
          parent = "20261120_090000"
      )
      public final class V20261121_153000_AlterProducts implements Migration {
        @Override
        public void upgrade(Schema schema) {
          schema.alterTable("products", t -> t
              .dropUnique("uq_products_vendor_id_code")
              .renameColumn("code", "sku")
              // Retort: adds unique constraint uq_products_vendor_id_sku to products, which builds its
              // index while it blocks reads and writes on PostgreSQL (MariaDB and MySQL build it
              // online); on a big table run it when writes can wait, with a table lock timeout.
              .addUnique("uq_products_vendor_id_sku", "vendor_id", "sku"));
        }

        @Override
        public void downgrade(Schema schema) {
          schema.alterTable("products", t -> t
              .dropUnique("uq_products_vendor_id_sku")
              .renameColumn("sku", "code")
              .addUnique("uq_products_vendor_id_code", "vendor_id", "code"));
        }
      }
      """;

  private static final String RENAME_COLUMN_WITH_CHECK = """
      package com.example.migration;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Rename column products.code to sku. Generated by Retort; review before committing.
       */
      @Revision(
          id = "20261121_153000",
          parent = "20261120_090000"
      )
      public final class V20261121_153000_RenameProductsCodeToSku implements Migration {
        @Override
        public void upgrade(Schema schema) {
          schema.alterTable("products", t -> t.renameColumn("code", "sku"));
        }

        @Override
        public void downgrade(Schema schema) {
          schema.alterTable("products", t -> t.renameColumn("sku", "code"));
        }
      }
      """;

  private static final String WIDEN = """
      package com.example.migration;

      import static dev.retort.model.ColumnType.decimal;
      import static dev.retort.model.ColumnType.varchar;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Alter column users.email (type varchar(100) to varchar(255)); alter column users.balance (type
       * decimal(10,2) to decimal(12,2)). Generated by Retort; review before committing.
       */
      @Revision(
          id = "20261121_153000",
          parent = "20261120_090000"
      )
      public final class V20261121_153000_AlterUsersEmailAndBalance implements Migration {
        @Override
        public void upgrade(Schema schema) {
          schema.alterTable("users", t -> t
              .alterColumn("email", c -> c.type(varchar(100), varchar(255)))
              // Retort: changes the type of users.balance from decimal(10,2) to decimal(12,2), which
              // copies the whole table, blocking writes, on MariaDB and MySQL (PostgreSQL changes it
              // without a rewrite); on a big table add a new column instead, fill it in batches and
              // move to it.
              .alterColumn("balance", c -> c.type(decimal(10, 2), decimal(12, 2))));
        }

        @Override
        public void downgrade(Schema schema) {
          schema.alterTable("users", t -> t
              .alterColumn("email", c -> c.type(varchar(255), varchar(100)))
              .alterColumn("balance", c -> c.type(decimal(12, 2), decimal(10, 2))));
        }
      }
      """;

  private static final String ENUM_VALUE = """
      package com.example.migration;

      import static dev.retort.model.ColumnType.enumType;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Alter column orders.status (type enum order_status('NEW','PAID') to enum
       * order_status('NEW','PAID','SHIPPED')). Generated by Retort; review before committing.
       */
      @Revision(
          id = "20261121_153000",
          parent = "20261120_090000"
      )
      public final class V20261121_153000_AlterOrdersStatus implements Migration {
        @Override
        public void upgrade(Schema schema) {
          schema.alterTable("orders", t -> t
              .alterColumn("status", c -> c
                  .type(
                      enumType("order_status", "NEW", "PAID"),
                      enumType("order_status", "NEW", "PAID", "SHIPPED"))));
        }

        @Override
        public void downgrade(Schema schema) {
          schema.alterTable("orders", t -> t
              .alterColumn("status", c -> c
                  .type(
                      enumType("order_status", "NEW", "PAID", "SHIPPED"),
                      enumType("order_status", "NEW", "PAID"))));
        }
      }
      """;

  private static final String FOREIGN_KEY_ACTION = """
      package com.example.migration;

      import static dev.retort.ReferentialAction.CASCADE;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Drop foreign key fk_books_author_id on books; add foreign key fk_books_author_id on books.
       * Generated by Retort; review before committing.
       */
      @Revision(
          id = "20261121_153000",
          parent = "20261120_090000"
      )
      public final class V20261121_153000_AlterBooks implements Migration {
        @Override
        public void upgrade(Schema schema) {
          schema.alterTable("books", t -> t
              .dropForeignKey("fk_books_author_id")
              // Retort: adds foreign key fk_books_author_id to books, which reads the whole table to
              // check it while it blocks writes to books and authors on PostgreSQL, and copies books,
              // blocking writes, on MariaDB and MySQL; on a big table on PostgreSQL add it with
              // addForeignKeyNotValid and check the rows already there with
              // validateConstraint("fk_books_author_id") in a later migration, which blocks no writes;
              // on MariaDB and MySQL run it when writes can wait, with a table lock timeout.
              .addForeignKey("fk_books_author_id", fk -> fk
                  .columns("author_id")
                  .references("authors", "id")
                  .onDelete(CASCADE)));
        }

        @Override
        public void downgrade(Schema schema) {
          schema.alterTable("books", t -> t
              .dropForeignKey("fk_books_author_id")
              .addForeignKey("fk_books_author_id", fk -> fk
                  .columns("author_id")
                  .references("authors", "id")));
        }
      }
      """;

  private static final String SEVERAL = """
      package com.example.migration;

      import static dev.retort.dsl.ColumnOption.identity;
      import static dev.retort.dsl.ColumnOption.notNull;
      import static dev.retort.dsl.TableElement.column;
      import static dev.retort.dsl.TableElement.foreignKey;
      import static dev.retort.dsl.TableElement.primaryKey;
      import static dev.retort.model.ColumnType.bigint;
      import static dev.retort.model.ColumnType.varchar;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Create table orders; add column users.phone; drop table legacy_notes. Generated by Retort;
       * review before committing.
       */
      @Revision(
          id = "20261121_153000",
          parent = "20261120_090000"
      )
      public final class V20261121_153000_AlterOrdersUsersAndLegacyNotes implements Migration {
        @Override
        public void upgrade(Schema schema) {
          schema.createTable("orders",
              column("id", bigint(), identity()),
              column("user_id", bigint(), notNull()),
              primaryKey("pk_orders", "id"),
              foreignKey("fk_orders_user_id", "user_id").references("users", "id"));
          schema.addColumn("users", "phone", varchar(20));
          // Retort: drops table legacy_notes and all its rows; make sure nothing reads it and that
          // it is backed up.
          schema.dropTable("legacy_notes");
        }

        @Override
        public void downgrade(Schema schema) {
          schema.createTable("legacy_notes",
              column("id", bigint(), notNull()));
          schema.dropTable("orders");
          schema.dropColumn("users", "phone");
        }
      }
      """;
}
