package dev.retort.runtime.dialect;

import static dev.retort.ReferentialAction.CASCADE;
import static dev.retort.ReferentialAction.SET_NULL;
import static dev.retort.dsl.ColumnOption.comment;
import static dev.retort.dsl.ColumnOption.identity;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.blob;
import static dev.retort.model.ColumnType.integer;
import static dev.retort.model.ColumnType.json;
import static dev.retort.model.ColumnType.text;
import static dev.retort.runtime.Codes.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.dsl.Schema;
import dev.retort.model.ColumnType;
import dev.retort.model.IndexModel;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.SchemaDiff;
import dev.retort.model.SchemaModel;
import dev.retort.model.UniqueModel;
import dev.retort.operation.AddPrimaryKey;
import dev.retort.operation.AddUnique;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.Operation;
import dev.retort.operation.Vendor;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Probe;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.dialect.inspect.SchemaInspector;
import dev.retort.runtime.testdb.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What MariaDB and H2 refuse in the middle of a migration, where they commit every DDL
 * statement and a refusal would leave the statements before it applied: each limit shown on the
 * real database, which refuses the statement itself, and the dialect refusing the operation
 * before anything runs. The databases without the limit take the same operations.
 */
class DatabaseLimitsTest {

  private static final List<ColumnType> LARGE_TYPES = List.of(text(), blob(), json());

  /** The kinds of key or index, as the refusals and the expectations name them. */
  private enum Key {
    INDEX, UNIQUE_INDEX, UNIQUE, PRIMARY_KEY
  }

