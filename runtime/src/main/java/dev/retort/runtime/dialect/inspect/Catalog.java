package dev.retort.runtime.dialect.inspect;

import dev.retort.model.ColumnModel;
import dev.retort.model.TableModel;
import dev.retort.model.ViewModel;
import dev.retort.runtime.dialect.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one database's live schema, and knows how that database spells and keeps what it
 * stores: which names it keeps, which comments, which types are the same type.
 */
abstract class Catalog {

  final Connection connection;
  final Dialect dialect;

  Catalog(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  static Catalog of(Connection connection, Dialect dialect) {
    switch (dialect.vendor()) {
      case H2:
        return new H2Catalog(connection, dialect);
      case SQLITE:
        return new SqliteCatalog(connection, dialect);
      case POSTGRESQL:
        return new PostgresCatalog(connection, dialect);
      case MYSQL:
      case MARIADB:
        return new MySqlCatalog(connection, dialect);
      default:
        throw new AssertionError(dialect.vendor());
    }
  }

  /** The schema that holds the model's tables without a schema of their own. */
  abstract String defaultSchema() throws SQLException;

  /** The names of the tables in a schema (not views, not the database's own tables). */
  abstract List<String> tableNames(String schema) throws SQLException;

  /**
   * The sequences of a schema, sorted by name: those created on their own, not those that belong
   * to a column (an identity column's, a PostgreSQL {@code serial} column's). Empty by default,
   * where the database has no sequences (MySQL, SQLite).
   */
  List<LiveSequence> sequences(String schema) throws SQLException {
    return List.of();
  }

  /** Reads a table that exists. */
  abstract LiveTable read(String schema, String table) throws SQLException;

  /** The names of the views in a schema, for {@link LiveSchema} and the views {@code check} compares by name. */
  abstract List<String> viewNames(String schema) throws SQLException;

  /**
   * A view's definition as the database gives it back, for {@link LiveSchema}: the query in the
   * database's own spelling (SQLite's whole {@code CREATE VIEW} statement); empty if the database
   * shows none.
   */
  abstract Optional<String> viewDefinition(String schema, String view) throws SQLException;

  /**
   * How a live view's query differs from the model's, where this database can tell without
   * changing anything: empty when they are the same, and where it cannot tell (by default: H2,
   * MariaDB and MySQL keep a query rewritten in their own words, and spelling the model's query
   * their way would mean creating a view, which commits).
   *
   * @param schema the schema holding the view
   * @param view the model's view, which the database holds
   * @return what differs, in words that end a sentence beginning with the view's name
   */
  Optional<String> viewQueryDifference(String schema, ViewModel view) throws SQLException {
    return Optional.empty();
  }

  /**
   * Why this database, which can compare views' queries, could not: a read-only connection or
   * a user who may not create temporary objects. Empty where it can, and where it never does.
   */
  Optional<String> viewQueriesNotCompared() throws SQLException {
    return Optional.empty();
  }

  /**
   * The triggers in a schema, for {@link LiveSchema}: no model holds them.
   *
   * @return each trigger's name by the name of its table, both sorted
   */
  abstract Map<String, List<String>> triggers(String schema) throws SQLException;

  /**
   * The check constraints of a table with their expressions as the database shows them, for
   * {@link LiveSchema}; the drift check compares only the names of {@link LiveTable#checks()}.
   */
  abstract List<LiveSchema.CheckClause> checkClauses(String schema, String table) throws SQLException;

  /**
   * A foreign key or check constraint that the database holds without having checked the rows that were there when
   * it was added.
   *
   * @param table the table's name
   * @param name the constraint's name
   * @param foreignKey whether it is a foreign key; a check constraint otherwise
   */
  record Unvalidated(String table, String name, boolean foreignKey) {}

  /** Whether the database can hold a constraint it has not validated (PostgreSQL's {@code NOT VALID}). */
  boolean hasUnvalidatedConstraints() {
    return false;
  }

  /**
   * The foreign keys and checks of a schema's tables that the database has not validated, sorted by table and name;
   * empty by default, where the database checks every row when it adds a constraint.
   */
  List<Unvalidated> unvalidatedConstraints(String schema) throws SQLException {
    return List.of();
  }

  /**
   * What the indexes of a table have that the model cannot hold and the drift check does not
   * compare (a partial index's {@code WHERE}, a method other than a b-tree, a prefix length), by
   * index name, for {@link LiveSchema}; empty by default, where the database has none of these.
   */
  Map<String, String> indexDetails(String schema, String table) throws SQLException {
    return Map.of();
  }

  /**
   * The unique constraints of a table, for {@link LiveSchema}, where the database keeps them apart
   * from its unique indexes though the drift check compares them as unique indexes (PostgreSQL);
   * empty by default, where the database lists them in {@link LiveTable#uniques()} (H2) or cannot
   * tell them apart.
   */
  Optional<List<LiveTable.Unique>> uniqueConstraints(String schema, String table) throws SQLException {
    return Optional.empty();
  }

  /**
   * The generated (computed) columns of a table, for {@link LiveSchema}: the model has none, and
   * the drift check sees them as plain columns, or not at all (SQLite hides them).
   */
  abstract List<String> generatedColumns(String schema, String table) throws SQLException;

  /** A type in a form in which equal types are equal strings; both the expected and the live type go through it. */
  String comparableType(String spelled) {
    return Spelling.normalizeType(spelled);
  }

  /** The type the dialect writes for a model column. */
  String expectedType(TableModel table, ColumnModel column) {
    return dialect.columnType(column.type());
  }

  /** Whether the database stores comments. */
  boolean keepsComments() {
    return true;
  }

  /** Whether the database keeps the primary key's constraint name. */
  boolean keepsPrimaryKeyNames() {
    return true;
  }

  /**
   * Whether the unique index that shows a unique constraint has the constraint's name, kept as the
   * migration gave it; false by default, where the database makes up or moves that index (H2,
   * MariaDB, MySQL, SQLite).
   */
  boolean keepsUniqueNames() {
    return false;
  }

  /** Whether the metadata shows foreign key names. */
  boolean keepsForeignKeyNames() {
    return true;
  }

  /** Whether {@code RESTRICT} and {@code NO ACTION} are the same action and shown either way. */
  boolean restrictIsNoAction() {
    return false;
  }

  /** Whether string literals in shown defaults use backslash escapes. */
  boolean backslashEscapes() {
    return false;
  }

  /**
   * A model's literal default as the metadata can show it at best; the text itself where the
   * metadata shows every character.
   */
  String asShown(String literal) {
    return literal;
  }
}
