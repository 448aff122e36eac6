package dev.retort.processor.scan;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.retort.model.RenameHints;
import dev.retort.snapshot.SnapshotCodec;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Golden tests of the entity → schema mapping. Each compiles entities with the scanner and
 * compares the schema it produced, written as a snapshot (which keeps column order), with the
 * expected text.
 */
class EntityScannerMappingTest {

  @Test
  void recordComponentsBecomeColumnsInOrder() {
    assertThat(schemaOf(source("com.example.User", """
        package com.example;
        import dev.retort.*;
        @Table(name = "users")
        public record User(@Id long id, String email, int loginCount) {}
        """))).isEqualTo("""
        table users
          column id bigint not null
          column email varchar(255) null
          column login_count integer not null
          primary key pk_users (id)
        """);
  }

  @Test
  void everyMappedJavaTypeHasItsColumnTypeAndNullability() {
    assertThat(schemaOf(source("com.example.AllTypes", """
        package com.example;
        import dev.retort.*;
        import java.math.BigDecimal;
        import java.time.*;
        import java.util.*;
        @Table
        public class AllTypes {
          @Id long id;
          String text;
          char letter;
          Character boxedLetter;
          boolean flag;
          Boolean boxedFlag;
          byte tiny;
          Byte boxedTiny;
          short small;
          Short boxedSmall;
          int number;
          Integer boxedNumber;
          long big;
          Long boxedBig;
          float single;
          Float boxedSingle;
          double precise;
          Double boxedPrecise;
          BigDecimal amount;
          UUID uuid;
          LocalDate day;
          LocalTime clock;
          LocalDateTime localStamp;
          Instant instant;
          OffsetDateTime offsetStamp;
          byte[] payload;
          OptionalInt maybeNumber;
          OptionalLong maybeBig;
          OptionalDouble maybePrecise;
          Optional<String> maybeText;
          Optional<Integer> maybeBoxedNumber;
          Status status;
          Optional<Status> maybeStatus;
          enum Status { DRAFT, PUBLISHED, ARCHIVED }
        }
        """))).isEqualTo("""
        table all_types
          column id bigint not null
          column text varchar(255) null
          column letter char(1) not null
          column boxed_letter char(1) null
          column flag boolean not null
          column boxed_flag boolean null
          column tiny smallint not null
          column boxed_tiny smallint null
          column small smallint not null
          column boxed_small smallint null
          column number integer not null
          column boxed_number integer null
          column big bigint not null
          column boxed_big bigint null
          column single real not null
          column boxed_single real null
          column precise double not null
          column boxed_precise double null
          column amount decimal(19,2) null
          column uuid uuid null
          column day date null
          column clock time null
          column local_stamp timestamp null
          column instant timestamp with time zone null
          column offset_stamp timestamp with time zone null
          column payload blob null
          column maybe_number integer null
          column maybe_big bigint null
          column maybe_precise double null
          column maybe_text varchar(255) null
          column maybe_boxed_number integer null
          column status enum status('DRAFT', 'PUBLISHED', 'ARCHIVED') null
          column maybe_status enum status('DRAFT', 'PUBLISHED', 'ARCHIVED') null
          primary key pk_all_types (id)
        """);
  }

  @Test
  void columnSizesAndExplicitTypesOverrideTheDerivedType() {
    assertThat(schemaOf(source("com.example.Sized", """
        package com.example;
        import dev.retort.*;
        import java.math.BigDecimal;
        import java.util.*;
        @Table
        public record Sized(
            @Id @Column(length = 36) String code,
            @Column(length = 40) Optional<String> nickname,
            @Column(precision = 12, scale = 4) BigDecimal rate,
            @Column(precision = 10) BigDecimal price,
            @Column(scale = 0) BigDecimal whole,
            @Column(length = 16) byte[] hash,
            @Column(type = "text") String body,
            @Column(type = "json") Map<String, Object> attributes,
            @Column(type = "DECIMAL(8, 3)") BigDecimal weight) {}
        """))).isEqualTo("""
        table sized
          column code varchar(36) not null
          column nickname varchar(40) null
          column rate decimal(12,4) null
          column price decimal(10,2) null
          column whole decimal(19,0) null
          column hash varbinary(16) null
          column body text null
          column attributes json null
          column weight decimal(8,3) null
          primary key pk_sized (code)
        """);
  }

