package dev.retort.processor.write;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.retort.ReferentialAction.CASCADE;
import static dev.retort.ReferentialAction.RESTRICT;
import static dev.retort.ReferentialAction.SET_DEFAULT;
import static dev.retort.ReferentialAction.SET_NULL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.ClassName;
import dev.retort.Migration;
import dev.retort.ReferentialAction;
import dev.retort.dsl.Schema;
import dev.retort.model.CheckModel;
import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.IndexModel;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.SchemaModel;
import dev.retort.model.SequenceModel;
import dev.retort.model.TableModel;
import dev.retort.model.UniqueModel;
import dev.retort.model.ViewModel;
import dev.retort.operation.AddCheck;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AddForeignKey;
import dev.retort.operation.AddPrimaryKey;
import dev.retort.operation.AddUnique;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.AlterSequence;
import dev.retort.operation.AlterTableComment;
import dev.retort.operation.Change;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.CreateTable;
import dev.retort.operation.CreateView;
import dev.retort.operation.DropCheck;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropForeignKey;
import dev.retort.operation.DropIndex;
import dev.retort.operation.DropPrimaryKey;
import dev.retort.operation.DropSequence;
import dev.retort.operation.DropTable;
import dev.retort.operation.DropUnique;
import dev.retort.operation.DropView;
import dev.retort.operation.Execute;
import dev.retort.operation.JdbcStep;
import dev.retort.operation.Operation;
import dev.retort.operation.RenameColumn;
import dev.retort.operation.RenamePrimaryKey;
import dev.retort.operation.RenameTable;
import dev.retort.operation.ValidateConstraint;
import dev.retort.processor.plan.Finding;
import dev.retort.processor.plan.MigrationPlan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The generated source is the operations it was made from: compiling it and running
 * {@code upgrade} and {@code downgrade} records exactly the planned operations, for every
 * kind of operation and every variant of each.
 */
class MigrationSourceTest {

  private static final ClassName CLASS = ClassName.get("com.example.migration", "V20261121_153000_Everything");

  private static ColumnModel column(String name, ColumnType type) {
    return ColumnModel.of(name, type);
  }

  private static final TableModel EVERY_TYPE = new TableModel(
      "everything",
      "inventory",
      List.of(
          new ColumnModel("id", ColumnType.bigint(), false, Optional.empty(), true, Optional.empty()),
          column("small", ColumnType.smallint()),
          new ColumnModel("count", ColumnType.integer(), false, Optional.of(DefaultValue.literal("0")), false,
              Optional.of("how many")),
          column("flag", ColumnType.bool()),
          column("ratio", ColumnType.real()),
          column("measure", ColumnType.doublePrecision()),
          column("price", ColumnType.decimal(12, 2)),
          column("code", ColumnType.fixedChar(3)),
          new ColumnModel("name", ColumnType.varchar(200), false, Optional.of(DefaultValue.literal("it's \"new\"")),
              false, Optional.empty()),
          column("body", ColumnType.text()),
          column("born_on", ColumnType.date()),
          column("opens_at", ColumnType.time()),
          new ColumnModel("created_at", ColumnType.timestamp(), false,
              Optional.of(DefaultValue.expression("CURRENT_TIMESTAMP")), false, Optional.empty()),
          column("seen_at", ColumnType.timestampTz()),
          column("closes_at", ColumnType.time(0)),
          column("left_at", ColumnType.timestamp(3)),
          column("paid_at", ColumnType.timestampTz(0)),
          column("token", ColumnType.uuid()),
          column("hash", ColumnType.binary(32)),
          column("thumbnail", ColumnType.varbinary(4096)),
          column("image", ColumnType.blob()),
          column("attributes", ColumnType.json()),
          column("status", ColumnType.enumType("item_status", "NEW", "SOLD", "it's")),
          column("owner_id", ColumnType.bigint())),
      Optional.of(new PrimaryKeyModel("pk_everything", List.of("id"))),
      List.of(new UniqueModel("uq_everything_code_name", List.of("code", "name"))),
      List.of(new IndexModel("ix_everything_name", List.of("name"), false),
          new IndexModel("ux_everything_token", List.of("token"), true)),
      List.of(new ForeignKeyModel("fk_everything_owner_id", List.of("owner_id"), "owners", List.of("id"),
          SET_NULL, CASCADE)),
      List.of(new CheckModel("ck_everything_count", "count >= 0")),
      Optional.of("Every column type"));

