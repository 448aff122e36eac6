package dev.retort.runtime.dialect;

import static dev.retort.dsl.ColumnOption.comment;
import static dev.retort.dsl.ColumnOption.defaultValue;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.integer;
import static dev.retort.model.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.RevisionInfo;
import dev.retort.operation.Vendor;
import dev.retort.runtime.Retort;
import dev.retort.runtime.testdb.LendingDataSource;
import dev.retort.runtime.testdb.ScriptTool;
import dev.retort.runtime.testdb.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MariaDB and MySQL read a backslash in a string literal as an escape unless the session's
 * {@code sql_mode} holds {@code NO_BACKSLASH_ESCAPES}, which some servers set for every session.
 * Retort writes its literals for the default mode, so it must run its statements in that mode,
 * online and in an offline script, whatever the session had, and give the session its mode back.
 */
class MariaDbSqlModeTest {

  /** A default and comments with backslashes that the default mode would read as escapes. */
  private static final String PATH = "C:\\temp\\new";

  private static final List<RevisionInfo> HISTORY = List.of(Retort.revision("1", List.of(), () -> schema -> schema
      .createTable("file", t -> t
          .column("id", integer(), notNull())
          .column("path", varchar(40), notNull(), defaultValue(PATH), comment("a path such as " + PATH))
          .primaryKey("pk_file", "id")
          .comment("files under " + PATH))));

  @Test
  void anUpgradeOnASessionWithoutBackslashEscapesStoresTheLiteralsAsWritten() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.MARIADB)) {
      Retort retort = Retort.builder()
          .url(db.url() + "?sessionVariables=sql_mode='NO_BACKSLASH_ESCAPES'", db.user(), db.password())
          .migrations(HISTORY).lockTimeout(Duration.ofSeconds(60)).build();

      retort.upgrade();

      assertLiteralsAsWritten(db);
      assertThat(retort.check().differences()).isEmpty();
    }
  }

  @Test
  void connectionsAreGivenBackToThePoolWithTheirMode() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.MARIADB)) {
      ModePool pool = new ModePool(db, "STRICT_TRANS_TABLES,NO_BACKSLASH_ESCAPES");
      Retort retort = Retort.builder().dataSource(pool).migrations(HISTORY).lockTimeout(Duration.ofSeconds(60)).build();

      retort.upgrade();
      retort.current();

      assertThat(pool.modesOnLend).isNotEmpty().allMatch(mode -> mode.contains("NO_BACKSLASH_ESCAPES"));
      assertThat(pool.modesOnReturn).isEqualTo(pool.modesOnLend);
      assertLiteralsAsWritten(db);
    }
  }

  @Test
  void anOfflineScriptRunWithoutBackslashEscapesStoresTheLiteralsAsWritten(@TempDir Path directory) throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.MARIADB)) {
      String script = Retort.builder().offline().migrations(HISTORY).build().sql("base", "head", Vendor.MARIADB).text();
      // As a server whose sql_mode holds NO_BACKSLASH_ESCAPES gives it to the client's session.
      Path file = ScriptTool.write(directory, "upgrade.sql",
          "SET SESSION sql_mode = 'NO_BACKSLASH_ESCAPES';\nSELECT @@SESSION.sql_mode AS before_script;\n" + script
              + "SELECT @@SESSION.sql_mode AS after_script;\n");

      ScriptTool.Run run = ScriptTool.run(db, file).succeeded();

      assertThat(run.output()).containsSubsequence("before_script", "NO_BACKSLASH_ESCAPES", "after_script",
          "NO_BACKSLASH_ESCAPES");
      assertLiteralsAsWritten(db);
    }
  }

  private static void assertLiteralsAsWritten(TestDatabase db) throws SQLException {
    try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO `file` (`id`) VALUES (1)");
      assertThat(single(statement, "SELECT `path` FROM `file`")).isEqualTo(PATH);
      assertThat(single(statement, "SELECT COLUMN_COMMENT FROM information_schema.COLUMNS"
          + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'file' AND COLUMN_NAME = 'path'"))
          .isEqualTo("a path such as " + PATH);
      assertThat(single(statement, "SELECT TABLE_COMMENT FROM information_schema.TABLES"
          + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'file'"))
          .isEqualTo("files under " + PATH);
    }
  }

  /** Lends new connections in a given sql_mode, as a server configured so does, and notes their mode when lent and closed. */
  private static final class ModePool extends LendingDataSource {
    private final String mode;
    final List<String> modesOnLend = new CopyOnWriteArrayList<>();
    final List<String> modesOnReturn = new CopyOnWriteArrayList<>();

    ModePool(TestDatabase db, String mode) {
      super(db);
      this.mode = mode;
    }

    @Override
    protected void lend(Connection connection) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET SESSION sql_mode = '" + mode + "'");
      }
      modesOnLend.add(sqlMode(connection));
    }

    @Override
    protected void giveBack(Connection connection) throws SQLException {
      modesOnReturn.add(sqlMode(connection));
    }
  }

  private static String sqlMode(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      return single(statement, "SELECT @@SESSION.sql_mode");
    }
  }

  private static String single(Statement statement, String query) throws SQLException {
    try (ResultSet row = statement.executeQuery(query)) {
      assertThat(row.next()).as(query).isTrue();
      return row.getString(1);
    }
  }
}
