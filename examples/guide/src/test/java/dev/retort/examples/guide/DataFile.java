package dev.retort.examples.guide;

import dev.retort.runtime.Current;
import dev.retort.runtime.Retort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The data file of a desktop application, from docs/production.md: a SQLite file in the user's home directory,
 * migrated when the application starts, with a copy kept of it as it was before each migration. Run against the
 * bookshop's migrations by {@link DataFileTest}.
 */
// tag::data-file[]
final class DataFile {

  private final Path file;
  private final String url;
  private final Retort retort;

  DataFile(Path file) {
    this.file = file;
    // The driver turns foreign key enforcement on for each connection; SQLite's default is off.
    this.url = "jdbc:sqlite:" + file + "?foreign_keys=true";
    // All the migrations of a start in one transaction: a failing one leaves the file as the user's version had it.
    this.retort = Retort.builder().url(url, null, null).singleTransaction(true).build();
  }

  /** Brings the file to this version's schema, first copying it as it is if there is anything to change. */
  void migrate() throws IOException, SQLException {
    Files.createDirectories(file.getParent()); // SQLite creates the file, not its directory
    Current current = retort.current(); // DATABASE_AHEAD if a newer version migrated the file
    if (!current.atBase() && !current.pending().isEmpty()) {
      copyTo(copyAt(current.revisions()));
    }
    retort.upgrade();
  }

  /** The copy that {@link #migrate} keeps of the file as it was at these revisions. */
  Path copyAt(List<String> revisions) {
    return file.resolveSibling(file.getFileName() + "." + String.join("+", revisions));
  }

  /** The copy a newer version kept before it migrated the file that this version had left. */
  Path copyOfThisVersion() {
    return copyAt(retort.heads().revisions());
  }

  /** The URL the application opens its own connections with. */
  String url() {
    return url;
  }

  private void copyTo(Path copy) throws IOException, SQLException {
    Files.deleteIfExists(copy);
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
      vacuum.setString(1, copy.toString()); // a consistent copy, also while another connection writes
      vacuum.execute();
    }
  }
}
// end::data-file[]