  private static ForeignKeyModel foreignKey(String name, ReferentialAction onDelete, ReferentialAction onUpdate) {
    return new ForeignKeyModel(name, List.of("author_id", "edition"), "author_editions_with_a_long_name",
        List.of("id", "edition"), onDelete, onUpdate);
  }

  private static final List<Operation> EVERY_OPERATION = List.of(
      new CreateTable(EVERY_TYPE),
      new DropTable("legacy"),
      new RenameTable("people", "persons"),
      new AlterTableComment("books", new Change<>(Optional.empty(), Optional.of("Books we sell"))),
      new AlterTableComment("books", new Change<>(Optional.of("Books we sell"), Optional.of("Books"))),
      new AlterTableComment("books", new Change<>(Optional.of("Books"), Optional.empty())),
      new AddColumn("books", new ColumnModel("isbn", ColumnType.varchar(13), false,
          Optional.of(DefaultValue.literal("unknown")), false, Optional.of("ISBN-13"))),
      new DropColumn("books", "fax"),
      new RenameColumn("books", "name", "title"),
      new AlterColumn("books", "title", Optional.of(new Change<>(ColumnType.varchar(100), ColumnType.text())),
          Optional.of(new Change<>(true, false)), Optional.of(new Change<>(Optional.empty(),
              Optional.of(DefaultValue.literal("untitled")))), Optional.of(new Change<>(Optional.empty(),
              Optional.of("The title"))), Optional.empty()),
      new AlterColumn("books", "title", Optional.empty(), Optional.of(new Change<>(false, true)),
          Optional.of(new Change<>(Optional.of(DefaultValue.literal("untitled")),
              Optional.of(DefaultValue.expression("'x'")))), Optional.of(new Change<>(Optional.of("The title"),
              Optional.of("Title"))), Optional.empty()),
      new AlterColumn("books", "title", Optional.empty(), Optional.empty(),
          Optional.of(new Change<>(Optional.of(DefaultValue.expression("'x'")), Optional.empty())),
          Optional.of(new Change<>(Optional.of("Title"), Optional.empty())), Optional.empty()),
      new AlterColumn("books", "id", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.of(new Change<>(false, true))),
      new AlterColumn("books", "id", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.of(new Change<>(true, false))),
      new AlterColumn("books", "status",
          Optional.of(new Change<>(ColumnType.enumType("book_status_with_a_long_name", "DRAFT", "PUBLISHED"),
              ColumnType.enumType("book_status_with_a_long_name", "DRAFT", "PUBLISHED", "RETIRED"))),
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
      new AlterColumn("books", "printed_at", Optional.of(new Change<>(ColumnType.timestamp(), ColumnType.timestamp(0))),
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
      new AddPrimaryKey("books", new PrimaryKeyModel("pk_books", List.of("id", "edition"))),
      new DropPrimaryKey("books", "pk_books"),
      new RenamePrimaryKey("persons", "pk_people", "pk_persons"),
      new AddUnique("books", new UniqueModel("uq_books_isbn", List.of("isbn"))),
      new DropUnique("books", "uq_books_isbn"),
      new AddCheck("books", new CheckModel("ck_books_price", "price >= 0")),
      new DropCheck("books", "ck_books_price"),
      new AddForeignKey("books", foreignKey("fk_short", ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION)),
      new AddForeignKey("books", foreignKey("fk_books_author_edition", RESTRICT, SET_DEFAULT)),
      new DropForeignKey("books", "fk_books_author_edition"),
      new AddCheck("books", new CheckModel("ck_books_pages", "pages > 0"), true),
      new AddForeignKey("books", foreignKey("fk_books_author_edition_not_valid", RESTRICT, CASCADE), true),
      new ValidateConstraint("books", "ck_books_pages"),
      new CreateIndex("books", new IndexModel("ix_books_title", List.of("title"), false), false),
      new CreateIndex("books", new IndexModel("ux_books_isbn", List.of("isbn", "edition"), true), false),
      new CreateIndex("books", new IndexModel("ix_books_created", List.of("created_at"), false), true),
      new DropIndex("books", "ix_books_title", false),
      new DropIndex("books", "ix_books_created", true),
      new CreateView(ViewModel.of("one_line", "SELECT id FROM books")),
      new CreateView(new ViewModel("text_block", "sales",
          "SELECT id,\n\ttitle\n\n  FROM books -- a \\ and \"quotes\"\n  WHERE title <> 'a''b' AND id > 0")),
      new CreateView(ViewModel.of("trailing_space", "SELECT id \nFROM books")),
      new CreateView(ViewModel.of("carriage_return", "SELECT id\r\nFROM books")),
      new CreateView(ViewModel.of("three_quotes", "SELECT \"\"\"id\"\"\"\nFROM books")),
      new CreateView(ViewModel.of("quote_at_the_end", "SELECT id\nFROM \"books\"")),
      new DropView("one_line"),
      new CreateSequence(SequenceModel.of("books_seq", 1, 50)),
      new CreateSequence(new SequenceModel("invoice_numbers_with_a_long_name", "sales", 1000, 1)),
      new AlterSequence("books_seq", Optional.of(new Change<>(1L, 100L)), Optional.of(new Change<>(50L, 10L))),
      new AlterSequence("books_seq", Optional.empty(), Optional.of(new Change<>(10L, 1L))),
      new DropSequence("books_seq"),
      new DropTable("books"));

  private static MigrationPlan plan(List<Operation> upgrade, List<Operation> downgrade, List<Finding> findings) {
    return new MigrationPlan("20261121_153000", List.of("20261120_090000"), CLASS, "Everything.", upgrade,
        downgrade, SchemaModel.empty(), findings);
  }

  @Test
  void upgradeAndDowngradeRecordExactlyThePlannedOperations() throws Exception {
    List<Operation> downgrade = new ArrayList<>(EVERY_OPERATION);
    Collections.reverse(downgrade);
    String source = MigrationSource.of(plan(EVERY_OPERATION, downgrade, List.of())).toString();

    Migration migration = compileAndLoad(source);

    Schema up = new Schema();
    migration.upgrade(up);
    assertThat(up.operations()).containsExactlyElementsOf(EVERY_OPERATION);
    Schema down = new Schema();
    migration.downgrade(down);
    assertThat(down.operations()).containsExactlyElementsOf(downgrade);
  }

  @Test
  void everyKindOfOperationTheProcessorGeneratesIsAmongThem() {
    Set<Class<?>> kinds = new HashSet<>();
    EVERY_OPERATION.forEach(operation -> kinds.add(operation.getClass()));

    // Raw SQL and Java steps are written by hand, never generated.
    assertThat(Operation.class.getPermittedSubclasses())
        .filteredOn(kind -> kind != Execute.class && kind != JdbcStep.class)
        .allSatisfy(kind -> assertThat(kinds).as("operations written and read back").contains(kind));
  }

  @Test
  void longCallsAreBrokenSoThatNoLineIsLongerThanOneHundredCharacters() {
    String source = MigrationSource.of(plan(EVERY_OPERATION, List.of(new DropTable("x")), List.of())).toString();

    assertThat(source.lines()).allMatch(line -> line.length() <= OperationCode.LINE_WIDTH);
  }

  @Test
  void findingsBecomeCommentsAboveTheirOperation() {
    List<Operation> upgrade = List.of(new DropColumn("users", "fax"), new DropColumn("users", "pager"));
    Finding finding = new Finding(1, upgrade.get(1), Finding.Risk.DESTROYS_DATA, "users", Optional.of("pager"),
        "drops column users.pager and its data; make sure nothing reads it and that it is backed up");

    String source = MigrationSource.of(plan(upgrade, List.of(new DropTable("users")), List.of(finding))).toString();

    assertThat(source).contains("""
            schema.alterTable("users", t -> t
                .dropColumn("fax")
                // Retort: drops column users.pager and its data; make sure nothing reads it and that it
                // is backed up.
                .dropColumn("pager"));
        """);
  }

  @Test
  void aChangeOfTheDigitsOfTheSecondIsWrittenWithTheFactoriesOfTheDsl() {
    List<Operation> upgrade = List.of(new AlterColumn("orders", "placed_at",
        Optional.of(new Change<>(ColumnType.timestamp(), ColumnType.timestamp(0))), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty()), new AddColumn("orders", column("paid_at", ColumnType.timestampTz(3))));

    String source = MigrationSource.of(plan(upgrade, List.of(new DropTable("orders")), List.of())).toString();

    assertThat(source).contains("""
            schema.alterTable("orders", t -> t
                .alterColumn("placed_at", c -> c.type(timestamp(), timestamp(0)))
                .addColumn("paid_at", timestampTz(3)));
        """);
  }

  @Test
  void aMergeRevisionListsItsParents() {
    MigrationPlan merge = new MigrationPlan("20261121_153000", List.of("a", "b"), CLASS, "Drop table x.",
        List.of(new DropTable("x")), List.of(new DropTable("y")), SchemaModel.empty(), List.of());

    assertThat(MigrationSource.of(merge).toString()).contains("""
        @Revision(
            id = "20261121_153000",
            parent = {"a", "b"}
        )
        """);
  }

  @Test
  void manyOperationsAreListedInTheJavadoc() {
    List<Operation> upgrade = List.of(new DropTable("a"), new DropTable("b"), new DropTable("c"), new DropTable("d"));

    String source = MigrationSource.of(new MigrationPlan("20261121_153000", List.of(), CLASS,
        "Drop table a, and 3 more changes.", upgrade, upgrade, SchemaModel.empty(), List.of())).toString();

    assertThat(source).contains("""
        /**
         * Drop table a, and 3 more changes. Generated by Retort; review before committing.
         *
         * <ul>
         *   <li>drop table a
         *   <li>drop table b
         *   <li>drop table c
         *   <li>drop table d
         * </ul>
         */
        """);
  }

  @Test
  void theSameOperationsGiveTheSameText() {
    String first = MigrationSource.of(plan(EVERY_OPERATION, EVERY_OPERATION, List.of())).toString();
    String second = MigrationSource.of(plan(List.copyOf(EVERY_OPERATION), EVERY_OPERATION, List.of())).toString();

    assertThat(second).isEqualTo(first);
  }

  @Test
  void rawSqlAndJavaStepsAreRefusedSinceTheDifferNeverEmitsThem() {
    assertThatThrownBy(() -> MigrationSource.of(plan(List.of(Execute.of("DELETE FROM x")), List.of(), List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never runs raw SQL, but the differ emitted execute DELETE FROM x");
    assertThatThrownBy(() -> MigrationSource.of(plan(List.of(new JdbcStep("backfill x", c -> { })), List.of(),
            List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never runs Java steps, but the differ emitted run backfill x");
  }

  /**
   * Compiles the source on the test's classpath, with every lint of the javac the tests run on (a
   * newer JDK's too, at its own source version), and creates the migration.
   */
  private static Migration compileAndLoad(String source) throws Exception {
    Compilation compilation = javac().withOptions("-Xlint:all")
        .compile(JavaFileObjects.forSourceString(CLASS.canonicalName(), source));
    assertThat(compilation).succeededWithoutWarnings();
    return (Migration) CompiledClasses.newInstance(compilation, CLASS.canonicalName());
  }
}
