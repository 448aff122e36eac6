package dev.retort.processor.scan;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.scan.EntityScannerDiagnosticsTest.assertOnlyError;
import static dev.retort.processor.scan.EntityScannerDiagnosticsTest.compile;
import static dev.retort.processor.scan.EntityScannerDiagnosticsTest.source;
import static dev.retort.processor.scan.EntityScannerMappingTest.schemaOf;
import static org.assertj.core.api.Assertions.assertThat;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code @Unique}: a unique constraint over the columns it lists, named {@code uq_<table>_<columns>}
 * unless given a name, the same on one column as {@code @Column(unique = true)}; and every problem
 * of its declaration reported on it.
 */
class UniqueAnnotationTest {

  @Nested
  class Mapping {

    @Test
    void aUniqueConstraintOverSeveralColumnsGetsTheDerivedOrTheGivenName() {
      assertThat(schemaOf(source("com.example.Coupon", """
          package com.example;
          import dev.retort.*;
          @Table(name = "coupons")
          @Unique(columns = {"customer_id", "code"})
          @Unique(name = "coupon_issue", columns = {"issued_on", "code"})
          public record Coupon(@Id long id, long customerId, @Column(length = 20) String code, java.time.LocalDate issuedOn) {}
          """))).isEqualTo("""
          table coupons
            column id bigint not null
            column customer_id bigint not null
            column code varchar(20) null
            column issued_on date null
            primary key pk_coupons (id)
            unique coupon_issue (issued_on, code)
            unique uq_coupons_customer_id_code (customer_id, code)
          """);
    }

    @Test
    void aUniqueConstraintOnOneColumnIsTheSameAsAUniqueColumn() {
      String annotated = schemaOf(source("com.example.User", """
          package com.example;
          import dev.retort.*;
          @Table(name = "users")
          @Unique(columns = "email")
          public record User(@Id long id, String email) {}
          """));
      String unique = schemaOf(source("com.example.User", """
          package com.example;
          import dev.retort.*;
          @Table(name = "users")
          public record User(@Id long id, @Column(unique = true) String email) {}
          """));
      assertThat(annotated).isEqualTo(unique).contains("unique uq_users_email (email)");
    }

    @Test
    void aUniqueConstraintOnOneColumnMakesItReferenceable() {
      assertThat(schemaOf(
          source("com.example.Country", """
              package com.example;
              import dev.retort.*;
              @Table
              @Unique(columns = "iso_code")
              public record Country(@Id int id, @Column(length = 2) String isoCode) {}
              """),
          source("com.example.City", """
              package com.example;
              import dev.retort.*;
              @Table
              public record City(@Id int id, @References(value = Country.class, column = "iso_code") @Column(length = 2) String country) {}
              """))).contains("foreign key fk_city_country (country) references country (iso_code)");
    }
  }

  @Nested
  class Diagnostics {

    @Test
    void anUnknownColumnNamesTheTablesColumns() {
      JavaFileObject coupon = coupon("@Unique(columns = {\"customer_id\", \"coupon_code\"})");
      assertOnlyError(
          compile(coupon), coupon,
          "@Unique(columns = {\"customer_id\", \"coupon_code\"}) on Coupon names column coupon_code, which table"
              + " coupons does not have; @Unique takes column names, not member names: the columns are [id,"
              + " customer_id, code] [retort:index-unknown-column]",
          "@Unique");
    }

    @Test
    void aMemberNameInsteadOfItsColumnSaysWhichColumnItMapsTo() {
      JavaFileObject coupon = coupon("@Unique(columns = {\"customerId\", \"code\"})");
      assertOnlyError(
          compile(coupon), coupon,
          "names column customerId, which table coupons does not have (member customerId maps to column"
              + " customer_id); @Unique takes column names",
          "@Unique");
    }

    @Test
    void noColumns() {
      JavaFileObject coupon = coupon("@Unique(columns = {})");
      assertOnlyError(
          compile(coupon), coupon,
          "@Unique(columns = {}) on Coupon lists no columns; list each indexed column once [retort:index-columns]",
          "@Unique");
    }

    @Test
    void aColumnListedTwice() {
      JavaFileObject coupon = coupon("@Unique(columns = {\"code\", \"customer_id\", \"code\"})");
      assertOnlyError(
          compile(coupon), coupon,
          "@Unique(columns = {\"code\", \"customer_id\", \"code\"}) on Coupon lists column code twice; list each"
              + " indexed column once [retort:index-columns]",
          "@Unique");
    }

    @Test
    void theColumnsOfThePrimaryKeyInAnyOrder() {
      JavaFileObject coupon = source("com.example.Coupon", """
          package com.example;
          import dev.retort.*;
          @Table(name = "coupons")
          @Unique(columns = {"code", "customer_id"})
          public record Coupon(@Id long customerId, @Id String code) {}
          """);
      assertOnlyError(
          compile(coupon), coupon,
          "@Unique(columns = {\"code\", \"customer_id\"}) on Coupon repeats the primary key pk_coupons: it is over"
              + " the same columns [code, customer_id], which are unique already; remove the @Unique"
              + " [retort:duplicate-unique]",
          "@Unique");
    }

