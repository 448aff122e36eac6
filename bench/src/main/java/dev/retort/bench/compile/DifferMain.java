package dev.retort.bench.compile;

import static dev.retort.dsl.ColumnOption.defaultValue;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.bool;
import static dev.retort.model.ColumnType.date;
import static dev.retort.model.ColumnType.decimal;
import static dev.retort.model.ColumnType.doublePrecision;
import static dev.retort.model.ColumnType.integer;
import static dev.retort.model.ColumnType.smallint;
import static dev.retort.model.ColumnType.timestamp;
import static dev.retort.model.ColumnType.timestampTz;
import static dev.retort.model.ColumnType.uuid;
import static dev.retort.model.ColumnType.varchar;

import dev.retort.bench.measure.ChildReport;
import dev.retort.dsl.Schema;
import dev.retort.model.SchemaDiff;
import dev.retort.model.SchemaModel;
import dev.retort.model.TableModel;
import dev.retort.operation.CreateTable;
import dev.retort.operation.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The differ alone, in its own JVM, as a compilation meets it (cold): {@link SchemaDiff#diff}
 * between two schemas of tables shaped like the compile benchmark's entities. Building the
 * schemas is not timed. Arguments: the number of tables and the scenario, one of
 * {@link Scenario}'s names.
 */
public final class DifferMain {

  private DifferMain() {}

  /** What the two schemas are. */
  public enum Scenario {
    /** From the empty schema to every table: the first build. */
    FIRST,
    /** Between two equal schemas: a build where no entity changed. */
    UNCHANGED,
    /** Every tenth table gains a column. */
    TENTH_CHANGED;

    /** How the results name it. */
    public String displayName() {
      switch (this) {
        case FIRST:
          return "empty → all tables";
        case UNCHANGED:
          return "no change";
        default:
          return "a column added to every 10th table";
      }
    }
  }

  /**
   * Diffs and prints the {@link ChildReport} with {@code diff-ms} and {@code operations}.
   *
   * @param args the number of tables, the scenario
   */
  public static void main(String[] args) {
    long start = System.nanoTime();
    int tables = Integer.parseInt(args[0]);
    Scenario scenario = Scenario.valueOf(args[1]);
    SchemaModel from = scenario == Scenario.FIRST ? SchemaModel.empty() : schema(tables, false);
    SchemaModel to = schema(tables, scenario == Scenario.TENTH_CHANGED);
    long diffStart = System.nanoTime();
    List<Operation> operations = SchemaDiff.diff(from, to);
    double diffMillis = (System.nanoTime() - diffStart) / 1e6;
    ChildReport.emit(start, Map.of(
        "diff-ms", String.format(Locale.ROOT, "%.1f", diffMillis),
        "operations", operations.size()));
  }

  /**
   * A schema of tables shaped like the entities of {@link EntitySources}.
   *
   * @param count how many tables
   * @param changed whether every tenth table has one more column
   * @return the schema
   */
  static SchemaModel schema(int count, boolean changed) {
    List<TableModel> tables = new ArrayList<>(count);
    for (int n = 1; n <= count; n++) {
      tables.add(table(n, changed && n % 10 == 0));
    }
    return new SchemaModel(tables);
  }

  private static TableModel table(int n, boolean extraColumn) {
    String name = tableName(n);
    Schema schema = new Schema();
    schema.createTable(name, t -> {
      t.column("id", bigint(), notNull())
          .column("code", varchar(40), notNull())
          .column("name", varchar(200), notNull())
          .column("description", varchar(255))
          .column("quantity", integer(), notNull())
          .column("total", bigint(), notNull())
          .column("active", bool(), notNull())
          .column("rank", smallint(), notNull())
          .column("weight", doublePrecision(), notNull())
          .column("price", decimal(12, 2), notNull())
          .column("discount", decimal(12, 2))
          .column("valid_from", date(), notNull())
          .column("valid_to", date())
          .column("created_at", timestampTz(), notNull())
          .column("updated_at", timestampTz())
          .column("last_seen", timestamp())
          .column("external_id", uuid())
          .column("currency", varchar(3))
          .column("revision", integer(), notNull(), defaultValue("0"))
          .column(n == 1 ? "owner_id" : "parent_id", bigint(), notNull());
      if (extraColumn) {
        t.column("added", integer());
      }
      t.primaryKey("pk_" + name, "id")
          .unique("uq_" + name + "_code", "code")
          .index("ix_" + name + "_code", "code");
      if (n > 1) {
        t.foreignKey("fk_" + name + "_parent_id", fk -> fk.columns("parent_id").references(tableName(n / 2), "id"));
      }
    });
    for (Operation operation : schema.operations()) {
      if (operation instanceof CreateTable create) {
        return create.table();
      }
    }
    throw new IllegalStateException("createTable(\"" + name + "\") recorded no CreateTable");
  }

  private static String tableName(int n) {
    return String.format(Locale.ROOT, "entity_%05d", n);
  }
}
