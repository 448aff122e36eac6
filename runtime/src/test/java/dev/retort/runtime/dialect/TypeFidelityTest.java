package dev.retort.runtime.dialect;

import static dev.retort.dsl.ColumnOption.defaultExpression;
import static dev.retort.dsl.ColumnOption.defaultValue;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.binary;
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
import dev.retort.model.SchemaDiff;
import dev.retort.model.SchemaModel;
import dev.retort.runtime.dialect.inspect.SchemaInspector;
import dev.retort.runtime.testdb.TestDatabase;
import dev.retort.runtime.testdb.TestDatabase.Kind;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a column declares against what the database holds, value by value: literal defaults and
 * the edge values each type promises, written and read back through JDBC with the Java type an
 * application reads them as, and columns changed on a table with rows. {@code check()} (the
 * schema inspector) must find the database as the migrations left it, and a value must come back
 * as it went in; where a database cannot hold what the type promises, the test pins what it does
 * instead, as docs/entities.md says.
 */
class TypeFidelityTest {

  private static final String EMOJI = "\ud83d\ude00";

  /**
   * One column with a literal default and the value a row that omits the column must hold.
   *
   * @param column the column name
   * @param type its type
   * @param literal the default as the model writes it
   * @param expected what JDBC reads back, as {@link #read} reads it
   */
  private record Default(String column, ColumnType type, String literal, Object expected) {}

  private static List<Default> defaults(Kind kind) {
    boolean sqlite = kind == Kind.SQLITE;
    boolean padsChar = kind == Kind.H2 || kind == Kind.POSTGRESQL;
    boolean padsBinary = kind == Kind.H2 || kind == Kind.MARIADB;
    List<Default> list = new ArrayList<>(List.of(
        new Default("small", smallint(), "-32768", (short) -32768),
        new Default("whole", integer(), "2147483647", 2147483647),
        new Default("big", bigint(), "-9223372036854775808", Long.MIN_VALUE),
        new Default("no", bool(), "false", false),
        new Default("yes", bool(), "TRUE", true),
        new Default("half", real(), "0.5", 0.5f),
        new Default("tenth", doublePrecision(), "0.1", 0.1),
        new Default("price", decimal(19, 2), "1.5", sqlite ? new BigDecimal("1.5") : new BigDecimal("1.50")),
        new Default("zero", decimal(19, 2), "0", sqlite ? new BigDecimal("0") : new BigDecimal("0.00")),
        new Default("tiny", decimal(12, 4), "-0.0001", new BigDecimal("-0.0001")),
        new Default("code", fixedChar(3), "ab", padsChar ? "ab " : "ab"),
        new Default("quoted", varchar(60), "it's \\ \"q\" \\n \\0 %_ caf\u00e9 " + EMOJI, null),
        new Default("now", varchar(20), "now()", null),
        new Default("current", varchar(20), "CURRENT_TIMESTAMP", null),
        new Default("word_null", varchar(20), "NULL", null),
        new Default("empty", varchar(20), "", null),
        new Default("padded", varchar(20), "  pad  ", null),
        new Default("body", text(), "line one\nline two \u00e9", null),
        new Default("leap_day", date(), "2024-02-29", LocalDate.of(2024, 2, 29)),
        new Default("first_day", date(), "0001-01-01", LocalDate.of(1, 1, 1)),
        new Default("stamp", timestamp(), "2024-01-31 12:30:00.123456",
            LocalDateTime.of(2024, 1, 31, 12, 30, 0, 123_456_000)),
        new Default("iso_stamp", timestamp(), "2024-01-31T08:15:00", LocalDateTime.of(2024, 1, 31, 8, 15)),
        new Default("midnight", timestamp(), "2024-01-31", LocalDateTime.of(2024, 1, 31, 0, 0)),
        new Default("key", uuid(), "123E4567-E89B-12D3-A456-426614174000",
            UUID.fromString("123e4567-e89b-12d3-a456-426614174000")),
        new Default("bytes", varbinary(16), "abc", new byte[] {'a', 'b', 'c'}),
        new Default("fixed_bytes", binary(4), "ab", padsBinary ? new byte[] {'a', 'b', 0, 0} : new byte[] {'a', 'b'}),
        new Default("lunch", time(), "12:30:00.123456", LocalTime.of(12, 30, 0, 123_456_000)),
        new Default("document", json(), "{\"a\":[1,2.5],\"b\":\"it's\u00e9\"}", null),
        new Default("mood", enumType("mood", "happy", "sad"), "sad", null)));
    if (kind != Kind.MARIADB) {
      // MariaDB refuses a timestamp literal with an offset ('Invalid default value'): see the report in the docs.
      list.add(new Default("moment", timestampTz(), "2024-01-31 12:30:00.5+01:00",
          OffsetDateTime.of(2024, 1, 31, 11, 30, 0, 500_000_000, ZoneOffset.UTC)));
    }
    return list.stream().map(d -> d.expected() == null && !(d.type() instanceof ColumnType.Decimal)
        ? new Default(d.column(), d.type(), d.literal(), d.literal()) : d).toList();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aRowThatOmitsAColumnHoldsItsLiteralDefault(Kind kind) throws Exception {
    List<Default> defaults = defaults(kind);
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      migrator.apply(new Schema().createTable("sample", t -> {
        t.column("id", integer(), notNull());
        defaults.forEach(d -> t.column(d.column(), d.type(), notNull(), defaultValue(d.literal())));
      }));
      assertThat(migrator.differences()).isEmpty();

      migrator.execute("INSERT INTO " + migrator.dialect().quote("sample") + " (" + migrator.dialect().quote("id")
          + ") VALUES (1)");

      Map<String, Object> read = readRow(migrator, "sample", defaults.stream()
          .map(d -> Map.<String, Class<?>>entry(d.column(), d.expected().getClass())).toList());
      for (Default d : defaults) {
        Object actual = read.get(d.column());
        if (d.type() == ColumnType.Scalar.JSON) {
          // Each database spells JSON its own way (PostgreSQL puts spaces after ':' and ',').
          assertThat(((String) actual).replace(" ", "")).as("%s json default", kind).isEqualTo(d.literal());
          continue;
        }
        if (actual instanceof OffsetDateTime moment) {
          actual = moment.withOffsetSameInstant(ZoneOffset.UTC);
        }
        assertThat(shown(actual)).as("%s %s default '%s'", kind, d.type().sql(), d.literal())
            .isEqualTo(shown(d.expected()));
      }
    }
  }

