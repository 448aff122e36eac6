package dev.retort.runtime;

import static dev.retort.dsl.ColumnOption.defaultExpression;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.integer;
import static dev.retort.model.ColumnType.varchar;
import static dev.retort.runtime.Codes.code;
import static dev.retort.runtime.Probe.retort;
import static dev.retort.runtime.SqliteOfflineScriptTest.contents;
import static dev.retort.runtime.SqliteOfflineScriptTest.rows;
import static dev.retort.runtime.SqliteOfflineScriptTest.runScript;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.Migration;
import dev.retort.RevisionInfo;
import dev.retort.dsl.Schema;
import dev.retort.operation.Vendor;
import dev.retort.runtime.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Consecutive operations of one migration that each rebuild the same SQLite table, each changing
 * a column of its own, rebuild it once: the rows are copied once, to the table the last of them
 * leaves. Where the operations in between need the table as one of them leaves it (a data step, a
 * native rename), or one column changes twice, each rebuilds on its own.
 */
class SqliteMergedRebuildTest {

  /** What revision 02's operations in the tests below alter: a table of three rows. */
  private static final String ITEMS_ROWS = "INSERT INTO \"items\" VALUES (1, 5, 'kettle', 1), (2, 7, 'teapot', 1),"
      + " (3, 9, NULL, 2)";

