package dev.retort.runtime.dialect;

import static dev.retort.ReferentialAction.CASCADE;
import static dev.retort.dsl.ColumnOption.comment;
import static dev.retort.dsl.ColumnOption.defaultValue;
import static dev.retort.dsl.ColumnOption.identity;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.decimal;
import static dev.retort.model.ColumnType.enumType;
import static dev.retort.model.ColumnType.integer;
import static dev.retort.model.ColumnType.json;
import static dev.retort.model.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.dsl.Schema;
import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.model.SchemaModel;
import dev.retort.runtime.dialect.inspect.Difference;
import dev.retort.runtime.dialect.inspect.SchemaInspector;
import dev.retort.runtime.testdb.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The schema inspector on real databases: it reads each database's own spelling of the schema
 * and names every way it differs from a model, and only those.
 */
class SchemaInspectorTest {

  private static final ColumnType STATUS = enumType("user_status", "active", "blocked");

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void namesEveryDifferenceBetweenTheDatabaseAndTheModel(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      Dialect dialect = migrator.dialect();
      migrator.apply(new Schema()
          .createTable("user", t -> t
              .column("id", bigint(), identity())
              .column("email", varchar(100), notNull())
              .column("phone", varchar(20))
              .column("total", decimal(10, 2), defaultValue("0"))
              .column("status", STATUS, notNull(), defaultValue("active"))
              .primaryKey("pk_user", "id")
              .check("ck_user_email", "\"email\" <> ''")
              .comment("people"))
          .createTable("order", t -> t
              .column("id", bigint(), identity())
              .column("user_id", bigint(), notNull(), comment("buyer"))
              .primaryKey("pk_order", "id")
              .foreignKey("fk_order_user", fk -> fk.columns("user_id").references("user", "id").onDelete(CASCADE))
              .index("ix_order_user", "user_id"))
          .createTable("tag", t -> t
              .column("id", integer(), notNull())
              .column("name", varchar(30))
              .primaryKey("pk_tag", "id")));
      migrator.execute("CREATE TABLE " + dialect.quote(Migrator.VERSION_TABLE) + " (" + dialect.quote("id")
          + " INTEGER)");
      assertThat(migrator.differences()).isEmpty();
      migrator.execute("CREATE TABLE " + dialect.quote("legacy") + " (" + dialect.quote("id") + " INTEGER)");

      SchemaModel expected = migrator.model().applyAll(new Schema()
          .createTable("invoice", t -> t.column("id", bigint(), notNull()))
          .alterTable("user", t -> t
              .addColumn("nickname", varchar(30))
              .dropColumn("phone")
              .alterColumn("total", c -> c.type(decimal(10, 2), decimal(12, 2))
                  .changeDefault(DefaultValue.literal("0"), DefaultValue.literal("1")))
              .alterColumn("email", c -> c.dropNotNull().setComment("login"))
              .alterColumn("status", c -> c.type(STATUS, enumType("user_status", "active", "blocked", "gone")))
              .createIndex("ix_user_email", "email")
              .dropCheck("ck_user_email")
              .addCheck("ck_user_total", "\"total\" >= 0")
              .changeComment("people", "persons"))
          .alterTable("order", t -> t
              .dropIndex("ix_order_user")
              .dropForeignKey("fk_order_user")
              .alterColumn("user_id", c -> c.dropComment("buyer")))
          .alterTable("tag", t -> t
              .dropPrimaryKey("pk_tag")
              .addUnique("uq_tag_name", "name"))
          .operations());

      List<Difference> differences = SchemaInspector.differences(migrator.connection(), dialect, expected,
          Migrator.VERSION_TABLE);

      assertThat(differences).extracting(Difference::toString).containsExactlyElementsOf(expectedDifferences(kind));
      assertThat(differences).extracting(Difference::table).containsOnly("invoice", "order", "tag", "user", "legacy");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void readsNamesWithQuotesSpacesAndPatternCharactersAsTheyAre(TestDatabase.Kind kind) throws Exception {
    String table = "odd \"name\" it's %_ `x`";
    String key = "col \"q\" it's";
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      migrator.apply(new Schema()
          .createTable(table, t -> t
              .column(key, integer(), notNull())
              .column("per%cent_", varchar(10), defaultValue("a"))
              .column("Up", enumType("odd enum", "x'y", "z"))
              .primaryKey("pk odd \"name\"", key)
              .unique("uq odd it's", "per%cent_")
              .check("ck odd \"c\" it's", "\"col \"\"q\"\" it's\" > 0")
              .index("ix odd `i`", "per%cent_", key))
          .createTable("ref it's", t -> t
              .column("id", integer(), notNull())
              .column("odd", integer())
              .primaryKey("pk_ref", "id")
              .foreignKey("fk odd it's", fk -> fk.columns("odd").references(table, key))));

      assertThat(migrator.differences()).isEmpty();
    }
  }

