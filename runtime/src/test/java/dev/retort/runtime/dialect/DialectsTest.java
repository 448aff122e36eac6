package dev.retort.runtime.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.operation.Vendor;
import dev.retort.runtime.testdb.TestDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class DialectsTest {

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void findsTheDialectOfEachVendor(Vendor vendor) {
    assertThat(Dialects.forVendor(vendor).vendor()).isEqualTo(vendor);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "MariaDB    | 10.11.19-MariaDB-0+deb12u1 | MARIADB    | MariaDB 10.11",
      "MySQL      | 5.5.5-10.4.32-MariaDB      | MARIADB    | MariaDB 10.4",
      "MySQL      | 8.0.36                     | MYSQL      | MySQL 8.0.36",
      "MySQL      | 9.1.0                      | MYSQL      | MySQL 9.1.0",
      "PostgreSQL | 15.20 (Debian 15.20-0+deb12u1) | POSTGRESQL | PostgreSQL",
      "H2         | 2.3.232 (2024-08-11)       | H2         | H2",
      "SQLite     | 3.50.3                     | SQLITE     | SQLite"})
  void tellsTheDatabaseFromItsProductNameAndVersion(String product, String version, Vendor vendor, String label) {
    Dialect dialect = Dialects.forProduct(product, version);
    assertThat(dialect.vendor()).isEqualTo(vendor);
    assertThat(dialect).hasToString(label);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "MySQL      | 5.7.44",
      "MySQL      | 8.0.18",
      "MariaDB    | 10.2.44-MariaDB",
      "PostgreSQL | 11.22",
      "H2         | 1.4.200 (2019-10-14)",
      "SQLite     | 3.34.1"})
  void refusesVersionsTooOldForItsSql(String product, String version) {
    assertThatThrownBy(() -> Dialects.forProduct(product, version))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(product + " " + version + " is too old: Retort supports H2 2.x, SQLite 3.35+, PostgreSQL 12+,"
            + " MySQL 8.0.19+ and MariaDB 10.3+");
  }

  @Test
  void refusesAnUnsupportedDatabase() {
    assertThatThrownBy(() -> Dialects.forProduct("Oracle", "Oracle Database 19c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("database Oracle Oracle Database 19c is not supported: Retort supports H2 2.x, SQLite 3.35+,"
            + " PostgreSQL 12+, MySQL 8.0.19+ and MariaDB 10.3+");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void detectsTheDatabaseOfAConnection(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Connection connection = database.connect()) {
      assertThat(Dialects.detect(connection).vendor()).isEqualTo(kind.vendor());
    }
  }
}
