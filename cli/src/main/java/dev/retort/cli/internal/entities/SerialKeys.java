package dev.retort.cli.internal.entities;

import dev.retort.operation.Vendor;
import dev.retort.processor.scan.SqlNames;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL's serial columns ({@code serial}, {@code bigserial}, {@code smallserial}, or a
 * default of {@code nextval} made by hand), which the drift check sees as identity columns but
 * whose default an entity cannot declare; and the conversion that makes a serial key the identity
 * column that {@code @Id(generated = true)} is, continuing its values.
 *
 * <p>Whose sequence a column's default takes is read from {@code pg_depend}, not guessed from
 * the sequence's name: a key is converted, its sequence dropped, only where the default is
 * {@code nextval} of a sequence that the column owns ({@code OWNED BY}, as {@code serial} makes
 * it) and that no other default uses.
 */
public final class SerialKeys {

  /** What the old sequence's name ends with while the identity takes its name. */
  private static final String OLD_SUFFIX = "_serial";

  private static final String QUERY = "SELECT a.attname, sn.nspname, s.relname,"
      + " pg_get_expr(ad.adbin, ad.adrelid) = format('nextval(%L::regclass)', s.oid::regclass::text),"
      + " EXISTS (SELECT 1 FROM pg_depend o WHERE o.classid = 'pg_class'::regclass AND o.objid = s.oid"
      + " AND o.refclassid = 'pg_class'::regclass AND o.refobjid = c.oid AND o.refobjsubid = a.attnum"
      + " AND o.deptype = 'a'),"
      + " ARRAY(SELECT format('%s.%s', oc.relname, oa.attname) FROM pg_depend od"
      + " JOIN pg_attrdef oad ON oad.oid = od.objid"
      + " JOIN pg_class oc ON oc.oid = oad.adrelid"
      + " JOIN pg_attribute oa ON oa.attrelid = oad.adrelid AND oa.attnum = oad.adnum"
      + " WHERE od.classid = 'pg_attrdef'::regclass AND od.refclassid = 'pg_class'::regclass"
      + " AND od.refobjid = s.oid AND oad.oid <> ad.oid ORDER BY 1)"
      + " FROM pg_attrdef ad"
      + " JOIN pg_class c ON c.oid = ad.adrelid"
      + " JOIN pg_namespace n ON n.oid = c.relnamespace"
      + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ad.adnum"
      + " JOIN pg_depend d ON d.classid = 'pg_attrdef'::regclass AND d.objid = ad.oid"
      + " AND d.refclassid = 'pg_class'::regclass"
      + " JOIN pg_class s ON s.oid = d.refobjid AND s.relkind = 'S'"
      + " JOIN pg_namespace sn ON sn.oid = s.relnamespace"
      + " WHERE n.nspname = ? AND c.relname = ?"
      + " ORDER BY a.attnum, sn.nspname, s.relname";

  /** The conversion is PostgreSQL's SQL, quoted as PostgreSQL quotes. */
  private static final Dialect POSTGRESQL = Dialects.forVendor(Vendor.POSTGRESQL);

  private final Optional<Connection> connection;
  /** The serial columns read so far, by column, by schema and table. */
  private final Map<List<String>, Map<String, Serial>> byTable = new HashMap<>();

  private SerialKeys(Optional<Connection> connection) {
    this.connection = connection;
  }

  /**
   * Reads the serial columns of a database as they are asked for; on another database than
   * PostgreSQL, there are none.
   *
   * @param connection an open connection; only read
   * @param dialect the database's dialect
   * @return the reader
   */
  public static SerialKeys of(Connection connection, Dialect dialect) {
    return new SerialKeys(dialect.vendor() == Vendor.POSTGRESQL ? Optional.of(connection) : Optional.empty());
  }

  /**
   * A column whose default takes the values of a sequence.
   *
   * @param schema the table's schema
   * @param table the table
   * @param column the column
   * @param sequenceSchema the sequence's schema
   * @param sequence the sequence
   * @param plain whether the default is {@code nextval} of the sequence and nothing else
   * @param owned whether the column owns the sequence ({@code OWNED BY}), as a serial column does
   * @param sharedWith the other columns whose default uses the sequence, as {@code table.column}
   */
  public record Serial(String schema, String table, String column, String sequenceSchema, String sequence,
      boolean plain, boolean owned, List<String> sharedWith) {

    /** Copies the list. */
    public Serial {
      sharedWith = List.copyOf(sharedWith);
    }

    /** Whether converting the column may drop its sequence: its own, owned, and used by nothing else's default. */
    public boolean ownSequence() {
      return plain && owned && sharedWith.isEmpty();
    }
  }

  /**
   * A serial key's conversion to an identity column, to run on each database before stamping.
   *
   * @param serial the column
   * @param statements the statements, from {@code BEGIN} to {@code COMMIT}
   */
  public record Conversion(Serial serial, List<String> statements) {

    /** Copies the list. */
    public Conversion {
      statements = List.copyOf(statements);
    }
  }

