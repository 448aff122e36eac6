package dev.retort.runtime.dialect.inspect;

import dev.retort.ReferentialAction;
import java.util.List;
import java.util.Optional;

/**
 * A table as read from a live database, in the database's own spelling: the input of the
 * comparison with the model, and of {@link LiveSchema}, which tools that write a model from a
 * database read it through.
 *
 * @param name the table name
 * @param columns the columns in their order
 * @param primaryKey the primary key, if any
 * @param indexes every index, including those backing keys and constraints
 * @param uniques the unique constraints with the index each uses, where the database lists them
 *     apart from its indexes; empty where they show only as unique indexes
 * @param foreignKeys the foreign keys from this table
 * @param checks the names of the check constraints, if the database lets them be read
 * @param comment the table comment, if any
 */
public record LiveTable(
    String name,
    List<Column> columns,
    Optional<PrimaryKey> primaryKey,
    List<Index> indexes,
    Optional<List<Unique>> uniques,
    List<ForeignKey> foreignKeys,
    Optional<List<String>> checks,
    Optional<String> comment) {

  public LiveTable {
    columns = List.copyOf(columns);
    indexes = List.copyOf(indexes);
    uniques = uniques.map(List::copyOf);
    foreignKeys = List.copyOf(foreignKeys);
    checks = checks.map(List::copyOf);
  }

  Optional<Column> column(String columnName) {
    return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
  }

  /**
   * A live column.
   *
   * @param name the name
   * @param type the type as the database spells it, such as {@code varchar(20)}
   * @param nullable whether it accepts NULL
   * @param defaultValue the default as the database shows it, if any
   * @param identity whether the database generates its values
   * @param comment the comment, if any
   * @param enumValues the values of its enum type, where the type name does not show them
   */
  public record Column(
      String name,
      String type,
      boolean nullable,
      Optional<String> defaultValue,
      boolean identity,
      Optional<String> comment,
      Optional<List<String>> enumValues) {}

  /**
   * A live primary key.
   *
   * @param name the name, if the database keeps one
   * @param columns the columns in key order
   */
  public record PrimaryKey(Optional<String> name, List<String> columns) {}

  /**
   * A live index.
   *
   * @param name the name
   * @param unique whether it is unique
   * @param columns the columns in index order; {@link #EXPRESSION} for a part that is an
   *     expression rather than a column
   */
  public record Index(String name, boolean unique, List<String> columns) {

    /**
     * Stands for an index part that is an expression, which the catalogs report without a
     * column name (SQLite's {@code index_info}, MySQL 8's functional key parts in JDBC
     * metadata); no model index has it, so such an index is reported as the database's own.
     */
    public static final String EXPRESSION = "<expression>";

    /** The column, or {@link #EXPRESSION} for a part without one. */
    static String part(String column) {
      return column != null ? column : EXPRESSION;
    }
  }

  /**
   * A live unique constraint.
   *
   * @param name the name
   * @param columns the columns in constraint order
   * @param index the name of the index that enforces it, which may also be an index of its own
   *     in the model (H2 moves a constraint onto a unique index on its columns)
   */
  public record Unique(String name, List<String> columns, String index) {}

  /**
   * A live foreign key.
   *
   * @param name the name, if the database keeps one
   * @param columns the referring columns
   * @param referencedTable the referenced table
   * @param referencedColumns the referenced columns
   * @param onDelete the delete action
   * @param onUpdate the update action
   */
  public record ForeignKey(
      Optional<String> name,
      List<String> columns,
      String referencedTable,
      List<String> referencedColumns,
      ReferentialAction onDelete,
      ReferentialAction onUpdate) {}
}