  @Test
  void twoColumnChangesOfATableWithRowsRebuildItOnceBothWays() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, history(WidenTwoColumns::new));
      retort.upgrade("01");

      MigrationResult upgrade = retort.upgrade();

      assertThat(rebuilds(retort.sql("01", "head", Vendor.SQLITE))).isEqualTo(1);
      assertThat(upgrade.runs().get(0).statements()).as("as many as one column change takes")
          .isEqualTo(statementsOf(WidenQty::new));
      assertThat(retort.check().differences()).isEmpty();
      assertThat(rows(db, "SELECT \"id\", \"qty\", \"name\", \"category_id\" FROM \"items\" ORDER BY 1"))
          .containsExactly("1 5 kettle 1", "2 7 teapot 1", "3 9 null 2");
      assertThat(rows(db, "SELECT \"name\", \"type\" FROM pragma_table_info('items') ORDER BY \"cid\""))
          .containsExactly("id INTEGER", "qty BIGINT", "name VARCHAR(200)", "category_id INTEGER");
      assertThat(rows(db, "SELECT \"name\" FROM \"sqlite_master\" WHERE \"tbl_name\" = 'items' AND \"type\" = 'index'"))
          .containsExactly("ix_items_name");

      MigrationResult downgrade = retort.downgrade("01");

      assertThat(rebuilds(retort.sql("head", "01", Vendor.SQLITE))).isEqualTo(1);
      assertThat(downgrade.runs().get(0).statements()).isEqualTo(upgrade.runs().get(0).statements());
      assertThat(retort.check().differences()).isEmpty();
      assertThat(rows(db, "SELECT \"id\", \"qty\", \"name\", \"category_id\" FROM \"items\" ORDER BY 1"))
          .containsExactly("1 5 kettle 1", "2 7 teapot 1", "3 9 null 2");
    }
  }

  @Test
  void theOfflineScriptRebuildsOnceAndLeavesWhatTheUpgradeLeaves() throws SQLException {
    try (TestDatabase online = TestDatabase.create(TestDatabase.Kind.SQLITE);
        TestDatabase offline = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      retort(online, history(WidenTwoColumns::new)).upgrade();
      Retort byScript = retort(offline, history(WidenTwoColumns::new));

      runScript(offline, byScript.sql("base", "head", Vendor.SQLITE).statements());

      assertThat(byScript.check().differences()).isEmpty();
      assertThat(contents(offline)).isEqualTo(contents(online));
    }
  }

  @Test
  void theChecksumIsTheOperationsOnesAsBefore() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, history(WidenTwoColumns::new));
      retort.upgrade();

      // Recorded by the upgrade that rebuilt items twice, before consecutive rebuilds were merged.
      assertThat(Probe.versionRows(db)).filteredOn(row -> row.revision().equals("02"))
          .extracting(Probe.Row::checksum)
          .containsExactly("fbc15ba8b45cc9dab513039f4f001a64c1b0eed8f26e35d24186e2c99683ea73");
    }
  }

  @Test
  void aForeignKeyCheckFailingAfterAMergedRebuildNamesEveryOperationOfIt() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, history(WidenTwoColumns::new));
      retort.upgrade("01");
      Probe.execute(db, "INSERT INTO \"items\" VALUES (4, 1, 'orphan', 99)");

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.MIGRATION_FAILED))
          .hasMessageContaining("\n  from 'alter column items.qty (type integer -> bigint)' and 'alter column"
              + " items.name (type varchar(50) -> varchar(200))', done in one table rebuild: after rebuilding"
              + " table items on SQLite, 1 row(s) break foreign keys: items row 4 references a missing category"
              + " row.");

      assertThat(retort.current().applied()).extracting(AppliedRevision::revision).containsExactly("01");
      assertThat(retort.check().differences()).isEmpty();
    }
  }

  @Test
  void aDataStepInBetweenSeesTheTableAsTheChangeBeforeItLeavesIt() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      List<String> seen = new ArrayList<>();
      Retort retort = retort(db, history(() -> new WidenAround(schema -> schema.run("read the declared types",
          connection -> seen.addAll(declaredTypes(connection))))));
      retort.upgrade("01");

      MigrationResult upgrade = retort.upgrade();

      assertThat(seen).containsExactly("id INTEGER", "qty BIGINT", "name VARCHAR(50)", "category_id INTEGER");
      assertThat(upgrade.runs().get(0).statements()).isEqualTo(2 * statementsOf(WidenQty::new) + 1);
      assertThat(retort.check().differences()).isEmpty();
    }
  }

  @Test
  void anExecuteInBetweenKeepsTwoRebuildsInTheScript() {
    assertThat(rebuilds(script(() -> new WidenAround(
        schema -> schema.execute("UPDATE \"items\" SET \"qty\" = \"qty\" * 1000000000000"))))).isEqualTo(2);
  }

  @Test
  void aNativeRenameInBetweenKeepsTwoRebuilds() {
    assertThat(rebuilds(script(() -> new WidenAround(
        schema -> schema.alterTable("items", t -> t.renameColumn("qty", "quantity")))))).isEqualTo(2);
  }

  /** SQLite stores no comments: a comment's change renders nothing, and the rebuild before it goes on. */
  @Test
  void aChangeThatRunsNothingInBetweenJoinsTheRebuild() throws SQLException {
    Supplier<Migration> migration = () -> new WidenAround(schema -> schema.alterTable("items",
        t -> t.alterColumn("qty", c -> c.setComment("How many are in stock"))));
    assertThat(rebuilds(script(migration))).isEqualTo(1);
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, history(migration));
      retort.upgrade();

      assertThat(retort.check().differences()).isEmpty();
      assertThat(rows(db, "SELECT \"id\", \"qty\", \"name\" FROM \"items\" ORDER BY 1"))
          .containsExactly("1 5 kettle", "2 7 teapot", "3 9 null");
    }
  }

  @Test
  void aChangeOfAnotherTableInBetweenKeepsTwoRebuilds() {
    assertThat(rebuilds(script(() -> new WidenAround(schema -> schema.alterTable("category",
        t -> t.alterColumn("label", c -> c.type(varchar(20), varchar(40)))))))).isEqualTo(3);
  }

  @Test
  void aColumnThatAddColumnCannotAddJoinsTheRebuildWithItsDefaultInEveryRow() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, history(() -> new WidenAround(schema -> schema.alterTable("items",
          t -> t.addColumn("score", integer(), notNull(), defaultExpression("1 + 1"))))));
      retort.upgrade("01");

      retort.upgrade();

      assertThat(rebuilds(retort.sql("01", "head", Vendor.SQLITE))).isEqualTo(1);
      assertThat(rows(db, "SELECT \"id\", \"qty\", \"name\", \"score\" FROM \"items\" ORDER BY 1"))
          .containsExactly("1 5 kettle 2", "2 7 teapot 2", "3 9 null 2");
      assertThat(retort.check().differences()).isEmpty();
    }
  }

  @Test
  void aConstraintChangeIsRebuiltOnItsOwn() {
    assertThat(rebuilds(script(() -> new WidenAround(
        schema -> schema.alterTable("items", t -> t.addCheck("ck_items_qty", "\"qty\" >= 0")))))).isEqualTo(3);
  }

  @Test
  void twoChangesOfOneColumnRebuildTwiceConvertingItsValuesAtEach() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, history(NameThroughInteger::new));
      retort.upgrade("01");
      Probe.execute(db, "UPDATE \"items\" SET \"name\" = '007' WHERE \"id\" = 1");

      retort.upgrade();

      assertThat(rows(db, "SELECT \"name\" FROM \"items\" WHERE \"id\" = 1"))
          .as("an INTEGER column keeps '007' as 7, as the database that alters in place does").containsExactly("7");
      assertThat(rebuilds(retort.sql("01", "head", Vendor.SQLITE))).isEqualTo(2);
      assertThat(retort.check().differences()).isEmpty();
    }
  }

  /** The number of statements that revision 02 runs when it is the given migration, on SQLite. */
  private static int statementsOf(Supplier<Migration> migration) throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = retort(db, history(migration));
      retort.upgrade("01");
      return retort.upgrade().runs().get(0).statements();
    }
  }

  private static SqlScript script(Supplier<Migration> migration) {
    return Retort.builder().url("jdbc:h2:mem:unused", "sa", "").migrations(history(migration)).build()
        .sql("01", "head", Vendor.SQLITE);
  }

  /** How many times a script rebuilds a table. */
  private static long rebuilds(SqlScript script) {
    return script.statements().stream().filter(sql -> sql.startsWith("CREATE TABLE \"retort_rebuild_")).count();
  }

  private static List<String> declaredTypes(Connection connection) throws SQLException {
    List<String> types = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(
            "SELECT \"name\", \"type\" FROM pragma_table_info('items') ORDER BY \"cid\"")) {
      while (result.next()) {
        types.add(result.getString(1) + " " + result.getString(2));
      }
    }
    return types;
  }

  /** Revision 01, the tables and their rows, and revision 02, the migration. */
  private static List<RevisionInfo> history(Supplier<? extends Migration> migration) {
    return List.of(
        Retort.revision("01", List.of(), CreateItems::new),
        Retort.revision("02", List.of("01"), migration));
  }

  /** {@code category}, and {@code items} with an index and a foreign key to it, with rows. */
  public static final class CreateItems implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.createTable("category", t -> t
              .column("id", integer(), notNull())
              .column("label", varchar(20))
              .primaryKey("pk_category", "id"))
          .createTable("items", t -> t
              .column("id", integer(), notNull())
              .column("qty", integer())
              .column("name", varchar(50))
              .column("category_id", integer())
              .primaryKey("pk_items", "id")
              .foreignKey("fk_items_category", fk -> fk.columns("category_id").references("category", "id"))
              .index("ix_items_name", "name"))
          .execute("INSERT INTO \"category\" VALUES (1, 'kitchen'), (2, 'garden')")
          .execute(ITEMS_ROWS);
    }

    @Override
    public void downgrade(Schema schema) {
      schema.dropTable("items").dropTable("category");
    }
  }

  /** Widens {@code items.qty} and {@code items.name}, as the processor writes two field changes. */
  public static final class WidenTwoColumns implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.alterTable("items", t -> t
          .alterColumn("qty", c -> c.type(integer(), bigint()))
          .alterColumn("name", c -> c.type(varchar(50), varchar(200))));
    }

    @Override
    public void downgrade(Schema schema) {
      schema.alterTable("items", t -> t
          .alterColumn("name", c -> c.type(varchar(200), varchar(50)))
          .alterColumn("qty", c -> c.type(bigint(), integer())));
    }
  }

  /** Widens {@code items.qty} alone. */
  public static final class WidenQty implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.alterTable("items", t -> t.alterColumn("qty", c -> c.type(integer(), bigint())));
    }

    @Override
    public void downgrade(Schema schema) {
      schema.alterTable("items", t -> t.alterColumn("qty", c -> c.type(bigint(), integer())));
    }
  }

  /** Widens {@code items.qty}, does something, then widens {@code items.name}; upgrade only. */
  public static final class WidenAround implements Migration {
    private final Consumer<Schema> between;

    WidenAround(Consumer<Schema> between) {
      this.between = between;
    }

    @Override
    public void upgrade(Schema schema) {
      schema.alterTable("items", t -> t.alterColumn("qty", c -> c.type(integer(), bigint())));
      between.accept(schema);
      schema.alterTable("items", t -> t.alterColumn("name", c -> c.type(varchar(50), varchar(200))));
    }
  }

  /** Changes {@code items.name} to an integer and back to text in one migration; upgrade only. */
  public static final class NameThroughInteger implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.alterTable("items", t -> t
          .alterColumn("name", c -> c.type(varchar(50), integer()))
          .alterColumn("name", c -> c.type(integer(), varchar(50))));
    }
  }
}
