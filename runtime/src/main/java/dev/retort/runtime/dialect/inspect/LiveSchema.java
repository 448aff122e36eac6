package dev.retort.runtime.dialect.inspect;

import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.runtime.dialect.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A live database's schema as the drift check reads it, for tools that write a model from a
 * database (the command line's {@code retort entities}): the same catalogs, so that what such a
 * tool writes is what {@link SchemaInspector} compares. Beyond what the comparison reads, it
 * lists views, triggers and the expressions of check constraints, so that a tool can say what a
 * model cannot hold.
 */
public final class LiveSchema {

  private final Catalog catalog;

  private LiveSchema(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Reads a database through a connection.
   *
   * @param connection an open connection; only read
   * @param dialect the database's dialect
   * @return the reader
   */
  public static LiveSchema of(Connection connection, Dialect dialect) {
    Objects.requireNonNull(connection, "connection == null");
    Objects.requireNonNull(dialect, "dialect == null");
    return new LiveSchema(Catalog.of(connection, dialect));
  }

  /** The dialect the database is read with. */
  public Dialect dialect() {
    return catalog.dialect;
  }

  /**
   * The connection's own schema, which holds the model's tables without a schema of their own.
   *
   * @return the schema's name
   * @throws SQLException if the database cannot be read
   * @throws IllegalStateException if the connection has none (a MySQL connection without a database)
   */
  public String defaultSchema() throws SQLException {
    String schema = catalog.defaultSchema();
    if (schema == null) {
      throw new IllegalStateException("the connection has no current schema or database; connect to the"
          + " application's database (for MySQL and MariaDB, name it in the JDBC URL)");
    }
    return schema;
  }

  /** The tables of a schema, sorted by name: neither views nor the database's own tables. */
  public List<String> tableNames(String schema) throws SQLException {
    List<String> names = new ArrayList<>(catalog.tableNames(schema));
    names.sort(null);
    return names;
  }

  /**
   * The sequences of a schema, sorted by name, as the drift check reads them: without those that
   * belong to a column (an identity column's, a PostgreSQL {@code serial} column's).
   */
  public List<LiveSequence> sequences(String schema) throws SQLException {
    return catalog.sequences(schema);
  }

  /** The views of a schema, sorted by name. */
  public List<String> viewNames(String schema) throws SQLException {
    return catalog.viewNames(schema);
  }

  /**
   * A view's definition as the database gives it back: the query as the database rewrote it
   * (PostgreSQL's {@code pg_get_viewdef}, the {@code VIEW_DEFINITION} of H2's, MySQL's and
   * MariaDB's {@code information_schema.VIEWS}), or SQLite's whole {@code CREATE VIEW} statement.
   *
   * @return the text; empty if the database shows none
   */
  public Optional<String> viewDefinition(String schema, String view) throws SQLException {
    return catalog.viewDefinition(schema, view);
  }

  /**
   * A view's columns, read as the columns of a table are: their names, types and nullability,
   * in the view's order.
   */
  public List<LiveTable.Column> viewColumns(String schema, String view) throws SQLException {
    return catalog.read(schema, view).columns();
  }

  /** The triggers of a schema: each trigger's name by its table's name, sorted. */
  public Map<String, List<String>> triggers(String schema) throws SQLException {
    return catalog.triggers(schema);
  }

  /** Reads a table that exists, as the drift check reads it. */
  public LiveTable table(String schema, String table) throws SQLException {
    return catalog.read(schema, table);
  }

  /** The check constraints of a table with their expressions as the database shows them. */
  public List<CheckClause> checks(String schema, String table) throws SQLException {
    return catalog.checkClauses(schema, table);
  }

  /**
   * What indexes of a table have that an index of the model cannot hold, and that the drift
   * check does not compare: a partial index's {@code WHERE}, a method other than a b-tree
   * (PostgreSQL), a prefix length or a full-text index (MySQL, MariaDB).
   *
   * @return a description by index name; no entry for an index without any of these
   */
  public Map<String, String> indexDetails(String schema, String table) throws SQLException {
    return catalog.indexDetails(schema, table);
  }

  /**
   * The unique constraints of a table, each with the index that enforces it: those of
   * {@link LiveTable#uniques()} where the database lists them apart from its indexes (H2), and
   * PostgreSQL's, which the drift check compares as unique indexes but the database keeps apart
   * from the unique indexes made with {@code CREATE UNIQUE INDEX}. Empty where the database does
   * not tell the two apart (MariaDB, MySQL) or enforces its constraints with indexes of its own
   * ({@code sqlite_autoindex_…}).
   */
  public Optional<List<LiveTable.Unique>> uniqueConstraints(String schema, LiveTable table) throws SQLException {
    return table.uniques().isPresent() ? table.uniques() : catalog.uniqueConstraints(schema, table.name());
  }

  /**
   * The generated (computed) columns of a table: {@code GENERATED ALWAYS AS (…)}, which a model
   * column cannot be. SQLite's are not among {@link LiveTable#columns()}; the other databases'
   * are, as plain columns.
   */
  public List<String> generatedColumns(String schema, String table) throws SQLException {
    return catalog.generatedColumns(schema, table);
  }

  /**
   * Whether a live column's type is what the dialect writes for a model type, as the drift check
   * compares them: {@code int4} is {@code integer}, {@code tinyint(1)} is {@code boolean}.
   *
   * @param live the live column
   * @param type a model type
   * @return whether a model column of that type (an identity column if the live one is and the type can be one)
   *     matches
   */
  public boolean matches(LiveTable.Column live, ColumnType type) {
    boolean identity = live.identity() && ColumnModel.identityType(type);
    ColumnModel model = ColumnModel.of(live.name(), type).withNullable(!live.identity()).withIdentity(identity);
    return catalog.comparableType(catalog.expectedType(null, model)).equals(catalog.comparableType(live.type()));
  }

  /**
   * Whether a live column's type and the dialect's spelling of a model type have one type name,
   * whatever their sizes or precision ({@code character varying} and {@code varchar(255)}, a
   * MariaDB {@code datetime} and {@code DATETIME(6)}): for suggesting the nearest model type to
   * a column no model type matches.
   *
   * @param live the live column
   * @param type a model type
   * @return whether the names are the same
   */
  public boolean sameTypeName(LiveTable.Column live, ColumnType type) {
    return typeName(catalog.comparableType(catalog.dialect.columnType(type)))
        .equals(typeName(catalog.comparableType(live.type())));
  }

  private static String typeName(String comparable) {
    int parenthesis = comparable.indexOf('(');
    return parenthesis < 0 ? comparable : comparable.substring(0, parenthesis);
  }

  /**
   * A live column's default as the drift check reads it: a literal's value, or an expression as
   * the database shows it; empty without a default or for a {@code NULL} default.
   */
  public Optional<ShownDefault> defaultOf(LiveTable.Column live) {
    return live.defaultValue()
        .map(text -> Spelling.parseDefault(text, catalog.backslashEscapes()))
        .filter(value -> value.literal() || !value.text().equalsIgnoreCase("NULL"))
        .map(value -> new ShownDefault(value.literal(), value.text()));
  }

  /** Whether the database keeps a primary key's name, which the drift check then compares. */
  public boolean keepsPrimaryKeyNames() {
    return catalog.keepsPrimaryKeyNames();
  }

  /** Whether the database keeps unique constraint names, which the drift check then compares. */
  public boolean keepsUniqueNames() {
    return catalog.keepsUniqueNames();
  }

  /** Whether the database keeps foreign key names, which the drift check then compares. */
  public boolean keepsForeignKeyNames() {
    return catalog.keepsForeignKeyNames();
  }

  /** Whether the database keeps comments, which the drift check then compares. */
  public boolean keepsComments() {
    return catalog.keepsComments();
  }

  /** Whether the database shows {@code RESTRICT} and {@code NO ACTION} as one action. */
  public boolean restrictIsNoAction() {
    return catalog.restrictIsNoAction();
  }

  /**
   * A check constraint as the database shows it.
   *
   * @param name its name; empty for SQLite's unnamed checks
   * @param expression the expression, as the database spells it again
   */
  public record CheckClause(Optional<String> name, String expression) {}

  /**
   * A default as the database shows it.
   *
   * @param literal whether it is a literal value
   * @param text the literal's value, or the expression as shown
   */
  public record ShownDefault(boolean literal, String text) {}
}
