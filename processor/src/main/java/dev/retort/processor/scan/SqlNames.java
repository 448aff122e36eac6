package dev.retort.processor.scan;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The naming convention that turns Java names into SQL names when no explicit name is given, and
 * the names Retort derives for constraints and indexes.
 *
 * <h2>Java names to snake_case</h2>
 *
 * <p>{@link #snakeCase} lower-cases the name and inserts an underscore before an upper-case letter
 * that
 *
 * <ul>
 *   <li>follows a lower-case letter or a digit: {@code createdAt} → {@code created_at}, {@code
 *       address2Line} → {@code address2_line}; or
 *   <li>follows an upper-case letter and is followed by a lower-case letter, so that an acronym
 *       stays one word: {@code URLPath} → {@code url_path}, {@code userID} → {@code user_id},
 *       {@code HTTPServer} → {@code http_server}.
 * </ul>
 *
 * <p>Digits never start a new word ({@code line2} → {@code line2}), and existing underscores are
 * kept ({@code created_at} → {@code created_at}). Tables take the simple class name ({@code
 * OrderLine} → {@code order_line}), columns the field or record component name, and enum types the
 * simple enum name ({@code OrderStatus} → {@code order_status}).
 *
 * <h2>Derived constraint and index names</h2>
 *
 * <table>
 *   <caption>Names derived when none is given</caption>
 *   <tr><th>Object</th><th>Name</th><th>Example</th></tr>
 *   <tr><td>primary key</td><td>{@code pk_<table>}</td><td>{@code pk_users}</td></tr>
 *   <tr><td>unique constraint</td><td>{@code uq_<table>_<column>_<column>…}</td>
 *       <td>{@code uq_users_email}, {@code uq_coupons_customer_id_code}</td></tr>
 *   <tr><td>index</td><td>{@code ix_<table>_<column>_<column>…}</td>
 *       <td>{@code ix_books_author_id_published_on}</td></tr>
 *   <tr><td>unique index</td><td>{@code ux_<table>_<column>_<column>…}</td>
 *       <td>{@code ux_books_isbn}</td></tr>
 *   <tr><td>foreign key</td><td>{@code fk_<table>_<column>_<column>…}</td><td>{@code fk_books_author_id}</td></tr>
 * </table>
 *
 * <p>Every identifier, given or derived, must fit PostgreSQL's limit of {@value
 * #MAX_IDENTIFIER_BYTES} bytes: PostgreSQL silently truncates longer names, after which the
 * database would no longer match the model.
 */
public final class SqlNames {

  /** PostgreSQL's identifier limit (NAMEDATALEN - 1), in bytes of UTF-8. */
  public static final int MAX_IDENTIFIER_BYTES = 63;

  private SqlNames() {}

  /**
   * Converts a Java name to snake_case by the rules in the class documentation.
   *
   * @param javaName a class, field or record component name
   * @return the snake_case name
   */
  public static String snakeCase(String javaName) {
    StringBuilder out = new StringBuilder(javaName.length() + 4);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char previous = javaName.charAt(i - 1);
        boolean afterWord = Character.isLowerCase(previous) || Character.isDigit(previous);
        boolean endOfAcronym =
            Character.isUpperCase(previous)
                && i + 1 < javaName.length()
                && Character.isLowerCase(javaName.charAt(i + 1));
        if (afterWord || endOfAcronym) {
          out.append('_');
        }
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString();
  }

  /**
   * The name Spring Boot's Hibernate naming ({@code CamelCaseToUnderscoresNamingStrategy}) gives a
   * table, column or schema of a JPA entity, whether written or derived: an underscore goes between
   * a lower-case letter or digit and an upper-case letter followed by a lower-case letter or digit,
   * and the whole is lower-cased. It differs from {@link #snakeCase} on
   * acronyms: {@code userID} → {@code userid}, {@code URLPath} → {@code urlpath}, and at the end of a
   * name: {@code pageA} → {@code pagea}.
   *
   * @param name a JPA logical name: a class or field name, or a name written in an annotation
   * @return the physical name
   */
  public static String springPhysical(String name) {
    StringBuilder out = new StringBuilder(name);
    for (int i = 1; i < out.length() - 1; i++) {
      char before = out.charAt(i - 1);
      char current = out.charAt(i);
      char after = out.charAt(i + 1);
      if ((Character.isLowerCase(before) || Character.isDigit(before))
          && Character.isUpperCase(current)
          && (Character.isLowerCase(after) || Character.isDigit(after))) {
        out.insert(i++, '_');
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /** {@code pk_<table>}. */
  public static String primaryKey(String table) {
    return "pk_" + table;
  }

  /** {@code uq_<table>_<columns>}: {@code uq_<table>_<column>} for a unique column. */
  public static String unique(String table, List<String> columns) {
    return "uq_" + table + "_" + String.join("_", columns);
  }

  /** {@code ix_<table>_<columns>}, or {@code ux_…} for a unique index. */
  public static String index(String table, List<String> columns, boolean unique) {
    return (unique ? "ux_" : "ix_") + table + "_" + String.join("_", columns);
  }

  /** {@code fk_<table>_<column>}. */
  public static String foreignKey(String table, String column) {
    return foreignKey(table, List.of(column));
  }

  /** {@code fk_<table>_<column>_<column>…}: the columns of a foreign key in key order. */
  public static String foreignKey(String table, List<String> columns) {
    return "fk_" + table + "_" + String.join("_", columns);
  }

  /**
   * The name as the databases that ignore case compare it: SQLite for every name, MariaDB and
   * MySQL for columns, indexes and constraints (and for tables on Windows and macOS). Two names
   * with one folded form are one name there.
   */
  static String folded(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /**
   * How a message says that a clashing name was written differently, such as {@code " (as
   * book)"}; empty when the two names are equal.
   */
  static String writtenAs(String name, String other) {
    return name.equals(other) ? "" : " (as " + other + ")";
  }

  /** The length of an identifier as PostgreSQL counts it: bytes of UTF-8. */
  public static int identifierBytes(String identifier) {
    return identifier.getBytes(StandardCharsets.UTF_8).length;
  }
}
