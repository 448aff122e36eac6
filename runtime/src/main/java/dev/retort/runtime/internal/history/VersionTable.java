package dev.retort.runtime.internal.history;

import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.SchemaModel;
import dev.retort.model.TableModel;
import dev.retort.operation.CreateTable;
import dev.retort.operation.Vendor;
import dev.retort.runtime.AppliedRevision;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Step;
import dev.retort.runtime.internal.SqliteFileHint;
import dev.retort.runtime.internal.VendorNames;
import dev.retort.runtime.internal.graph.RevisionGraph;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The version table: one row per applied revision with its checksum, the checksum of its
 * source file, when it was applied and how long it ran. This class holds every statement Retort
 * runs against it; its definition is a {@link TableModel}, created through the dialect like any
 * migrated table.
 *
 * <p>Values are always bound, except in {@linkplain #insertLiteral offline scripts}, which are
 * text for a person to run and write them as escaped literals. The statements run through plain
 * JDBC: the version table is read at every application start, and a statement layer such as
 * JDBI's costs more to initialise than these few fixed statements gain from it.
 */
public final class VersionTable {

  /** Longer descriptions are cut to this length. */
  static final int DESCRIPTION_LENGTH = 500;

  private static final String REVISION = "revision";
  private static final String DESCRIPTION = "description";
  private static final String CHECKSUM = "checksum";
  private static final String APPLIED_AT = "applied_at";
  private static final String EXECUTION_MS = "execution_ms";
  private static final String SOURCE_CHECKSUM = "source_checksum";

  /** The longest name MySQL and MariaDB take, such as a check constraint's, which a guard's message is. */
  private static final int MYSQL_NAME_LENGTH = 64;

  /** The longest name H2 takes. */
  private static final int H2_NAME_LENGTH = 256;

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final String schema;
  private final String name;
  private final Dialect dialect;
  private final String qualified;

  /**
   * Describes the version table.
   *
   * @param schema the database schema holding it; empty for the connection's own
   * @param name the table name
   * @param dialect the database's dialect, for quoting and for creating the table
   */
  public VersionTable(String schema, String name, Dialect dialect) {
    this.schema = Objects.requireNonNull(schema, "schema == null");
    this.name = Objects.requireNonNull(name, "name == null");
    this.dialect = Objects.requireNonNull(dialect, "dialect == null");
    this.qualified = qualify(dialect, schema, name);
  }

  /** An identifier quoted by the dialect, prefixed by the quoted schema if there is one. */
  public static String qualify(Dialect dialect, String schema, String name) {
    return schema.isEmpty() ? dialect.quote(name) : dialect.quote(schema) + "." + dialect.quote(name);
  }

  /** The table as messages name it, such as {@code retort_version} or {@code app.retort_version}. */
  public String displayName() {
    return schema.isEmpty() ? name : schema + "." + name;
  }

  /** The table name, without schema. */
  public String name() {
    return name;
  }

  /** The schema holding the table; empty for the connection's own. */
  public String schema() {
    return schema;
  }

  /** The table's definition. */
  public TableModel model() {
    return new TableModel.Builder(name)
        .schema(schema)
        .column(new ColumnModel(REVISION, ColumnType.varchar(RevisionGraph.MAX_ID_LENGTH), false,
            Optional.empty(), false, Optional.empty()))
        .column(new ColumnModel(DESCRIPTION, ColumnType.varchar(DESCRIPTION_LENGTH), false,
            Optional.empty(), false, Optional.empty()))
        .column(new ColumnModel(CHECKSUM, ColumnType.varchar(64), false, Optional.empty(), false, Optional.empty()))
        .column(new ColumnModel(APPLIED_AT, ColumnType.timestamp(), false, Optional.empty(), false, Optional.empty()))
        .column(ColumnModel.of(EXECUTION_MS, ColumnType.bigint()))
        .column(ColumnModel.of(SOURCE_CHECKSUM, ColumnType.varchar(64)))
        .primaryKey(Optional.of(new PrimaryKeyModel("pk_" + name, List.of(REVISION))))
        .comment(Optional.of(
            "Revisions applied by Retort; execution_ms is empty for revisions recorded without running,"
                + " source_checksum for migrations compiled without the Retort processor."))
        .build();
  }

  /**
   * Whether the table exists, read from the JDBC metadata.
   *
   * @param connection the connection
   * @return whether it exists
   */
  public boolean exists(Connection connection) {
    try {
      DatabaseMetaData metadata = connection.getMetaData();
      String catalog = null;
      String schemaPattern = null;
      boolean caseInsensitive = false;
      switch (dialect.vendor()) {
        case MYSQL:
        case MARIADB:
          catalog = schema.isEmpty() ? connection.getCatalog() : schema;
          caseInsensitive = true;
          break;
        case SQLITE:
          break;
        default:
          schemaPattern = escapePattern(schema.isEmpty() ? connection.getSchema() : schema, metadata);
          break;
      }
      try (ResultSet tables = metadata.getTables(catalog, schemaPattern, escapePattern(name, metadata), null)) {
        while (tables.next()) {
          String found = tables.getString("TABLE_NAME");
          if (name.equals(found) || (caseInsensitive && name.equalsIgnoreCase(found))) {
            return true;
          }
        }
      }
      return false;
    } catch (SQLException e) {
      throw error("look up the version table " + displayName(), e);
    }
  }

  private static String escapePattern(String text, DatabaseMetaData metadata) throws SQLException {
    if (text == null) {
      return null;
    }
    String escape = metadata.getSearchStringEscape();
    if (escape == null || escape.isEmpty()) {
      return text;
    }
    return text.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
  }

  /** The statements that create the table. */
  public List<String> createStatements() {
    List<String> statements = new ArrayList<>();
    for (Step step : dialect.render(new CreateTable(model()), SchemaModel.empty())) {
      if (step instanceof Step.Sql sql) {
        statements.add(sql.sql());
      } else {
        throw new IllegalStateException(dialect.vendor() + " rendered a Java step for creating the version table");
      }
    }
    return statements;
  }

  /**
   * The statements that create the table unless it exists, for an offline script from base,
   * which cannot look first: a database at base may have the table, empty, since a downgrade to
   * base leaves it.
   */
  public List<String> createIfMissingStatements() {
    return dialect.createTableIfMissing(model());
  }

  /**
   * Creates the table. Call with the migration lock held, once {@link #exists} said it does not
   * exist.
   *
   * @param connection the connection, in auto-commit mode or inside the caller's transaction
   */
  public void create(Connection connection) {
    String current = null;
    try (Statement statement = connection.createStatement()) {
      for (String sql : createStatements()) {
        current = sql;
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw error("create the version table " + displayName() + " with " + current
          + " (check that the user may create tables" + (schema.isEmpty() ? "" : " in schema " + schema) + ")", e);
    }
  }

  /**
   * Reads every row.
   *
   * @param connection the connection
   * @return the rows, in no particular order
   */
  public List<AppliedRevision> read(Connection connection) {
    String sql = "SELECT " + columns() + " FROM " + qualified;
    List<AppliedRevision> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        long millis = result.getLong(5);
        Optional<Duration> executionTime = result.wasNull() ? Optional.empty() : Optional.of(Duration.ofMillis(millis));
        LocalDateTime appliedAt = result.getObject(4, LocalDateTime.class);
        rows.add(new AppliedRevision(result.getString(1), result.getString(2), result.getString(3),
            appliedAt.toInstant(ZoneOffset.UTC), executionTime, Optional.ofNullable(result.getString(6))));
      }
      return rows;
    } catch (SQLException e) {
      throw error("read the version table " + displayName() + " with " + sql, e);
    }
  }

  /**
   * What a start-up that finds nothing to do needs of each row: the revision and its checksums.
   * Reading no timestamps spares a cold JVM the driver's date parsing, which for a few hundred rows
   * costs more than the query.
   *
   * @param revision the revision id
   * @param checksum the checksum of its operations when it was applied
   * @param sourceChecksum the checksum of its source file when it was applied; empty if unknown
   */
  public record RecordedChecksum(String revision, String checksum, Optional<String> sourceChecksum) {}

  /**
   * Reads the revision and checksums of every row.
   *
   * @param connection the connection
   * @return the rows, in no particular order
   */
  public List<RecordedChecksum> readChecksums(Connection connection) {
    String sql = "SELECT " + String.join(", ", dialect.quote(REVISION), dialect.quote(CHECKSUM),
        dialect.quote(SOURCE_CHECKSUM)) + " FROM " + qualified;
    List<RecordedChecksum> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.add(new RecordedChecksum(result.getString(1), result.getString(2), Optional.ofNullable(result.getString(3))));
      }
      return rows;
    } catch (SQLException e) {
      throw error("read the version table " + displayName() + " with " + sql, e);
    }
  }

  /**
   * Records a revision as applied.
   *
   * @param connection the connection, in the migration's transaction where there is one
   * @param revision the row
   */
  public void insert(Connection connection, AppliedRevision revision) {
    String sql = "INSERT INTO " + qualified + " (" + columns() + ") VALUES (?, ?, ?, ?, ?, ?)";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setString(1, revision.revision());
      insert.setString(2, description(revision.description()));
      insert.setString(3, revision.checksum());
      insert.setObject(4, LocalDateTime.ofInstant(revision.appliedAt().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC));
      if (revision.executionTime().isPresent()) {
        insert.setLong(5, revision.executionTime().get().toMillis());
      } else {
        insert.setNull(5, Types.BIGINT);
      }
      insert.setString(6, revision.sourceChecksum().orElse(null));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw error("record revision " + revision.revision() + " in the version table " + displayName(), e);
    }
  }

  /**
   * Deletes a revision's row.
   *
   * @param connection the connection, in the migration's transaction where there is one
   * @param revision the revision id
   */
  public void delete(Connection connection, String revision) {
    String sql = "DELETE FROM " + qualified + " WHERE " + dialect.quote(REVISION) + " = ?";
    try (PreparedStatement delete = connection.prepareStatement(sql)) {
      delete.setString(1, revision);
      delete.executeUpdate();
    } catch (SQLException e) {
      throw error("remove revision " + revision + " from the version table " + displayName(), e);
    }
  }

  /**
   * Replaces a row's recorded checksums and description.
   *
   * @param connection the connection
   * @param revision the revision id
   * @param checksum the new checksum
   * @param sourceChecksum the new source checksum; empty if unknown
   * @param description the new description
   */
  public void updateChecksum(
      Connection connection, String revision, String checksum, Optional<String> sourceChecksum, String description) {
    String sql = "UPDATE " + qualified + " SET " + dialect.quote(CHECKSUM) + " = ?, " + dialect.quote(SOURCE_CHECKSUM)
        + " = ?, " + dialect.quote(DESCRIPTION) + " = ? WHERE " + dialect.quote(REVISION) + " = ?";
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setString(1, checksum);
      update.setString(2, sourceChecksum.orElse(null));
      update.setString(3, description(description));
      update.setString(4, revision);
      update.executeUpdate();
    } catch (SQLException e) {
      throw error("update the checksum of revision " + revision + " in the version table " + displayName(), e);
    }
  }

  /**
   * The statement recording a revision, with its values written as literals, for an offline
   * script. The time is the database's clock when the script runs; the execution time is
   * empty, since Retort does not run the script.
   *
   * @param revision the revision id
   * @param description what it does
   * @param checksum its checksum
   * @param sourceChecksum the checksum of its source file; empty if unknown
   * @return the statement
   */
  public String insertLiteral(String revision, String description, String checksum, Optional<String> sourceChecksum) {
    return "INSERT INTO " + qualified + " (" + columns() + ") VALUES (" + literal(revision) + ", "
        + literal(description(description)) + ", " + literal(checksum) + ", " + utcNow() + ", NULL, "
        + sourceChecksum.map(this::literal).orElse("NULL") + ")";
  }

  /**
   * The statement deleting a revision's row, with the id written as a literal, for an offline
   * script.
   *
   * @param revision the revision id
   * @return the statement
   */
  public String deleteLiteral(String revision) {
    return "DELETE FROM " + qualified + " WHERE " + dialect.quote(REVISION) + " = " + literal(revision);
  }

  /**
   * The statement giving a revision's row the checksums and description its migration has now,
   * with the values written as literals, for an offline stamp script: what {@link #updateChecksum}
   * does online.
   *
   * @param revision the revision id
   * @param description what it does
   * @param checksum its checksum
   * @param sourceChecksum the checksum of its source file; empty if unknown
   * @return the statement
   */
  public String updateLiteral(String revision, String description, String checksum, Optional<String> sourceChecksum) {
    return "UPDATE " + qualified + " SET " + dialect.quote(CHECKSUM) + " = " + literal(checksum) + ", "
        + dialect.quote(SOURCE_CHECKSUM) + " = " + sourceChecksum.map(this::literal).orElse("NULL") + ", "
        + dialect.quote(DESCRIPTION) + " = " + literal(description(description)) + " WHERE " + dialect.quote(REVISION)
        + " = " + literal(revision);
  }

  /**
   * The statements that stop an offline script, before it changes anything, unless the table
   * exists and records exactly the given revisions: a script written from one revision and run on
   * a database at another would apply its DDL and fail later, or record a state that is not the
   * schema's.
   *
   * <p>PostgreSQL raises the message from an anonymous block. MySQL and MariaDB have no anonymous
   * block that both run (MySQL has none, and takes no {@code SIGNAL} as a prepared statement),
   * and H2 and SQLite raise no error of their own in plain SQL, so for them each problem is a
   * named check constraint of a temporary table that refuses the row a query of the problem
   * selects, as {@code SqliteScriptGuard} does for the table rebuild: the database reports the
   * constraint's name, which is the message. MySQL and MariaDB enforce check constraints from
   * MySQL 8.0.16 and MariaDB 10.2, and limit names to 64 characters, so their message is short;
   * H2 limits them to 256, which a long revision id or table name may pass.
   * The table's existence is checked first, from the catalog, since a query of a missing table
   * fails with the database's own message.
   *
   * @param revisions the revisions the table must record, none missing and no other
   * @param at the state as the message names it, such as {@code 004} or {@code a1, b2}
   * @param current the command that shows what a database is at, for the message
   * @return the statements
   */
  public List<String> guardStatements(Set<String> revisions, String at, String current) {
    if (revisions.isEmpty()) {
      throw new IllegalArgumentException("a guard checks at least one revision; a script from base has none");
    }
    String fix = " Write the script from the revision the database is at, which " + current + " shows.";
    String missing = "Retort: the database is not at " + at + ": it has no version table " + displayName() + "." + fix;
    String other = "Retort: the database is not at " + at + ": its version table " + displayName()
        + " records other revisions." + fix;
    List<String> ids = revisions.stream().sorted().map(this::literal).toList();
    String otherQuery = "(SELECT COUNT(*) FROM " + qualified + ") <> " + revisions.size() + " OR EXISTS (SELECT 1 FROM "
        + qualified + " WHERE " + dialect.quote(REVISION) + " NOT IN (" + String.join(", ", ids) + "))";
    switch (dialect.vendor()) {
      case POSTGRESQL:
        return List.of("DO $retort_guard$\nBEGIN\n  IF to_regclass(" + literal(qualified) + ") IS NULL THEN\n"
            + "    RAISE EXCEPTION USING MESSAGE = " + literal(missing) + ";\n  END IF;\n  IF " + otherQuery + " THEN\n"
            + "    RAISE EXCEPTION USING MESSAGE = " + literal(other) + ";\n  END IF;\nEND\n$retort_guard$");
      case MYSQL:
      case MARIADB:
        return checkGuard("CREATE TEMPORARY TABLE ", "DROP TEMPORARY TABLE ", "",
            fit(MYSQL_NAME_LENGTH, "Retort: no version table, not at " + at + ", see " + current,
                "Retort: no version table, see " + current, "Retort: no version table"),
            "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                + (schema.isEmpty() ? "DATABASE()" : literal(schema)) + " AND TABLE_NAME = " + literal(name),
            fit(MYSQL_NAME_LENGTH, "Retort: not at " + at + ", see " + current,
                "Retort: not at the script's start, see " + current, "Retort: not at the script's start"),
            otherQuery);
      case H2:
        return checkGuard("CREATE LOCAL TEMPORARY TABLE ", "DROP TABLE ", "",
            fit(H2_NAME_LENGTH, missing, "Retort: the database is not at the script's start: it has no version table."
                + fix, "Retort: the database is not at the script's start: it has no version table."),
            "SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = "
                + (schema.isEmpty() ? "CURRENT_SCHEMA" : literal(schema)) + " AND TABLE_NAME = " + literal(name),
            fit(H2_NAME_LENGTH, other, "Retort: the database is not at the script's start: its version table records"
                + " other revisions." + fix, "Retort: the database is not at the script's start: its version table"
                + " records other revisions."),
            otherQuery);
      case SQLITE:
        return checkGuard("CREATE TEMP TABLE ", "DROP TABLE ", "temp.", missing,
            "SELECT 1 FROM " + (schema.isEmpty() ? "" : dialect.quote(schema) + ".") + "sqlite_master WHERE type ="
                + " 'table' AND name = " + literal(name),
            other, otherQuery);
      default:
        throw new IllegalStateException("no offline guard for " + dialect.vendor());
    }
  }

  /**
   * A guard of two problems as a temporary table whose check constraints, named by the messages,
   * refuse the row selected when the table is missing and the row selected when it records other
   * revisions.
   */
  private List<String> checkGuard(
      String create, String drop, String prefix, String missing, String existsQuery, String other,
      String otherQuery) {
    String problem = dialect.quote("problem");
    String table = dialect.quote("retort_guard");
    String dual = dialect.vendor() == Vendor.MYSQL || dialect.vendor() == Vendor.MARIADB ? " FROM DUAL" : "";
    return List.of(
        create + table + " (" + problem + " INTEGER, CONSTRAINT " + dialect.quote(missing) + " CHECK ("
            + problem + " <> 1), CONSTRAINT " + dialect.quote(other) + " CHECK (" + problem + " <> 2))",
        "INSERT INTO " + prefix + table + " (" + problem + ") SELECT 1" + dual + " WHERE NOT EXISTS (" + existsQuery
            + ")",
        "INSERT INTO " + prefix + table + " (" + problem + ") SELECT 2" + dual + " WHERE " + otherQuery,
        drop + prefix + table);
  }

  /**
   * The first message that fits a name of the database: the longer ones name the revision and the command that shows
   * where the database is, which may name a long schema; the last, without either, always fits.
   */
  private static String fit(int length, String message, String shorter, String shortest) {
    return message.length() <= length ? message : shorter.length() <= length ? shorter : shortest;
  }

  private String columns() {
    return String.join(", ", dialect.quote(REVISION), dialect.quote(DESCRIPTION), dialect.quote(CHECKSUM),
        dialect.quote(APPLIED_AT), dialect.quote(EXECUTION_MS), dialect.quote(SOURCE_CHECKSUM));
  }

  /** The current UTC time as a timestamp without time zone, in the form the runtime writes it. */
  private String utcNow() {
    switch (dialect.vendor()) {
      case POSTGRESQL:
        return "(CURRENT_TIMESTAMP AT TIME ZONE 'UTC')";
      case MYSQL:
      case MARIADB:
        return "UTC_TIMESTAMP(3)";
      case H2:
        return "CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP)";
      case SQLITE:
        return "strftime('%Y-%m-%dT%H:%M:%f', 'now')";
      default:
        throw new IllegalStateException("no UTC clock expression for " + dialect.vendor());
    }
  }

  /** A string literal; MySQL and MariaDB also treat backslashes as escapes. */
  private String literal(String value) {
    String escaped = value.replace("'", "''");
    if (dialect.vendor() == Vendor.MYSQL || dialect.vendor() == Vendor.MARIADB) {
      escaped = escaped.replace("\\", "\\\\");
    }
    return "'" + escaped + "'";
  }

  /** A description as stored: one line, at most {@value #DESCRIPTION_LENGTH} characters. */
  static String description(String text) {
    String line = WHITESPACE.matcher(text.strip()).replaceAll(" ");
    if (line.length() <= DESCRIPTION_LENGTH) {
      return line;
    }
    int end = DESCRIPTION_LENGTH - 3;
    if (Character.isHighSurrogate(line.charAt(end - 1))) {
      end--;
    }
    return line.substring(0, end) + "...";
  }



  private RetortException error(String what, Exception cause) {
    return new RetortException(ErrorCode.DATABASE_ERROR,
        "Could not " + what + " on " + VendorNames.of(dialect.vendor()) + ": "
            + cause.getMessage() + (cause instanceof SQLException sql ? SqliteFileHint.of(sql) : ""), cause);
  }
}