  /**
   * A unique constraint beside a unique index on the same column, as {@code @Column(unique =
   * true)} and {@code @Index(unique = true)} make. When H2 rebuilds the table (adding a column
   * does), it moves the constraint onto the index and drops the constraint's own: one live
   * unique index then stands for both.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void findsAUniqueConstraintAndAUniqueIndexOnTheSameColumnsAfterTheTableChanges(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      migrator.apply(new Schema().createTable("user", t -> t
          .column("id", integer(), notNull())
          .column("email", varchar(100), notNull())
          .primaryKey("pk_user", "id")
          .unique("uq_user_email", "email")
          .uniqueIndex("ux_user_email", "email")));
      assertThat(migrator.differences()).isEmpty();

      migrator.apply(new Schema().alterTable("user", t -> t.addColumn("name", varchar(20))));

      assertThat(migrator.differences()).isEmpty();
    }
  }

  /**
   * PostgreSQL keeps the name of a unique constraint, which a later migration that drops or changes
   * the constraint names: a database that names it otherwise (another tool's
   * {@code customers_email_key}) fails there, so check reports it, as it reports a primary key's.
   * H2 and MariaDB make up or move the index that shows a constraint, and their names are not
   * compared (SQLite adds no constraint to a table that exists, and keeps no names).
   */
  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void reportsAUniqueConstraintNamedOtherwiseWherePostgresqlKeepsTheName(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      Dialect dialect = migrator.dialect();
      migrator.apply(new Schema().createTable("user", t -> t
          .column("id", integer(), notNull())
          .column("email", varchar(100), notNull())
          .primaryKey("pk_user", "id")));
      migrator.execute("ALTER TABLE " + dialect.quote("user") + " ADD CONSTRAINT " + dialect.quote("user_email_key")
          + " UNIQUE (" + dialect.quote("email") + ")");

      List<Difference> differences = SchemaInspector.differences(migrator.connection(), dialect,
          migrator.model().applyAll(new Schema().alterTable("user", t -> t.addUnique("uq_user_email", "email"))
              .operations()),
          Migrator.VERSION_TABLE);

      assertThat(differences).extracting(Difference::toString).containsExactlyElementsOf(
          kind == TestDatabase.Kind.POSTGRESQL
              ? List.of("unique constraint of user on (email) is named user_email_key in the database, uq_user_email"
                  + " in the model")
              : List.of());
    }
  }

  /** The index that H2 moved a unique constraint onto stands for the constraint only while the constraint is there. */
  @Test
  void reportsAUniqueConstraintDroppedFromTheUniqueIndexThatH2MovedItOnto() throws Exception {
    try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2);
        Migrator migrator = Migrator.open(database)) {
      migrator.apply(new Schema().createTable("user", t -> t
          .column("id", integer(), notNull())
          .column("email", varchar(100), notNull())
          .primaryKey("pk_user", "id")
          .unique("uq_user_email", "email")
          .uniqueIndex("ux_user_email", "email")));
      migrator.apply(new Schema().alterTable("user", t -> t.addColumn("name", varchar(20))));

      migrator.execute("ALTER TABLE \"user\" DROP CONSTRAINT \"uq_user_email\"");

      assertThat(migrator.differences()).extracting(Difference::toString)
          .containsExactly("unique constraint uq_user_email (email) of user is missing");
    }
  }

  /**
   * MariaDB keeps a JSON column as {@code longtext} with a column check {@code json_valid} named
   * after the column; renaming the column changes the check's expression but not its name, a new
   * JSON column may then take the old name, whose check has the same name, and changing the
   * renamed column names its check after it again.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void findsARenamedJsonColumnStillJson(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      migrator.apply(new Schema().createTable("event", t -> t
          .column("id", integer(), notNull())
          .column("payload", json())));
      assertThat(migrator.differences()).isEmpty();

      migrator.apply(new Schema().alterTable("event", t -> t.renameColumn("payload", "data")));
      assertThat(migrator.differences()).isEmpty();

      migrator.apply(new Schema().alterTable("event", t -> t.addColumn("payload", json())));
      assertThat(migrator.differences()).isEmpty();

      migrator.apply(new Schema().alterTable("event", t -> t.alterColumn("data", c -> c.setNotNull())));
      assertThat(migrator.differences()).isEmpty();
    }
  }

  /** A renamed JSON column made plain {@code longtext} on MariaDB is reported: its check is what makes it JSON. */
  @Test
  void reportsARenamedJsonColumnThatLostItsCheckOnMariaDb() throws Exception {
    try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.MARIADB);
        Migrator migrator = Migrator.open(database)) {
      migrator.apply(new Schema().createTable("event", t -> t
          .column("id", integer(), notNull())
          .column("payload", json())));
      migrator.apply(new Schema().alterTable("event", t -> t.renameColumn("payload", "data")));

      migrator.execute("ALTER TABLE `event` MODIFY `data` LONGTEXT NULL");

      assertThat(migrator.differences()).extracting(Difference::toString)
          .containsExactly("event.data is longtext in the database, json in the model");
    }
  }

  @Test
  void takesOnlyTheKeywordAutoincrementForAnIdentityOnSqlite() throws Exception {
    try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.SQLITE);
        Migrator migrator = Migrator.open(database)) {
      migrator.apply(new Schema().createTable("counter", t -> t
          .column("id", integer(), notNull())
          .column("autoincrement", varchar(20), defaultValue("AUTOINCREMENT"))
          .primaryKey("pk_counter", "id")));

      assertThat(migrator.differences()).isEmpty();
    }
  }

  /**
   * An index on an expression, made by hand (or by execute): the catalogs report its part
   * without a column name, which is named as an expression rather than "null" (or, in JDBC
   * metadata, a crash copying the columns).
   */
  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"SQLITE", "POSTGRESQL"})
  void reportsAnIndexOnAnExpressionAsTheDatabasesOwn(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      migrator.apply(new Schema().createTable("author", t -> t
          .column("id", integer(), notNull())
          .column("name", varchar(50), notNull())
          .primaryKey("pk_author", "id")));

      migrator.execute("CREATE INDEX \"ix_author_name_lower\" ON \"author\" (lower(\"name\"))");

      assertThat(migrator.differences()).extracting(Difference::toString).containsExactly(
          "index ix_author_name_lower (" + (kind == TestDatabase.Kind.SQLITE ? "<expression>" : "lower((name)::text)")
              + ") of author is in the database but not in the model");
    }
  }

  private static List<String> expectedDifferences(TestDatabase.Kind kind) {
    boolean comments = kind != TestDatabase.Kind.SQLITE;
    List<String> list = new ArrayList<>();
    list.add("table invoice is missing");
    if (comments) {
      list.add("comment of order.user_id is 'buyer' in the database, none in the model");
    }
    list.add("index ix_order_user (user_id) of order is in the database but not in the model");
    list.add(kind == TestDatabase.Kind.SQLITE
        ? "foreign key (user_id) → user of order is in the database but not in the model"
        : "foreign key fk_order_user (user_id) → user of order is in the database but not in the model");
    list.add("tag has a primary key (id) in the database but none in the model");
    list.add("unique constraint uq_tag_name (name) of tag is missing");
    list.add("user.email is NOT NULL in the database, nullable in the model");
    if (comments) {
      list.add("comment of user.email is none in the database, 'login' in the model");
    }
    list.add("user.total is " + switch (kind) {
      case H2 -> "DECIMAL(10,2)";
      case SQLITE -> "DECIMAL(10,2)";
      case POSTGRESQL -> "numeric(10,2)";
      case MARIADB -> "decimal(10,2)";
    } + " in the database, decimal(12,2) in the model");
    list.add("default of user.total is " + (kind == TestDatabase.Kind.MARIADB ? "'0.00'" : "'0'")
        + " in the database, '1' in the model");
    switch (kind) {
      case H2 -> list.add("user.status is ENUM('active', 'blocked') in the database,"
          + " enum user_status('active','blocked','gone') in the model");
      case POSTGRESQL -> list.add("enum user.status has values ('active', 'blocked') in the database,"
          + " ('active', 'blocked', 'gone') in the model");
      case MARIADB -> list.add("user.status is enum('active','blocked') in the database,"
          + " enum user_status('active','blocked','gone') in the model");
      case SQLITE -> { }
    }
    list.add("column user.nickname is missing");
    list.add("column user.phone is in the database but not in the model");
    list.add("index ix_user_email of user is missing");
    list.add("check constraint ck_user_total of user is missing");
    list.add("check constraint ck_user_email of user is in the database but not in the model");
    if (comments) {
      list.add("comment of table user is 'people' in the database, 'persons' in the model");
    }
    list.add("table legacy is in the database but not in the model");
    return list;
  }
}
