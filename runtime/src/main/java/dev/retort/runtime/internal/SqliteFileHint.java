package dev.retort.runtime.internal;

import java.sql.SQLException;

/**
 * What to do when SQLite opened a file that is not a database, or a damaged one. SQLite opens any file without a
 * complaint and refuses it only at the first statement, so the statement that fails is Retort's own (the version
 * table's lookup, the migration lock), whose message would otherwise point at it.
 */
public final class SqliteFileHint {

  /** How the xerial driver starts the message of a file that is not a database, or an encrypted one. */
  private static final String NOT_A_DATABASE = "[SQLITE_NOTADB]";

  /** How it starts the message of a database file that is damaged. */
  private static final String CORRUPT = "[SQLITE_CORRUPT]";

  private SqliteFileHint() {}

  /**
   * The sentence to add to the message of a statement that failed for its file; empty for any other failure.
   *
   * @param failure what the driver threw
   * @return such as {@code " The file is not a SQLite database: …"}, or empty
   */
  public static String of(SQLException failure) {
    String message = failure.getMessage() == null ? "" : failure.getMessage();
    if (message.startsWith(NOT_A_DATABASE)) {
      return ". The file is not a SQLite database: check that the URL names the application's database file, not"
          + " another file, and that an encrypted database is opened with its key. Nothing was changed.";
    }
    if (message.startsWith(CORRUPT)) {
      return ". The database file is damaged (copied while written, or without its -journal or -wal file): restore it"
          + " from a copy, or see what sqlite3's .recover saves.";
    }
    return "";
  }
}
