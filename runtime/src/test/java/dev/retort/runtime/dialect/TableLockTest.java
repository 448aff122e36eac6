package dev.retort.runtime.dialect;

import static dev.retort.dsl.ColumnOption.defaultExpression;
import static dev.retort.dsl.ColumnOption.defaultValue;
import static dev.retort.dsl.ColumnOption.identity;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.binary;
import static dev.retort.model.ColumnType.blob;
import static dev.retort.model.ColumnType.decimal;
import static dev.retort.model.ColumnType.doublePrecision;
import static dev.retort.model.ColumnType.enumType;
import static dev.retort.model.ColumnType.fixedChar;
import static dev.retort.model.ColumnType.integer;
import static dev.retort.model.ColumnType.smallint;
import static dev.retort.model.ColumnType.text;
import static dev.retort.model.ColumnType.time;
import static dev.retort.model.ColumnType.timestamp;
import static dev.retort.model.ColumnType.timestampTz;
import static dev.retort.model.ColumnType.uuid;
import static dev.retort.model.ColumnType.varbinary;
import static dev.retort.model.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.dsl.AlterTableBuilder;
import dev.retort.dsl.Schema;
import dev.retort.model.ColumnType;
import dev.retort.operation.Operation;
import dev.retort.runtime.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Which operations, as the dialects render them, hold a lock on a table that has rows for as long as they read or
 * rewrite it: what the processor's lint ({@code TableLocks}, whose {@code LintTest} lists the same type changes)
 * tells the reviewer, decided here by PostgreSQL and MariaDB. A rewrite shows on PostgreSQL as a new {@code
 * relfilenode} of the table; a copy on MariaDB as the statement refused with {@code ALGORITHM=INPLACE, LOCK=NONE}. The
 * ways out that the findings name are held to their word too: a constraint added not valid reads no row, and its
 * validation lets another session write.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TableLockTest {

  /**
   * A type change with whether PostgreSQL rewrites the table for it and whether MariaDB copies it.
   *
   * @param from the column's type before
   * @param to its type after
   * @param postgresRewrites whether PostgreSQL writes the table anew
   * @param mariaDbCopies whether MariaDB refuses to change it in place without a lock
   */
  private record TypeChange(ColumnType from, ColumnType to, boolean postgresRewrites, boolean mariaDbCopies) {}

  private static List<TypeChange> typeChanges() {
    return List.of(
        new TypeChange(varchar(20), varchar(255), false, false),
        new TypeChange(varchar(20), text(), false, true),
        new TypeChange(varchar(255), varchar(20), true, true),
        new TypeChange(text(), varchar(30), true, true),
        new TypeChange(decimal(10, 2), decimal(12, 2), false, true),
        new TypeChange(decimal(10, 2), decimal(12, 4), true, true),
        new TypeChange(smallint(), integer(), true, true),
        new TypeChange(integer(), bigint(), true, true),
        new TypeChange(integer(), text(), true, true),
        new TypeChange(fixedChar(5), fixedChar(10), true, true),
        new TypeChange(fixedChar(5), varchar(10), true, true),
        new TypeChange(varbinary(10), varbinary(200), false, false),
        new TypeChange(binary(4), varbinary(10), false, true),
        new TypeChange(varbinary(10), blob(), false, true),
        new TypeChange(enumType("status1", "new", "done"), enumType("status1", "new", "done", "void"), false, false),
        new TypeChange(enumType("status2", "new", "done"), enumType("status2", "draft", "new", "done"), false, true),
        new TypeChange(enumType("status3", "new", "done"), enumType("status3", "done", "new"), true, true),
        // Without a rewrite only where the session's time zone is UTC; the lint takes the other case.
        new TypeChange(timestamp(), timestampTz(), true, true),
        // More digits of the second keep every stored value on PostgreSQL; MariaDB copies either way.
        new TypeChange(timestamp(0), timestamp(3), false, true),
        new TypeChange(timestamp(3), timestamp(), false, true),
        new TypeChange(timestamp(), timestamp(0), true, true),
        new TypeChange(timestampTz(0), timestampTz(3), false, true),
        new TypeChange(timestampTz(), timestampTz(2), true, true),
        new TypeChange(time(0), time(4), false, true),
        new TypeChange(time(), time(1), true, true));
  }

  @Test
  void postgresRewritesTheTableForATypeChangeUnlessTheStoredValuesStayAsTheyAre() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL); Migrator migrator = Migrator.open(db)) {
      migrator.execute("SET TimeZone = 'Europe/Berlin'");
      List<TypeChange> changes = typeChanges();
      for (int i = 0; i < changes.size(); i++) {
        TypeChange change = changes.get(i);
        String table = "t" + i;
        migrator.apply(new Schema().createTable(table, t -> t
            .column("id", bigint(), notNull())
            .column("c", change.from())
            .primaryKey("pk_" + table, "id")));
        migrator.execute("INSERT INTO " + table + " (id) VALUES (1)");
        long before = relfilenode(migrator, table);

        migrator.apply(new Schema().alterTable(table, t -> t.alterColumn("c", c -> c.type(change.from(), change.to()))));

        assertThat(relfilenode(migrator, table) != before).as("%s -> %s", change.from().sql(), change.to().sql())
            .isEqualTo(change.postgresRewrites());
      }
    }
  }

  @Test
  void mariaDbCopiesTheTableForATypeChangeUnlessItLengthensOrAddsEnumValuesAtTheEnd() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.MARIADB); Migrator migrator = Migrator.open(db)) {
      List<TypeChange> changes = typeChanges();
      for (int i = 0; i < changes.size(); i++) {
        TypeChange change = changes.get(i);
        String table = "t" + i;
        migrator.apply(new Schema().createTable(table, t -> t
            .column("id", bigint(), notNull())
            .column("c", change.from())
            .primaryKey("pk_" + table, "id")));
        migrator.execute("INSERT INTO `" + table + "` (`id`) VALUES (1)");

        assertThat(copies(migrator, table, t -> t.alterColumn("c", c -> c.type(change.from(), change.to()))))
            .as("%s -> %s", change.from().sql(), change.to().sql())
            .isEqualTo(change.mariaDbCopies());
      }
    }
  }

  @Test
  void onPostgresAnIndexBlocksWritesAndTheOtherChangesOnAnExistingTableBlockReadsAndWritesOrWritesToBothTables()
      throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL); Migrator migrator = Migrator.open(db)) {
      existingTables(migrator);

      // SHARE conflicts with the ROW EXCLUSIVE lock of INSERT, UPDATE and DELETE, not with the ACCESS SHARE of SELECT.
      assertThat(locks(migrator, "users", t -> t.createIndex("ix_users_email", "email")))
          .containsExactly("ShareLock");
      assertThat(locks(migrator, "users", t -> t.createUniqueIndex("ux_users_email", "email")))
          .containsExactly("ShareLock");
      // ACCESS EXCLUSIVE conflicts with every lock, SELECT's too.
      assertThat(locks(migrator, "users", t -> t.alterColumn("email", c -> c.setNotNull())))
          .containsExactly("AccessExclusiveLock");
      assertThat(locks(migrator, "users", t -> t.addUnique("uq_users_email", "email")))
          .contains("AccessExclusiveLock");
      assertThat(locks(migrator, "users", t -> t.addPrimaryKey("pk_users", "id")))
          .contains("AccessExclusiveLock");
      assertThat(locks(migrator, "users", t -> t.addCheck("ck_users_email", "email <> ''")))
          .containsExactly("AccessExclusiveLock");
      // SHARE ROW EXCLUSIVE conflicts with writes, on the table and on the one it references.
      Consumer<AlterTableBuilder> foreignKey =
          t -> t.addForeignKey("fk_users_team", fk -> fk.columns("team_id").references("teams", "id"));
      assertThat(locks(migrator, "users", foreignKey)).contains("ShareRowExclusiveLock")
          .doesNotContain("AccessExclusiveLock");
      assertThat(locks(migrator, "teams", foreignKey)).contains("ShareRowExclusiveLock")
          .doesNotContain("AccessExclusiveLock");
    }
  }

  /**
   * A new column that every row gets its own value in: an identity column, or a default that PostgreSQL evaluates
   * per row (volatile), rewrites the table under ACCESS EXCLUSIVE; a constant or stable default is only recorded.
   * The way out that the finding names rewrites nothing: a plain column, filled and made NOT NULL, then made an
   * identity.
   */
  @Test
  void onPostgresANewIdentityColumnOrVolatileDefaultRewritesTheTableAndAConstantOrStableDefaultDoesNot()
      throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL); Migrator migrator = Migrator.open(db)) {
      existingTables(migrator);
      Consumer<AlterTableBuilder> identityColumn = t -> t.addColumn("seq", bigint(), identity());

      assertThat(locks(migrator, "users", identityColumn)).contains("AccessExclusiveLock");
      assertThat(rewrites(migrator, identityColumn)).as("identity").isTrue();
      assertThat(rewrites(migrator, t -> t.addColumn("token", uuid(), defaultExpression("gen_random_uuid()"))))
          .as("gen_random_uuid()").isTrue();
      assertThat(rewrites(migrator, t -> t.addColumn("stamped", timestampTz(), defaultExpression("clock_timestamp()"))))
          .as("clock_timestamp()").isTrue();
      assertThat(rewrites(migrator, t -> t.addColumn("seen", timestampTz(), defaultExpression("CURRENT_TIMESTAMP"))))
          .as("CURRENT_TIMESTAMP").isFalse();
      assertThat(rewrites(migrator, t -> t.addColumn("visits", integer(), notNull(), defaultValue("0"))))
          .as("a constant").isFalse();

      assertThat(rewrites(migrator, t -> t.addColumn("number", bigint()))).as("a plain column").isFalse();
      migrator.execute("UPDATE users SET number = id");
      migrator.apply(new Schema().alterTable("users", t -> t.alterColumn("number", c -> c.setNotNull())));
      assertThat(rewrites(migrator, t -> t.alterColumn("number", c -> c.addIdentity()))).as("addIdentity()").isFalse();
    }
  }

  @Test
  void onPostgresASessionCanReadButNotWriteWhileAnIndexIsBuilt() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL); Migrator migrator = Migrator.open(db);
        Connection other = db.connect()) {
      existingTables(migrator);
      Connection connection = migrator.connection();
      connection.setAutoCommit(false);
      try {
        run(migrator, "users", t -> t.createIndex("ix_users_email", "email"));
        try (Statement statement = other.createStatement()) {
          statement.execute("SET lock_timeout = '200ms'");
          statement.execute("SELECT count(*) FROM users");
          assertThatThrownBy(() -> statement.execute("INSERT INTO users (id, email) VALUES (2, 'b')"))
              .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("55P03"));
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
  }

  /**
   * The way out that the findings name for a check and a foreign key: added not valid, each takes the same lock as
   * before but reads no row (no sequential scan in this transaction, where the validated add makes one), so it holds
   * the lock only for a moment; validating it later takes SHARE UPDATE EXCLUSIVE on the table, which conflicts with
   * no read and no write, and ROW SHARE on the referenced table.
   */
  @Test
  void onPostgresAConstraintAddedNotValidReadsNoRowAndValidatingItTakesALockThatBlocksNoWrites() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL); Migrator migrator = Migrator.open(db)) {
      existingTables(migrator);
      Consumer<AlterTableBuilder> check = t -> t.addCheck("ck_users_email", "email <> ''");
      Consumer<AlterTableBuilder> checkNotValid = t -> t.addCheckNotValid("ck_users_email", "email <> ''");
      Consumer<AlterTableBuilder> foreignKey =
          t -> t.addForeignKey("fk_users_team", fk -> fk.columns("team_id").references("teams", "id"));
      Consumer<AlterTableBuilder> foreignKeyNotValid =
          t -> t.addForeignKeyNotValid("fk_users_team", fk -> fk.columns("team_id").references("teams", "id"));

      assertThat(sequentialScans(migrator, check)).isEqualTo(1);
      assertThat(sequentialScans(migrator, checkNotValid)).isZero();
      assertThat(locks(migrator, "users", checkNotValid)).containsExactly("AccessExclusiveLock");
      assertThat(sequentialScans(migrator, foreignKey)).isEqualTo(1);
      assertThat(sequentialScans(migrator, foreignKeyNotValid)).isZero();
      assertThat(locks(migrator, "users", foreignKeyNotValid)).containsExactly("ShareRowExclusiveLock");
      assertThat(locks(migrator, "teams", foreignKeyNotValid)).containsExactly("ShareRowExclusiveLock");

      migrator.apply(new Schema().alterTable("users", checkNotValid.andThen(foreignKeyNotValid)));
      Consumer<AlterTableBuilder> validateCheck = t -> t.validateConstraint("ck_users_email");
      Consumer<AlterTableBuilder> validateForeignKey = t -> t.validateConstraint("fk_users_team");

      assertThat(sequentialScans(migrator, validateCheck)).isEqualTo(1);
      assertThat(locks(migrator, "users", validateCheck)).containsExactly("ShareUpdateExclusiveLock");
      assertThat(locks(migrator, "users", validateForeignKey)).containsExactly("ShareUpdateExclusiveLock");
      assertThat(locks(migrator, "teams", validateForeignKey)).containsExactly("RowShareLock");
    }
  }

  /**
   * The way out for NOT NULL: SET NOT NULL reads the table to find a NULL unless a validated check says the column
   * IS NOT NULL (PostgreSQL 12 and later), which a check added not valid does not say until it is validated.
   */
  @Test
  void onPostgresSetNotNullReadsNoRowOnceAValidatedCheckSaysTheColumnIsNotNull() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL); Migrator migrator = Migrator.open(db)) {
      existingTables(migrator);
      Consumer<AlterTableBuilder> setNotNull = t -> t.alterColumn("email", c -> c.setNotNull());

      assertThat(sequentialScans(migrator, setNotNull)).isEqualTo(1);
      migrator.apply(new Schema().alterTable("users", t -> t
          .addCheckNotValid("ck_users_email_not_null", "email IS NOT NULL")));
      assertThat(sequentialScans(migrator, setNotNull)).isEqualTo(1);
      migrator.apply(new Schema().alterTable("users", t -> t.validateConstraint("ck_users_email_not_null")));
      assertThat(sequentialScans(migrator, setNotNull)).isZero();
      assertThat(locks(migrator, "users", setNotNull)).containsExactly("AccessExclusiveLock");
    }
  }

  /**
   * What the SHARE UPDATE EXCLUSIVE lock means while a validation runs: a check whose function sleeps on the row
   * already in the table keeps {@code VALIDATE CONSTRAINT} busy, and meanwhile a second session inserts and updates
   * rows of the table, and a row of the table that a foreign key references, without waiting for a lock.
   */
  @Test
  void onPostgresAnotherSessionWritesWhileAConstraintIsValidated() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL); Migrator migrator = Migrator.open(db);
        Connection other = db.connect()) {
      existingTables(migrator);
      migrator.execute("INSERT INTO teams VALUES (1)");
      migrator.execute("UPDATE users SET team_id = 1");
      migrator.execute("CREATE FUNCTION slow_on_first(id bigint) RETURNS boolean LANGUAGE plpgsql AS $$"
          + " BEGIN IF id = 1 THEN PERFORM pg_sleep(3); END IF; RETURN true; END $$");
      migrator.apply(new Schema().alterTable("users", t -> t
          .addCheckNotValid("ck_users_slow", "slow_on_first(id)")
          .addForeignKeyNotValid("fk_users_team", fk -> fk.columns("team_id").references("teams", "id"))));
      int validator = backendPid(migrator.connection());
      ExecutorService executor = Executors.newSingleThreadExecutor();
      try {
        Future<?> validation = executor.submit(() -> {
          migrator.apply(new Schema().alterTable("users", t -> t
              .validateConstraint("fk_users_team")
              .validateConstraint("ck_users_slow")));
          return null;
        });
        awaitRunning(other, validator, "VALIDATE CONSTRAINT \"ck_users_slow\"");

        try (Statement statement = other.createStatement()) {
          statement.execute("SET lock_timeout = '200ms'");
          statement.execute("INSERT INTO teams VALUES (2)");
          statement.execute("INSERT INTO users (id, email, team_id) VALUES (2, 'b', 2)");
          statement.execute("UPDATE users SET email = 'c' WHERE id = 2");
          statement.execute("SELECT count(*) FROM users");
        }

        assertThat(running(other, validator)).as("the validation still runs after the writes")
            .contains("VALIDATE CONSTRAINT \"ck_users_slow\"");
        validation.get(30, TimeUnit.SECONDS);
      } finally {
        executor.shutdownNow();
      }
      try (Statement statement = other.createStatement();
          ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_constraint WHERE conrelid = 'users'::regclass"
              + " AND contype IN ('c', 'f') AND convalidated")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt(1)).as("validated constraints").isEqualTo(2);
      }
    }
  }

  @Test
  void onMariaDbIndexesUniquesKeysAndNotNullAreOnlineAndChecksAndForeignKeysCopyTheTable() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.MARIADB); Migrator migrator = Migrator.open(db)) {
      existingTables(migrator);

      assertThat(copies(migrator, "users", t -> t.createIndex("ix_users_email", "email"))).isFalse();
      assertThat(copies(migrator, "users", t -> t.createUniqueIndex("ux_users_email", "email"))).isFalse();
      assertThat(copies(migrator, "users", t -> t.addUnique("uq_users_email", "email"))).isFalse();
      assertThat(copies(migrator, "users", t -> t.alterColumn("email", c -> c.setNotNull()))).isFalse();
      assertThat(copies(migrator, "users", t -> t.addCheck("ck_users_email", "`email` <> ''"))).isTrue();
      assertThat(copies(migrator, "users",
          t -> t.addForeignKey("fk_users_team", fk -> fk.columns("team_id").references("teams", "id")))).isTrue();
    }
  }

  /**
   * MariaDB refuses an AUTO_INCREMENT column outside a key, so the runtime refuses {@code identity()} on a new
   * column; the statement its message proposes, with the key, is built in place but not without a lock that blocks
   * writes. A default of {@code uuid()} copies the table, one of {@code rand()} or a stable one does not.
   */
  @Test
  void onMariaDbANewAutoIncrementColumnBlocksWritesAndAUuidDefaultCopiesTheTable() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.MARIADB); Migrator migrator = Migrator.open(db)) {
      existingTables(migrator);

      assertThatThrownBy(() -> migrator.execute("ALTER TABLE `users` ADD COLUMN `seq` BIGINT NOT NULL AUTO_INCREMENT,"
          + " ADD PRIMARY KEY (`seq`), ALGORITHM=INPLACE, LOCK=NONE"))
          .isInstanceOf(SQLException.class).hasMessageContaining("Adding an auto-increment column requires a lock");
      migrator.execute("ALTER TABLE `users` ADD COLUMN `seq` BIGINT NOT NULL AUTO_INCREMENT, ADD PRIMARY KEY (`seq`),"
          + " ALGORITHM=INPLACE, LOCK=SHARED");
      assertThat(copies(migrator, "users", t -> t.addColumn("token", varchar(36), defaultExpression("uuid()"))))
          .as("uuid()").isTrue();
      assertThat(copies(migrator, "users", t -> t.addColumn("chance", doublePrecision(), defaultExpression("rand()"))))
          .as("rand()").isFalse();
      assertThat(copies(migrator, "users",
          t -> t.addColumn("seen", timestamp(), defaultExpression("CURRENT_TIMESTAMP")))).as("CURRENT_TIMESTAMP")
          .isFalse();
      // The way out that rewrites nothing on PostgreSQL does not help here: a key column made an identity copies.
      assertThat(copies(migrator, "teams", t -> t.alterColumn("id", c -> c.addIdentity()))).as("addIdentity()")
          .isTrue();
    }
  }

  @Test
  void onMariaDbAPrimaryKeyIsBuiltOnline() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.MARIADB); Migrator migrator = Migrator.open(db)) {
      existingTables(migrator);

      assertThat(copies(migrator, "users", t -> t.addPrimaryKey("pk_users", "id"))).isFalse();
    }
  }

  /** Teams, and users with a row and no primary key, so that each test can add one. */
  private static void existingTables(Migrator migrator) throws SQLException {
    migrator.apply(new Schema()
        .createTable("teams", t -> t.column("id", bigint(), notNull()).primaryKey("pk_teams", "id"))
        .createTable("users", t -> t
            .column("id", bigint(), notNull())
            .column("email", varchar(255))
            .column("team_id", bigint())));
    String quote = migrator.dialect().quote("users");
    migrator.execute("INSERT INTO " + quote + " VALUES (1, 'a', NULL)");
  }

  /** Whether a change of users, applied, writes the table anew on PostgreSQL. */
  private static boolean rewrites(Migrator migrator, Consumer<AlterTableBuilder> change) throws SQLException {
    long before = relfilenode(migrator, "users");
    migrator.apply(new Schema().alterTable("users", change));
    return relfilenode(migrator, "users") != before;
  }

  private static long relfilenode(Migrator migrator, String table) throws SQLException {
    try (PreparedStatement statement = migrator.connection().prepareStatement(
        "SELECT relfilenode FROM pg_class WHERE oid = to_regclass(?)")) {
      statement.setString(1, migrator.dialect().quote(table));
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows.next()).isTrue();
        return rows.getLong(1);
      }
    }
  }

  /**
   * The relation locks that the statements of a change of users hold on a table until their transaction ends, other
   * than ACCESS SHARE; rolled back after.
   */
  private static List<String> locks(Migrator migrator, String table, Consumer<AlterTableBuilder> change)
      throws SQLException {
    Connection connection = migrator.connection();
    connection.setAutoCommit(false);
    try {
      run(migrator, "users", change);
      try (PreparedStatement statement = connection.prepareStatement("SELECT mode FROM pg_locks WHERE locktype ="
          + " 'relation' AND relation = to_regclass(?) AND pid = pg_backend_pid()")) {
        statement.setString(1, migrator.dialect().quote(table));
        TreeSet<String> modes = new TreeSet<>();
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            modes.add(rows.getString(1));
          }
        }
        // A statement that reads the table takes ACCESS SHARE as well, which blocks nothing but ACCESS EXCLUSIVE.
        modes.remove("AccessShareLock");
        return new ArrayList<>(modes);
      }
    } finally {
      connection.rollback();
      connection.setAutoCommit(true);
    }
  }

  /**
   * How many times the change's statements read users from start to end; rolled back. The session's counts are sent
   * to the statistics at most once a second, outside a transaction, so those of earlier transactions may still be in
   * them: the difference within one transaction is the change's.
   */
  private static long sequentialScans(Migrator migrator, Consumer<AlterTableBuilder> change) throws SQLException {
    Connection connection = migrator.connection();
    connection.setAutoCommit(false);
    try {
      long before = sessionSequentialScans(connection);
      run(migrator, "users", change);
      return sessionSequentialScans(connection) - before;
    } finally {
      connection.rollback();
      connection.setAutoCommit(true);
    }
  }

  private static long sessionSequentialScans(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
        "SELECT coalesce((SELECT seq_scan FROM pg_stat_xact_user_tables WHERE relid = 'users'::regclass), 0)")) {
      assertThat(rows.next()).isTrue();
      return rows.getLong(1);
    }
  }

  private static int backendPid(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
        "SELECT pg_backend_pid()")) {
      assertThat(rows.next()).isTrue();
      return rows.getInt(1);
    }
  }

  /** The statement that a session runs now; empty if it is idle. */
  private static String running(Connection connection, int pid) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT query FROM pg_stat_activity WHERE pid = ? AND state = 'active'")) {
      statement.setInt(1, pid);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getString(1) : "";
      }
    }
  }

  /** Waits until a session runs a statement containing {@code text}. */
  private static void awaitRunning(Connection connection, int pid, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!running(connection, pid).contains(text)) {
      assertThat(System.nanoTime()).as("session %d to run %s", pid, text).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /**
   * Whether MariaDB refuses the change's statement as rendered with {@code ALGORITHM=INPLACE, LOCK=NONE}: it would
   * copy the table, blocking writes. An accepted statement stays applied, which the model does not follow: the next
   * change on the table must not depend on it.
   */
  private static boolean copies(Migrator migrator, String table, Consumer<AlterTableBuilder> change) throws SQLException {
    Operation operation = operation(table, change);
    List<Step> steps = migrator.dialect().render(operation, migrator.model());
    assertThat(steps).as("one statement for %s", operation.summary()).singleElement().isInstanceOf(Step.Sql.class);
    String sql = ((Step.Sql) steps.get(0)).sql();
    String online = sql.startsWith("CREATE") ? sql + " ALGORITHM=INPLACE LOCK=NONE" : sql + ", ALGORITHM=INPLACE, LOCK=NONE";
    try {
      migrator.execute(online);
    } catch (SQLException e) {
      assertThat(e.getMessage()).contains("Try ALGORITHM=COPY");
      return true;
    }
    return false;
  }

  private static void run(Migrator migrator, String table, Consumer<AlterTableBuilder> change) throws SQLException {
    for (Step step : migrator.dialect().render(operation(table, change), migrator.model())) {
      try (Statement statement = migrator.connection().createStatement()) {
        statement.execute(((Step.Sql) step).sql());
      }
    }
  }

  private static Operation operation(String table, Consumer<AlterTableBuilder> change) {
    List<Operation> operations = new Schema().alterTable(table, change).operations();
    assertThat(operations).hasSize(1);
    return operations.get(0);
  }
}
