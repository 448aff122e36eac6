package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.retort.ReferentialAction;
import dev.retort.cli.internal.entities.Entity;
import dev.retort.cli.internal.entities.EntitySource;
import dev.retort.cli.internal.entities.JavaNames;
import dev.retort.cli.internal.entities.JavaTypes;
import dev.retort.cli.internal.entities.ViewType;
import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.SchemaModel;
import dev.retort.model.SequenceModel;
import dev.retort.model.TableModel;
import dev.retort.model.ViewModel;
import dev.retort.snapshot.SnapshotCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entities {@code retort entities} writes, compiled with javac and the real processor: each
 * column type, nullability, name and attribute comes back from the processor's snapshot as it was
 * given. A wrong entry in the backwards type mapping, or a name the processor derives otherwise,
 * fails here without a database.
 */
class EntitySourceProcessorTest {

  private static final String PACKAGE = "com.example.model";

  /** Every column type the mapping knows, with the sizes that need attributes and those that do not. */
  private static final List<ColumnType> TYPES = List.of(
      ColumnType.Scalar.SMALLINT, ColumnType.Scalar.INTEGER, ColumnType.Scalar.BIGINT, ColumnType.Scalar.BOOLEAN,
      ColumnType.Scalar.REAL, ColumnType.Scalar.DOUBLE, ColumnType.Scalar.TEXT, ColumnType.Scalar.DATE,
      ColumnType.Scalar.TIME, ColumnType.Scalar.TIMESTAMP, ColumnType.Scalar.TIMESTAMP_TZ, ColumnType.Scalar.UUID,
      ColumnType.Scalar.BLOB, ColumnType.Scalar.JSON,
      new ColumnType.Varchar(255), new ColumnType.Varchar(40), new ColumnType.Varchar(2000),
      new ColumnType.Char(1), new ColumnType.Char(13),
      new ColumnType.Decimal(19, 2), new ColumnType.Decimal(12, 4), new ColumnType.Decimal(19, 0),
      new ColumnType.Varbinary(16), new ColumnType.Binary(16),
      new ColumnType.Enumerated("mood", List.of("HAPPY", "SAD")));