  /**
   * The sequence whose values a column's default takes, if it takes one's.
   *
   * @param schema the table's schema
   * @param table the table
   * @param column the column
   * @return the serial column
   * @throws SQLException if the database cannot be read
   */
  public Optional<Serial> serial(String schema, String table, String column) throws SQLException {
    if (connection.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Serial> columns = byTable.get(List.of(schema, table));
    if (columns == null) {
      columns = new LinkedHashMap<>();
      try (PreparedStatement statement = connection.get().prepareStatement(QUERY)) {
        statement.setString(1, schema);
        statement.setString(2, table);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            Array shared = rows.getArray(6);
            List<String> sharedWith = List.of((String[]) shared.getArray());
            columns.putIfAbsent(rows.getString(1), new Serial(schema, table, rows.getString(1), rows.getString(2),
                rows.getString(3), rows.getBoolean(4), rows.getBoolean(5), sharedWith));
          }
        }
      }
      byTable.put(List.of(schema, table), columns);
    }
    return Optional.ofNullable(columns.get(column));
  }

  /**
   * The statements that make a serial key an identity column in one transaction, preserving the
   * values to come: the default dropped, {@code ADD GENERATED BY DEFAULT AS IDENTITY}, and the
   * identity's next value set after the larger of the key's largest value and the last value the
   * sequence handed out (with {@code is_called}, {@code last_value}; without, {@code last_value - 1}),
   * so that a value handed out to a transaction that rolled back is not handed out again. A
   * sequence of its own is dropped and the identity's sequence takes its name, so that code
   * naming the sequence ({@code currval('orders_id_seq')}) still finds it; another sequence is
   * left to the other columns that use it.
   *
   * @param serial the column
   * @return the conversion
   */
  public static Conversion conversion(Serial serial) {
    Dialect dialect = POSTGRESQL;
    String table = dialect.quote(serial.schema()) + "." + dialect.quote(serial.table());
    String column = dialect.quote(serial.column());
    String sequence = dialect.quote(serial.sequenceSchema()) + "." + dialect.quote(serial.sequence());
    String alterColumn = "ALTER TABLE " + table + " ALTER COLUMN " + column;
    List<String> statements = new ArrayList<>();
    statements.add("BEGIN;");
    statements.add(alterColumn + " DROP DEFAULT;");
    String lastValue;
    String identitySequence;
    if (serial.ownSequence()) {
      String old = oldName(serial.sequence());
      statements.add("ALTER SEQUENCE " + sequence + " RENAME TO " + dialect.quote(old) + ";");
      statements.add(alterColumn + " ADD GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME " + sequence + ");");
      lastValue = dialect.quote(serial.sequenceSchema()) + "." + dialect.quote(old);
      identitySequence = literal(sequence);
    } else {
      statements.add(alterColumn + " ADD GENERATED BY DEFAULT AS IDENTITY;");
      lastValue = sequence;
      identitySequence = "pg_get_serial_sequence(" + literal(table) + ", " + literal(serial.column()) + ")";
    }
    statements.add("SELECT setval(" + identitySequence + ", GREATEST((SELECT max(" + column + ") FROM " + table
        + "), (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM " + lastValue
        + ")) + 1, false);");
    if (serial.ownSequence()) {
      statements.add("DROP SEQUENCE " + lastValue + ";");
    }
    statements.add("COMMIT;");
    return new Conversion(serial, statements);
  }

  /**
   * A script of conversions, one transaction per table, as {@code --conversion-script} writes it.
   *
   * @param conversions the conversions
   * @return the script's text
   */
  public static String script(List<Conversion> conversions) {
    StringBuilder script = new StringBuilder();
    script.append("""
        -- Converts PostgreSQL serial keys to the identity columns that their entities declare
        -- (@Id(generated = true)). Written by retort entities. Run it on each database before
        -- retort stamp, such as: psql -v ON_ERROR_STOP=1 -f THIS_FILE
        -- Each table is converted in a transaction of its own; its identity continues after the
        -- larger of the key's largest value and the last value its sequence handed out. Run
        -- again, it changes nothing: each transaction fails, its column an identity already.
        """);
    for (Conversion conversion : conversions) {
      Serial serial = conversion.serial();
      script.append('\n').append("-- ").append(serial.table()).append('.').append(serial.column())
          .append(" (sequence ").append(serial.sequenceSchema()).append('.').append(serial.sequence()).append(")\n");
      conversion.statements().forEach(statement -> script.append(statement).append('\n'));
    }
    return script.toString();
  }

  /** The name the old sequence has while the identity takes its name: the name with a suffix, within the limit. */
  private static String oldName(String sequence) {
    String base = sequence;
    while (SqlNames.identifierBytes(base + OLD_SUFFIX) > SqlNames.MAX_IDENTIFIER_BYTES) {
      base = base.substring(0, base.offsetByCodePoints(base.length(), -1));
    }
    return base + OLD_SUFFIX;
  }

  /** A string literal, with standard conforming strings as PostgreSQL has them by default. */
  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
