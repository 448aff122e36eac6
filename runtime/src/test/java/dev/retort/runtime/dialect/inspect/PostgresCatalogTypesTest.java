package dev.retort.runtime.dialect.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.operation.Vendor;
import dev.retort.runtime.dialect.Dialects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The type spellings that {@code check} takes for one type on PostgreSQL, as {@code format_type}
 * and the dialect spell them; DriftDetectionTest holds the timestamps to a real server.
 */
class PostgresCatalogTypesTest {

  private final PostgresCatalog catalog = new PostgresCatalog(null, Dialects.forVendor(Vendor.POSTGRESQL));

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      timestamp(6) without time zone | TIMESTAMP
      timestamp(6) with time zone    | TIMESTAMP WITH TIME ZONE
      time(6) without time zone      | TIME
      time(6) with time zone         | TIME WITH TIME ZONE
      """)
  void precision6IsThePrecisionOfATypeDeclaredWithout(String live, String declared) {
    assertThat(catalog.comparableType(live)).isEqualTo(catalog.comparableType(declared));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      timestamp(3) without time zone | TIMESTAMP
      timestamp(0) with time zone    | TIMESTAMP WITH TIME ZONE
      time(3) without time zone      | TIME
      """)
  void anotherPrecisionIsAnotherType(String live, String declared) {
    assertThat(catalog.comparableType(live)).isNotEqualTo(catalog.comparableType(declared));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      timestamp(3) without time zone | timestamp(3)
      timestamp(0) with time zone    | timestamp(0) with time zone
      timestamp(0) with time zone    | timestamptz(0)
      time(2) without time zone      | time(2)
      """)
  void aPrecisionBelow6IsTheTypeRetortDeclaresWithIt(String live, String declared) {
    assertThat(catalog.comparableType(live)).isEqualTo(catalog.comparableType(declared));
  }
}