  /**
   * Every kind of key on a text, blob and json column: refused by the dialect exactly where the
   * database refuses the statement, and taken, as the model says, everywhere else. MariaDB takes
   * an index on a {@code LONGTEXT} or {@code LONGBLOB} (its JSON is a {@code LONGTEXT}) as an
   * index of a prefix that it chooses, and a unique one enforced with a hash, but no primary key
   * (error 1170); H2 indexes no {@code BLOB} at all.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void keysOnlyTheColumnsTheDatabaseCanIndex(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      Dialect dialect = migrator.dialect();
      Set<String> refused = new TreeSet<>();
      int n = 0;
      for (ColumnType type : LARGE_TYPES) {
        for (Key key : Key.values()) {
          String table = "t" + n++;
          migrator.apply(new Schema().createTable(table, t -> t
              .column("id", integer(), notNull())
              .column("c", type, notNull())));
          try {
            migrator.apply(List.of(keyOn(table, key)));
            assertThat(migrator.differences()).as("%s on %s", key, type.sql()).isEmpty();
          } catch (UnsupportedOperationException e) {
            refused.add(type.sql() + " " + key);
            assertThat(e).hasMessageContaining(" cannot index " + type.sql() + " column " + table + ".c ");
            assertThatThrownBy(() -> migrator.execute(sqlOf(dialect, table, key)))
                .as("%s refuses %s on %s itself", kind, key, type.sql())
                .isInstanceOf(SQLException.class);
          }
        }
      }

      assertThat(refused).isEqualTo(unindexable(kind));
    }
  }

  /**
   * A migration with a key that the database cannot hold fails before its first statement,
   * which on these databases would otherwise stay applied.
   */
  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "MARIADB"})
  void aMigrationWithAKeyTheDatabaseCannotHoldRunsNothing(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabase.create(kind)) {
      Retort retort = Probe.retort(database, List.of(Retort.revision("1", List.of(), () -> schema -> schema
          .createTable("author", t -> t
              .column("id", integer(), notNull())
              .primaryKey("pk_author", "id"))
          .createTable("cover", t -> t
              .column("image", blob(), notNull())
              .primaryKey("pk_cover", "image")))));

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.UNSUPPORTED_OPERATION))
          .hasMessageContaining("cannot index blob column cover.image")
          .hasMessageEndingWith(". Nothing was run.");
      assertThat(Probe.tableExists(database, "author")).isFalse();
      assertThat(Probe.tables(database)).as("the version table and H2's lock table").isEmpty();
      assertThat(retort.current().revisions()).isEmpty();
    }
  }

  /**
   * A new identity column that becomes the table's key, as the differ writes it: drop the old
   * key, add the column, add the key. MariaDB needs the AUTO_INCREMENT column in a key in the
   * statement that adds it, and SQLite cannot add an INTEGER PRIMARY KEY column: both refuse it
   * before anything runs, and the statement the message proposes works on MariaDB.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aNewIdentityColumnAsTheNewKeyRunsWhereTheDatabaseCanAddIt(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabase.create(kind)) {
      Schema first = new Schema().createTable("item", t -> t
          .column("code", ColumnType.varchar(10), notNull())
          .primaryKey("pk_item", "code"));
      Schema wanted = new Schema().createTable("item", t -> t
          .column("code", ColumnType.varchar(10), notNull())
          .column("id", bigint(), identity())
          .primaryKey("pk_item", "id"));
      List<Operation> change = SchemaDiff.diff(SchemaModel.empty().applyAll(first.operations()),
          SchemaModel.empty().applyAll(wanted.operations()));
      Retort retort = Probe.retort(database, List.of(
          Retort.revision("1", List.of(), () -> schema -> first.operations().forEach(schema::add)),
          Retort.revision("2", List.of("1"), () -> schema -> change.forEach(schema::add))));
      retort.upgrade("1");
      Probe.execute(database, "INSERT INTO " + Probe.quote(database, "item") + " VALUES ('a')");

      if (kind == TestDatabase.Kind.MARIADB || kind == TestDatabase.Kind.SQLITE) {
        assertThatThrownBy(retort::upgrade)
            .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.UNSUPPORTED_OPERATION))
            .hasMessageContaining("item.id")
            .hasMessageEndingWith(". Nothing was run.");
        assertThat(retort.current().revisions()).containsExactly("1");
        assertThat(retort.check().differences()).isEmpty();
        if (kind == TestDatabase.Kind.MARIADB) {
          Probe.execute(database, "ALTER TABLE `item` DROP PRIMARY KEY, ADD COLUMN `id` BIGINT NOT NULL"
              + " AUTO_INCREMENT, ADD PRIMARY KEY (`id`)");
        }
      } else {
        retort.upgrade();
        assertThat(retort.check().differences()).isEmpty();
      }
    }
  }

  /**
   * SQLite has no sequences: a migration creating one fails before its first statement, when it is
   * applied and when an offline script is written, saying what to do instead.
   */
  @Test
  void aSequenceOnSqliteRunsNothingAndWritesNoScript() {
    try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.SQLITE)) {
      Retort retort = Probe.retort(database, List.of(Retort.revision("1", List.of(), () -> schema -> schema
          .createTable("author", t -> t
              .column("id", bigint(), notNull())
              .primaryKey("pk_author", "id"))
          .createSequence("author_seq", s -> s.startWith(1).incrementBy(50)))));

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.UNSUPPORTED_OPERATION))
          .hasMessageContaining("does 'create sequence author_seq', and SQLite has no sequences: give the table an"
              + " identity column instead")
          .hasMessageEndingWith(". Nothing was run.");
      assertThat(Probe.tableExists(database, "author")).isFalse();
      assertThat(retort.current().revisions()).isEmpty();
      assertThatThrownBy(() -> retort.sql("base", "head", Vendor.SQLITE))
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.UNSUPPORTED_OPERATION))
          .hasMessageContaining("SQLite has no sequences");
    }
  }

  /** A migration with a check that MariaDB refuses fails before its first statement. */
  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = "MARIADB")
  void aMigrationWithACheckTheDatabaseRefusesRunsNothing(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabase.create(kind)) {
      Retort retort = Probe.retort(database, List.of(Retort.revision("1", List.of(), () -> schema -> schema
          .createTable("author", t -> t
              .column("id", integer(), notNull())
              .primaryKey("pk_author", "id"))
          .createTable("counter", t -> t
              .column("id", bigint(), identity())
              .primaryKey("pk_counter", "id")
              .check("ck_counter_id", "\"id\" > 0")))));

      assertThatThrownBy(retort::upgrade)
          .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.UNSUPPORTED_OPERATION))
          .hasMessageContaining("refuses a check constraint on an identity (AUTO_INCREMENT) column: check"
              + " ck_counter_id of counter uses counter.id")
          .hasMessageEndingWith(". Nothing was run.");
      assertThat(Probe.tableExists(database, "author")).isFalse();
      assertThat(Probe.tables(database)).as("the version table and H2's lock table").isEmpty();
      assertThat(retort.current().revisions()).isEmpty();
    }
  }

  /**
   * A check on an identity column, and on a column that a foreign key's action changes, in
   * either order: refused by the dialect exactly where the database refuses the statement, and
   * taken everywhere else. MariaDB refuses a check on an {@code AUTO_INCREMENT} column, and one
   * on a column that {@code ON UPDATE CASCADE} or {@code SET NULL} changes (error 1901), but
   * takes one on a column whose key cascades a delete, which removes the row and leaves the
   * value alone.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void checksOnlyTheColumnsTheDatabaseLetsACheckUse(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      migrator.apply(new Schema()
          .createTable("user", t -> t
              .column("id", integer(), notNull())
              .primaryKey("pk_user", "id"))
          .createTable("order", t -> t
              .column("id", integer(), notNull())
              .column("user_id", integer(), notNull())
              .column("payer_id", integer(), notNull())
              .primaryKey("pk_order", "id")
              .foreignKey("fk_order_user", fk -> fk.columns("user_id").references("user", "id").onDelete(CASCADE))
              .foreignKey("fk_order_payer", fk -> fk.columns("payer_id").references("user", "id").onUpdate(CASCADE)))
          .createTable("note", t -> t
              .column("id", integer(), notNull())
              .column("user_id", integer())
              .primaryKey("pk_note", "id")
              .check("ck_note_user", "\"user_id\" > 0")));
      List<String> refused = new ArrayList<>();

      attempt(migrator, refused, "a check on an identity column", new Schema().createTable("counter", t -> t
              .column("id", bigint(), identity())
              .primaryKey("pk_counter", "id")
              .check("ck_counter_id", "\"id\" > 0")),
          "CREATE TABLE `counter` (`id` BIGINT NOT NULL AUTO_INCREMENT, CONSTRAINT `pk_counter` PRIMARY KEY (`id`),"
              + " CONSTRAINT `ck_counter_id` CHECK (`id` > 0))");
      attempt(migrator, refused, "a check on a column that a key cascades a delete to", new Schema().alterTable(
              "order", t -> t.addCheck("ck_order_user", "\"user_id\" > 0")),
          "ALTER TABLE `order` ADD CONSTRAINT `ck_order_user` CHECK (`user_id` > 0)");
      attempt(migrator, refused, "a check on a column that a key cascades an update to", new Schema().alterTable(
              "order", t -> t.addCheck("ck_order_payer", "\"payer_id\" > 0")),
          "ALTER TABLE `order` ADD CONSTRAINT `ck_order_payer` CHECK (`payer_id` > 0)");
      attempt(migrator, refused, "a key that sets null in a column that a check uses", new Schema().alterTable(
              "note", t -> t.addForeignKey("fk_note_user", fk -> fk.columns("user_id").references("user", "id")
                  .onDelete(SET_NULL))),
          "ALTER TABLE `note` ADD CONSTRAINT `fk_note_user` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`)"
              + " ON DELETE SET NULL");

      assertThat(refused).isEqualTo(kind == TestDatabase.Kind.MARIADB
          ? List.of("a check on an identity column", "a check on a column that a key cascades an update to",
              "a key that sets null in a column that a check uses")
          : List.of());
    }
  }

  /**
   * The sizes and comments that the processor refuses on an entity, shown on each database:
   * MariaDB (in its default strict mode) refuses a varchar of more than 16383 characters (of
   * utf8mb4 text, error 1074), a varbinary of more than 65532 bytes (1074), a decimal with more
   * than 38 digits after the point (1425; MySQL documents 30, which the processor keeps to), a
   * column comment of more than 1024 characters (1629) and a table comment of more than 2048
   * (1628), counting characters, not bytes; and it stores a comment's characters outside the
   * Basic Multilingual Plane as {@code ?}, without a warning, and does not keep a comment holding
   * U+0000 as it is, which PostgreSQL refuses. The others take them all. Each database takes the
   * largest accepted ones whole, which the comparison with the model shows.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void sizesAndCommentsUpToWhatMariaDbHolds(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      Map<String, String> outcomes = new LinkedHashMap<>();

      tryToCreate(migrator, outcomes, "varchar(16383)", new Schema().createTable("t1", t -> t
          .column("c", ColumnType.varchar(16383))));
      tryToCreate(migrator, outcomes, "varchar(16384)", new Schema().createTable("t2", t -> t
          .column("c", ColumnType.varchar(16384))));
      tryToCreate(migrator, outcomes, "varbinary(65532)", new Schema().createTable("t3", t -> t
          .column("c", ColumnType.varbinary(65532))));
      tryToCreate(migrator, outcomes, "varbinary(65533)", new Schema().createTable("t4", t -> t
          .column("c", ColumnType.varbinary(65533))));
      tryToCreate(migrator, outcomes, "decimal(65,38)", new Schema().createTable("t11", t -> t
          .column("c", ColumnType.decimal(65, 38))));
      tryToCreate(migrator, outcomes, "decimal(65,39)", new Schema().createTable("t12", t -> t
          .column("c", ColumnType.decimal(65, 39))));
      tryToCreate(migrator, outcomes, "column comment of 1024", new Schema().createTable("t5", t -> t
          .column("c", integer(), comment("\u00e9".repeat(1024)))));
      tryToCreate(migrator, outcomes, "column comment of 1025", new Schema().createTable("t6", t -> t
          .column("c", integer(), comment("x".repeat(1025)))));
      tryToCreate(migrator, outcomes, "table comment of 2048", new Schema().createTable("t7", t -> t
          .column("c", integer())
          .comment("\u20ac".repeat(2048))));
      tryToCreate(migrator, outcomes, "table comment of 2049", new Schema().createTable("t8", t -> t
          .column("c", integer())
          .comment("x".repeat(2049))));
      tryToCreate(migrator, outcomes, "column comment beyond the BMP", new Schema().createTable("t9", t -> t
          .column("c", integer(), comment("a\uD83D\uDE00b"))));
      tryToCreate(migrator, outcomes, "table comment beyond the BMP", new Schema().createTable("t10", t -> t
          .column("c", integer())
          .comment("a\uD83D\uDE00b")));

      tryToCreate(migrator, outcomes, "column comment with U+0000", new Schema().createTable("t13", t -> t
          .column("c", integer(), comment("a\u0000b"))));
      tryToCreate(migrator, outcomes, "table comment with U+0000", new Schema().createTable("t14", t -> t
          .column("c", integer())
          .comment("a\u0000b")));

      Map<String, String> expected = new LinkedHashMap<>();
      outcomes.keySet().forEach(what -> expected.put(what, "kept"));
      if (kind == TestDatabase.Kind.MARIADB) {
        List.of("varchar(16384)", "varbinary(65533)", "decimal(65,39)", "column comment of 1025",
                "table comment of 2049")
            .forEach(what -> expected.put(what, "refused"));
        List.of("column comment beyond the BMP", "table comment beyond the BMP", "column comment with U+0000",
                "table comment with U+0000")
            .forEach(what -> expected.put(what, "changed"));
      }
      if (kind == TestDatabase.Kind.POSTGRESQL) {
        List.of("column comment with U+0000", "table comment with U+0000")
            .forEach(what -> expected.put(what, "refused"));
      }
      assertThat(outcomes).isEqualTo(expected);
    }
  }

  /**
   * The keys and rows that the processor refuses on an entity, shown on each database. MariaDB
   * (InnoDB, utf8mb4) holds keys of at most 3072 bytes, 4 per character of a varchar and the
   * storage size of the other types, and rows of at most 65535 bytes, each varchar or varbinary
   * with 1 or 2 length bytes, text counting 12 and every 8 nullable columns a byte. Over them it
   * refuses a primary key or an index on several columns (error 1071) and a table (1118), and
   * changes an index on one column into one of its 768-character prefix and a unique key into one
   * enforced with a hash, without an error, and the comparison with the model (check) does not
   * see either change; its dialect refuses them all before running them.
   * PostgreSQL, H2 and SQLite take them all (PostgreSQL limits a btree entry to about 2704 bytes,
   * which only a value that long meets, when it is written).
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void keysAndRowsUpToWhatMariaDbHolds(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      Map<String, String> outcomes = new LinkedHashMap<>();

      tryToCreate(migrator, outcomes, "primary key of 3072 bytes", new Schema().createTable("k1", t -> t
          .column("name", ColumnType.varchar(766), notNull())
          .column("owner", bigint(), notNull())
          .primaryKey("pk_k1", "name", "owner")));
      tryToCreate(migrator, outcomes, "primary key of 3076 bytes", new Schema().createTable("k2", t -> t
          .column("name", ColumnType.varchar(767), notNull())
          .column("owner", bigint(), notNull())
          .primaryKey("pk_k2", "name", "owner")));
      tryToCreate(migrator, outcomes, "varbinary primary key of 3073 bytes", new Schema().createTable("k3", t -> t
          .column("digest", ColumnType.varbinary(3073), notNull())
          .primaryKey("pk_k3", "digest")));
      tryToCreate(migrator, outcomes, "index of 3072 bytes", new Schema().createTable("k4", t -> t
          .column("city", ColumnType.varchar(500))
          .column("street", ColumnType.varchar(268))
          .index("ix_k4", "city", "street")));
      tryToCreate(migrator, outcomes, "index of 3076 bytes", new Schema().createTable("k5", t -> t
          .column("city", ColumnType.varchar(500))
          .column("street", ColumnType.varchar(269))
          .index("ix_k5", "city", "street")));
      tryToCreate(migrator, outcomes, "index on varchar(1000)", new Schema().createTable("k6", t -> t
          .column("c", ColumnType.varchar(1000))
          .index("ix_k6", "c")));
      tryToCreate(migrator, outcomes, "unique on varchar(1000)", new Schema().createTable("k7", t -> t
          .column("c", ColumnType.varchar(1000))
          .unique("uq_k7", "c")));
      tryToCreate(migrator, outcomes, "row of 65535 bytes", new Schema().createTable("r1", t -> t
          .column("id", bigint(), notNull())
          .column("title", ColumnType.varchar(8000))
          .column("data", ColumnType.varbinary(33510))
          .column("body", text())));
      tryToCreate(migrator, outcomes, "row of 65536 bytes", new Schema().createTable("r2", t -> t
          .column("id", bigint(), notNull())
          .column("title", ColumnType.varchar(8000))
          .column("data", ColumnType.varbinary(33511))
          .column("body", text())));

      Map<String, String> expected = new LinkedHashMap<>();
      outcomes.keySet().forEach(what -> expected.put(what, "kept"));
      if (kind == TestDatabase.Kind.MARIADB) {
        List.of("primary key of 3076 bytes", "varbinary primary key of 3073 bytes", "index of 3076 bytes",
                "index on varchar(1000)", "unique on varchar(1000)", "row of 65536 bytes")
            .forEach(what -> expected.put(what, "refused"));
        assertThat(outcomes).isEqualTo(expected);

        for (String refused : List.of(
            "CREATE TABLE `m1` (`name` VARCHAR(767) NOT NULL, `owner` BIGINT NOT NULL, PRIMARY KEY (`name`, `owner`))",
            "CREATE TABLE `m2` (`digest` VARBINARY(3073) NOT NULL, PRIMARY KEY (`digest`))",
            "CREATE TABLE `m3` (`city` VARCHAR(500) NULL, `street` VARCHAR(269) NULL, KEY `ix_m3` (`city`, `street`))",
            "CREATE TABLE `m4` (`id` BIGINT NOT NULL, `title` VARCHAR(8000) NULL, `data` VARBINARY(33511) NULL,"
                + " `body` LONGTEXT NULL)")) {
          assertThatThrownBy(() -> migrator.execute(refused)).as(refused).isInstanceOf(SQLException.class);
        }
        migrator.execute("CREATE TABLE `m5` (`c` VARCHAR(1000) NULL, KEY `ix_m5` (`c`), UNIQUE KEY `uq_m5` (`c`))");
        try (var statement = migrator.connection().createStatement();
            var rows = statement.executeQuery("SHOW CREATE TABLE `m5`")) {
          rows.next();
          assertThat(rows.getString(2)).contains("KEY `ix_m5` (`c`(768))", "UNIQUE KEY `uq_m5` (`c`) USING HASH");
        }
        SchemaModel withM5 = migrator.model().applyAll(new Schema().createTable("m5", t -> t
            .column("c", ColumnType.varchar(1000))
            .index("ix_m5", "c")
            .unique("uq_m5", "c")).operations());
        assertThat(SchemaInspector.differences(migrator.connection(), migrator.dialect(), withM5,
                Migrator.VERSION_TABLE))
            .as("what check() reports of the prefix index and the hashed unique key")
            .isEqualTo(List.of());
      } else {
        assertThat(outcomes).isEqualTo(expected);
      }
    }
  }

  /**
   * Applies a migration and records what the database did with it: refused it (or its dialect
   * refused it before running it, as MariaDB's does a decimal scale beyond 38), changed what the
   * model says (the comparison with the model finds a difference), or kept it as it is.
   */
  private static void tryToCreate(Migrator migrator, Map<String, String> outcomes, String what, Schema migration)
      throws SQLException {
    try {
      migrator.apply(migration);
    } catch (SQLException | UnsupportedOperationException e) {
      outcomes.put(what, "refused");
      return;
    }
    outcomes.put(what, migrator.differences().isEmpty() ? "kept" : "changed");
  }

  /**
   * Applies a migration; if the dialect refuses it, records {@code what} and shows that MariaDB
   * refuses the statement itself, {@code mariaDbSql}.
   */
  private static void attempt(Migrator migrator, List<String> refused, String what, Schema migration,
      String mariaDbSql) throws SQLException {
    try {
      migrator.apply(migration);
      assertThat(migrator.differences()).as(what).isEmpty();
    } catch (UnsupportedOperationException e) {
      refused.add(what);
      assertThat(e).hasMessageContaining(" refuses a check constraint on ");
      assertThatThrownBy(() -> migrator.execute(mariaDbSql))
          .as("the database refuses %s itself", what)
          .isInstanceOf(SQLException.class);
    }
  }

  private static Operation keyOn(String table, Key key) {
    switch (key) {
      case INDEX:
        return new CreateIndex(table, new IndexModel("ix_" + table, List.of("c"), false), false);
      case UNIQUE_INDEX:
        return new CreateIndex(table, new IndexModel("ux_" + table, List.of("c"), true), false);
      case UNIQUE:
        return new AddUnique(table, new UniqueModel("uq_" + table, List.of("c")));
      case PRIMARY_KEY:
        return new AddPrimaryKey(table, new PrimaryKeyModel("pk_" + table, List.of("c")));
      default:
        throw new AssertionError(key);
    }
  }

  /** The statement for a key, as the dialect would write it without its refusal. */
  private static String sqlOf(Dialect dialect, String table, Key key) {
    String on = dialect.quote(table) + " (" + dialect.quote("c") + ")";
    switch (key) {
      case INDEX:
        return "CREATE INDEX " + dialect.quote("ix_" + table) + " ON " + on;
      case UNIQUE_INDEX:
        return "CREATE UNIQUE INDEX " + dialect.quote("ux_" + table) + " ON " + on;
      case UNIQUE:
        return "ALTER TABLE " + dialect.quote(table) + " ADD CONSTRAINT " + dialect.quote("uq_" + table) + " UNIQUE ("
            + dialect.quote("c") + ")";
      case PRIMARY_KEY:
        return "ALTER TABLE " + dialect.quote(table) + " ADD CONSTRAINT " + dialect.quote("pk_" + table)
            + " PRIMARY KEY (" + dialect.quote("c") + ")";
      default:
        throw new AssertionError(key);
    }
  }

  /** The type and key pairs each database refuses. */
  private static Set<String> unindexable(TestDatabase.Kind kind) {
    Set<String> refused = new TreeSet<>();
    switch (kind) {
      case MARIADB -> LARGE_TYPES.forEach(type -> refused.add(type.sql() + " " + Key.PRIMARY_KEY));
      case H2 -> List.of(Key.values()).forEach(key -> refused.add("blob " + key));
      default -> { }
    }
    return refused;
  }
}
