package dev.retort.runtime.dialect.inspect;

import dev.retort.internal.sql.SqlLexer;
import dev.retort.internal.sql.SqlToken;
import dev.retort.model.ViewModel;
import dev.retort.runtime.dialect.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL: metadata, plus enum values and check constraints from the system catalogs. */
final class PostgresCatalog extends JdbcCatalog {

  private static final Set<String> SIZED = Set.of("varchar", "bpchar");
  /**
   * The types whose precision PostgreSQL takes to be 6, microseconds, when none is declared:
   * {@code timestamp(6)} is {@code timestamp}.
   */
  private static final List<String> DEFAULT_PRECISION_6 = List.of("timestamp", "time");
  /**
   * A time or timestamp with a precision, spelled with its zone after the precision as
   * {@code format_type} and Retort spell it: {@code timestamp(3) with time zone} is
   * {@code timestamptz(3)}, {@code time(0) without time zone} is {@code time(0)}.
   */
  private static final Pattern ZONED_PRECISION =
      Pattern.compile("(timestamp|time)(\\(\\d\\)) (with|without) time zone");
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("int2", "smallint"),
      Map.entry("int4", "integer"),
      Map.entry("int", "integer"),
      Map.entry("int8", "bigint"),
      Map.entry("bool", "boolean"),
      Map.entry("float4", "real"),
      Map.entry("float8", "double precision"),
      Map.entry("bpchar", "char"),
      Map.entry("character", "char"),
      Map.entry("character varying", "varchar"),
      Map.entry("decimal", "numeric"),
      Map.entry("timestamp with time zone", "timestamptz"),
      Map.entry("timestamp without time zone", "timestamp"),
      Map.entry("time without time zone", "time"));

  PostgresCatalog(Connection connection, Dialect dialect) {
    super(connection, dialect);
  }

  @Override
  String defaultSchema() throws SQLException {
    return connection.getSchema();
  }

  @Override
  String catalog(String schema) {
    return null;
  }

  @Override
  String schema(String schema) {
    return schema;
  }

  @Override
  String type(ResultSet column) throws SQLException {
    String name = column.getString("TYPE_NAME");
    int size = column.getInt("COLUMN_SIZE");
    if (SIZED.contains(name) && size > 0 && size < Integer.MAX_VALUE) {
      return name + "(" + size + ")";
    }
    if (name.equals("numeric") && size > 0 && size <= 1000) {
      return name + "(" + size + "," + column.getInt("DECIMAL_DIGITS") + ")";
    }
    return name;
  }

  /**
   * Aliases resolved, an enum type's schema dropped (the model names enums without one), and a
   * time's or timestamp's precision 6 dropped: one declared without a precision, as Retort declares
   * it, keeps microseconds as {@code timestamp(6)} does (Hibernate's spelling), and
   * {@code format_type} spells the two apart.
   */
  @Override
  String comparableType(String spelled) {
    String type = Spelling.normalizeType(spelled);
    for (String base : DEFAULT_PRECISION_6) {
      if (type.startsWith(base + "(6)")) {
        type = base + type.substring(base.length() + "(6)".length());
        break;
      }
    }
    Matcher zoned = ZONED_PRECISION.matcher(type);
    if (zoned.matches()) {
      type = zoned.group(1) + (zoned.group(3).equals("with") ? "tz" : "") + zoned.group(2);
    }
    int parenthesis = type.indexOf('(');
    String base = parenthesis < 0 ? type : type.substring(0, parenthesis);
    String parameters = parenthesis < 0 ? "" : type.substring(parenthesis);
    if (parenthesis < 0 && base.contains(".")) {
      return base.substring(base.lastIndexOf('.') + 1);
    }
    return ALIASES.getOrDefault(base, base) + parameters;
  }

  /**
   * The sequences of {@code pg_sequence}, without those that a column owns: an identity column's
   * (an internal dependency) and a {@code serial} column's ({@code OWNED BY}, an automatic one).
   */
  @Override
  List<LiveSequence> sequences(String schema) throws SQLException {
    return sequenceRows("SELECT c.relname, s.seqstart, s.seqincrement FROM pg_sequence s"
            + " JOIN pg_class c ON c.oid = s.seqrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = ? AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass"
            + " AND d.objid = c.oid AND d.deptype IN ('a', 'i'))"
            + " ORDER BY c.relname",
        schema);
  }

  /**
   * The view's query as {@code pg_get_viewdef(oid, true)} prints it: laid out on several lines,
   * with a space before it and a semicolon after it, the names qualified with their table.
   */
  @Override
  Optional<String> viewDefinition(String schema, String view) throws SQLException {
    List<String> definitions = firstColumn("SELECT pg_get_viewdef(c.oid, true) FROM pg_class c"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ? AND c.relkind = 'v'",
        schema, view);
    return definitions.isEmpty() ? Optional.empty() : Optional.ofNullable(definitions.get(0));
  }

  /** The temporary view that spells a model's query as PostgreSQL keeps a view's, created and rolled back. */
  private static final String PROBE = "retort_check_view";

  /** SQL states of a refusal to create the probe: a read-only transaction, no privilege for temporary objects. */
  private static final Set<String> PROBE_REFUSED = Set.of("25006", "42501");

  /**
   * Compares the view's query as PostgreSQL keeps it ({@code pg_get_viewdef}) with the model's query spelled the
   * same way: the model's query made a temporary view in a transaction that is rolled back, so that white space,
   * the case of keywords, parentheses and quoting do not count, and nothing in the database changes.
   */
  @Override
  Optional<String> viewQueryDifference(String schema, ViewModel view) throws SQLException {
    Optional<String> live = viewDefinition(schema, view.name());
    if (live.isEmpty()) {
      return Optional.empty();
    }
    Probe probe = probe(view.query());
    if (probe.refused().isPresent()) {
      return Optional.empty();
    }
    if (probe.failure().isPresent()) {
      return Optional.of("has a query that the model's does not match: the model's query fails on the database ("
          + probe.failure().get() + ")");
    }
    if (probe.definition().equals(live.get())) {
      return Optional.empty();
    }
    return Optional.of("has another query in the database than in the model: the database's is "
        + oneLine(live.get()) + ", the model's " + oneLine(probe.definition()));
  }

  @Override
  Optional<String> viewQueriesNotCompared() throws SQLException {
    return probe("SELECT 1").refused();
  }

  /**
   * A query spelled as PostgreSQL keeps a view's, or why it could not be.
   *
   * @param definition {@code pg_get_viewdef}'s text; empty when it failed or was refused
   * @param failure the database's message when the query fails
   * @param refused why no temporary view could be created at all
   */
  private record Probe(String definition, Optional<String> failure, Optional<String> refused) {}

  private Probe probe(String query) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    Savepoint savepoint = autoCommit ? null : connection.setSavepoint();
    if (autoCommit) {
      connection.setAutoCommit(false);
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TEMPORARY VIEW " + PROBE + " AS " + query);
      try (ResultSet row = statement.executeQuery("SELECT pg_get_viewdef('pg_temp." + PROBE + "'::regclass, true)")) {
        row.next();
        return new Probe(row.getString(1), Optional.empty(), Optional.empty());
      }
    } catch (SQLException e) {
      // The first line, without the "Position" of the probe's own statement.
      String message = String.valueOf(e.getMessage()).strip().lines().findFirst().orElse("")
          .replaceFirst("^ERROR: ", "");
      return PROBE_REFUSED.contains(e.getSQLState())
          ? new Probe("", Optional.empty(), Optional.of(message))
          : new Probe("", Optional.of(message), Optional.empty());
    } finally {
      if (autoCommit) {
        connection.rollback();
        connection.setAutoCommit(true);
      } else {
        connection.rollback(savepoint);
      }
    }
  }

  private static String oneLine(String definition) {
    String text = definition.strip().replaceAll("\\s+", " ");
    return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
  }

  /**
   * Column types as {@code format_type} spells them, in full: the metadata's type names leave
   * out a time's or timestamp's fractional-second precision, so that {@code timestamp(3)} read
   * as {@code timestamp}.
   */
  @Override
  Map<String, String> exactTypes(String schema, String table) throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    forEachRow(
        "SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a"
            + " JOIN pg_class c ON c.oid = a.attrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped",
        schema, table, row -> types.put(row.getString(1), row.getString(2)));
    return types;
  }

  /**
   * The indexes from {@code pg_index}, with the columns' own names: the driver's metadata spells
   * an index column as {@code pg_get_indexdef} quotes it and strips only the outer quotes, so
   * that a name holding a double quote comes back with it doubled. An expression is spelled as
   * {@code pg_get_indexdef} shows it; included columns are not key columns and are left out.
   */
  @Override
  List<LiveTable.Index> indexes(DatabaseMetaData metaData, String catalog, String schema, String table)
      throws SQLException {
    Map<String, List<String>> columns = new TreeMap<>();
    Map<String, Boolean> unique = new TreeMap<>();
    forEachRow(
        "SELECT ic.relname, i.indisunique, COALESCE(a.attname, pg_get_indexdef(i.indexrelid, k.n::int, false))"
            + " FROM pg_index i"
            + " JOIN pg_class c ON c.oid = i.indrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_class ic ON ic.oid = i.indexrelid"
            + " CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)"
            + " LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum > 0"
            + " WHERE n.nspname = ? AND c.relname = ? AND k.n <= i.indnkeyatts"
            + " ORDER BY ic.relname, k.n",
        schema, table, row -> {
          columns.computeIfAbsent(row.getString(1), name -> new ArrayList<>()).add(row.getString(3));
          unique.put(row.getString(1), row.getBoolean(2));
        });
    List<LiveTable.Index> indexes = new ArrayList<>();
    columns.forEach((name, indexed) -> indexes.add(new LiveTable.Index(name, unique.get(name), indexed)));
    return indexes;
  }

  @Override
  Map<String, List<String>> enumValues(String schema, String table) throws SQLException {
    Map<String, List<String>> values = new LinkedHashMap<>();
    forEachRow(
        "SELECT a.attname, e.enumlabel FROM pg_attribute a"
            + " JOIN pg_class c ON c.oid = a.attrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_enum e ON e.enumtypid = a.atttypid"
            + " WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped"
            + " ORDER BY a.attname, e.enumsortorder",
        schema, table, row -> values.computeIfAbsent(row.getString(1), c -> new ArrayList<>()).add(row.getString(2)));
    return values;
  }

  @Override
  Optional<List<String>> checks(String schema, String table) throws SQLException {
    return Optional.of(firstColumn(
        "SELECT con.conname FROM pg_constraint con"
            + " JOIN pg_class c ON c.oid = con.conrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE con.contype = 'c' AND n.nspname = ? AND c.relname = ? ORDER BY con.conname",
        schema, table));
  }

  @Override
  boolean hasUnvalidatedConstraints() {
    return true;
  }

  /** The foreign keys and checks whose {@code pg_constraint.convalidated} is false: added {@code NOT VALID}. */
  @Override
  List<Unvalidated> unvalidatedConstraints(String schema) throws SQLException {
    List<Unvalidated> constraints = new ArrayList<>();
    forEachRow(
        "SELECT c.relname, con.conname, con.contype FROM pg_constraint con"
            + " JOIN pg_class c ON c.oid = con.conrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE con.contype IN ('c', 'f') AND NOT con.convalidated AND n.nspname = ?"
            + " ORDER BY c.relname, con.conname",
        schema, row -> constraints.add(new Unvalidated(row.getString(1), row.getString(2),
            row.getString(3).equals("f"))));
    return constraints;
  }

  /** A unique constraint's index has the constraint's name. */
  @Override
  boolean keepsUniqueNames() {
    return true;
  }

  /** The unique constraints from {@code pg_constraint}, each with its index, which has its name. */
  @Override
  Optional<List<LiveTable.Unique>> uniqueConstraints(String schema, String table) throws SQLException {
    return Optional.of(uniqueConstraintRows(
        "SELECT con.conname, ic.relname, a.attname FROM pg_constraint con"
            + " JOIN pg_class c ON c.oid = con.conrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_class ic ON ic.oid = con.conindid"
            + " CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, n)"
            + " JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum"
            + " WHERE con.contype = 'u' AND n.nspname = ? AND c.relname = ? ORDER BY con.conname, k.n",
        schema, table));
  }

  /** Partial indexes, with their {@code WHERE}, and indexes of another method than a b-tree. */
  @Override
  Map<String, String> indexDetails(String schema, String table) throws SQLException {
    Map<String, String> details = new TreeMap<>();
    forEachRow(
        "SELECT ic.relname, am.amname, pg_get_expr(i.indpred, i.indrelid) FROM pg_index i"
            + " JOIN pg_class c ON c.oid = i.indrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_class ic ON ic.oid = i.indexrelid"
            + " JOIN pg_am am ON am.oid = ic.relam"
            + " WHERE n.nspname = ? AND c.relname = ? AND (i.indpred IS NOT NULL OR am.amname <> 'btree')",
        schema, table, row -> {
          List<String> what = new ArrayList<>();
          if (row.getString(3) != null) {
            what.add("partial, WHERE " + row.getString(3));
          }
          if (!row.getString(2).equals("btree")) {
            what.add("USING " + row.getString(2));
          }
          details.put(row.getString(1), String.join(", ", what));
        });
    return details;
  }

  /** The expressions as {@code pg_get_constraintdef} shows them, without its {@code CHECK (…)} around them. */
  @Override
  List<LiveSchema.CheckClause> checkClauses(String schema, String table) throws SQLException {
    List<LiveSchema.CheckClause> clauses = new ArrayList<>();
    forEachRow(
        "SELECT con.conname, pg_get_constraintdef(con.oid) FROM pg_constraint con"
            + " JOIN pg_class c ON c.oid = con.conrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE con.contype = 'c' AND n.nspname = ? AND c.relname = ? ORDER BY con.conname",
        schema, table, row -> {
          String definition = row.getString(2).strip();
          if (definition.startsWith("CHECK (") && definition.endsWith(")")) {
            definition = definition.substring("CHECK (".length(), definition.length() - 1);
          }
          if (wrapped(definition)) {
            definition = definition.substring(1, definition.length() - 1);
          }
          clauses.add(new LiveSchema.CheckClause(Optional.of(row.getString(1)), definition));
        });
    return clauses;
  }

  /** Whether one pair of parentheses holds the whole text, as PostgreSQL shows most check expressions. */
  private static boolean wrapped(String text) {
    List<SqlToken> tokens = SqlLexer.plain().tokens(text);
    if (tokens.size() < 2 || !tokens.get(0).isSymbol("(") || !tokens.get(tokens.size() - 1).isSymbol(")")) {
      return false;
    }
    int depth = 0;
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).isSymbol("(")) {
        depth++;
      } else if (tokens.get(i).isSymbol(")") && --depth == 0 && i < tokens.size() - 1) {
        return false;
      }
    }
    return true;
  }
}