  /** The edge values each type promises go in and come back unchanged. */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void theEdgeValuesOfEachTypeComeBackUnchanged(Kind kind) throws Exception {
    byte[] everyByte = new byte[256];
    for (int i = 0; i < everyByte.length; i++) {
      everyByte[i] = (byte) i;
    }
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, ColumnType> types = new LinkedHashMap<>();
    put(types, values, "small_min", smallint(), Short.MIN_VALUE);
    put(types, values, "whole_max", integer(), Integer.MAX_VALUE);
    put(types, values, "big_max", bigint(), Long.MAX_VALUE);
    put(types, values, "big_min", bigint(), Long.MIN_VALUE);
    put(types, values, "flag", bool(), true);
    put(types, values, "double_max", doublePrecision(), Double.MAX_VALUE);
    put(types, values, "double_min", doublePrecision(), Double.MIN_VALUE);
    put(types, values, "double_third", doublePrecision(), 1.0 / 3);
    put(types, values, "real_half", real(), 0.5f);
    put(types, values, "money", decimal(19, 2), new BigDecimal("-99999999999999999.99"));
    put(types, values, "wide", decimal(65, 30),
        new BigDecimal("99999999999999999999999999999999999.999999999999999999999999999999"));
    put(types, values, "name", varchar(10), "\u00e9".repeat(10));
    put(types, values, "trailing", varchar(10), "ab  ");
    put(types, values, "letter", fixedChar(1), "\u00e9");
    put(types, values, "body", text(), ("x" + EMOJI + "\u00e9'\\\"\n").repeat(20_000));
    put(types, values, "first_day", date(), LocalDate.of(1, 1, 1));
    put(types, values, "last_day", date(), LocalDate.of(9999, 12, 31));
    put(types, values, "first_stamp", timestamp(), LocalDateTime.of(1, 1, 1, 0, 0, 0, 1_000));
    put(types, values, "noon", time(), LocalTime.of(12, 0));
    put(types, values, "last_time", time(), LocalTime.of(23, 59, 59, 999_999_000));
    put(types, values, "last_stamp", timestamp(), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000));
    put(types, values, "moment", timestampTz(), OffsetDateTime.of(2024, 1, 31, 12, 30, 0, 500_000_000,
        ZoneOffset.ofHours(5)));
    put(types, values, "key", uuid(), UUID.fromString("ffffffff-0000-4000-8000-00000000000f"));
    put(types, values, "bytes", varbinary(256), everyByte);
    put(types, values, "data", ColumnType.blob(), everyByte);
    put(types, values, "fixed_bytes", binary(4), new byte[] {1, 0, 0, 0});
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      migrator.apply(new Schema().createTable("edge", t -> {
        t.column("id", integer(), notNull());
        types.forEach((column, type) -> t.column(column, type));
      }));
      assertThat(migrator.differences()).isEmpty();

