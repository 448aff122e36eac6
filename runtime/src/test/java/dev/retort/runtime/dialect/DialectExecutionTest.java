package dev.retort.runtime.dialect;

import static dev.retort.ReferentialAction.CASCADE;
import static dev.retort.ReferentialAction.SET_DEFAULT;
import static dev.retort.dsl.ColumnOption.comment;
import static dev.retort.dsl.ColumnOption.defaultExpression;
import static dev.retort.dsl.ColumnOption.defaultValue;
import static dev.retort.dsl.ColumnOption.identity;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.binary;
import static dev.retort.model.ColumnType.blob;
import static dev.retort.model.ColumnType.bool;
import static dev.retort.model.ColumnType.date;
import static dev.retort.model.ColumnType.decimal;
import static dev.retort.model.ColumnType.doublePrecision;
import static dev.retort.model.ColumnType.enumType;
import static dev.retort.model.ColumnType.fixedChar;
import static dev.retort.model.ColumnType.integer;
import static dev.retort.model.ColumnType.json;
import static dev.retort.model.ColumnType.real;
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

import dev.retort.dsl.Schema;
import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.model.RenameHints;
import dev.retort.model.SchemaDiff;
import dev.retort.model.SchemaModel;
import dev.retort.operation.Execute;
import dev.retort.operation.Operation;
import dev.retort.operation.Vendor;
import dev.retort.runtime.dialect.inspect.Difference;
import dev.retort.runtime.testdb.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every operation, rendered by the database's dialect and run on the real database, with the
 * result checked by the schema inspector after each migration and by direct queries: what a
 * database accepts and keeps is decided by the database, not by the expected text.
 */
class DialectExecutionTest {

