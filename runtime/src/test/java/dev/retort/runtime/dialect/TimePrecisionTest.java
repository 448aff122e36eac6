package dev.retort.runtime.dialect;

import static dev.retort.dsl.ColumnOption.defaultExpression;
import static dev.retort.dsl.ColumnOption.defaultValue;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.time;
import static dev.retort.model.ColumnType.timestamp;
import static dev.retort.model.ColumnType.timestampTz;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.dsl.Schema;
import dev.retort.model.SchemaModel;
import dev.retort.runtime.dialect.inspect.Difference;
import dev.retort.runtime.dialect.inspect.SchemaInspector;
import dev.retort.runtime.testdb.TestDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Times and timestamps with fewer than six digits of the second, on real databases: each dialect
 * creates, adds and changes them, the inspector reads the precision back and finds the model's,
 * and names a precision that differs.
 */
class TimePrecisionTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void createsAddsAndChangesPrecisionsThatCheckFindsAsTheModelHasThem(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      migrator.apply(new Schema().createTable("event", t -> t
          .column("id", bigint(), notNull())
          .column("at_time", time(0))
          .column("at_second", timestamp(0), notNull(), defaultExpression("CURRENT_TIMESTAMP"))
          .column("at_milli", timestamp(3), defaultValue("2024-01-31 12:30:00.125"))
          .column("at_micro", timestamp())
          .column("instant_second", timestampTz(0))
          .column("instant_milli", timestampTz(3))
          .column("time_micro", time())
          .primaryKey("pk_event", "id")));
      assertThat(migrator.differences()).as("after create").isEmpty();

      migrator.apply(new Schema().alterTable("event", t -> t.addColumn("at_centi", timestamp(2))));
      assertThat(migrator.differences()).as("after add").isEmpty();

      migrator.apply(new Schema().alterTable("event", t -> t
          .alterColumn("at_second", c -> c.type(timestamp(0), timestamp(3)))
          .alterColumn("at_time", c -> c.type(time(0), time(4)))
          .alterColumn("instant_second", c -> c.type(timestampTz(0), timestampTz()))));
      assertThat(migrator.differences()).as("after more digits").isEmpty();

      migrator.apply(new Schema().alterTable("event", t -> t
          .alterColumn("at_second", c -> c.type(timestamp(3), timestamp(0)))
          .alterColumn("at_micro", c -> c.type(timestamp(), timestamp(1)))
          .alterColumn("time_micro", c -> c.type(time(), time(0)))
          .alterColumn("instant_milli", c -> c.type(timestampTz(3), timestampTz(0)))));
      assertThat(migrator.differences()).as("after fewer digits").isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void namesAPrecisionThatDiffersFromTheModels(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      migrator.apply(new Schema().createTable("event", t -> t
          .column("id", bigint(), notNull())
          .column("at", timestamp(0))
          .column("instant", timestampTz(3))
          .column("clock", time())
          .primaryKey("pk_event", "id")));
      SchemaModel expected = migrator.model().applyAll(new Schema().alterTable("event", t -> t
          .alterColumn("at", c -> c.type(timestamp(0), timestamp()))
          .alterColumn("instant", c -> c.type(timestampTz(3), timestampTz(2)))
          .alterColumn("clock", c -> c.type(time(), time(0)))).operations());

      List<Difference> differences = SchemaInspector.differences(migrator.connection(), migrator.dialect(), expected,
          Migrator.VERSION_TABLE);

      assertThat(differences).extracting(Difference::toString).satisfiesExactly(
          at -> assertThat(at).startsWith("event.at is ").endsWith(" in the database, timestamp in the model"),
          instant -> assertThat(instant).startsWith("event.instant is ")
              .endsWith(" in the database, timestamp(2) with time zone in the model"),
          clock -> assertThat(clock).startsWith("event.clock is ").endsWith(" in the database, time(0) in the model"));
    }
  }

  @Test
  void aMariaDbDatetimeWithoutDigitsIsATimestampOfPrecisionZeroAndNotOfMicroseconds() throws Exception {
    try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.MARIADB);
        Migrator migrator = Migrator.open(database)) {
      migrator.execute("CREATE TABLE `event` (`id` BIGINT NOT NULL, `at` DATETIME NULL, `instant` TIMESTAMP NULL,"
          + " `clock` TIME NULL, `milli` DATETIME(3) NULL, CONSTRAINT `pk_event` PRIMARY KEY (`id`))");
      SchemaModel adopted = migrator.model().applyAll(new Schema().createTable("event", t -> t
          .column("id", bigint(), notNull())
          .column("at", timestamp(0))
          .column("instant", timestampTz(0))
          .column("clock", time(0))
          .column("milli", timestamp(3))
          .primaryKey("pk_event", "id")).operations());
      SchemaModel microseconds = migrator.model().applyAll(new Schema().createTable("event", t -> t
          .column("id", bigint(), notNull())
          .column("at", timestamp())
          .column("instant", timestampTz(0))
          .column("clock", time(0))
          .column("milli", timestamp(3))
          .primaryKey("pk_event", "id")).operations());

      assertThat(SchemaInspector.differences(migrator.connection(), migrator.dialect(), adopted,
          Migrator.VERSION_TABLE)).isEmpty();
      assertThat(SchemaInspector.differences(migrator.connection(), migrator.dialect(), microseconds,
          Migrator.VERSION_TABLE)).extracting(Difference::toString)
          .containsExactly("event.at is datetime in the database, timestamp in the model");
    }
  }

  /**
   * What each database keeps of 12:30:00.987654 in a timestamp(0) and a timestamp(3): PostgreSQL and
   * H2 round it, MariaDB cuts it, SQLite keeps all it is given.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theDatabasesKeepTheDeclaredDigitsOfTheSecond(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      migrator.apply(new Schema().createTable("event", t -> t
          .column("id", bigint(), notNull())
          .column("whole", timestamp(0))
          .column("milli", timestamp(3))
          .primaryKey("pk_event", "id")));
      LocalDateTime value = LocalDateTime.parse("2024-01-31T12:30:00.987654");
      try (var insert = migrator.connection().prepareStatement(
          "INSERT INTO " + migrator.dialect().quote("event") + " VALUES (1, ?, ?)")) {
        insert.setObject(1, value);
        insert.setObject(2, value);
        insert.executeUpdate();
      }

      List<LocalDateTime> kept = read(migrator, "SELECT " + migrator.dialect().quote("whole") + ", "
          + migrator.dialect().quote("milli") + " FROM " + migrator.dialect().quote("event"));

      assertThat(kept).containsExactlyElementsOf(switch (kind) {
        case SQLITE -> List.of(value, value);
        case MARIADB ->
            List.of(LocalDateTime.parse("2024-01-31T12:30:00"), LocalDateTime.parse("2024-01-31T12:30:00.987"));
        default -> List.of(LocalDateTime.parse("2024-01-31T12:30:01"), LocalDateTime.parse("2024-01-31T12:30:00.988"));
      });
    }
  }

  private static List<LocalDateTime> read(Migrator migrator, String query) throws SQLException {
    try (Statement statement = migrator.connection().createStatement(); ResultSet row = statement.executeQuery(query)) {
      row.next();
      return List.of(row.getObject(1, LocalDateTime.class), row.getObject(2, LocalDateTime.class));
    }
  }
}
