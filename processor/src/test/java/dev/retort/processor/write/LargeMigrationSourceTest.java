package dev.retort.processor.write;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.ClassName;
import dev.retort.Migration;
import dev.retort.ReferentialAction;
import dev.retort.dsl.Schema;
import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.IndexModel;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.SchemaModel;
import dev.retort.model.TableModel;
import dev.retort.model.UniqueModel;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AddForeignKey;
import dev.retort.operation.CreateTable;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropForeignKey;
import dev.retort.operation.DropTable;
import dev.retort.operation.Operation;
import dev.retort.processor.plan.MigrationPlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Migrations too large for one method or one class file: their statements move into helper
 * methods and nested classes, in order, and the result compiles and records exactly the planned
 * operations.
 */
class LargeMigrationSourceTest {

  private static final ClassName CLASS = ClassName.get("com.example.migration", "V20261121_153000_CreateTables");

  @Test
  void aMigrationOfAtMostOneHundredStatementsKeepsThemInItsMethods() {
    List<Operation> upgrade = creates(0, MethodBodies.STATEMENTS_PER_METHOD);

    String source = MigrationSource.of(plan(upgrade, drops(upgrade))).toString();

    assertThat(skeleton(source)).containsExactly(
        "public final class V20261121_153000_CreateTables implements Migration {",
        "  public void upgrade(Schema schema) {",
        "  public void downgrade(Schema schema) {",
        "}");
  }

  @Test
  void aLongerMethodCallsHelpersOfAtMostOneHundredStatementsOfOneKindInOrder() {
    List<Operation> upgrade = new ArrayList<>(creates(0, 150));
    for (int i = 0; i < 30; i++) {
      upgrade.add(new AddColumn(table(i), ColumnModel.of("note", ColumnType.text())));
    }
    List<Operation> downgrade = new ArrayList<>();
    for (int i = 29; i >= 0; i--) {
      downgrade.add(new DropColumn(table(i), "note"));
    }
    downgrade.addAll(drops(creates(0, 150)));

    String source = MigrationSource.of(plan(upgrade, downgrade)).toString();

    assertThat(skeleton(source)).containsExactly(
        "public final class V20261121_153000_CreateTables implements Migration {",
        "  public void upgrade(Schema schema) {",
        "    createTablesPart1(schema);",
        "    createTablesPart2(schema);",
        "    alterTablesPart1(schema);",
        "  public void downgrade(Schema schema) {",
        "    alterTablesPart2(schema);",
        "    dropTablesPart1(schema);",
        "    dropTablesPart2(schema);",
        "  private static void createTablesPart1(Schema schema) {",
        "  private static void createTablesPart2(Schema schema) {",
        "  private static void alterTablesPart1(Schema schema) {",
        "  private static void alterTablesPart2(Schema schema) {",
        "  private static void dropTablesPart1(Schema schema) {",
        "  private static void dropTablesPart2(Schema schema) {",
        "}");
    assertThat(source).contains("""
          private static void createTablesPart2(Schema schema) {
            schema.createTable("table_0100",
                column("id", bigint(), notNull()),
        """);
    assertThat(source).contains("""
            schema.addColumn("table_0029", "note", text());
          }

          private static void alterTablesPart2(Schema schema) {
            schema.dropColumn("table_0029", "note");
        """);
  }