  private static final ColumnType STATUS = enumType("user_status", "active", "blocked");
  private static final ColumnType MORE_STATUS = enumType("user_status", "pending", "active", "invited", "blocked");
  private static final ColumnType FEWER_STATUS = enumType("user_status", "active", "invited", "blocked");

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void everyColumnTypeIsCreatedAsTheModelSaysAndHoldsItsValues(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      migrator.apply(new Schema().createTable("sample", t -> t
          .column("id", bigint(), identity())
          .column("small", smallint(), defaultValue("-1"))
          .column("whole", integer(), notNull(), defaultValue("7"))
          .column("flag", bool(), notNull(), defaultValue("true"))
          .column("ratio", real())
          .column("measure", doublePrecision(), defaultValue("2.5"))
          .column("price", decimal(12, 2), defaultValue("1.50"))
          .column("code", fixedChar(3))
          .column("label", varchar(40), defaultValue("it's \"quoted\""))
          .column("body", text())
          .column("day", date())
          .column("at", time())
          .column("stamp", timestamp(), defaultExpression("CURRENT_TIMESTAMP"))
          .column("instant", timestampTz())
          .column("key", uuid())
          .column("digest", binary(16))
          .column("bytes", varbinary(64))
          .column("data", blob())
          .column("document", json())
          .column("mood", enumType("mood", "happy", "sad"), defaultValue("happy"))
          .primaryKey("pk_sample", "id")));

      assertThat(migrator.differences()).isEmpty();
      Dialect dialect = migrator.dialect();
      migrator.execute("INSERT INTO " + dialect.quote("sample") + " (" + dialect.quote("code") + ", "
          + dialect.quote("body") + ", " + dialect.quote("document") + ") VALUES ('abc', 'text', '{\"a\": 1}')");
      try (Statement statement = migrator.connection().createStatement();
          ResultSet row = statement.executeQuery("SELECT " + columns(dialect, "whole", "flag", "price", "label", "mood",
              "code", "small") + " FROM " + dialect.quote("sample"))) {
        assertThat(row.next()).isTrue();
        assertThat(row.getInt(1)).isEqualTo(7);
        assertThat(row.getBoolean(2)).isTrue();
        assertThat(row.getBigDecimal(3)).isEqualByComparingTo("1.5");
        assertThat(row.getString(4)).isEqualTo("it's \"quoted\"");
        assertThat(row.getString(5)).isEqualTo("happy");
        assertThat(row.getString(6)).isEqualTo("abc");
        assertThat(row.getInt(7)).isEqualTo(-1);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void appliesEveryOperationOnReservedWordNamesAndKeepsDataAndForeignKeys(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      Dialect dialect = migrator.dialect();

      migrator.apply(new Schema()
          .createTable("user", t -> t
              .column("id", bigint(), identity())
              .column("email", varchar(100), notNull())
              .column("select", varchar(20), notNull(), defaultValue("it's"))
              .column("order", integer(), defaultValue("0"), comment("display order"))
              .column("status", STATUS, notNull(), defaultValue("active"))
              .primaryKey("pk_user", "id")
              .unique("uq_user_email", "email")
              .check("ck_user_email", "\"email\" <> ''")
              .comment("people"))
          .createTable("order", t -> t
              .column("id", bigint(), identity())
              .column("user", bigint(), notNull())
              .column("total", decimal(10, 2), notNull(), defaultValue("0"))
              .column("placed_at", timestamp(), defaultExpression("CURRENT_TIMESTAMP"))
              .primaryKey("pk_order", "id")
              .foreignKey("fk_order_user", fk -> fk.columns("user").references("user", "id").onDelete(CASCADE))
              .index("ix_order_user", "user"))
          .createTable("tag", t -> t
              .column("id", integer(), notNull())
              .column("name", varchar(30))
              .primaryKey("pk_tag", "id"))
          .createTable("audit", t -> t.column("entry", text())));
      assertThat(migrator.differences()).isEmpty();

      migrator.apply(new Schema()
          .run("add two users, three orders and two tags", connection -> {
            insert(connection, dialect, "user", List.of("email", "select"), List.of("ann@example.com", "a'b"),
                List.of("bob@example.com", "it's"));
            insert(connection, dialect, "order", List.of("user", "total"), List.of(1L, "10.50"), List.of(1L, "2.25"),
                List.of(2L, "99.99"));
            insert(connection, dialect, "tag", List.of("id", "name"), List.of(5, "red"), List.of(7, "blue"));
          })
          .add(new Execute(Optional.of("UPDATE \"tag\" SET \"name\" = 'green' WHERE \"id\" = 7"),
              Map.of(Vendor.MYSQL, "UPDATE `tag` SET `name` = 'green' WHERE `id` = 7"))));

      migrator.apply(new Schema()
          .alterTable("user", t -> t
              .addColumn("phone", varchar(20))
              .alterColumn("order", c -> c.type(integer(), bigint()).setNotNull())
              .alterColumn("select", c -> c.changeDefault(DefaultValue.literal("it's"), DefaultValue.literal("none")))
              .alterColumn("status", c -> c.type(STATUS, MORE_STATUS))
              .alterColumn("email", c -> c.setComment("login"))
              .changeComment("people", "people's accounts"))
          .alterTable("order", t -> t
              .addColumn("note", text(), notNull(), defaultValue(""))
              .alterColumn("total", c -> c.type(decimal(10, 2), decimal(12, 2))))
          .alterTable("tag", t -> t.alterColumn("id", c -> c.addIdentity())));
      assertThat(migrator.differences()).isEmpty();

      migrator.apply(new Schema().run("add a tag and invite a user", connection -> {
        insert(connection, dialect, "tag", List.of("name"), List.of("black"));
        try (PreparedStatement statement = connection.prepareStatement("UPDATE " + dialect.quote("user")
            + " SET " + dialect.quote("status") + " = ? WHERE " + dialect.quote("id") + " = ?")) {
          if (dialect.vendor() == Vendor.POSTGRESQL) {
            statement.setObject(1, "invited", Types.OTHER);
          } else {
            statement.setString(1, "invited");
          }
          statement.setLong(2, 2);
          statement.executeUpdate();
        }
      }));

      migrator.apply(new Schema()
          .alterTable("user", t -> t
              .renameColumn("select", "from")
              .dropUnique("uq_user_email")
              .createUniqueIndex("ux_user_email", "email")
              .dropCheck("ck_user_email")
              .addCheck("ck_user_email_at", "\"email\" LIKE '%@%'")
              .dropColumn("phone"))
          .renameTable("tag", "group")
          .alterTable("order", t -> t
              .dropForeignKey("fk_order_user")
              .addForeignKey("fk_order_user", fk -> fk.columns("user").references("user", "id")
                  .onDelete(CASCADE).onUpdate(CASCADE))
              .createIndexConcurrently("ix_order_user_total", "user", "total")
              .dropIndex("ix_order_user")
              .addCheck("ck_order_total", "\"total\" >= 0"))
          .alterTable("group", t -> t
              .alterColumn("id", c -> c.dropIdentity())
              .dropPrimaryKey("pk_tag")
              .addPrimaryKey("pk_group", "id")
              .addUnique("uq_group_name", "name"))
          .dropTable("audit"));
      assertThat(migrator.differences()).isEmpty();

      migrator.apply(new Schema()
          .alterTable("user", t -> t.alterColumn("status", c -> c.type(MORE_STATUS, FEWER_STATUS)))
          .alterTable("order", t -> t
              .alterColumn("total", c -> c.dropNotNull())
              .dropCheck("ck_order_total")));
      assertThat(migrator.differences()).isEmpty();

      String user = dialect.quote("user");
      String order = dialect.quote("order");
      assertThat(rows(migrator, "SELECT " + columns(dialect, "id", "email", "from", "status", "order") + " FROM "
          + user + " ORDER BY " + dialect.quote("id")))
          .containsExactly(List.of("1", "ann@example.com", "a'b", "active", "0"),
              List.of("2", "bob@example.com", "it's", "invited", "0"));
      assertThat(rows(migrator, "SELECT " + columns(dialect, "id", "name") + " FROM " + dialect.quote("group")
          + " ORDER BY " + dialect.quote("id")))
          .containsExactly(List.of("5", "red"), List.of("7", "green"), List.of("8", "black"));
      assertThat(rows(migrator, "SELECT " + columns(dialect, "user", "total", "note") + " FROM " + order
          + " ORDER BY " + dialect.quote("id")))
          .containsExactly(List.of("1", "10.5", ""), List.of("1", "2.25", ""), List.of("2", "99.99", ""));

      assertThatThrownBy(
          () -> migrator.execute("INSERT INTO " + order + " (" + dialect.quote("user") + ") VALUES (42)"))
          .as("the foreign key still refuses an order of a missing user")
          .isInstanceOf(SQLException.class);
      migrator.execute("DELETE FROM " + user + " WHERE " + dialect.quote("id") + " = 1");
      assertThat(rows(migrator, "SELECT COUNT(*) FROM " + order))
          .as("deleting a user still cascades to their orders")
          .containsExactly(List.of("1"));
    }
  }

  /**
   * A sequence is created, altered and dropped with a reserved word for its name; {@code check}
   * sees it, its new increment and its absence; {@code nextval} follows it; and the sequence of an
   * identity column is not taken for one of the model's.
   */
  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void createsAltersAndDropsASequenceThatHandsOutItsValues(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      Dialect dialect = migrator.dialect();
      String next = kind == TestDatabase.Kind.POSTGRESQL
          ? "SELECT nextval('\"order\"')"
          : "SELECT NEXT VALUE FOR " + dialect.quote("order");

      migrator.apply(new Schema()
          .createTable("item", t -> t.column("id", bigint(), identity()).primaryKey("pk_item", "id"))
          .createSequence("order", s -> s.startWith(1).incrementBy(50)));
      assertThat(migrator.differences()).isEmpty();
      assertThat(rows(migrator, next)).containsExactly(List.of("1"));
      assertThat(rows(migrator, next)).containsExactly(List.of("51"));

      migrator.apply(new Schema().alterSequence("order", s -> s.startWith(1, 1000).incrementBy(50, 1)));
      assertThat(migrator.differences()).isEmpty();
      // Each database goes on past what it handed out; where, depends on its cache (PostgreSQL 52, H2 101, MariaDB 50001).
      assertThat(Long.parseLong(rows(migrator, next).get(0).get(0))).as("the sequence does not start over")
          .isGreaterThan(51);

      migrator.execute("ALTER SEQUENCE " + dialect.quote("order") + " INCREMENT BY 7");
      assertThat(migrator.differences()).extracting(Difference::toString)
          .containsExactly("sequence order increments by 7 in the database, 1 in the model");

      migrator.apply(new Schema().dropSequence("order"));
      assertThat(migrator.differences()).isEmpty();
      migrator.execute("CREATE SEQUENCE " + dialect.quote("stray"));
      assertThat(migrator.differences()).extracting(Difference::toString)
          .containsExactly("sequence stray is in the database but not in the model");
      migrator.execute("DROP SEQUENCE " + dialect.quote("stray"));
      migrator.apply(new Schema().createSequence("order"));
      migrator.execute("DROP SEQUENCE " + dialect.quote("order"));
      assertThat(migrator.differences()).extracting(Difference::toString)
          .containsExactly("sequence order is missing");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void removingAnEnumValueThatARowHoldsFailsUntilTheRowChanges(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      Dialect dialect = migrator.dialect();
      migrator.apply(new Schema().createTable("user", t -> t
          .column("id", integer(), notNull())
          .column("status", STATUS, notNull(), defaultValue("active"))
          .primaryKey("pk_user", "id")));
      migrator.execute("INSERT INTO " + dialect.quote("user") + " VALUES (1, 'blocked')");
      Schema removal = new Schema().alterTable("user",
          t -> t.alterColumn("status", c -> c.type(STATUS, enumType("user_status", "active"))));

      assertThatThrownBy(() -> migrator.apply(removal)).isInstanceOf(SQLException.class);
      if (kind == TestDatabase.Kind.H2) {
        assertThat(migrator.differences()).extracting(Object::toString)
            .as("H2 2.3 forgets the default of a column whose type change it refuses")
            .containsExactly("default of user.status is none in the database, 'active' in the model");
      } else {
        assertThat(migrator.differences()).isEmpty();
      }
      assertThat(rows(migrator, "SELECT " + dialect.quote("status") + " FROM " + dialect.quote("user")))
          .containsExactly(List.of("blocked"));

      migrator.execute("UPDATE " + dialect.quote("user") + " SET " + dialect.quote("status") + " = 'active'");
      migrator.apply(removal);
      assertThat(migrator.differences()).isEmpty();
    }
  }

  /**
   * An entity renamed with {@code @RenamedFrom} takes its derived key name along ({@code pk_user}
   * becomes {@code pk_member}), which the differ makes a rename of the key: the identity column
   * is never without its key, which SQLite and MariaDB refuse, and the foreign key to it and
   * the identity's counter stay.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void renamesATableAndItsDerivedKeyNameKeepingTheIdentityAndTheForeignKeyToIt(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      Dialect dialect = migrator.dialect();
      migrator.apply(new Schema()
          .createTable("user", t -> t
              .column("id", bigint(), identity())
              .column("name", varchar(20), notNull())
              .primaryKey("pk_user", "id"))
          .createTable("order", t -> t
              .column("id", bigint(), identity())
              .column("user_id", bigint(), notNull())
              .primaryKey("pk_order", "id")
              .foreignKey("fk_order_user_id", fk -> fk.columns("user_id").references("user", "id"))));
      migrator.execute("INSERT INTO " + dialect.quote("user") + " (" + dialect.quote("name") + ") VALUES ('a')");
      migrator.execute("INSERT INTO " + dialect.quote("user") + " (" + dialect.quote("name") + ") VALUES ('b')");
      migrator.execute("INSERT INTO " + dialect.quote("order") + " (" + dialect.quote("user_id") + ") VALUES (1)");
      migrator.execute("DELETE FROM " + dialect.quote("user") + " WHERE " + dialect.quote("id") + " = 2");
      SchemaModel renamed = SchemaModel.empty().applyAll(new Schema()
          .createTable("member", t -> t
              .column("id", bigint(), identity())
              .column("name", varchar(20), notNull())
              .primaryKey("pk_member", "id"))
          .createTable("order", t -> t
              .column("id", bigint(), identity())
              .column("user_id", bigint(), notNull())
              .primaryKey("pk_order", "id")
              .foreignKey("fk_order_user_id", fk -> fk.columns("user_id").references("member", "id")))
          .operations());

      List<Operation> upgrade = SchemaDiff.diff(migrator.model(), renamed,
          new RenameHints(Map.of("member", "user"), Map.of()));
      migrator.apply(upgrade);

      assertThat(upgrade).extracting(Operation::summary)
          .containsExactly("rename table user to member", "rename primary key pk_user on member to pk_member");
      assertThat(migrator.differences()).isEmpty();
      migrator.execute("INSERT INTO " + dialect.quote("member") + " (" + dialect.quote("name") + ") VALUES ('c')");
      assertThat(rows(migrator, "SELECT " + columns(dialect, "id", "name") + " FROM " + dialect.quote("member")
          + " ORDER BY " + dialect.quote("id")))
          .as("the identity goes on from where it was")
          .containsExactly(List.of("1", "a"), List.of("3", "c"));
      assertThatThrownBy(() -> migrator.execute("INSERT INTO " + dialect.quote("order") + " ("
          + dialect.quote("user_id") + ") VALUES (2)"))
          .as("the foreign key to the renamed table still holds")
          .isInstanceOf(SQLException.class);
    }
  }

  /**
   * A table whose name changes only in case, as {@code @RenamedFrom} on {@code @Table(name =
   * "Book")} generates for a committed {@code book}: SQLite takes the two names as one and
   * refuses {@code RENAME TO} a name that differs only in case from the table's own.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void renamesATableWhoseNameChangesOnlyInCaseKeepingItsRowsAndTheForeignKeyToIt(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      Dialect dialect = migrator.dialect();
      migrator.apply(new Schema()
          .createTable("book", t -> t
              .column("id", bigint(), notNull())
              .primaryKey("pk_book", "id"))
          .createTable("review", t -> t
              .column("id", bigint(), notNull())
              .column("book_id", bigint(), notNull())
              .primaryKey("pk_review", "id")
              .foreignKey("fk_review_book_id", fk -> fk.columns("book_id").references("book", "id"))));
      migrator.execute("INSERT INTO " + dialect.quote("book") + " (" + dialect.quote("id") + ") VALUES (1)");

      migrator.apply(new Schema().renameTable("book", "Book"));

      assertThat(migrator.differences()).isEmpty();
      assertThat(rows(migrator, "SELECT " + dialect.quote("id") + " FROM " + dialect.quote("Book")))
          .containsExactly(List.of("1"));
      migrator.execute("INSERT INTO " + dialect.quote("review") + " (" + columns(dialect, "id", "book_id")
          + ") VALUES (1, 1)");
      assertThatThrownBy(() -> migrator.execute("INSERT INTO " + dialect.quote("review") + " ("
          + columns(dialect, "id", "book_id") + ") VALUES (2, 2)"))
          .as("the foreign key to the renamed table still holds")
          .isInstanceOf(SQLException.class);
    }
  }

  /**
   * An entity whose key moves off its {@code @Id(generated = true)} column and back: the
   * differ takes the identity off before it drops the key, and puts it on after it adds the key,
   * so that the identity column is never without its key, which SQLite and MariaDB refuse.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void movesTheKeyOffAnIdentityColumnAndBack(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      Dialect dialect = migrator.dialect();
      migrator.apply(new Schema().createTable("item", t -> t
          .column("id", bigint(), identity())
          .column("code", varchar(10), notNull())
          .primaryKey("pk_item", "id")));
      SchemaModel identityKey = migrator.model();
      SchemaModel codeKey = SchemaModel.empty().applyAll(new Schema().createTable("item", t -> t
          .column("id", bigint(), notNull())
          .column("code", varchar(10), notNull())
          .primaryKey("pk_item", "code")).operations());
      String item = dialect.quote("item");
      migrator.execute("INSERT INTO " + item + " (" + dialect.quote("code") + ") VALUES ('a')");
      migrator.execute("INSERT INTO " + item + " (" + dialect.quote("code") + ") VALUES ('b')");

      migrator.apply(SchemaDiff.diff(identityKey, codeKey));
      assertThat(migrator.differences()).isEmpty();
      migrator.execute("INSERT INTO " + item + " (" + columns(dialect, "id", "code") + ") VALUES (5, 'c')");

      migrator.apply(SchemaDiff.diff(codeKey, identityKey));
      assertThat(migrator.differences()).isEmpty();
      migrator.execute("INSERT INTO " + item + " (" + dialect.quote("code") + ") VALUES ('d')");
      assertThat(rows(migrator, "SELECT " + columns(dialect, "id", "code") + " FROM " + item + " ORDER BY "
          + dialect.quote("id")))
          .containsExactly(List.of("1", "a"), List.of("2", "b"), List.of("5", "c"), List.of("6", "d"));
    }
  }

  /**
   * A unique index beside a unique constraint on the same column, as {@code @Column(unique =
   * true)} and {@code @Index(unique = true)} make: when H2 rebuilds the table (adding a column
   * does), the constraint moves onto the index, which H2 then refuses to drop, naming the
   * constraint; dropping it takes the constraint off and back on around it, and a foreign key
   * that references the constraint's column with it.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void dropsAUniqueIndexThatAUniqueConstraintOnItsColumnsMayUse(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      Dialect dialect = migrator.dialect();
      migrator.apply(new Schema()
          .createTable("user", t -> t
              .column("id", integer(), notNull())
              .column("email", varchar(100), notNull())
              .primaryKey("pk_user", "id")
              .unique("uq_user_email", "email")
              .uniqueIndex("ux_user_email", "email"))
          .createTable("login", t -> t
              .column("id", integer(), notNull())
              .column("email", varchar(100))
              .primaryKey("pk_login", "id")
              .foreignKey("fk_login_email", fk -> fk.columns("email").references("user", "email"))));
      migrator.apply(new Schema().alterTable("user", t -> t.addColumn("name", varchar(20))));
      migrator.execute("INSERT INTO " + dialect.quote("user") + " (" + columns(dialect, "id", "email") + ")"
          + " VALUES (1, 'a@example.com')");

      migrator.apply(new Schema().alterTable("user", t -> t.dropIndex("ux_user_email")));

      assertThat(migrator.differences()).isEmpty();
      assertThatThrownBy(() -> migrator.execute("INSERT INTO " + dialect.quote("user") + " ("
          + columns(dialect, "id", "email") + ") VALUES (2, 'a@example.com')"))
          .as("the unique constraint still holds").isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> migrator.execute("INSERT INTO " + dialect.quote("login") + " ("
          + columns(dialect, "id", "email") + ") VALUES (1, 'b@example.com')"))
          .as("the foreign key to it still holds").isInstanceOf(SQLException.class);
    }
  }

  /**
   * The differ changes each column of an enum whose values change, as the processor does for a
   * Java enum that two entities use; on PostgreSQL the columns share one type, which gains a
   * value once and loses one by being made again.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void changesTheValuesOfAnEnumThatSeveralColumnsUse(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      Dialect dialect = migrator.dialect();
      ColumnType more = enumType("user_status", "active", "blocked", "closed");
      migrator.apply(new Schema()
          .createTable("user", t -> t.column("id", integer(), notNull()).column("status", STATUS))
          .createTable("order", t -> t.column("id", integer(), notNull()).column("status", STATUS)
              .column("previous", STATUS)));

      migrator.apply(new Schema()
          .alterTable("order", t -> t
              .alterColumn("previous", c -> c.type(STATUS, more))
              .alterColumn("status", c -> c.type(STATUS, more)))
          .alterTable("user", t -> t.alterColumn("status", c -> c.type(STATUS, more))));

      assertThat(migrator.differences()).isEmpty();
      migrator.execute("INSERT INTO " + dialect.quote("order") + " VALUES (1, 'closed', 'blocked')");
      assertThat(rows(migrator, "SELECT " + columns(dialect, "status", "previous") + " FROM " + dialect.quote("order")))
          .containsExactly(List.of("closed", "blocked"));

      ColumnType fewer = enumType("user_status", "active", "closed");
      migrator.execute("UPDATE " + dialect.quote("order") + " SET " + dialect.quote("previous") + " = 'active'");
      migrator.apply(new Schema()
          .alterTable("order", t -> t
              .alterColumn("previous", c -> c.type(more, fewer))
              .alterColumn("status", c -> c.type(more, fewer)))
          .alterTable("user", t -> t.alterColumn("status", c -> c.type(more, fewer))));

      assertThat(migrator.differences()).isEmpty();
      assertThat(rows(migrator, "SELECT " + columns(dialect, "status", "previous") + " FROM " + dialect.quote("order")))
          .containsExactly(List.of("closed", "active"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void dropsTheIndexUniqueOrPrimaryKeyThatAForeignKeyUsesAndKeepsTheKey(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      Dialect dialect = migrator.dialect();
      migrator.apply(new Schema()
          .createTable("user", t -> t
              .column("id", bigint(), notNull())
              .primaryKey("pk_user", "id"))
          .createTable("order", t -> t
              .column("user", bigint(), notNull())
              .column("line", integer(), notNull())
              .column("buyer", bigint(), notNull())
              .column("payer", bigint(), notNull())
              .primaryKey("pk_order", "user", "line")
              .unique("uq_order_buyer", "buyer", "line")
              .foreignKey("fk_order_user", fk -> fk.columns("user").references("user", "id"))
              .foreignKey("fk_order_buyer", fk -> fk.columns("buyer").references("user", "id").onDelete(CASCADE))
              .foreignKey("fk_order_payer", fk -> fk.columns("payer").references("user", "id"))
              .index("ix_order_payer", "payer", "line")));
      assertThat(migrator.differences()).isEmpty();

      migrator.apply(new Schema().alterTable("order", t -> t
          .dropIndex("ix_order_payer")
          .dropUnique("uq_order_buyer")
          .dropPrimaryKey("pk_order")));

      assertThat(migrator.differences()).isEmpty();
      migrator.execute("INSERT INTO " + dialect.quote("user") + " VALUES (1)");
      migrator.execute("INSERT INTO " + dialect.quote("order") + " VALUES (1, 1, 1, 1)");
      assertThatThrownBy(() -> migrator.execute("INSERT INTO " + dialect.quote("order") + " VALUES (1, 2, 1, 2)"))
          .as("the foreign keys still refuse a missing user")
          .isInstanceOf(SQLException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void setsTheDefaultWhereTheDatabaseHasTheActionAndRefusesTheActionWhereNot(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      Dialect dialect = migrator.dialect();
      Schema tables = new Schema()
          .createTable("user", t -> t
              .column("id", integer(), notNull())
              .primaryKey("pk_user", "id"))
          .createTable("order", t -> t
              .column("id", integer(), notNull())
              .column("user", integer(), notNull(), defaultValue("0"))
              .primaryKey("pk_order", "id")
              .foreignKey("fk_order_user", fk -> fk.columns("user").references("user", "id").onDelete(SET_DEFAULT)));

      if (kind == TestDatabase.Kind.MARIADB) {
        assertThatThrownBy(() -> migrator.apply(tables)).isInstanceOf(UnsupportedOperationException.class);
        migrator.execute("CREATE TABLE `parent` (`id` INT PRIMARY KEY)");
        migrator.execute("CREATE TABLE `child` (`parent` INT DEFAULT 0, CONSTRAINT `fk` FOREIGN KEY (`parent`)"
            + " REFERENCES `parent` (`id`) ON DELETE SET DEFAULT)");
        assertThat(rows(migrator, "SELECT `DELETE_RULE` FROM information_schema.REFERENTIAL_CONSTRAINTS"
            + " WHERE `CONSTRAINT_SCHEMA` = DATABASE()"))
            .as("MariaDB takes SET DEFAULT and keeps RESTRICT; when this fails, it has the action")
            .containsExactly(List.of("RESTRICT"));
        return;
      }
      migrator.apply(tables);
      assertThat(migrator.differences()).isEmpty();
      migrator.execute("INSERT INTO " + dialect.quote("user") + " VALUES (0), (1)");
      migrator.execute("INSERT INTO " + dialect.quote("order") + " VALUES (10, 1)");
      migrator.execute("DELETE FROM " + dialect.quote("user") + " WHERE " + dialect.quote("id") + " = 1");
      assertThat(rows(migrator, "SELECT " + dialect.quote("user") + " FROM " + dialect.quote("order")))
          .containsExactly(List.of("0"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void qualifiesTablesInAnotherSchemaEverywhere(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      Dialect dialect = migrator.dialect();
      String schema = kind == TestDatabase.Kind.MARIADB ? database.name() + "_billing" : "billing";
      migrator.execute(switch (kind) {
        case SQLITE -> "ATTACH DATABASE '" + database.url().substring("jdbc:sqlite:".length())
            + "-billing' AS \"billing\"";
        case MARIADB -> "CREATE DATABASE " + dialect.quote(schema);
        default -> "CREATE SCHEMA " + dialect.quote(schema);
      });
      try {
        migrator.apply(new Schema()
            .createTable("account", t -> t
                .inSchema(schema)
                .column("id", bigint(), identity())
                .column("state", STATUS, notNull(), defaultValue("active"))
                .primaryKey("pk_account", "id"))
            .createTable("invoice", t -> t
                .inSchema(schema)
                .column("id", bigint(), notNull())
                .column("account_id", bigint(), notNull())
                .primaryKey("pk_invoice", "id")
                .foreignKey("fk_invoice_account", fk -> fk.columns("account_id").references("account", "id"))
                .index("ix_invoice_account", "account_id")));
        assertThat(migrator.differences()).isEmpty();

        migrator.apply(new Schema()
            .alterTable("account", t -> t
                .addColumn("name", varchar(40))
                .alterColumn("state", c -> c.type(STATUS, MORE_STATUS))
                .alterColumn("name", c -> c.type(varchar(40), varchar(60)).setDefault(DefaultValue.literal("none"))))
            .alterTable("invoice", t -> t
                .createIndexConcurrently("ix_invoice_account_id", "account_id", "id")
                .dropIndex("ix_invoice_account"))
            .renameTable("invoice", "bill"));
        assertThat(migrator.differences()).isEmpty();

        migrator.apply(new Schema().dropTable("bill").dropTable("account"));
        assertThat(migrator.differences()).isEmpty();
      } finally {
        if (kind == TestDatabase.Kind.MARIADB) {
          migrator.execute("DROP DATABASE " + dialect.quote(schema));
        }
      }
    }
  }

  private static void insert(Connection connection, Dialect dialect, String table, List<String> columns,
      List<?>... rows) throws SQLException {
    String sql = "INSERT INTO " + dialect.quote(table) + " (" + columns(dialect, columns.toArray(String[]::new))
        + ") VALUES (" + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (List<?> row : rows) {
        for (int i = 0; i < row.size(); i++) {
          Object value = row.get(i);
          statement.setObject(i + 1, value instanceof String text && text.matches("\\d+\\.\\d+")
              ? new BigDecimal(text) : value);
        }
        statement.executeUpdate();
      }
    }
  }

  /** A decimal number without trailing zeros, as every database shows it; any other text as it is. */
  private static String plainNumber(String text) {
    return text.matches("-?\\d+\\.\\d+") ? new BigDecimal(text).stripTrailingZeros().toPlainString() : text;
  }

  /**
   * A foreign key and a check added not valid, then validated, as two migrations: every database takes them with
   * the rows already in the table, checks the rows written after, matches the model at each step, and keeps them
   * through a change of the table (a rebuild on SQLite); the downgrade of the add drops them, and that of the
   * validation is nothing.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void addsAForeignKeyAndACheckNotValidThenValidatesThem(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      Dialect dialect = migrator.dialect();
      membersOfATeam(migrator);
      SchemaModel before = migrator.model();

      migrator.apply(new Schema().alterTable("member", t -> t
          .addForeignKeyNotValid("fk_member_team", fk -> fk.columns("team_id").references("team", "id"))
          .addCheckNotValid("ck_member_age", "\"age\" >= 0")));

      assertThat(migrator.differences()).isEmpty();
      assertRefused(migrator, "INSERT INTO " + dialect.quote("member") + " VALUES (2, 99, 30)");
      assertRefused(migrator, "INSERT INTO " + dialect.quote("member") + " VALUES (3, 1, -1)");
      assertThat(validated(migrator)).containsExactly(kind == TestDatabase.Kind.POSTGRESQL ? "f f" : "t t");

      migrator.apply(new Schema().alterTable("member", t -> t
          .validateConstraint("fk_member_team")
          .validateConstraint("ck_member_age")));

      assertThat(migrator.differences()).isEmpty();
      assertThat(validated(migrator)).containsExactly("t t");
      migrator.apply(new Schema().alterTable("member", t -> t.alterColumn("age", c -> c.type(integer(), bigint()))));
      assertThat(migrator.differences()).isEmpty();
      assertRefused(migrator, "INSERT INTO " + dialect.quote("member") + " VALUES (4, 99, 30)");
      assertRefused(migrator, "INSERT INTO " + dialect.quote("member") + " VALUES (5, 1, -1)");
      assertThat(rows(migrator, "SELECT " + columns(dialect, "id", "team_id", "age") + " FROM "
          + dialect.quote("member"))).containsExactly(List.of("1", "1", "30"));

      migrator.apply(new Schema().alterTable("member", t -> t.alterColumn("age", c -> c.type(bigint(), integer()))));
      // Down through both migrations: the validation's downgrade has no operations, the add's drops the constraints.
      migrator.apply(List.of());
      migrator.apply(new Schema().alterTable("member", t -> t.dropCheck("ck_member_age").dropForeignKey("fk_member_team")));

      assertThat(migrator.model()).isEqualTo(before);
      assertThat(migrator.differences()).isEmpty();
      migrator.execute("INSERT INTO " + dialect.quote("member") + " VALUES (6, 99, -1)");
    }
  }

  /**
   * Rows that break a constraint: PostgreSQL adds it not valid all the same and refuses to validate it, changing
   * nothing, until the rows are mended; the other databases, which have no such state, refuse to add it.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aConstraintThatRowsBreakIsAddedNotValidOnlyOnPostgresAndValidatedOnceTheRowsAreMended(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      Dialect dialect = migrator.dialect();
      membersOfATeam(migrator);
      migrator.execute("INSERT INTO " + dialect.quote("member") + " VALUES (2, 1, -1)");
      Schema check = new Schema().alterTable("member", t -> t.addCheckNotValid("ck_member_age", "\"age\" >= 0"));
      Schema validate = new Schema().alterTable("member", t -> t.validateConstraint("ck_member_age"));

      if (kind != TestDatabase.Kind.POSTGRESQL) {
        assertThatThrownBy(() -> migrator.apply(check)).isInstanceOf(SQLException.class);
        return;
      }
      migrator.apply(check);
      assertThat(validated(migrator)).containsExactly("f");
      assertThatThrownBy(() -> migrator.apply(validate)).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(e.getSQLState()).isEqualTo("23514"));
      assertThat(validated(migrator)).containsExactly("f");

      migrator.execute("UPDATE " + dialect.quote("member") + " SET " + dialect.quote("age") + " = 0 WHERE "
          + dialect.quote("id") + " = 2");
      migrator.apply(validate);

      assertThat(validated(migrator)).containsExactly("t");
      assertThat(migrator.differences()).isEmpty();
    }
  }

  /** The same for a foreign key that a row breaks, pointing at a team that does not exist. */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aForeignKeyThatARowBreaksIsAddedNotValidOnlyOnPostgresAndValidatedOnceTheRowIsMended(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      Dialect dialect = migrator.dialect();
      membersOfATeam(migrator);
      migrator.execute("INSERT INTO " + dialect.quote("member") + " VALUES (2, 99, 30)");
      Schema foreignKey = new Schema().alterTable("member", t -> t
          .addForeignKeyNotValid("fk_member_team", fk -> fk.columns("team_id").references("team", "id")));
      Schema validate = new Schema().alterTable("member", t -> t.validateConstraint("fk_member_team"));

      if (kind != TestDatabase.Kind.POSTGRESQL) {
        assertThatThrownBy(() -> migrator.apply(foreignKey)).isInstanceOf(SQLException.class);
        assertThat(migrator.model().table("member").orElseThrow().foreignKeys()).isEmpty();
        return;
      }
      migrator.apply(foreignKey);
      assertThat(validated(migrator)).containsExactly("f");
      assertThatThrownBy(() -> migrator.apply(validate)).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(e.getSQLState()).isEqualTo("23503"));

      migrator.execute("UPDATE " + dialect.quote("member") + " SET " + dialect.quote("team_id") + " = 1");
      migrator.apply(validate);

      assertThat(validated(migrator)).containsExactly("t");
      assertThat(migrator.differences()).isEmpty();
    }
  }

  /** Teams and their members, with one team and one member in them. */
  private static void membersOfATeam(Migrator migrator) throws SQLException {
    migrator.apply(new Schema()
        .createTable("team", t -> t.column("id", integer(), notNull()).primaryKey("pk_team", "id"))
        .createTable("member", t -> t
            .column("id", integer(), notNull())
            .column("team_id", integer())
            .column("age", integer())
            .primaryKey("pk_member", "id")));
    Dialect dialect = migrator.dialect();
    migrator.execute("INSERT INTO " + dialect.quote("team") + " VALUES (1)");
    migrator.execute("INSERT INTO " + dialect.quote("member") + " VALUES (1, 1, 30)");
  }

  /**
   * Whether each foreign key and check of member is validated, {@code t} or {@code f}, in one line in the order of
   * their names, as PostgreSQL's {@code pg_constraint} says; {@code t} for each on the other databases, which
   * validate every constraint they add.
   */
  private static List<String> validated(Migrator migrator) throws SQLException {
    if (migrator.dialect().vendor() != Vendor.POSTGRESQL) {
      int constraints = migrator.model().table("member").map(m -> m.foreignKeys().size() + m.checks().size())
          .orElseThrow();
      return List.of(String.join(" ", Collections.nCopies(constraints, "t")));
    }
    List<String> flags = new ArrayList<>();
    for (List<String> row : rows(migrator, "SELECT CASE WHEN convalidated THEN 't' ELSE 'f' END FROM pg_constraint"
        + " WHERE conrelid = 'member'::regclass AND contype IN ('c', 'f') ORDER BY conname")) {
      flags.add(row.get(0));
    }
    return List.of(String.join(" ", flags));
  }

  private static void assertRefused(Migrator migrator, String insert) {
    assertThatThrownBy(() -> migrator.execute(insert)).as(insert).isInstanceOf(SQLException.class);
  }

  private static String columns(Dialect dialect, String... names) {
    return String.join(", ", List.of(names).stream().map(dialect::quote).toList());
  }

  private static List<List<String>> rows(Migrator migrator, String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement statement = migrator.connection().createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int count = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
          row.add(Optional.ofNullable(result.getString(i)).map(DialectExecutionTest::plainNumber).orElse(null));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