    @Test
    void theColumnsOfAnotherUniqueConstraintInAnyOrder() {
      JavaFileObject coupon = coupon(
          "@Unique(columns = {\"customer_id\", \"code\"})\n@Unique(name = \"coupon_code\", columns = {\"code\", \"customer_id\"})");
      assertOnlyError(
          compile(coupon), coupon,
          "@Unique(name = \"coupon_code\") on Coupon repeats the unique constraint uq_coupons_customer_id_code of"
              + " @Unique(columns = {\"customer_id\", \"code\"}): it is over the same columns [code, customer_id],"
              + " which are unique already; keep one of them [retort:duplicate-unique]",
          // Javac 17 cannot point at an annotation inside a repeatable container; the message names it.
          "public record Coupon");
    }

    @Test
    void theSameColumnAsAUniqueColumn() {
      JavaFileObject user = source("com.example.User", """
          package com.example;
          import dev.retort.*;
          @Table(name = "users")
          @Unique(columns = "email")
          public record User(@Id long id, @Column(unique = true) String email) {}
          """);
      assertOnlyError(
          compile(user), user,
          "@Unique(columns = {\"email\"}) on User repeats the unique constraint uq_users_email of"
              + " @Column(unique = true) on User.email: it is over the same columns [email], which are unique"
              + " already; keep one of them [retort:duplicate-unique]",
          "@Unique");
    }

    @Test
    void aNameTakenByAnIndex() {
      JavaFileObject coupon = coupon(
          "@Unique(name = \"ix_coupons_code\", columns = {\"customer_id\", \"code\"})\n@Index(columns = \"code\")");
      assertOnlyError(
          compile(coupon), coupon,
          "the name ix_coupons_code of an index on table coupons is already taken by a unique constraint on table"
              + " coupons; index and constraint names are unique across the schema: choose another name"
              + " [retort:duplicate-constraint-name]",
          "@Index");
    }

    @Test
    void aDerivedNameTakenByAUniqueConstraintOfAnotherTable() {
      JavaFileObject coupon = coupon("@Unique(columns = {\"customer_id\", \"code\"})");
      JavaFileObject voucher = source("com.example.Voucher", """
          package com.example;
          import dev.retort.*;
          @Table(name = "vouchers")
          @Unique(name = "uq_coupons_customer_id_code", columns = "code")
          public record Voucher(@Id long id, String code) {}
          """);
      assertOnlyError(
          compile(coupon, voucher), voucher,
          "the name uq_coupons_customer_id_code of a unique constraint on table vouchers is already taken by a"
              + " unique constraint on table coupons",
          "@Unique");
    }

    @Test
    void aKeyLongerThanMariaDbKeysHold() {
      JavaFileObject place = source("com.example.Place", """
          package com.example;
          import dev.retort.*;
          @Table(name = "place")
          @Unique(columns = {"city", "street"})
          public record Place(@Id long id, @Column(length = 500) String city, @Column(length = 269) String street) {}
          """);
      assertOnlyError(
          compile(place), place,
          "unique constraint uq_place_city_street of table place over (city varchar(500), street varchar(269))"
              + " takes 3076 bytes in a MariaDB or MySQL key (4 per character of char and varchar with utf8mb4),"
              + " over the 3072 they hold: MariaDB refuses a primary key or an index on several columns that long,"
              + " indexes only a prefix of a single column and enforces a unique key with a hash instead; shorten"
              + " the columns with @Column(length), key fewer columns, or remove the @Unique [retort:key-too-long]",
          "@Unique");
    }

    @Test
    void aDerivedNameLongerThanPostgreSqlKeepsSaysToNameIt() {
      JavaFileObject event = source("com.example.Event", """
          package com.example;
          import dev.retort.*;
          @Table(name = "calendar_events")
          @Unique(columns = {"organizer_account_id", "starts_at_local_time_zone"})
          public record Event(@Id long id, long organizerAccountId, @Column(length = 40) String startsAtLocalTimeZone) {}
          """);
      assertOnlyError(
          compile(event), event,
          "unique constraint name uq_calendar_events_organizer_account_id_starts_at_local_time_zone is 65 bytes"
              + " long; PostgreSQL truncates identifiers to 63 bytes, after which the database would not match the"
              + " model: name the constraint with a shorter @Unique(name = \"...\") [retort:identifier-too-long]",
          "@Unique");
    }

    @Test
    void aUniqueColumnWhoseDerivedNameIsTooLongSaysToNameItWithUnique() {
      JavaFileObject event = source("com.example.Event", """
          package com.example;
          import dev.retort.*;
          @Table(name = "calendar_events_of_all_the_organizers")
          public record Event(@Id long id, @Column(length = 40, unique = true) String startsAtLocalTimeZone) {}
          """);
      assertOnlyError(
          compile(event), event,
          "name the constraint with @Unique(name = \"...\", columns = \"starts_at_local_time_zone\") on the entity,"
              + " instead of unique = true [retort:identifier-too-long]",
          "unique = true");
    }

    @Test
    void aBlankName() {
      JavaFileObject coupon = coupon("@Unique(name = \" \", columns = \"code\")");
      assertOnlyError(
          compile(coupon), coupon,
          "@Unique(name = \" \") on Coupon is not a usable name: it is blank; write the name [retort:invalid-name]",
          "@Unique");
    }

    private JavaFileObject coupon(String annotations) {
      return source("com.example.Coupon", """
          package com.example;
          import dev.retort.*;
          @Table(name = "coupons")
          %s
          public record Coupon(@Id long id, long customerId, @Column(length = 20) String code) {}
          """.formatted(annotations));
    }
  }
}