  /**
   * 2,000 tables of 20 columns, most named after their table, with keys, indexes and foreign keys:
   * more distinct strings than one class file's 65,535 constants can hold. (The first migration of
   * 5,000 real entities failed so; this one is smaller to keep the test fast.)
   */
  @Test
  void aMigrationTooLargeForOneClassFileCompilesAndRecordsExactlyThePlannedOperations() throws Exception {
    List<Operation> upgrade = new ArrayList<>(creates(0, 2_000));
    for (int i = 0; i < 2_000; i += 10) {
      upgrade.add(new AddForeignKey(table(i), new ForeignKeyModel("fk_" + table(i) + "_last", List.of("ref"),
          table(1_999), List.of("id"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION)));
    }
    List<Operation> downgrade = new ArrayList<>();
    for (int i = 1_990; i >= 0; i -= 10) {
      downgrade.add(new DropForeignKey(table(i), "fk_" + table(i) + "_last"));
    }
    downgrade.addAll(drops(creates(0, 2_000)));

    assertThat(2 * distinctNames(upgrade)).as("string constants").isGreaterThan(65_535);

    String source = MigrationSource.of(plan(upgrade, downgrade)).toString();

    List<String> skeleton = skeleton(source);
    assertThat(skeleton).containsSubsequence(
        "  public void upgrade(Schema schema) {",
        "    Upgrade1.createTablesPart1(schema);",
        "    Upgrade1.createTablesPart11(schema);",
        "    Upgrade2.createTablesPart12(schema);",
        "    Upgrade2.createTablesPart20(schema);",
        "    Upgrade2.alterTablesPart1(schema);",
        "    Upgrade2.alterTablesPart2(schema);",
        "  public void downgrade(Schema schema) {",
        "    Downgrade1.alterTablesPart3(schema);",
        "    Downgrade1.alterTablesPart4(schema);",
        "    Downgrade1.dropTablesPart1(schema);",
        "    Downgrade1.dropTablesPart20(schema);",
        "  private static final class Upgrade1 {",
        "  private static final class Upgrade2 {",
        "  private static final class Downgrade1 {",
        "}");
    assertThat(source).contains("""
          /**
           * Part of {@code upgrade}, in its own class: a class file holds at most 65,535 constants.
           */
          private static final class Upgrade1 {
            private static void createTablesPart1(Schema schema) {
              schema.createTable("table_0000",
        """);
    assertThat(source.lines()).allMatch(line -> line.length() <= OperationCode.LINE_WIDTH);

    Compilation compilation = javac().withOptions("-Xlint:all")
        .compile(JavaFileObjects.forSourceString(CLASS.canonicalName(), source));
    assertThat(compilation).succeededWithoutWarnings();
    Migration migration = (Migration) CompiledClasses.newInstance(compilation, CLASS.canonicalName());
    Schema up = new Schema();
    migration.upgrade(up);
    assertThat(up.operations()).isEqualTo(upgrade);
    Schema down = new Schema();
    migration.downgrade(down);
    assertThat(down.operations()).isEqualTo(downgrade);
  }

  @Test
  void theSameLargePlanGivesTheSameText() {
    List<Operation> upgrade = creates(0, 2_000);

    assertThat(MigrationSource.of(plan(upgrade, drops(upgrade))).toString())
        .isEqualTo(MigrationSource.of(plan(List.copyOf(upgrade), drops(upgrade))).toString());
  }

  private static MigrationPlan plan(List<Operation> upgrade, List<Operation> downgrade) {
    return new MigrationPlan("20261121_153000", List.of("20261120_090000"), CLASS, "Create tables.", upgrade,
        downgrade, SchemaModel.empty(), List.of());
  }

  private static String table(int i) {
    return String.format("table_%04d", i);
  }

  /** Tables {@code from} to {@code to} (exclusive) of 20 columns, a key, a unique constraint and an index. */
  private static List<Operation> creates(int from, int to) {
    List<Operation> creates = new ArrayList<>();
    for (int i = from; i < to; i++) {
      String name = table(i);
      List<ColumnModel> columns = new ArrayList<>();
      columns.add(ColumnModel.of("id", ColumnType.bigint()).withNullable(false));
      columns.add(ColumnModel.of("ref", ColumnType.bigint()));
      columns.add(ColumnModel.of("code", ColumnType.varchar(20)));
      for (int c = 3; c < 20; c++) {
        columns.add(ColumnModel.of(name + "_value_" + c, c % 2 == 0 ? ColumnType.integer() : ColumnType.text()));
      }
      creates.add(new CreateTable(new TableModel(name, "", columns,
          Optional.of(new PrimaryKeyModel("pk_" + name, List.of("id"))),
          List.of(new UniqueModel("uq_" + name + "_code", List.of("code"))),
          List.of(new IndexModel("ix_" + name + "_ref", List.of("ref"), false)), List.of(), List.of(),
          Optional.empty())));
    }
    return creates;
  }

  /** The drops undoing {@code creates}, in reverse order. */
  private static List<Operation> drops(List<Operation> creates) {
    List<Operation> drops = new ArrayList<>();
    for (int i = creates.size() - 1; i >= 0; i--) {
      drops.add(new DropTable(((CreateTable) creates.get(i)).table().name()));
    }
    return drops;
  }

  /** The number of distinct names the creates use, each a string constant of the generated code. */
  private static int distinctNames(List<Operation> operations) {
    Set<String> names = new HashSet<>();
    for (Operation operation : operations) {
      if (operation instanceof CreateTable create) {
        TableModel table = create.table();
        names.add(table.name());
        names.addAll(table.columnNames());
        names.addAll(table.objectNames());
      }
    }
    return names.size();
  }

  /**
   * The class's outline: its declarations, those of its members and nested classes, and the
   * statements of {@code upgrade} and {@code downgrade} that call helpers.
   */
  private static List<String> skeleton(String source) {
    return source.lines()
        .filter(line -> line.startsWith("public final class") || line.equals("}")
            || line.matches(" {2}(public|private) .*\\{")
            || line.matches(" {4}(\\w+\\.)?\\w+Part\\d+\\(schema\\);"))
        .toList();
  }
}
