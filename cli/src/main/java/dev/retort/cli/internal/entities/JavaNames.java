package dev.retort.cli.internal.entities;

import dev.retort.processor.scan.SqlNames;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * SQL names as Java names: a table as a record's name, a column as a component's. Whether a
 * member needs an explicit {@code name} attribute is decided by the processor's own naming
 * ({@link SqlNames#snakeCase}): the attribute is written exactly when the Java name would not
 * map back to the SQL name.
 */
public final class JavaNames {

  /**
   * Simple names a generated record may not take, since its source refers to these types: the
   * annotations, and the Java types that columns map to.
   */
  private static final Set<String> TAKEN = Set.of(
      "Table", "Column", "Id", "Index", "References", "Check", "ReferentialAction", "Nullability",
      "String", "Short", "Integer", "Long", "Boolean", "Float", "Double", "Character", "Byte", "Object", "Record",
      "Override", "BigDecimal", "UUID", "LocalDate", "LocalTime", "LocalDateTime", "Instant", "OffsetDateTime", "ForeignKey");

  /** The names a record component may not have (JLS 16, 8.10.1): those of {@code Object}'s methods without parameters. */
  private static final Set<String> RECORD_FORBIDDEN = Set.of(
      "clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait");

  private JavaNames() {}

  /**
   * A table's name as a record's: the words of the name, each capitalised ({@code order_items}
   * → {@code OrderItems}, {@code "Order Lines"} → {@code OrderLines}); a name that would clash
   * with a type the source uses ends with {@code Entity}.
   *
   * @param table the SQL name
   * @return a Java type name
   */
  public static String typeName(String table) {
    String name = capitalize(camel(table));
    return TAKEN.contains(name) ? name + "Entity" : name;
  }

  /**
   * A column's name as a member's: {@code created_at} → {@code createdAt}, {@code ISBN} →
   * {@code isbn}, {@code URLPath} → {@code urlPath}; a Java keyword ({@code class}) or a name a
   * record component may not have ({@code wait}, {@code hashCode}) ends with an underscore.
   *
   * @param column the SQL name
   * @return a Java identifier
   */
  public static String memberName(String column) {
    String name = camel(column);
    int upper = 0;
    while (upper < name.length() && Character.isUpperCase(name.charAt(upper))) {
      upper++;
    }
    // A leading acronym in lower case, but for the letter that starts the next word: URLPath → urlPath.
    int lower = upper == name.length() || upper <= 1 ? Math.max(upper, 1) : upper - 1;
    name = name.substring(0, lower).toLowerCase(Locale.ROOT) + name.substring(lower);
    return SourceVersion.isKeyword(name) || name.equals("_") || RECORD_FORBIDDEN.contains(name) ? name + "_" : name;
  }

  /**
   * Whether the processor derives exactly this SQL name from the Java name, so that no
   * {@code name} attribute is needed.
   *
   * @param javaName the member or record name
   * @param sqlName the table or column name
   * @return whether the default naming gives the SQL name
   */
  public static boolean derives(String javaName, String sqlName) {
    return SqlNames.snakeCase(javaName).equals(sqlName);
  }

  /**
   * The words of a SQL name joined in camel case: letters and digits are kept, everything else
   * separates words; a name that is all upper case (as H2 and Oracle fold unquoted names) is
   * read as lower case; a name that would start with a digit starts with an underscore.
   */
  private static String camel(String sqlName) {
    boolean shouting = sqlName.equals(sqlName.toUpperCase(Locale.ROOT)) && !sqlName.equals(sqlName.toLowerCase(Locale.ROOT));
    String source = shouting ? sqlName.toLowerCase(Locale.ROOT) : sqlName;
    StringBuilder out = new StringBuilder();
    boolean upperNext = false;
    for (int i = 0; i < source.length(); ) {
      int c = source.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c) && Character.isJavaIdentifierPart(c)) {
        if (out.length() == 0 && Character.isDigit(c)) {
          out.append('_');
        }
        out.appendCodePoint(upperNext && out.length() > 0 ? Character.toUpperCase(c) : c);
        upperNext = false;
      } else {
        upperNext = true;
      }
    }
    if (out.length() == 0) {
      out.append("column");
    }
    return out.toString();
  }

  private static String capitalize(String name) {
    return name.startsWith("_") ? "T" + name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
