package dev.retort.runtime.dialect;

import dev.retort.internal.limits.DecimalScales;
import dev.retort.model.ColumnType;
import dev.retort.operation.Vendor;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

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
 * @param unindexableTypes the column types that the database cannot index as Retort writes an
 *     index, without a prefix length: no primary key may hold a column of one, nor an index or
 *     unique constraint unless {@code largeTypesInIndexes} (MySQL and MariaDB: {@code LONGTEXT},
 *     {@code LONGBLOB} and {@code JSON}; H2: {@code BLOB})
 * @param largeTypesInIndexes whether an index or unique constraint may hold a column of an
 *     unindexable type all the same: MariaDB 10.4 and later index such a column by a prefix
 *     that they choose and enforce a unique one with a hash, and refuse only a primary key
 * @param checksOnIdentity whether a check constraint may use an identity column (MySQL and
 *     MariaDB refuse one on an {@code AUTO_INCREMENT} column)
 * @param identityNeedsIndex whether an identity column must lead some index of its table, as
 *     {@code AUTO_INCREMENT} must on MySQL and MariaDB ("there can be only one auto column and it
 *     must be defined as a key")
 * @param actionsOnCheckedColumns which foreign key actions a column that a check constraint uses
 *     may have, the check and the key added in either order
 * @param maxDecimalScale the largest scale of a {@code DECIMAL} (MySQL 30, MariaDB 38; the
 *     others take every scale the model allows)
 * @param offsetsInTimestampLiterals whether a timestamp literal may end with an offset such as
 *     {@code +01:00} (MariaDB refuses one: "Invalid default value")
 * @param innoDbSizes whether keys and rows are limited as InnoDB limits them with {@code utf8mb4}
 *     text: a key of at most 3072 bytes, a row of at most 65535 ({@code InnoDbSizes})
 * @param instants the instants a timestamp with time zone column holds: all of them but on MySQL
 *     and MariaDB, whose {@code TIMESTAMP} counts seconds from 1970 in 32 bits (to 2038, and on
 *     MariaDB 11.5 and later, unsigned, to 2106)
 * @param sequences whether the database has sequences ({@code CREATE SEQUENCE}): PostgreSQL, H2
 *     and MariaDB do, MySQL and SQLite do not
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
    boolean setDefaultAction,
    Set<ColumnType.Scalar> unindexableTypes,
    boolean largeTypesInIndexes,
    boolean checksOnIdentity,
    boolean identityNeedsIndex,
    ActionsOnCheckedColumns actionsOnCheckedColumns,
    int maxDecimalScale,
    boolean offsetsInTimestampLiterals,
    boolean innoDbSizes,
    InstantRange instants,
    boolean sequences) {

  /** The largest scale the model allows, its largest precision. */
  private static final int ANY_SCALE = 65;

  /** The types MySQL and MariaDB keep as {@code LONGTEXT}, {@code LONGBLOB} and {@code JSON}. */
  private static final Set<ColumnType.Scalar> LARGE_TYPES =
      Set.of(ColumnType.Scalar.TEXT, ColumnType.Scalar.BLOB, ColumnType.Scalar.JSON);

  /** Validates the components. */
  Capabilities {
    Objects.requireNonNull(vendor, "vendor == null");
    Objects.requireNonNull(label, "label == null");
    Objects.requireNonNull(booleans, "booleans == null");
    Objects.requireNonNull(comments, "comments == null");
    Objects.requireNonNull(renameColumn, "renameColumn == null");
    Objects.requireNonNull(dropCheck, "dropCheck == null");
    unindexableTypes = Set.copyOf(unindexableTypes);
    Objects.requireNonNull(actionsOnCheckedColumns, "actionsOnCheckedColumns == null");
    Objects.requireNonNull(instants, "instants == null");
  }

  /**
   * The instants from {@code first} to {@code last}, both included.
   *
   * @param first the earliest
   * @param last the latest
   */
  record InstantRange(Instant first, Instant last) {

    /** Every instant. */
    static final InstantRange ANY = new InstantRange(Instant.MIN, Instant.MAX);

    /**
     * MySQL's {@code TIMESTAMP}: from 1970-01-01 00:00:01 to 2038-01-19 03:14:07.999999 UTC, as its
     * reference manual says.
     */
    static final InstantRange MYSQL_TIMESTAMP =
        new InstantRange(Instant.parse("1970-01-01T00:00:01Z"), Instant.parse("2038-01-19T03:14:07.999999Z"));

    /**
     * MariaDB's {@code TIMESTAMP(6)} before 11.5: from the first microsecond after 1970 to
     * 2038-01-19 03:14:07.999999 UTC (MariaDB 10.11 refuses {@code 1970-01-01 00:00:00} and
     * {@code 2038-01-19 03:14:08}).
     */
    static final InstantRange MARIADB_TIMESTAMP =
        new InstantRange(Instant.parse("1970-01-01T00:00:00.000001Z"), MYSQL_TIMESTAMP.last());

    /**
     * MariaDB's {@code TIMESTAMP(6)} from 11.5, which reads its 32 bits as unsigned: to
     * 2106-02-07 06:28:15.999999 UTC (MDEV-32188; on 64-bit platforms only, which Retort assumes).
     */
    static final InstantRange MARIADB_115_TIMESTAMP =
        new InstantRange(MARIADB_TIMESTAMP.first(), Instant.parse("2106-02-07T06:28:15.999999Z"));

    /** Validates the components. */
    InstantRange {
      Objects.requireNonNull(first, "first == null");
      Objects.requireNonNull(last, "last == null");
      if (first.isAfter(last)) {
        throw new IllegalArgumentException("first " + first + " is after last " + last);
      }
    }

    /** Whether the range holds the instant. */
    boolean contains(Instant instant) {
      return !instant.isBefore(first) && !instant.isAfter(last);
    }
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

  /** Which foreign key actions a column that a check constraint uses may have. */
  enum ActionsOnCheckedColumns {
    /** Any action. */
    ANY,
    /**
     * Those that leave the column's value as it is: {@code NO ACTION}, {@code RESTRICT}, and
     * {@code CASCADE} on delete, which deletes the row (MariaDB).
     */
    KEEPING_THE_VALUE,
    /** Only {@code NO ACTION} and {@code RESTRICT} (MySQL). */
    RESTRICTING
  }

  /** H2 2.x. */
  static Capabilities h2() {
    return new Capabilities(Vendor.H2, "H2", '"', false, BooleanLiterals.TRUE_FALSE, false,
        CommentStyle.COMMENT_ON, RenameColumnSyntax.RENAME_COLUMN, true, true,
        DropCheckSyntax.DROP_CONSTRAINT, true, Set.of(ColumnType.Scalar.BLOB), false, true, false,
        ActionsOnCheckedColumns.ANY, ANY_SCALE, true, false, InstantRange.ANY, true);
  }

  /** SQLite 3.35 or later. */
  static Capabilities sqlite() {
    return new Capabilities(Vendor.SQLITE, "SQLite", '"', true, BooleanLiterals.ONE_ZERO, false,
        CommentStyle.NONE, RenameColumnSyntax.RENAME_COLUMN, false, true,
        DropCheckSyntax.DROP_CONSTRAINT, true, Set.of(), false, true, false, ActionsOnCheckedColumns.ANY,
        ANY_SCALE, true, false, InstantRange.ANY, false);
  }

  /** PostgreSQL 12 or later. */
  static Capabilities postgresql() {
    return new Capabilities(Vendor.POSTGRESQL, "PostgreSQL", '"', true, BooleanLiterals.TRUE_FALSE,
        false, CommentStyle.COMMENT_ON, RenameColumnSyntax.RENAME_COLUMN, true, true,
        DropCheckSyntax.DROP_CONSTRAINT, true, Set.of(), false, true, false, ActionsOnCheckedColumns.ANY,
        ANY_SCALE, true, false, InstantRange.ANY, true);
  }

  /**
   * MySQL 8.0.19 or later.
   *
   * @param version the server version, such as {@code 8.0.36}, for messages
   */
  static Capabilities mysql(String version) {
    return new Capabilities(Vendor.MYSQL, "MySQL " + version, '`', false, BooleanLiterals.TRUE_FALSE,
        true, CommentStyle.INLINE, RenameColumnSyntax.RENAME_COLUMN, false, false,
        DropCheckSyntax.DROP_CHECK, false, LARGE_TYPES, false, false, true,
        ActionsOnCheckedColumns.RESTRICTING, DecimalScales.MYSQL, true, true, InstantRange.MYSQL_TIMESTAMP, false);
  }

  /**
   * MariaDB 10.3 or later.
   *
   * @param major the major version
   * @param minor the minor version
   */
  static Capabilities mariadb(int major, int minor) {
    boolean atLeast104 = major > 10 || (major == 10 && minor >= 4);
    boolean atLeast105 = major > 10 || (major == 10 && minor >= 5);
    boolean atLeast107 = major > 10 || (major == 10 && minor >= 7);
    boolean atLeast115 = major > 11 || (major == 11 && minor >= 5);
    return new Capabilities(Vendor.MARIADB, "MariaDB " + major + "." + minor, '`', false,
        BooleanLiterals.TRUE_FALSE, true, CommentStyle.INLINE,
        atLeast105 ? RenameColumnSyntax.RENAME_COLUMN : RenameColumnSyntax.CHANGE_COLUMN,
        atLeast107, true, DropCheckSyntax.DROP_CONSTRAINT, false, LARGE_TYPES, atLeast104, false, true,
        ActionsOnCheckedColumns.KEEPING_THE_VALUE, DecimalScales.MARIADB, false, true,
        atLeast115 ? InstantRange.MARIADB_115_TIMESTAMP : InstantRange.MARIADB_TIMESTAMP, true);
  }
}