  @Test
  void aPrecisionOnATimeOrTimestampIsItsDigitsOfTheSecond() {
    assertThat(schemaOf(source("com.example.Event", """
        package com.example;
        import dev.retort.*;
        import java.time.*;
        import java.util.Optional;
        @Table
        public record Event(
            @Id long id,
            @Column(precision = 0) LocalDateTime happenedAt,
            @Column(precision = 3) Optional<Instant> seenAt,
            @Column(precision = 0) OffsetDateTime sentAt,
            @Column(precision = 2) LocalTime opensAt,
            @Column(precision = 6) LocalDateTime exact,
            LocalDateTime micro,
            @Column(type = "timestamp(3) with time zone") Instant written) {}
        """))).isEqualTo("""
        table event
          column id bigint not null
          column happened_at timestamp(0) null
          column seen_at timestamp(3) with time zone null
          column sent_at timestamp(0) with time zone null
          column opens_at time(2) null
          column exact timestamp null
          column micro timestamp null
          column written timestamp(3) with time zone null
          primary key pk_event (id)
        """);
  }

  @Test
  void namesDeriveAsSnakeCaseUnlessGiven() {
    assertThat(schemaOf(source("com.example.URLPathEntry", """
        package com.example;
        import dev.retort.*;
        @Table
        public class URLPathEntry {
          @Id long id;
          String createdAt;
          String line2;
          String address2Line;
          String userID;
          String URLPath;
          String already_snake;
          @Column(name = "CustomName") String renamedByAnnotation;
        }
        """))).isEqualTo("""
        table url_path_entry
          column id bigint not null
          column created_at varchar(255) null
          column line2 varchar(255) null
          column address2_line varchar(255) null
          column user_id varchar(255) null
          column url_path varchar(255) null
          column already_snake varchar(255) null
          column CustomName varchar(255) null
          primary key pk_url_path_entry (id)
        """);
  }

