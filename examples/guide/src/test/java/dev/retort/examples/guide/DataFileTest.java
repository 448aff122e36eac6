package dev.retort.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop application of docs/production.md on the bookshop's migrations: its first start creates the directory
 * of the data file, a start on an older file keeps a copy of it before migrating, and a start on a file that a newer
 * version migrated changes nothing and points to the copy this version left.
 */
class DataFileTest {

  /** Revision 7 of the bookshop, which an older version of the application left. */
  private static final String FAX_DROPPED = "20261121_051546";

  @TempDir Path home;

  private final List<String> shown = new ArrayList<>();
  private final List<String> opened = new ArrayList<>();

  @Test
  void theFirstStartCreatesTheDirectoryAndKeepsNoCopyOfAnEmptyFile() throws Exception {
    Path file = home.resolve(".bookshop").resolve("bookshop.db");

    start(file);

    assertThat(shown).isEmpty();
    assertThat(opened).containsExactly(new DataFile(file).url());
    assertThat(Retort.builder().url(new DataFile(file).url(), null, null).build().current().atHead()).isTrue();
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void aFileAnOlderVersionLeftIsCopiedThenMigratedWithItsRows() throws Exception {
    Path file = home.resolve(".bookshop").resolve("bookshop.db");
    Files.createDirectories(file.getParent());
    DataFile data = new DataFile(file);
    Retort.builder().url(data.url(), null, null).build().upgrade(FAX_DROPPED);
    execute(data.url(), "INSERT INTO authors (name) VALUES ('Ada Lovelace')");

    start(file);

    Path copy = data.copyAt(List.of(FAX_DROPPED));
    assertThat(query("jdbc:sqlite:" + copy, "SELECT revision FROM retort_version ORDER BY revision DESC LIMIT 1"))
        .containsExactly(FAX_DROPPED);
    assertThat(query("jdbc:sqlite:" + copy, "SELECT name FROM authors")).containsExactly("Ada Lovelace");
    assertThat(query(data.url(), "SELECT name FROM authors ORDER BY name")).containsExactly("Ada Lovelace", "Anonymous");
    assertThat(query(data.url(), "PRAGMA foreign_keys")).containsExactly("1");
    assertThat(Retort.builder().url(data.url(), null, null).build().check().matches()).isTrue();

    start(file);

    assertThat(shown).isEmpty();
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).as("a start with nothing to migrate keeps no copy").containsExactlyInAnyOrder(file, copy);
    }
  }

  @Test
  void aFileANewerVersionMigratedIsLeftAsItIsAndTheCopyOfThisVersionNamed() throws Exception {
    Path file = home.resolve(".bookshop").resolve("bookshop.db");
    start(file);
    DataFile data = new DataFile(file);
    execute(data.url(), "INSERT INTO retort_version (revision, description, checksum, applied_at)"
        + " VALUES ('29991231_000000', 'Added by a newer version.', 'unknown', '2999-12-31T00:00:00')");

    start(file);

    assertThat(shown).singleElement().asString()
        .endsWith(data.copyOfThisVersion() + ", the data as this version last left it.");
    assertThat(opened).as("the window opened by the first start only").hasSize(1);
    assertThat(query(data.url(), "SELECT count(*) FROM retort_version WHERE revision = '29991231_000000'"))
        .containsExactly("1");
  }

  private void start(Path file) throws IOException, SQLException {
    // tag::start[]
    DataFile data = new DataFile(file);
    try {
      data.migrate();
    } catch (RetortException e) {
      if (e.code() != ErrorCode.DATABASE_AHEAD) {
        throw e;
      }
      showError("This data was last opened by a newer version of the application. Install that version again,"
          + " or go back to " + data.copyOfThisVersion() + ", the data as this version last left it.");
      return;
    }
    openMainWindow(data.url());
    // end::start[]
  }

  private void openMainWindow(String url) {
    opened.add(url);
  }

  private void showError(String message) {
    shown.add(message);
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static List<String> query(String url, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