      insert(migrator, "edge", values);

      Map<String, Object> read = readRow(migrator, "edge", values.entrySet().stream()
          .map(e -> Map.<String, Class<?>>entry(e.getKey(), e.getValue().getClass())).toList());
      for (Map.Entry<String, Object> value : values.entrySet()) {
        Object expected = value.getValue();
        Object actual = read.get(value.getKey());
        if (expected instanceof OffsetDateTime moment) {
          assertThat(((OffsetDateTime) actual).toInstant()).as("%s %s", kind, value.getKey())
              .isEqualTo(moment.toInstant());
        } else if (expected instanceof BigDecimal number && kind == Kind.SQLITE) {
          continue;
        } else if (expected instanceof BigDecimal number) {
          assertThat((BigDecimal) actual).as("%s %s", kind, value.getKey()).isEqualByComparingTo(number);
        } else {
          assertThat(shown(actual)).as("%s %s", kind, value.getKey()).isEqualTo(shown(expected));
        }
      }
    }
  }

  /**
   * What a database cannot hold of what a type promises, pinned as docs/entities.md ("What each
   * database holds") says: H2 counts a varchar's length in UTF-16 units, so that a character
   * beyond the BMP takes two; MariaDB keeps a timestamp with time zone only between 1970 and
   * 2038, reads a real back to 6 significant digits and a char(1) space as an empty string;
   * SQLite keeps a decimal as a 64-bit floating point number and no length at all; PostgreSQL
   * keeps binary(n) and varbinary(n) as bytea, without a length.
   */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void whatADatabaseCannotHoldIsRefusedOrChangedAsDocumented(Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      migrator.apply(new Schema().createTable("limits", t -> t
          .column("id", integer(), notNull())
          .column("name", varchar(4))
          .column("moment", timestampTz())
          .column("ratio", real())
          .column("letter", fixedChar(1))
          .column("amount", decimal(30, 2))
          .column("bytes", varbinary(2))));
      Map<String, Object> fits = new LinkedHashMap<>();
      fits.put("ratio", 0.1234567f);
      fits.put("letter", " ");
      fits.put("amount", new BigDecimal("1234567890123456789.25"));
      insert(migrator, "limits", fits);
      Map<String, Object> read = readRow(migrator, "limits", List.of(Map.entry("ratio", Float.class),
          Map.entry("letter", String.class), Map.entry("amount", BigDecimal.class)));

      assertThat(read.get("ratio")).isEqualTo(kind == Kind.MARIADB ? 0.123457f : 0.1234567f);
      assertThat(read.get("letter")).isEqualTo(kind == Kind.MARIADB ? "" : " ");
      BigDecimal amount = (BigDecimal) read.get("amount");
      if (kind == Kind.SQLITE) {
        // The nearest double, as SQLite stores the number.
        assertThat(amount).isEqualByComparingTo(new BigDecimal(1234567890123456789.25));
      } else {
        assertThat(amount).isEqualTo(new BigDecimal("1234567890123456789.25"));
      }
      migrator.execute("DELETE FROM " + migrator.dialect().quote("limits"));

      assertThat(fitsIn(migrator, "name", EMOJI.repeat(4))).isEqualTo(kind != Kind.H2);
      assertThat(fitsIn(migrator, "name", "abcde")).isEqualTo(kind == Kind.SQLITE);
      assertThat(fitsIn(migrator, "bytes", new byte[3])).isEqualTo(kind == Kind.SQLITE || kind == Kind.POSTGRESQL);
      assertThat(fitsIn(migrator, "moment", OffsetDateTime.of(1969, 7, 20, 20, 17, 40, 0, ZoneOffset.UTC)))
          .isEqualTo(kind != Kind.MARIADB);
      assertThat(fitsIn(migrator, "moment", OffsetDateTime.of(2038, 1, 19, 3, 14, 8, 0, ZoneOffset.UTC)))
          .isEqualTo(kind != Kind.MARIADB);
    }
  }

  /**
   * A decimal with a scale beyond 38, a timestamp default with an offset and a timestamp with
   * time zone default after 2038 (a "valid until" of 9999-12-31): MariaDB refuses all three ("Too
   * big scale", "Invalid default value"), and commits every DDL statement, so its dialect refuses
   * them before anything runs; the other databases keep them.
   */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void aColumnMariaDbRefusesIsRefusedBeforeAnythingRuns(Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      Dialect dialect = migrator.dialect();
      Schema wide = new Schema().createTable("share", t -> t
          .column("id", integer(), notNull())
          .column("part", decimal(65, 39)));
      Schema moment = new Schema().createTable("event", t -> t
          .column("id", integer(), notNull())
          .column("at", timestampTz(), defaultValue("2024-01-31 12:30:00+01:00")));
      Schema sentinel = new Schema().createTable("offer", t -> t
          .column("id", integer(), notNull())
          .column("valid_until", timestampTz(), notNull(),
              defaultValue(kind == Kind.MARIADB ? "9999-12-31 00:00:00" : "9999-12-31 00:00:00+00:00")));
      if (kind == Kind.MARIADB) {
        assertThatThrownBy(() -> migrator.apply(wide)).isInstanceOf(UnsupportedOperationException.class)
            .hasMessageStartingWith("MariaDB 10.")
            .hasMessageContaining(" keeps at most 38 digits after the point of a decimal, and column share.part is"
                + " decimal(65,39). Give it a scale of at most 38");
        assertThatThrownBy(() -> migrator.apply(moment)).isInstanceOf(UnsupportedOperationException.class)
            .hasMessageContaining(" takes no offset in a timestamp literal, and the default '2024-01-31 12:30:00+01:00'"
                + " of column event.at has one. Write the default without the offset");
        assertThatThrownBy(() -> migrator.execute("CREATE TABLE `share` (`part` DECIMAL(65,39))"))
            .as("MariaDB refuses the scale itself").isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> migrator.execute("CREATE TABLE `event` (`at` TIMESTAMP(6) NULL"
            + " DEFAULT '2024-01-31 12:30:00+01:00')"))
            .as("MariaDB refuses the offset itself").isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> migrator.apply(sentinel)).isInstanceOf(UnsupportedOperationException.class)
            .hasMessageContaining(" keeps a timestamp with time zone (TIMESTAMP(6)) only from 1970-01-01 00:00:00.000001"
                + " to 2038-01-19 03:14:07.999999 UTC, and the default '9999-12-31 00:00:00' of column"
                + " offer.valid_until is outside them");
        assertThatThrownBy(() -> migrator.execute("CREATE TABLE `offer` (`valid_until` TIMESTAMP(6) NOT NULL"
            + " DEFAULT '9999-12-31 00:00:00')"))
            .as("MariaDB refuses the default itself").isInstanceOf(SQLException.class)
            .hasMessageContaining("Invalid default value");
        return;
      }
      migrator.apply(wide);
      migrator.apply(moment);
      assertThat(migrator.differences()).isEmpty();
      insert(migrator, "share", Map.of("part", new BigDecimal("1.5")));
      if (kind != Kind.SQLITE) {
        assertThat(readRow(migrator, "share", List.of(Map.entry("part", BigDecimal.class))).get("part"))
            .isEqualTo(new BigDecimal("1.5").setScale(39));
      }
      migrator.execute("INSERT INTO " + dialect.quote("event") + " (" + dialect.quote("id") + ") VALUES (1)");
      assertThat(((OffsetDateTime) readRow(migrator, "event", List.of(Map.entry("at", OffsetDateTime.class)))
          .get("at")).toInstant()).isEqualTo(OffsetDateTime.parse("2024-01-31T11:30:00Z").toInstant());
      migrator.apply(sentinel);
      assertThat(migrator.differences()).isEmpty();
      migrator.execute("INSERT INTO " + dialect.quote("offer") + " (" + dialect.quote("id") + ") VALUES (1)");
      assertThat(((OffsetDateTime) readRow(migrator, "offer", List.of(Map.entry("valid_until", OffsetDateTime.class)))
          .get("valid_until")).toInstant()).isEqualTo(OffsetDateTime.parse("9999-12-31T00:00:00Z").toInstant());
    }
  }

  /**
   * Temporal defaults migrated in a session far from UTC: a timestamp without time zone keeps
   * its date and time, one with an offset its instant, and a session in another time zone finds
   * the database as the model says.
   */
  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void temporalDefaultsDoNotDependOnTheSessionTimeZone(Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      migrator.execute(kind == Kind.MARIADB ? "SET time_zone = '+05:30'" : "SET TIME ZONE '+05:30'");
      migrator.apply(new Schema().createTable("visit", t -> {
        t.column("id", integer(), notNull())
            .column("day", date(), defaultValue("2024-02-29"))
            .column("at", time(), defaultValue("23:30:00.5"))
            .column("stamp", timestamp(), defaultValue("2024-01-31 23:30:00.25"));
        if (kind != Kind.MARIADB) {
          t.column("moment", timestampTz(), defaultValue("2024-01-31 23:30:00+01:00"));
        }
      }));
      assertThat(migrator.differences()).isEmpty();
      migrator.execute("INSERT INTO " + migrator.dialect().quote("visit") + " (" + migrator.dialect().quote("id")
          + ") VALUES (1)");

      try (Migrator elsewhere = Migrator.open(database)) {
        elsewhere.execute(kind == Kind.MARIADB ? "SET time_zone = '-08:00'" : "SET TIME ZONE '-08:00'");
        SchemaModel model = migrator.model();
        assertThat(SchemaInspector.differences(elsewhere.connection(), elsewhere.dialect(), model,
            Migrator.VERSION_TABLE)).isEmpty();
        Map<String, Object> row = readRow(elsewhere, "visit", List.of(Map.entry("day", LocalDate.class),
            Map.entry("at", LocalTime.class), Map.entry("stamp", LocalDateTime.class)));
        assertThat(row).containsExactly(Map.entry("day", LocalDate.of(2024, 2, 29)),
            Map.entry("at", LocalTime.of(23, 30, 0, 500_000_000)),
            Map.entry("stamp", LocalDateTime.of(2024, 1, 31, 23, 30, 0, 250_000_000)));
      }
    }
  }

  /**
   * What makes a timestamp with time zone an instant, which Retort keeps as MariaDB's
   * TIMESTAMP(6) (not DATETIME(6), which holds more years) for it: a session far from UTC writes
   * the current moment as its CURRENT_TIMESTAMP default, and a date and time without an offset as
   * its own local time, and a session in another time zone reads both as the same instant, counted
   * from the epoch by the database. MariaDB's DATETIME(6) takes CURRENT_TIMESTAMP as the session's
   * local date and time (measured: 23:54 in a +05:30 session at 18:24 UTC) and keeps both as
   * written, so the other session would count other instants.
   */
  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void aTimestampWithTimeZoneIsTheSameInstantInEverySessionTimeZone(Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      migrator.apply(new Schema().createTable("event", t -> t
          .column("id", integer(), notNull())
          .column("at", timestampTz())
          .column("logged_at", timestampTz(), notNull(), defaultExpression("CURRENT_TIMESTAMP"))));
      Dialect dialect = migrator.dialect();
      // PostgreSQL reads a zone written '+05:30' the POSIX way, west of Greenwich; an interval is east.
      migrator.execute(kind == Kind.MARIADB ? "SET time_zone = '+05:30'"
          : kind == Kind.POSTGRESQL ? "SET TIME ZONE INTERVAL '+05:30' HOUR TO MINUTE" : "SET TIME ZONE '+05:30'");
      long before = System.currentTimeMillis();
      migrator.execute("INSERT INTO " + dialect.quote("event") + " (" + dialect.quote("id") + ", " + dialect.quote("at")
          + ") VALUES (1, '2030-06-15 15:30:00.123456')");
      long after = System.currentTimeMillis();

      try (Migrator elsewhere = Migrator.open(database)) {
        elsewhere.execute(kind == Kind.MARIADB ? "SET time_zone = '-08:00'" : "SET TIME ZONE '-08:00'");
        String seconds = kind == Kind.MARIADB ? "UNIX_TIMESTAMP(%s)" : "EXTRACT(EPOCH FROM %s)";
        try (Statement statement = elsewhere.connection().createStatement();
            ResultSet row = statement.executeQuery("SELECT " + String.format(seconds, dialect.quote("at")) + ", "
                + String.format(seconds, dialect.quote("logged_at")) + " FROM " + dialect.quote("event"))) {
          assertThat(row.next()).isTrue();
          assertThat(row.getBigDecimal(1)).as("2030-06-15 10:00:00.123456 UTC").isEqualByComparingTo(new BigDecimal("1907748000.123456"));
          assertThat(row.getBigDecimal(2).movePointRight(3).longValue())
              .as("the moment of the insert").isBetween(before - 1000, after + 1000);
        }
      }
    }
  }

  /** Whether the database takes the value into the column, in a row of its own. */
  private static boolean fitsIn(Migrator migrator, String column, Object value) throws SQLException {
    Dialect dialect = migrator.dialect();
    try (PreparedStatement insert = migrator.connection().prepareStatement("INSERT INTO " + dialect.quote("limits")
        + " (" + dialect.quote("id") + ", " + dialect.quote(column) + ") VALUES (2, ?)")) {
      insert.setObject(1, value);
      insert.executeUpdate();
    } catch (SQLException e) {
      return false;
    }
    migrator.execute("DELETE FROM " + dialect.quote("limits"));
    return true;
  }

  /**
   * Widening a varchar, changing nullability and a default, and adding a NOT NULL column with a
   * default to a table that has rows: the rows keep their values and take the new column's
   * default, and the database matches the model after the change and after its downgrade.
   */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void changedColumnsKeepTheirRowsAndMatchTheModelBothWays(Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      Dialect dialect = migrator.dialect();
      migrator.apply(new Schema().createTable("book", t -> t
          .column("id", integer(), notNull())
          .column("title", varchar(20), notNull())
          .column("note", varchar(40), defaultValue("it's new"))
          .column("price", decimal(10, 2), notNull(), defaultValue("9.99"))
          .primaryKey("pk_book", "id")));
      migrator.execute("INSERT INTO " + dialect.quote("book") + " (" + dialect.quote("id") + ", "
          + dialect.quote("title") + ") VALUES (1, 'Caf\u00e9 " + EMOJI + "')");
      SchemaModel before = migrator.model();
      String yes = kind == Kind.SQLITE || kind == Kind.MARIADB ? "1" : "true";

      migrator.apply(new Schema().alterTable("book", t -> t
          .alterColumn("title", c -> c.type(varchar(20), varchar(200)))
          .alterColumn("note", c -> c.setNotNull()
              .changeDefault(DefaultValue.literal("it's new"), DefaultValue.literal("back\\slash")))
          .alterColumn("price", c -> c.dropNotNull()
              .changeDefault(DefaultValue.literal("9.99"), DefaultValue.literal("0.50")))
          .addColumn("stock", integer(), notNull(), defaultValue("7"))
          .addColumn("added", date(), notNull(), defaultValue("2024-02-29"))
          .addColumn("flag", bool(), notNull(), defaultValue("true"))
          .addColumn("label", varchar(10), defaultValue("x'y"))));
      assertThat(migrator.differences()).isEmpty();
      migrator.execute("INSERT INTO " + dialect.quote("book") + " (" + dialect.quote("id") + ", "
          + dialect.quote("title") + ") VALUES (2, '" + "t".repeat(200) + "')");

      assertThat(rows(migrator, "SELECT * FROM " + dialect.quote("book") + " ORDER BY " + dialect.quote("id")))
          .containsExactly(
              List.of("1", "Caf\u00e9 " + EMOJI, "it's new", "9.99", "7", "2024-02-29", yes, "x'y"),
              List.of("2", "t".repeat(200), "back\\slash", "0.5", "7", "2024-02-29", yes, "x'y"));

      migrator.execute("DELETE FROM " + dialect.quote("book") + " WHERE " + dialect.quote("id") + " = 2");
      migrator.apply(SchemaDiff.diff(migrator.model(), before));
      assertThat(migrator.differences()).isEmpty();
      migrator.execute("INSERT INTO " + dialect.quote("book") + " (" + dialect.quote("id") + ", "
          + dialect.quote("title") + ") VALUES (3, 'three')");
      assertThat(rows(migrator, "SELECT * FROM " + dialect.quote("book") + " ORDER BY " + dialect.quote("id")))
          .containsExactly(
              List.of("1", "Caf\u00e9 " + EMOJI, "it's new", "9.99"),
              List.of("3", "three", "it's new", "9.99"));
    }
  }

  private static void put(Map<String, ColumnType> types, Map<String, Object> values, String column, ColumnType type,
      Object value) {
    types.put(column, type);
    values.put(column, value);
  }

  private static void insert(Migrator migrator, String table, Map<String, Object> values) throws SQLException {
    Dialect dialect = migrator.dialect();
    String columns = String.join(", ", values.keySet().stream().map(dialect::quote).toList());
    String marks = String.join(", ", values.keySet().stream().map(c -> "?").toList());
    try (PreparedStatement insert = migrator.connection().prepareStatement("INSERT INTO " + dialect.quote(table)
        + " (" + dialect.quote("id") + ", " + columns + ") VALUES (1, " + marks + ")")) {
      int i = 1;
      for (Object value : values.values()) {
        insert.setObject(i++, value);
      }
      insert.executeUpdate();
    }
  }

  /** Reads the one row of a table, each column as the Java type an application reads it as. */
  private static Map<String, Object> readRow(Migrator migrator, String table, List<Map.Entry<String, Class<?>>> columns)
      throws SQLException {
    Dialect dialect = migrator.dialect();
    Map<String, Object> row = new LinkedHashMap<>();
    try (Statement statement = migrator.connection().createStatement();
        ResultSet result = statement.executeQuery("SELECT " + String.join(", ", columns.stream()
            .map(c -> dialect.quote(c.getKey())).toList()) + " FROM " + dialect.quote(table))) {
      assertThat(result.next()).isTrue();
      for (int i = 0; i < columns.size(); i++) {
        row.put(columns.get(i).getKey(), read(result, i + 1, columns.get(i).getValue(), dialect));
      }
    }
    return row;
  }

  /** SQLite's timestamps with time zone, which its driver reads only as text: ISO, or with a space. */
  private static final DateTimeFormatter SQLITE_MOMENT = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd().append(DateTimeFormatter.ISO_LOCAL_TIME)
      .appendOffset("+HH:mm", "Z").toFormatter();

  /**
   * One column as {@code getObject(column, type)} reads it, text and bytes as {@code getString}
   * and {@code getBytes} read them (PostgreSQL's driver has no {@code getObject} for jsonb as a
   * string); where SQLite's driver has no such conversion (short, UUID, OffsetDateTime), as an
   * application would read it there.
   */
  private static Object read(ResultSet result, int column, Class<?> type, Dialect dialect) throws SQLException {
    boolean sqlite = dialect.vendor() == dev.retort.operation.Vendor.SQLITE;
    if (type == byte[].class) {
      return result.getBytes(column);
    }
    if (type == String.class) {
      return result.getString(column);
    }
    if (sqlite && type == Short.class) {
      return result.getShort(column);
    }
    if (sqlite && type == UUID.class) {
      return UUID.fromString(result.getString(column));
    }
    if (sqlite && type == OffsetDateTime.class) {
      return OffsetDateTime.parse(result.getString(column), SQLITE_MOMENT);
    }
    return result.getObject(column, type);
  }

  private static String shown(Object value) {
    return value instanceof byte[] bytes ? "0x" + HexFormat.of().formatHex(bytes)
        : value == null ? "null" : value.getClass().getSimpleName() + " " + value;
  }

  private static List<List<String>> rows(Migrator migrator, String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement statement = migrator.connection().createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int count = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
          String text = result.getString(i);
          row.add(text == null ? null : normalized(text));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** Numbers without trailing zeros and booleans as words, as each database shows them its way. */
  private static String normalized(String text) {
    if (text.matches("-?\\d+\\.\\d+")) {
      return new BigDecimal(text).stripTrailingZeros().toPlainString();
    }
    return switch (text) {
      case "t", "TRUE" -> "true";
      case "f", "FALSE" -> "false";
      default -> text;
    };
  }
}
