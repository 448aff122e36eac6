package dev.retort.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's schema history: 200 revisions, the first 100 each creating a table
 * {@code t<n>} (a bigint key, a name, a timestamp, and an index on the name), the next 100
 * each adding the column {@code extra} to one of them. The same shape as the runtime's own
 * benchmark, so that the two can be compared. The migrations are written as the processor writes
 * them: table elements and {@code addColumn}/{@code dropColumn}, without lambdas.
 *
 * <p>The history exists once, as the Java source of Retort migrations that this class writes;
 * the SQL that Flyway, Liquibase and plain JDBC run is rendered from those migrations by
 * {@link Fixtures}, so every tool runs the same statements.
 */
public final class History {

  /** How many tables the history creates; it adds as many columns. */
  public static final int TABLES = 100;

  /** How many revisions the history has. */
  public static final int REVISIONS = 2 * TABLES;

  /** The package of the generated migrations. */
  public static final String PACKAGE = "bench.history";

  private History() {}

  /**
   * One revision.
   *
   * @param number 1 to {@link #REVISIONS}, in order
   * @param table the number of the table it creates or alters
   * @param creates whether it creates the table (otherwise it adds a column)
   */
  public record Revision(int number, int table, boolean creates) {

    /** Checks the values. */
    public Revision {
      if (number < 1 || number > REVISIONS || table < 1 || table > TABLES) {
        throw new IllegalArgumentException("revision " + number + " of table " + table + " is out of range");
      }
    }

    /** The revision id, such as {@code r0007}. */
    public String id() {
      return String.format(Locale.ROOT, "r%04d", number);
    }

    /** The migration class's simple name, such as {@code V0007_CreateT7}. */
    public String className() {
      return String.format(Locale.ROOT, "V%04d_%s", number, creates ? "CreateT" + table : "AddT" + table + "Extra");
    }

    /** A one-line description, such as {@code create table t7}. */
    public String description() {
      return creates ? "create table t" + table : "add column extra to t" + table;
    }
  }

  /** Every revision, in order. */
  public static List<Revision> revisions() {
    List<Revision> revisions = new ArrayList<>(REVISIONS);
    for (int number = 1; number <= REVISIONS; number++) {
      boolean creates = number <= TABLES;
      revisions.add(new Revision(number, creates ? number : number - TABLES, creates));
    }
    return revisions;
  }

  /**
   * The Java source of one revision's migration class.
   *
   * @param revision the revision
   * @return the compilation unit
   */
  public static String javaSource(Revision revision) {
    String table = "t" + revision.table();
    String parent = revision.number() == 1
        ? ""
        : String.format(Locale.ROOT, ",%n    parent = \"%s\"", new Revision(revision.number() - 1, 1, true).id());
    String imports;
    String upgrade;
    String downgrade;
    if (revision.creates()) {
      imports = String.join("\n",
          "import static dev.retort.dsl.ColumnOption.notNull;",
          "import static dev.retort.dsl.TableElement.column;",
          "import static dev.retort.dsl.TableElement.index;",
          "import static dev.retort.dsl.TableElement.primaryKey;",
          "import static dev.retort.model.ColumnType.bigint;",
          "import static dev.retort.model.ColumnType.timestamp;",
          "import static dev.retort.model.ColumnType.varchar;");
      upgrade = String.join("\n",
          "    schema.createTable(\"" + table + "\",",
          "        column(\"id\", bigint(), notNull()),",
          "        column(\"name\", varchar(100), notNull()),",
          "        column(\"created\", timestamp()),",
          "        primaryKey(\"pk_" + table + "\", \"id\"),",
          "        index(\"ix_" + table + "_name\", \"name\"));");
      downgrade = "    schema.dropTable(\"" + table + "\");";
    } else {
      imports = "import static dev.retort.model.ColumnType.integer;";
      upgrade = "    schema.addColumn(\"" + table + "\", \"extra\", integer());";
      downgrade = "    schema.dropColumn(\"" + table + "\", \"extra\");";
    }
    return String.join("\n",
        "package " + PACKAGE + ";",
        "",
        imports,
        "",
        "import dev.retort.Migration;",
        "import dev.retort.Revision;",
        "import dev.retort.dsl.Schema;",
        "",
        "/** " + capitalised(revision.description()) + ". Written by the benchmark harness. */",
        "@Revision(",
        "    id = \"" + revision.id() + "\"" + parent + ")",
        "public final class " + revision.className() + " implements Migration {",
        "  @Override",
        "  public void upgrade(Schema schema) {",
        upgrade,
        "  }",
        "",
        "  @Override",
        "  public void downgrade(Schema schema) {",
        downgrade,
        "  }",
        "}",
        "");
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
