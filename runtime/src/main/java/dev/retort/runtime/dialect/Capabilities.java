package dev.retort.runtime.dialect;

import dev.retort.operation.Vendor;
import java.util.Objects;

/**
 * What differs between databases in the SQL for schema changes, named one by one, so that
 * rendering code asks "how does this database drop a check constraint?" instead of "is this
 * MySQL?". Each dialect states its whole set in one place ({@link #h2()}, {@link #sqlite()},
 * {@link #postgresql()}, {@link #mysql}, {@link #mariadb}); MySQL and MariaDB share one
 * renderer and differ only here.
 *
 * <p>Differences that change the shape of the work rather than a keyword (SQLite's table
 * rebuild, PostgreSQL's enum types, MySQL's {@code MODIFY}) live in the dialect classes.
 *
 * @param vendor the database
 * @param label the database and, where it matters, its version, for messages
 * @param quote the identifier quote character
 * @param transactionalDdl whether DDL runs inside transactions and rolls back with them
 * @param booleans how boolean literals are written
 * @param backslashEscapes whether a backslash in a string literal is an escape character and
 *     must itself be escaped (MySQL and MariaDB without {@code NO_BACKSLASH_ESCAPES})
 * @param comments how table and column comments are written
 * @param renameColumn how a column is renamed
 * @param nativeUuid whether the database has a {@code UUID} type (not SQLite, MySQL, or
 *     MariaDB before 10.7)
 * @param literalDefaultsOnLargeTypes whether {@code TEXT}, {@code BLOB} and {@code JSON}
 *     columns take a plain literal default; MySQL wants it as an expression {@code ('x')}
 * @param dropCheck how a check constraint is dropped
 * @param setDefaultAction whether a foreign key can have the {@code SET DEFAULT} action; InnoDB
 *     has none: MySQL refuses it, and MariaDB accepts it and keeps {@code RESTRICT} instead
 */
record Capabilities(
    Vendor vendor,
    String label,
    char quote,
    boolean transactionalDdl,
    BooleanLiterals booleans,
    boolean backslashEscapes,
    CommentStyle comments,
    RenameColumnSyntax renameColumn,
    boolean nativeUuid,
    boolean literalDefaultsOnLargeTypes,
    DropCheckSyntax dropCheck,
    boolean setDefaultAction) {

  /** Validates the components. */
  Capabilities {
    Objects.requireNonNull(vendor, "vendor == null");
    Objects.requireNonNull(label, "label == null");
    Objects.requireNonNull(booleans, "booleans == null");
    Objects.requireNonNull(comments, "comments == null");
    Objects.requireNonNull(renameColumn, "renameColumn == null");
    Objects.requireNonNull(dropCheck, "dropCheck == null");
  }

  /** How boolean literals are written. */
  enum BooleanLiterals {
    /** {@code TRUE} and {@code FALSE}. */
    TRUE_FALSE,
    /** {@code 1} and {@code 0} (SQLite stores booleans as integers). */
    ONE_ZERO
  }

  /** How comments are written. */
  enum CommentStyle {
    /** Separate {@code COMMENT ON TABLE|COLUMN … IS …} statements. */
    COMMENT_ON,
    /** Inline {@code COMMENT 'x'} in the column definition and a {@code COMMENT = 'x'} table option. */
    INLINE,
    /** Not stored at all: comment changes render no SQL. */
    NONE
  }

  /** How a column is renamed. */
  enum RenameColumnSyntax {
    /** {@code ALTER TABLE t RENAME COLUMN a TO b}. */
    RENAME_COLUMN,
    /** {@code ALTER TABLE t CHANGE COLUMN a b <full definition>} (MySQL before 8.0, MariaDB before 10.5). */
    CHANGE_COLUMN
  }

  /** How a check constraint is dropped. */
  enum DropCheckSyntax {
    /** {@code ALTER TABLE t DROP CONSTRAINT c}. */
    DROP_CONSTRAINT,
    /** {@code ALTER TABLE t DROP CHECK c} (MySQL). */
    DROP_CHECK
  }

  /** H2 2.x. */
  static Capabilities h2() {
    return new Capabilities(Vendor.H2, "H2", '"', false, BooleanLiterals.TRUE_FALSE, false,
        CommentStyle.COMMENT_ON, RenameColumnSyntax.RENAME_COLUMN, true, true,
        DropCheckSyntax.DROP_CONSTRAINT, true);
  }

  /** SQLite 3.35 or later. */
  static Capabilities sqlite() {
    return new Capabilities(Vendor.SQLITE, "SQLite", '"', true, BooleanLiterals.ONE_ZERO, false,
        CommentStyle.NONE, RenameColumnSyntax.RENAME_COLUMN, false, true,
        DropCheckSyntax.DROP_CONSTRAINT, true);
  }

  /** PostgreSQL 12 or later. */
  static Capabilities postgresql() {
    return new Capabilities(Vendor.POSTGRESQL, "PostgreSQL", '"', true, BooleanLiterals.TRUE_FALSE,
        false, CommentStyle.COMMENT_ON, RenameColumnSyntax.RENAME_COLUMN, true, true,
        DropCheckSyntax.DROP_CONSTRAINT, true);
  }

  /**
   * MySQL 8.0.19 or later.
   *
   * @param version the server version, such as {@code 8.0.36}, for messages
   */
  static Capabilities mysql(String version) {
    return new Capabilities(Vendor.MYSQL, "MySQL " + version, '`', false, BooleanLiterals.TRUE_FALSE,
        true, CommentStyle.INLINE, RenameColumnSyntax.RENAME_COLUMN, false, false,
        DropCheckSyntax.DROP_CHECK, false);
  }

  /**
   * MariaDB 10.3 or later.
   *
   * @param major the major version
   * @param minor the minor version
   */
  static Capabilities mariadb(int major, int minor) {
    boolean atLeast105 = major > 10 || (major == 10 && minor >= 5);
    boolean atLeast107 = major > 10 || (major == 10 && minor >= 7);
    return new Capabilities(Vendor.MARIADB, "MariaDB " + major + "." + minor, '`', false,
        BooleanLiterals.TRUE_FALSE, true, CommentStyle.INLINE,
        atLeast105 ? RenameColumnSyntax.RENAME_COLUMN : RenameColumnSyntax.CHANGE_COLUMN,
        atLeast107, true, DropCheckSyntax.DROP_CONSTRAINT, false);
  }
}
