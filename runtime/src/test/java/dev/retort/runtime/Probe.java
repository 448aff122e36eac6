package dev.retort.runtime;

import dev.retort.RevisionInfo;
import dev.retort.runtime.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Reads and changes a test database behind Retort's back, through plain JDBC. */
public final class Probe {

  private Probe() {}

  /** A Retort on the database with the given migrations. */
  public static Retort retort(TestDatabase db, List<RevisionInfo> migrations) {
    return Retort.builder().url(db.url(), db.user(), db.password()).migrations(migrations)
        .lockTimeout(Duration.ofSeconds(60)).build();
  }

  /** An identifier quoted for the database. */
  public static String quote(TestDatabase db, String name) {
    return db.kind() == TestDatabase.Kind.MARIADB ? "`" + name + "`" : "\"" + name + "\"";
  }

  /**
   * One version-table row as the test sees it.
   *
   * @param revision the id
   * @param checksum the checksum
   * @param executed whether an execution time is recorded
   */
  public record Row(String revision, String checksum, boolean executed) {}

  /** The rows of {@code retort_version}, ordered by revision id. */
  public static List<Row> versionRows(TestDatabase db) {
    return versionRows(db, "retort_version");
  }

  /** The rows of a version table, ordered by revision id. */
  public static List<Row> versionRows(TestDatabase db, String qualifiedQuotedOrName) {
    String table = qualifiedQuotedOrName.contains(".") ? qualifiedQuotedOrName : quote(db, qualifiedQuotedOrName);
    List<Row> rows = new ArrayList<>();
    try (Connection connection = db.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT " + quote(db, "revision") + ", " + quote(db, "checksum")
            + ", " + quote(db, "execution_ms") + " FROM " + table + " ORDER BY " + quote(db, "revision"))) {
      while (result.next()) {
        String revision = result.getString(1);
        String checksum = result.getString(2);
        result.getLong(3);
        rows.add(new Row(revision, checksum, !result.wasNull()));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the version table of " + db, e);
    }
    return rows;
  }

  /** The source checksums that {@code retort_version} records, by revision id; null where none is. */
  public static Map<String, String> sourceChecksums(TestDatabase db) {
    Map<String, String> checksums = new TreeMap<>();
    try (Connection connection = db.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT " + quote(db, "revision") + ", "
            + quote(db, "source_checksum") + " FROM " + quote(db, "retort_version"))) {
      while (result.next()) {
        checksums.put(result.getString(1), result.getString(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the version table of " + db, e);
    }
    return checksums;
  }

  /** The revision ids of {@code retort_version}, ordered. */
  public static List<String> appliedIds(TestDatabase db) {
    return versionRows(db).stream().map(Row::revision).toList();
  }

  /** Whether a table exists, tried with a query. */
  public static boolean tableExists(TestDatabase db, String table) {
    try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT COUNT(*) FROM " + quote(db, table)).close();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /** Whether a column exists, from the columns of a query on its table. */
  public static boolean columnExists(TestDatabase db, String table, String column) {
    try (Connection connection = db.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT * FROM " + quote(db, table) + " WHERE 1 = 0")) {
      ResultSetMetaData metadata = result.getMetaData();
      for (int i = 1; i <= metadata.getColumnCount(); i++) {
        if (metadata.getColumnName(i).equals(column)) {
          return true;
        }
      }
      return false;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the columns of " + table + " on " + db, e);
    }
  }

  /** The columns of a table, in their order, from the columns of a query on it. */
  public static List<String> columns(TestDatabase db, String table) {
    List<String> columns = new ArrayList<>();
    try (Connection connection = db.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT * FROM " + quote(db, table) + " WHERE 1 = 0")) {
      ResultSetMetaData metadata = result.getMetaData();
      for (int i = 1; i <= metadata.getColumnCount(); i++) {
        columns.add(metadata.getColumnName(i));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the columns of " + table + " on " + db, e);
    }
    return columns;
  }

  /** The tables of the connection's own database and schema, in lower case, sorted. */
  public static List<String> tables(TestDatabase db) {
    List<String> tables = new ArrayList<>();
    try (Connection connection = db.connect();
        ResultSet rows = connection.getMetaData().getTables(
            connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE", "BASE TABLE"})) {
      while (rows.next()) {
        tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list the tables of " + db, e);
    }
    tables.sort(Comparator.naturalOrder());
    return tables;
  }

  /** The first column of each row of a query, as text (null stays null). */
  public static List<String> strings(TestDatabase db, String query) {
    List<String> values = new ArrayList<>();
    try (Connection connection = db.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + query + " on " + db, e);
    }
    return values;
  }

  /** Runs statements in auto-commit mode. */
  public static void execute(TestDatabase db, String... statements) {
    try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + List.of(statements) + " on " + db, e);
    }
  }
}
