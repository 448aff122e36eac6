package dev.retort.runtime.internal.command;

import dev.retort.operation.Vendor;
import dev.retort.runtime.SqlScript;
import dev.retort.runtime.internal.VendorNames;
import java.util.List;

/**
 * An offline script as text, for the database's own command-line tool (psql, the mariadb or mysql
 * client, sqlite3, H2's RunScript), which reads the text and splits it into statements itself.
 *
 * <p>Each statement ends with a semicolon. A statement whose last line may end in a line comment
 * (it holds {@code --}, MySQL's {@code #} or H2's {@code //}) gets its semicolon on a line of its
 * own, since the comment would swallow it and the tool would run the statement and the next one
 * as one. The test is by text, so a string literal holding {@code --} on the last line moves the
 * semicolon too, which every tool reads the same.
 *
 * <p>psql, sqlite3 and RunScript know the statements that hold semicolons of their own (dollar
 * quotes, a trigger's {@code BEGIN … END}). The mariadb and mysql clients end a statement at every
 * semicolon outside quotes and comments, even inside a trigger's or procedure's {@code BEGIN …
 * END}, so for MySQL and MariaDB such a statement is written between {@code DELIMITER} commands
 * with a delimiter that it does not hold, as mysqldump writes triggers.
 */
public final class ScriptText {

  /** Delimiters for MySQL statements holding semicolons, tried in turn: the first the statement does not hold. */
  private static final List<String> DELIMITERS = List.of("$$", "//", "$$$$", "////");

  private ScriptText() {}

  /**
   * The script's text.
   *
   * @param script the script
   * @return its header, then each block's comment and statements
   */
  public static String of(SqlScript script) {
    boolean mysqlClient = script.vendor() == Vendor.MYSQL || script.vendor() == Vendor.MARIADB;
    StringBuilder text = new StringBuilder();
    text.append("-- Retort migration script for ").append(VendorNames.of(script.vendor())).append(": ")
        .append(script.from()).append(" -> ").append(script.to()).append('\n');
    for (SqlScript.Block block : script.blocks()) {
      text.append('\n').append("-- ").append(block.comment()).append('\n');
      for (String statement : block.statements()) {
        if (mysqlClient && mysqlClientSplits(statement)) {
          String delimiter = DELIMITERS.stream().filter(candidate -> !statement.contains(candidate)).findFirst()
              .orElseThrow(() -> new IllegalStateException("no delimiter fits the statement " + statement));
          text.append("DELIMITER ").append(delimiter).append('\n').append(statement).append('\n').append(delimiter)
              .append('\n').append("DELIMITER ;\n");
        } else {
          text.append(statement).append(mayEndInLineComment(statement) ? "\n;\n" : ";\n");
        }
      }
    }
    return text.toString();
  }

  /** Whether the statement's last line holds the start of a line comment, perhaps inside a literal. */
  private static boolean mayEndInLineComment(String statement) {
    int lineStart = Math.max(statement.lastIndexOf('\n'), statement.lastIndexOf('\r')) + 1;
    String lastLine = statement.substring(lineStart);
    return lastLine.contains("--") || lastLine.contains("#") || lastLine.contains("//");
  }

  /**
   * Whether the mariadb or mysql client, reading the statement, finds a semicolon where it ends a
   * statement: outside string literals and quoted names (in which a backslash escapes the next
   * character, except in backticks), outside {@code #} and {@code -- } comments, and outside
   * {@code /* … *}{@code /} comments, but inside {@code /*! … *}{@code /}, which the client
   * reads as code.
   */
  static boolean mysqlClientSplits(String statement) {
    char quote = 0;
    boolean comment = false;
    for (int i = 0; i < statement.length(); i++) {
      char c = statement.charAt(i);
      if (comment) {
        if (statement.startsWith("*/", i)) {
          comment = false;
          i++;
        }
      } else if (quote != 0) {
        if (c == '\\' && quote != '`') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == '#' || statement.startsWith("--", i)
          && (i + 2 == statement.length() || Character.isWhitespace(statement.charAt(i + 2)))) {
        int end = statement.indexOf('\n', i);
        if (end < 0) {
          return false;
        }
        i = end;
      } else if (statement.startsWith("/*", i) && !statement.startsWith("/*!", i)
          && !statement.startsWith("/*M!", i)) {
        comment = true;
        i++;
      } else if (c == ';') {
        return true;
      }
    }
    return false;
  }
}