  @Test
  void reservedWordsAreLegalNames() {
    Compilation compilation = compile(source("com.example.Order", """
        package com.example;
        import dev.retort.*;
        @Table(name = "order")
        public record Order(@Id long id, String user, String select, @Column(name = "from") int origin) {}
        """));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void classColumnsIncludeInheritedFieldsBaseFirstAndSkipStaticAndTransientOnes() {
    assertThat(schemaOf(
        source("com.example.BaseEntity", """
            package com.example;
            import dev.retort.*;
            import java.time.Instant;
            public abstract class BaseEntity<K> {
              static final String CONSTANT = "not a column";
              @Id protected K id;
              protected Instant createdAt;
            }
            """),
        source("com.example.Audited", """
            package com.example;
            public abstract class Audited<K> extends BaseEntity<K> {
              protected String createdBy;
            }
            """),
        source("com.example.Invoice", """
            package com.example;
            import dev.retort.*;
            @Table
            public class Invoice extends Audited<Long> {
              private static int counter;
              private transient String cache;
              @Transient private String display;
              private int number;
            }
            """))).isEqualTo("""
        table invoice
          column id bigint not null
          column created_at timestamp with time zone null
          column created_by varchar(255) null
          column number integer not null
          primary key pk_invoice (id)
        """);
  }

  @Test
  void transientRecordComponentsAreLeftOut() {
    assertThat(schemaOf(source("com.example.Note", """
        package com.example;
        import dev.retort.*;
        @Table
        public record Note(@Id long id, String text, @Transient String preview) {
          static final int LIMIT = 10;
        }
        """))).isEqualTo("""
        table note
          column id bigint not null
          column text varchar(255) null
          primary key pk_note (id)
        """);
  }

  @Test
  void notNullOrNonNullFromAnyPackageMakesAColumnNotNullAndExplicitNullabilityWins() {
    assertThat(schemaOf(
        source("org.acme.validation.NotNull", """
            package org.acme.validation;
            import java.lang.annotation.*;
            @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT}) public @interface NotNull {}
            """),
        source("org.acme.types.NonNull", """
            package org.acme.types;
            import java.lang.annotation.*;
            @Target(ElementType.TYPE_USE) public @interface NonNull {}
            """),
        source("org.acme.beans.NotNull", """
            package org.acme.beans;
            import java.lang.annotation.*;
            @Target(ElementType.METHOD) public @interface NotNull {}
            """),
        source("com.example.Person", """
            package com.example;
            import dev.retort.*;
            import java.util.Optional;
            import org.acme.types.NonNull;
            import org.acme.validation.NotNull;
            @Table
            public record Person(
                @Id long id,
                @NotNull String name,
                @NonNull String email,
                @org.acme.beans.NotNull String phone,
                @NotNull @Column(nullable = Column.Nullability.NULLABLE) String nickname,
                @Column(nullable = Column.Nullability.NOT_NULL) Integer age,
                @Column(nullable = Column.Nullability.NULLABLE) int rank,
                @NotNull Optional<String> middleName,
                String notes) {}
            """),
        source("com.example.Pet", """
            package com.example;
            import dev.retort.*;
            import org.acme.types.NonNull;
            import org.acme.validation.NotNull;
            @Table
            public class Pet {
              @Id long id;
              @NotNull String name;
              @NonNull String species;
              String owner;
            }
            """))).isEqualTo("""
        table person
          column id bigint not null
          column name varchar(255) not null
          column email varchar(255) not null
          column phone varchar(255) not null
          column nickname varchar(255) null
          column age integer not null
          column rank integer null
          column middle_name varchar(255) null
          column notes varchar(255) null
          primary key pk_person (id)
        table pet
          column id bigint not null
          column name varchar(255) not null
          column species varchar(255) not null
          column owner varchar(255) null
          primary key pk_pet (id)
        """);
  }

  @Test
  void columnAndTableAttributesMapToTheirModelParts() {
    assertThat(schemaOf(source("com.example.Article", """
        package com.example;
        import dev.retort.*;
        import java.time.Instant;
        @Table(name = "articles", schema = "blog", comment = "one per post")
        public record Article(
            @Id(generated = true) long id,
            @Column(unique = true, length = 120, comment = "the URL slug") String slug,
            @Column(defaultValue = "draft", nullable = Column.Nullability.NOT_NULL) String state,
            @Column(defaultExpression = "CURRENT_TIMESTAMP") Instant createdAt,
            @Column(defaultValue = "0") int views) {}
        """))).isEqualTo("""
        table articles schema blog comment 'one per post'
          column id bigint not null identity
          column slug varchar(120) null comment 'the URL slug'
          column state varchar(255) not null default 'draft'
          column created_at timestamp with time zone null default expression 'CURRENT_TIMESTAMP'
          column views integer not null default '0'
          primary key pk_articles (id)
          unique uq_articles_slug (slug)
        """);
  }

  @Test
  void zeroIsADefaultOfADecimalWithOnlyFractionDigits() {
    assertThat(schemaOf(source("com.example.Rate", """
        package com.example;
        import dev.retort.*;
        import java.math.BigDecimal;
        @Table
        public record Rate(
            @Id long id,
            @Column(precision = 2, scale = 2, defaultValue = "0") BigDecimal share,
            @Column(precision = 1, scale = 1, defaultValue = "-0.0") BigDecimal tilt,
            @Column(precision = 3, scale = 3, defaultValue = "0.125") BigDecimal part) {}
        """))).isEqualTo("""
        table rate
          column id bigint not null
          column share decimal(2,2) null default '0'
          column tilt decimal(1,1) null default '-0.0'
          column part decimal(3,3) null default '0.125'
          primary key pk_rate (id)
        """);
  }

  @Test
  void dateAndTimeDefaultsInTheFormsTheDatabasesRead() {
    assertThat(schemaOf(source("com.example.Shift", """
        package com.example;
        import dev.retort.*;
        import java.time.*;
        @Table
        public record Shift(
            @Id long id,
            @Column(defaultValue = "2024-02-29") LocalDate day,
            @Column(defaultValue = "12:30") LocalTime starts,
            @Column(defaultValue = "23:59:59.999999") LocalTime ends,
            @Column(defaultValue = "2024-01-31") LocalDateTime midnight,
            @Column(defaultValue = "2024-01-31T12:00:00") LocalDateTime noon,
            @Column(defaultValue = "2024-01-31 12:00:00") Instant local,
            @Column(defaultValue = "2024-01-31 12:00:00+01") Instant shortOffset,
            @Column(defaultValue = "2024-01-31T12:00:00.5-05:30") OffsetDateTime offset,
            @Column(defaultValue = "2024-01-31 12:00Z") OffsetDateTime utc) {}
        """))).contains(
        "column day date null default '2024-02-29'",
        "column ends time null default '23:59:59.999999'",
        "column utc timestamp with time zone null default '2024-01-31 12:00Z'");
  }

  @Test
  void indexesChecksAndCompositeKeysGetDerivedOrGivenNames() {
    assertThat(schemaOf(source("com.example.Booking", """
        package com.example;
        import dev.retort.*;
        import java.time.LocalDate;
        @Table
        @Index(columns = {"room", "night"}, unique = true)
        @Index(columns = "guest_name")
        @Index(name = "booking_by_night", columns = "night")
        @Check(name = "ck_booking_guests", expression = "guests > 0")
        @Check(name = "ck_booking_room", expression = "room <> ''")
        public record Booking(
            @Id String room,
            @Id LocalDate night,
            String guestName,
            int guests) {}
        """))).isEqualTo("""
        table booking
          column room varchar(255) not null
          column night date not null
          column guest_name varchar(255) null
          column guests integer not null
          primary key pk_booking (room, night)
          index booking_by_night (night)
          index ix_booking_guest_name (guest_name)
          index ux_booking_room_night (room, night) unique
          check ck_booking_guests 'guests > 0'
          check ck_booking_room 'room <> '''''
        """);
  }

  @Test
  void aPrimaryKeyNameGivenOnTheTableReplacesTheDerivedOne() {
    assertThat(schemaOf(source("com.example.Customer", """
        package com.example;
        import dev.retort.*;
        @Table(name = "customers", primaryKey = "customers_pkey")
        public record Customer(@Id long id) {}
        """))).isEqualTo("""
        table customers
          column id bigint not null
          primary key customers_pkey (id)
        """);
  }

  @Test
  void referencesBecomeForeignKeysToThePrimaryKeyOrTheNamedKeyColumn() {
    assertThat(schemaOf(
        source("com.example.Author", """
            package com.example;
            import dev.retort.*;
            @Table(name = "authors")
            public record Author(@Id(generated = true) long id, @Column(unique = true, length = 20) String handle) {}
            """),
        source("com.example.Book", """
            package com.example;
            import dev.retort.*;
            @Table(name = "books")
            public record Book(
                @Id long id,
                @References(value = Author.class, onDelete = ReferentialAction.CASCADE) long authorId,
                @References(value = Author.class, column = "handle", name = "fk_books_editor",
                    onDelete = ReferentialAction.SET_NULL, onUpdate = ReferentialAction.RESTRICT)
                @Column(length = 20) String editorHandle,
                @References(Book.class) Long sequelOf) {}
            """))).isEqualTo("""
        table authors
          column id bigint not null identity
          column handle varchar(20) null
          primary key pk_authors (id)
          unique uq_authors_handle (handle)
        table books
          column id bigint not null
          column author_id bigint not null
          column editor_handle varchar(20) null
          column sequel_of bigint null
          primary key pk_books (id)
          foreign key fk_books_author_id (author_id) references authors (id) on delete cascade on update no action
          foreign key fk_books_editor (editor_handle) references authors (handle) on delete set null on update restrict
          foreign key fk_books_sequel_of (sequel_of) references books (id) on delete no action on update no action
        """);
  }

  @Test
  void aUniqueIndexMakesAColumnReferenceable() {
    assertThat(schemaOf(
        source("com.example.Country", """
            package com.example;
            import dev.retort.*;
            @Table
            @Index(columns = "iso_code", unique = true)
            public record Country(@Id int id, @Column(length = 2) String isoCode) {}
            """),
        source("com.example.City", """
            package com.example;
            import dev.retort.*;
            @Table
            public record City(@Id int id, @References(value = Country.class, column = "iso_code") @Column(length = 2) String country) {}
            """))).contains("foreign key fk_city_country (country) references country (iso_code)");
  }

  @Test
  void scanResultNamesTheElementsBehindTablesAndColumnsAndCarriesTheRenames() {
    ScanningProcessor processor = new ScanningProcessor();
    Compilation compilation = javac().withProcessors(processor).compile(source("com.example.Customer", """
        package com.example;
        import dev.retort.*;
        @Table(name = "customers")
        @RenamedFrom("clients")
        public record Customer(@Id long id, @RenamedFrom("mail") String email) {}
        """));
    assertThat(compilation).succeededWithoutWarnings();
    ScanResult result = processor.result();
    assertThat(result.hints()).isEqualTo(new RenameHints(Map.of("customers", "clients"), Map.of("customers", Map.of("email", "mail"))));
    assertThat(result.tableElements()).containsOnlyKeys("customers");
    assertThat(result.tableElements().get("customers").getQualifiedName()).hasToString("com.example.Customer");
    assertThat(result.columnElements().get("customers")).containsOnlyKeys("id", "email");
    assertThat(result.columnElements().get("customers").get("email").getSimpleName()).hasToString("email");
  }

  @Test
  void tablesAreSortedByName() {
    assertThat(schemaOf(
        source("com.example.Zebra", "package com.example; @dev.retort.Table public record Zebra(int stripes) {}"),
        source("com.example.Aardvark", "package com.example; @dev.retort.Table public record Aardvark(int ants) {}")))
        .isEqualTo("""
            table aardvark
              column ants integer not null
            table zebra
              column stripes integer not null
            """);
  }

  private static JavaFileObject source(String name, String code) {
    return JavaFileObjects.forSourceString(name, code);
  }

  private static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new ScanningProcessor()).compile(sources);
  }

  /** Compiles the sources, requires a clean compilation, and returns the schema's snapshot without its header. */
  static String schemaOf(JavaFileObject... sources) {
    ScanningProcessor processor = new ScanningProcessor();
    Compilation compilation = javac().withProcessors(processor).compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    String text = SnapshotCodec.write(processor.result().schema());
    return text.substring(text.indexOf('\n', text.indexOf("retort-snapshot")) + 1);
  }
}
