package dev.retort.runtime.testdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestDatabaseTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void createsAnEmptyDatabaseThatAcceptsDdlAndDropsItOnClose(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind);
        Connection connection = db.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE probe (id INTEGER PRIMARY KEY)");
      statement.execute("INSERT INTO probe (id) VALUES (1)");
      try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM probe")) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(1);
      }
    }
  }
}