  private static Entity.Member member(String column, ColumnType type, boolean nullable) {
    return new Entity.Member(column, JavaNames.memberName(column), type, JavaTypes.of(type), false, false, nullable,
        false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static Entity.Member id(String column) {
    return new Entity.Member(column, JavaNames.memberName(column), ColumnType.Scalar.BIGINT,
        JavaTypes.of(ColumnType.Scalar.BIGINT), true, true, false, false, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  private static Entity entity(String table, List<Entity.Member> members) {
    return new Entity(table, Optional.empty(), JavaNames.typeName(table), Optional.empty(), Optional.empty(), members,
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  private static SchemaModel build(Path dir, List<Entity> entities) throws IOException {
    return build(dir, entities, List.of());
  }

  private static SchemaModel build(Path dir, List<Entity> entities, List<ViewType> views) throws IOException {
    EntityProject project = new EntityProject(dir);
    Path directory = project.sources().resolve(PACKAGE.replace('.', '/'));
    Files.createDirectories(directory);
    for (Entity entity : entities) {
      Files.writeString(directory.resolve(entity.className() + ".java"), EntitySource.write(PACKAGE, entity),
          StandardCharsets.UTF_8);
    }
    for (ViewType view : views) {
      Files.writeString(directory.resolve(view.className() + ".java"), EntitySource.writeView(PACKAGE, view),
          StandardCharsets.UTF_8);
    }
    EntityProject.Build build = project.build();
    assertThat(build.succeeded()).as(build.log()).isTrue();
    assertThat(build.warnings()).as(build.log()).isEmpty();
    return SnapshotCodec.read(build.snapshot(), "snapshot");
  }

  @Test
  void everyColumnTypeComesBackFromTheProcessorAsItWasReadNullableOrNot(@TempDir Path dir) throws IOException {
    List<Entity.Member> members = new ArrayList<>(List.of(id("id")));
    List<ColumnModel> expected = new ArrayList<>();
    for (int i = 0; i < TYPES.size(); i++) {
      for (boolean nullable : List.of(true, false)) {
        String column = "c" + i + (nullable ? "_nullable" : "_not_null");
        members.add(member(column, TYPES.get(i), nullable));
        expected.add(ColumnModel.of(column, TYPES.get(i)).withNullable(nullable));
      }
    }

    SchemaModel model = build(dir, List.of(entity("every_type", members)));

    TableModel table = model.table("every_type").orElseThrow();
    for (ColumnModel column : expected) {
      ColumnModel built = table.column(column.name()).orElseThrow();
      assertThat(built.type()).as(column.name()).isEqualTo(column.type());
      assertThat(built.nullable()).as(column.name()).isEqualTo(column.nullable());
    }
    assertThat(table.column("id").orElseThrow().identity()).isTrue();
  }

  @Test
  void namesTheProcessorWouldNotDeriveAreGivenAndTheOthersAreLeftToIt(@TempDir Path dir) throws IOException {
    List<String> columns = List.of("updated_at", "createdAt", "ISBN", "order", "class", "2fa", "first name",
        "URLPath", "user_id", "line2", "naïve", "a-b", "_hidden", "trailing_", "wait", "hash_code");
    List<Entity.Member> members = new ArrayList<>(List.of(id("id")));
    for (String column : columns) {
      members.add(member(column, ColumnType.Scalar.INTEGER, true));
    }

    SchemaModel model = build(dir, List.of(entity("Order Lines", members)));

    TableModel table = model.table("Order Lines").orElseThrow();
    assertThat(table.columns()).extracting(ColumnModel::name).containsSubsequence(columns);
    String source = EntitySource.write(PACKAGE, entity("Order Lines", members));
    assertThat(source)
        .contains("public record OrderLines(")
        .contains("    Integer updatedAt,")
        .contains("@Column(name = \"createdAt\") Integer createdAt,")
        .contains("@Column(name = \"URLPath\") Integer urlPath,")
        .contains("@Column(name = \"ISBN\") Integer isbn,")
        .contains("    Integer order,\n")
        .contains("@Column(name = \"class\") Integer class_,")
        .contains("@Column(name = \"wait\") Integer wait_,")
        .contains("@Column(name = \"hash_code\") Integer hashCode_) {}")
        .doesNotContain("@Column(name = \"updated_at\")")
        .doesNotContain("@Column(name = \"user_id\")")
        .doesNotContain("@Column(name = \"line2\")");
  }

  @Test
  void attributesComeBackAsTheyWereRead(@TempDir Path dir) throws IOException {
    Entity authors = entity("authors", List.of(id("id"),
        new Entity.Member("email", "email", new ColumnType.Varchar(200), JavaTypes.of(new ColumnType.Varchar(200)),
            false, false, false, true, Optional.empty(), Optional.empty(), Optional.of("the login, */ <b>"),
            Optional.empty())));
    Entity books = new Entity("books", Optional.empty(), "Books", Optional.of("Titles {@code sold}"),
        Optional.of("books_pkey"), List.of(
        id("id"),
        new Entity.Member("author_id", "authorId", ColumnType.Scalar.BIGINT, JavaTypes.of(ColumnType.Scalar.BIGINT),
            false, false, true, false, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.of(new Entity.Reference("Authors", Optional.empty(), Optional.of("books_author_fkey"),
                ReferentialAction.SET_NULL, ReferentialAction.CASCADE))),
        new Entity.Member("editor_email", "editorEmail", new ColumnType.Varchar(200),
            JavaTypes.of(new ColumnType.Varchar(200)), false, false, true, false, Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.of(new Entity.Reference("Authors", Optional.of("email"), Optional.empty(),
                ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION))),
        new Entity.Member("stock", "stock", ColumnType.Scalar.INTEGER, JavaTypes.of(ColumnType.Scalar.INTEGER),
            false, false, false, false, Optional.of("0"), Optional.empty(), Optional.empty(), Optional.empty()),
        new Entity.Member("added", "added", ColumnType.Scalar.TIMESTAMP, JavaTypes.of(ColumnType.Scalar.TIMESTAMP),
            false, false, false, false, Optional.empty(), Optional.of("CURRENT_TIMESTAMP"), Optional.empty(),
            Optional.empty())),
        List.of(new Entity.UniqueDeclaration("uq_books_author_id_added", List.of("author_id", "added"), true),
            new Entity.UniqueDeclaration("books_editor_stock_key", List.of("editor_email", "stock"), false)),
        List.of(new Entity.IndexDeclaration("books_by_author", List.of("author_id", "stock"), false, false),
            new Entity.IndexDeclaration("ux_books_added", List.of("added"), true, true)),
        List.of(new Entity.CheckDeclaration("stock_positive", "\"stock\" >= 0")), List.of(),
        List.of(new Entity.SequenceDeclaration("books_seq", Optional.empty(), 1, 50),
            new Entity.SequenceDeclaration("isbn_seq", Optional.empty(), 3_000_000_000L, 1)),
        List.of());

    SchemaModel model = build(dir, List.of(authors, books));

    TableModel authorsTable = model.table("authors").orElseThrow();
    assertThat(authorsTable.uniques()).singleElement().satisfies(u -> assertThat(u.columns()).containsExactly("email"));
    assertThat(authorsTable.column("email").orElseThrow().comment()).contains("the login, */ <b>");
    TableModel table = model.table("books").orElseThrow();
    assertThat(table.comment()).contains("Titles {@code sold}");
    assertThat(table.primaryKey()).hasValueSatisfying(key -> assertThat(key.name()).isEqualTo("books_pkey"));
    assertThat(authorsTable.primaryKey()).hasValueSatisfying(key -> assertThat(key.name()).isEqualTo("pk_authors"));
    assertThat(table.foreignKeys()).extracting(ForeignKeyModel::name, ForeignKeyModel::referencedColumns,
            ForeignKeyModel::onDelete, ForeignKeyModel::onUpdate)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("books_author_fkey", List.of("id"), ReferentialAction.SET_NULL,
                ReferentialAction.CASCADE),
            org.assertj.core.groups.Tuple.tuple("fk_books_editor_email", List.of("email"),
                ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION));
    assertThat(table.column("stock").orElseThrow().defaultValue()).contains(new DefaultValue.Literal("0"));
    assertThat(table.column("added").orElseThrow().defaultValue())
        .contains(new DefaultValue.Expression("CURRENT_TIMESTAMP"));
    assertThat(table.uniques()).extracting(u -> u.name() + " " + u.columns())
        .containsExactlyInAnyOrder("uq_books_author_id_added [author_id, added]",
            "books_editor_stock_key [editor_email, stock]");
    assertThat(table.indexes()).extracting(i -> i.name() + " " + i.columns() + " " + i.unique())
        .containsExactlyInAnyOrder("books_by_author [author_id, stock] false", "ux_books_added [added] true");
    assertThat(table.checks()).singleElement().satisfies(check -> {
      assertThat(check.name()).isEqualTo("stock_positive");
      assertThat(check.expression()).isEqualTo("\"stock\" >= 0");
    });
    assertThat(model.sequences())
        .containsExactly(SequenceModel.of("books_seq", 1, 50), SequenceModel.of("isbn_seq", 3_000_000_000L, 1));
  }

  @Test
  void foreignKeysOfSeveralColumnsComeBackAsTheyWereRead(@TempDir Path dir) throws IOException {
    Entity lines = new Entity("lines", Optional.empty(), "Lines", Optional.empty(), Optional.empty(), List.of(
        key("order_id", ColumnType.Scalar.BIGINT), key("line_no", ColumnType.Scalar.INTEGER),
        member("code", new ColumnType.Varchar(10), false)),
        List.of(new Entity.UniqueDeclaration("uq_lines_code_line_no", List.of("code", "line_no"), true)),
        List.of(), List.of(), List.of(), List.of(), List.of());
    Entity refunds = new Entity("refunds", Optional.empty(), "Refunds", Optional.empty(), Optional.empty(), List.of(
        id("id"), member("order_id", ColumnType.Scalar.BIGINT, true), member("line_no", ColumnType.Scalar.INTEGER, true),
        member("line_code", new ColumnType.Varchar(10), true)),
        List.of(), List.of(), List.of(), List.of(
            new Entity.ForeignKeyDeclaration(List.of("order_id", "line_no"), "Lines", Optional.empty(),
                Optional.of("refunds_line"), ReferentialAction.SET_NULL, ReferentialAction.CASCADE),
            new Entity.ForeignKeyDeclaration(List.of("line_code", "line_no"), "Lines",
                Optional.of(List.of("code", "line_no")), Optional.empty(), ReferentialAction.NO_ACTION,
                ReferentialAction.NO_ACTION)),
        List.of(), List.of());

    SchemaModel model = build(dir, List.of(lines, refunds));

    assertThat(model.table("refunds").orElseThrow().foreignKeys()).containsExactlyInAnyOrder(
        new ForeignKeyModel("refunds_line", List.of("order_id", "line_no"), "lines", List.of("order_id", "line_no"),
            ReferentialAction.SET_NULL, ReferentialAction.CASCADE),
        new ForeignKeyModel("fk_refunds_line_code_line_no", List.of("line_code", "line_no"), "lines",
            List.of("code", "line_no"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION));
  }

  @Test
  void viewQueriesComeBackFromTheProcessorAsTheDatabaseGaveThem(@TempDir Path dir) throws IOException {
    Entity books = entity("books", List.of(id("id"), member("title", new ColumnType.Varchar(300), false)));
    // PostgreSQL's layout, whose lines a text block keeps; a line ending in a space, which a text block
    // would lose; quotes and a backslash; a view in another schema, and one without a column of a Java type.
    List<String> queries = List.of(
        " SELECT books.id,\n    books.title\n   FROM books\n  WHERE books.title::text <> 'x;y'::text",
        "SELECT id \nFROM books",
        "select `books`.`title` AS `t` from `books` where `books`.`title` like 'a\\\"b%'",
        "SELECT count(*) AS n FROM books");
    List<ViewType> views = List.of(
        view("book_titles", Optional.empty(), queries.get(0), List.of(component("id", ColumnType.Scalar.BIGINT, true),
            component("title", new ColumnType.Varchar(300), true))),
        view("book_ids", Optional.empty(), queries.get(1), List.of(component("id", ColumnType.Scalar.BIGINT, false))),
        view("quoted_titles", Optional.of("reports"), queries.get(2),
            List.of(component("t", ColumnType.Scalar.TEXT, true))),
        view("book_count", Optional.empty(), queries.get(3), List.of()));

    SchemaModel model = build(dir, List.of(books), views);

    assertThat(model.views()).extracting(ViewModel::name, ViewModel::schema, ViewModel::query).containsExactly(
        tuple("book_count", "", queries.get(3)),
        tuple("book_ids", "", queries.get(1)),
        tuple("book_titles", "", queries.get(0).strip()),
        tuple("quoted_titles", "reports", queries.get(2)));
    String titles = Files.readString(dir.resolve("src/main/java/com/example/model/BookTitles.java"));
    assertThat(titles).contains("@View(name = \"book_titles\", value = \"\"\"\n    SELECT books.id,\n        books.title\n");
  }

  private static ViewType view(String name, Optional<String> schema, String query, List<ViewType.Component> components) {
    return new ViewType(name, schema, JavaNames.typeName(name), query.strip(), components, List.of());
  }

  private static ViewType.Component component(String column, ColumnType type, boolean nullable) {
    return new ViewType.Component(column, JavaNames.memberName(column), JavaTypes.of(type), nullable);
  }

  /** A column of a primary key that the database does not generate. */
  private static Entity.Member key(String column, ColumnType type) {
    return new Entity.Member(column, JavaNames.memberName(column), type, JavaTypes.of(type), true, false, false, false,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
