package dev.retort.runtime.dialect.inspect;

import dev.retort.model.SchemaModel;
import dev.retort.model.SequenceModel;
import dev.retort.model.TableModel;
import dev.retort.model.ViewModel;
import dev.retort.runtime.dialect.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares a live database with a schema model and lists every difference in plain words:
 * the drift detection behind the {@code check} command.
 *
 * <p>It reads the database through JDBC {@link java.sql.DatabaseMetaData} (SQLite through its
 * pragmas and the {@code CREATE TABLE} statements it keeps), adding what the metadata does not
 * show from each database's catalog: full column types on MySQL and MariaDB, enum values on
 * PostgreSQL, check constraint names. Types are compared in each database's own spelling,
 * through the dialect's mapping, so {@code int4} and {@code integer}, or {@code tinyint(1)} and
 * {@code BOOLEAN}, are the same.
 *
 * <p>Compared: tables (missing and extra), columns (missing and extra, type, enum values,
 * nullability, identity, literal defaults by value, expression defaults by presence), primary
 * keys (columns; names where the database keeps them, not on MySQL, MariaDB or SQLite), indexes
 * (by name: columns and uniqueness), unique constraints (by columns, since some databases name
 * their indexes themselves), foreign keys (by name, by columns and target on SQLite: columns,
 * referenced table and columns, actions, with {@code RESTRICT} and {@code NO ACTION} the same on
 * H2, MySQL and MariaDB), check constraints (by name; on SQLite the named ones) and comments (not
 * on SQLite, which keeps none).
 *
 * <p>Not compared: the text of check expressions and expression defaults (each database
 * re-spells them), SQLite's unnamed checks (an enum column's among them), column order, the
 * names of unique constraints, and the indexes a database creates for its own keys (a primary
 * key's index, MySQL's and H2's foreign key indexes). Triggers and other objects are outside
 * the model and ignored.
 *
 * <p>Sequences (PostgreSQL, H2, MariaDB) are compared by name: missing, extra, start and
 * increment. The sequences that belong to a column, an identity column's or a PostgreSQL
 * {@code serial} column's, are the column's and not listed.
 *
 * <p>Views are compared by name: missing, and extra in the connection's own schema and in every
 * schema holding a model table or view, as tables are. Their queries are compared on PostgreSQL,
 * which spells the model's query its own way in a temporary view rolled back at once, and on
 * SQLite, which keeps a query as written; H2, MariaDB and MySQL keep a query rewritten in their
 * own words and could only spell the model's by creating a view, which commits.
 */
public final class SchemaInspector {

  private SchemaInspector() {}

  /**
   * Lists the differences between the live database and the expected schema.
   *
   * @param connection an open connection to the database; only read
   * @param dialect the database's dialect
   * @param expected the schema the database should have
   * @param versionTable the name of Retort's version table, which the model does not hold
   * @return the differences, table by table; empty when the database matches the model
   * @throws SQLException if the database cannot be read
   * @throws IllegalStateException if the connection has no current schema (a MySQL connection
   *     without a database)
   */
  public static List<Difference> differences(Connection connection, Dialect dialect, SchemaModel expected,
      String versionTable) throws SQLException {
    Objects.requireNonNull(connection, "connection == null");
    Objects.requireNonNull(dialect, "dialect == null");
    Objects.requireNonNull(expected, "expected == null");
    Objects.requireNonNull(versionTable, "versionTable == null");
    Catalog catalog = Catalog.of(connection, dialect);
    String defaultSchema = catalog.defaultSchema();
    if (defaultSchema == null) {
      throw new IllegalStateException("the connection has no current schema or database to compare with the"
          + " model; connect to the application's database (for MySQL and MariaDB, name it in the JDBC URL)");
    }
    Map<String, List<TableModel>> bySchema = new TreeMap<>();
    bySchema.put(defaultSchema, new ArrayList<>());
    for (TableModel table : expected.tables()) {
      bySchema.computeIfAbsent(table.schema().isEmpty() ? defaultSchema : table.schema(), s -> new ArrayList<>())
          .add(table);
    }
    List<Difference> differences = new ArrayList<>();
    for (Map.Entry<String, List<TableModel>> entry : bySchema.entrySet()) {
      String schema = entry.getKey();
      Set<String> live = new HashSet<>(catalog.tableNames(schema));
      Set<String> modelled = new HashSet<>();
      for (TableModel table : entry.getValue()) {
        modelled.add(table.name());
        if (live.contains(table.name())) {
          differences.addAll(Comparison.compare(catalog, table, catalog.read(schema, table.name())));
        } else {
          differences.add(new Difference(display(table), "table " + display(table) + " is missing"));
        }
      }
      String prefix = schema.equals(defaultSchema) ? "" : schema + ".";
      live.stream()
          .filter(name -> !modelled.contains(name) && !name.equals(versionTable))
          .sorted()
          .forEach(name -> differences.add(new Difference(prefix + name,
              "table " + prefix + name + " is in the database but not in the model")));
    }
    differences.addAll(sequenceDifferences(catalog, defaultSchema, expected));
    differences.addAll(viewDifferences(catalog, defaultSchema, expected, bySchema.keySet()));
    return differences;
  }

  /**
   * The foreign keys and check constraints of the model's tables that the database holds without having checked the
   * rows that were there when they were added: PostgreSQL's {@code NOT VALID} constraints, which {@code
   * addForeignKeyNotValid} and {@code addCheckNotValid} create and {@code validateConstraint} validates. The other
   * databases check every row when they add a constraint, and have none.
   *
   * @param connection an open connection to the database; only read
   * @param dialect the database's dialect
   * @param expected the schema the database should have
   * @return one note per constraint, naming it and the migration call that validates it, table by table
   * @throws SQLException if the database cannot be read
   */
  public static List<Difference> unvalidatedConstraints(Connection connection, Dialect dialect, SchemaModel expected)
      throws SQLException {
    Objects.requireNonNull(connection, "connection == null");
    Objects.requireNonNull(dialect, "dialect == null");
    Objects.requireNonNull(expected, "expected == null");
    Catalog catalog = Catalog.of(connection, dialect);
    if (!catalog.hasUnvalidatedConstraints()) {
      return List.of();
    }
    String defaultSchema = catalog.defaultSchema();
    Map<String, Map<String, TableModel>> bySchema = new TreeMap<>();
    for (TableModel table : expected.tables()) {
      bySchema.computeIfAbsent(table.schema().isEmpty() ? defaultSchema : table.schema(), s -> new TreeMap<>())
          .put(table.name(), table);
    }
    List<Difference> notes = new ArrayList<>();
    for (Map.Entry<String, Map<String, TableModel>> entry : bySchema.entrySet()) {
      for (Catalog.Unvalidated constraint : catalog.unvalidatedConstraints(entry.getKey())) {
        TableModel table = entry.getValue().get(constraint.table());
        if (table == null) {
          continue;
        }
        String kind = constraint.foreignKey() ? "foreign key " : "check constraint ";
        notes.add(new Difference(display(table), kind + constraint.name() + " of " + display(table) + " is NOT VALID:"
            + " the database has not checked the rows that were there when it was added; check them with a migration"
            + " that calls alterTable(\"" + table.name() + "\", t -> t.validateConstraint(\"" + constraint.name()
            + "\"))"));
      }
    }
    return notes;
  }

  /**
   * Why the views' queries could not be compared on a database that compares them (PostgreSQL, on a read-only
   * connection or for a user who may not create temporary objects).
   *
   * @param connection an open connection to the database; only read
   * @param dialect the database's dialect
   * @param expected the schema the database should have
   * @return a note when the model has views whose queries were not compared
   * @throws SQLException if the database cannot be read
   */
  public static Optional<String> viewQueriesNotCompared(Connection connection, Dialect dialect, SchemaModel expected)
      throws SQLException {
    if (expected.views().isEmpty()) {
      return Optional.empty();
    }
    return Catalog.of(connection, dialect).viewQueriesNotCompared().map(reason -> "the views' queries were not"
        + " compared with the model's, only their names: the database refused the temporary view that spells a"
        + " query its way (" + reason + ")");
  }

  /**
   * The views missing from the database, and those in it that the model does not hold, in the
   * connection's own schema and every schema holding a model table or view.
   */
  private static List<Difference> viewDifferences(Catalog catalog, String defaultSchema, SchemaModel expected,
      Set<String> tableSchemas) throws SQLException {
    Map<String, Set<String>> bySchema = new TreeMap<>();
    tableSchemas.forEach(schema -> bySchema.put(schema, new HashSet<>()));
    for (ViewModel view : expected.views()) {
      bySchema.computeIfAbsent(view.schema().isEmpty() ? defaultSchema : view.schema(), s -> new HashSet<>())
          .add(view.name());
    }
    Map<String, ViewModel> views = new HashMap<>();
    expected.views().forEach(view -> views.put(view.schema() + "." + view.name(), view));
    List<Difference> differences = new ArrayList<>();
    for (Map.Entry<String, Set<String>> entry : bySchema.entrySet()) {
      String schema = entry.getKey();
      String prefix = schema.equals(defaultSchema) ? "" : schema + ".";
      Set<String> live = new HashSet<>(catalog.viewNames(schema));
      entry.getValue().stream().filter(name -> !live.contains(name)).sorted()
          .forEach(name -> differences.add(new Difference(prefix + name, "view " + prefix + name + " is missing")));
      for (String name : new TreeSet<>(entry.getValue())) {
        ViewModel view = views.getOrDefault(schema + "." + name,
            schema.equals(defaultSchema) ? views.get("." + name) : null);
        if (live.contains(name) && view != null) {
          catalog.viewQueryDifference(schema, view).ifPresent(difference ->
              differences.add(new Difference(prefix + name, "view " + prefix + name + " " + difference)));
        }
      }
      live.stream().filter(name -> !entry.getValue().contains(name)).sorted()
          .forEach(name -> differences.add(new Difference(prefix + name,
              "view " + prefix + name + " is in the database but not in the model")));
    }
    return differences;
  }

  /** The sequence differences of the connection's own schema and of every schema holding a model sequence. */
  private static List<Difference> sequenceDifferences(Catalog catalog, String defaultSchema, SchemaModel expected)
      throws SQLException {
    Map<String, List<SequenceModel>> bySchema = new TreeMap<>();
    bySchema.put(defaultSchema, new ArrayList<>());
    for (SequenceModel sequence : expected.sequences()) {
      bySchema.computeIfAbsent(sequence.schema().isEmpty() ? defaultSchema : sequence.schema(),
          s -> new ArrayList<>()).add(sequence);
    }
    List<Difference> differences = new ArrayList<>();
    for (Map.Entry<String, List<SequenceModel>> entry : bySchema.entrySet()) {
      String schema = entry.getKey();
      String prefix = schema.equals(defaultSchema) ? "" : schema + ".";
      differences.addAll(Comparison.sequences(entry.getValue(), catalog.sequences(schema), prefix));
    }
    return differences;
  }

  private static String display(TableModel table) {
    return table.schema().isEmpty() ? table.name() : table.schema() + "." + table.name();
  }
}
