package dev.retort.cli.internal.entities;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.retort.model.ColumnType;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.inspect.LiveTable;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MariaDB's and MySQL's unsigned integer columns ({@code int unsigned}, and {@code SERIAL}'s
 * {@code bigint unsigned} with {@code AUTO_INCREMENT}), which Retort has no type for: the signed
 * type to change one to before stamping, and how, for the warning that leaves the column out.
 */
final class UnsignedIntegers {

  private static final Pattern UNSIGNED =
      Pattern.compile("(?i)(tinyint|smallint|mediumint|int|integer|bigint)\\s*(?:\\(\\d+\\))?\\s+unsigned(?:\\s+zerofill)?");

  /** The signed type that holds every value of each unsigned one; bigint's largest half excepted. */
  private static final Map<String, ColumnType.Scalar> SIGNED = Map.of(
      "tinyint", ColumnType.Scalar.SMALLINT,
      "smallint", ColumnType.Scalar.INTEGER,
      "mediumint", ColumnType.Scalar.INTEGER,
      "int", ColumnType.Scalar.BIGINT,
      "integer", ColumnType.Scalar.BIGINT,
      "bigint", ColumnType.Scalar.BIGINT);

  private UnsignedIntegers() {}

  /**
   * What to change an unsigned integer column to, as a sentence for the warning; empty for
   * another column. An {@code AUTO_INCREMENT} column gets the whole {@code ALTER TABLE}, since a
   * {@code MODIFY} that left out {@code AUTO_INCREMENT} would end it.
   *
   * @param dialect the database's dialect
   * @param table the table
   * @param column the column
   * @return the sentences, starting with a space
   */
  static Optional<String> nearest(Dialect dialect, String table, LiveTable.Column column) {
    Matcher unsigned = UNSIGNED.matcher(column.type().strip());
    if (!unsigned.matches()) {
      return Optional.empty();
    }
    String base = unsigned.group(1).toLowerCase(Locale.ROOT);
    ColumnType.Scalar signed = SIGNED.get(base);
    TypeName java = JavaTypes.of(signed).type(column.nullable());
    String spelled = dialect.columnType(signed);
    String change = column.identity()
        ? ": ALTER TABLE " + dialect.quote(table) + " MODIFY " + dialect.quote(column.name()) + " " + spelled
            + " NOT NULL AUTO_INCREMENT" + column.comment().map(c -> " COMMENT '" + c.replace("'", "''") + "'")
                .orElse("")
        : " (ALTER TABLE … MODIFY, restating its NOT NULL, DEFAULT and COMMENT)";
    return Optional.of(" Retort has no unsigned types; the nearest is " + signed.sql() + " ("
        + (java instanceof ClassName className ? className.simpleName() : java.toString()) + "), which is " + spelled
        + " here and holds " + (base.equals("bigint") ? "the values up to 9223372036854775807" : "every value")
        + ". To declare the column, change it to that type before stamping, and run entities again" + change + "."
        + " Where a foreign key references the column, or the column references another, change both ends to that"
        + " type: drop the foreign key first, since MariaDB and MySQL do not change a column a foreign key uses, and"
        + " add it back after.");
  }
}
