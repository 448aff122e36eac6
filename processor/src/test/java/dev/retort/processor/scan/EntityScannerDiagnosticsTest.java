package dev.retort.processor.scan;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.retort.Table;
import dev.retort.model.SchemaModel;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every problem the scanner reports, each pinned to the file and line javac shows it on.
 * Each test also checks that the problem is the only error, so a message never comes with
 * follow-up noise.
 */
class EntityScannerDiagnosticsTest {

  @Nested
  class Declarations {

    @Test
    void tableOnAnInterface() {
      JavaFileObject named = source("com.example.Named", """
          package com.example;
          import dev.retort.*;
          @Table
          public interface Named {}
          """);
      assertOnlyError(
          compile(named), named,
          "@Table is on interface Named, which is not a class or record; put @Table on the class or record",
          "@Table");
    }

    @Test
    void twoEntitiesWithOneTableNameAreBothNamed() {
      JavaFileObject first = source("com.example.Account", """
          package com.example;
          import dev.retort.*;
          @Table(name = "users")
          public record Account(@Id long id) {}
          """);
      JavaFileObject second = source("com.example.Member", """
          package com.example;
          import dev.retort.*;
          @Table(name = "users")
          public record Member(@Id long id) {}
          """);
      assertOnlyError(
          compile(first, second), second,
          "table users is declared by both com.example.Account and com.example.Member; give one of them another"
              + " name with @Table(name = \"...\") [retort:duplicate-table]",
          "@Table(name = \"users\")");
    }

    @Test
    void twoEntitiesWhoseDerivedTableNamesCollide() {
      JavaFileObject first = source("com.example.shop.Item", """
          package com.example.shop;
          @dev.retort.Table
          public record Item(long id) {}
          """);
      JavaFileObject second = source("com.example.stock.Item", """
          package com.example.stock;
          @dev.retort.Table
          public record Item(long id) {}
          """);
      assertOnlyError(
          compile(first, second), second,
          "table item is declared by both com.example.shop.Item and com.example.stock.Item",
          "@dev.retort.Table");
    }

    @Test
    void twoEntitiesWhoseTableNamesDifferOnlyInCase() {
      JavaFileObject first = source("com.example.Book", """
          package com.example;
          import dev.retort.*;
          @Table(name = "book")
          public record Book(@Id long id) {}
          """);
      JavaFileObject second = source("com.example.LegacyBook", """
          package com.example;
          import dev.retort.*;
          @Table(name = "Book")
          public record LegacyBook(@Id long id) {}
          """);
      assertOnlyError(
          compile(first, second), second,
          "table Book is declared by both com.example.Book (as book) and com.example.LegacyBook; SQLite, and MariaDB"
              + " and MySQL on Windows and macOS, do not tell names apart by case: give one of them another name"
              + " with @Table(name = \"...\") [retort:duplicate-table]",
          "@Table(name = \"Book\")");
    }

    @Test
    void twoMembersWhoseColumnNamesDifferOnlyInCase() {
      JavaFileObject person = source("com.example.Person", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Person(
              @Id long id,
              String name,
              @Column(name = "Name") String displayName) {}
          """);
      assertOnlyError(
          compile(person), person,
          "Person.name (as name) and Person.displayName both map to column Name of table person; SQLite, MariaDB and"
              + " MySQL do not tell column names apart by case: give one of them another name with"
              + " @Column(name = \"...\"), or exclude it with @Transient [retort:duplicate-column]",
          "@Column(name = \"Name\")");
    }

    @Test
    void twoMembersMappingToOneColumn() {
      JavaFileObject person = source("com.example.Person", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Person(
              @Id long id,
              String fullName,
              @Column(name = "full_name") String name) {}
          """);
      assertOnlyError(
          compile(person), person,
          "Person.fullName and Person.name both map to column full_name of table person; give one of them another"
              + " name with @Column(name = \"...\"), or exclude it with @Transient [retort:duplicate-column]",
          "@Column(name = \"full_name\")");
    }

    @Test
    void anInheritedMemberAndAnOwnMemberMappingToOneColumn() {
      JavaFileObject base = source("com.example.Base", """
          package com.example;
          public abstract class Base {
            protected java.time.Instant createdAt;
          }
          """);
      JavaFileObject post = source("com.example.Post", """
          package com.example;
          @dev.retort.Table
          public class Post extends Base {
            private String created_at;
          }
          """);
      assertOnlyError(
          compile(base, post), post,
          "Base.createdAt and Post.created_at both map to column created_at of table post",
          "private String created_at;");
    }

    @Test
    void anEntityWithoutColumns() {
      JavaFileObject empty = source("com.example.Empty", """
          package com.example;
          import dev.retort.*;
          @Table
          public class Empty {
            static int instances;
            transient String cache;
            @Transient String view;
          }
          """);
      assertOnlyError(
          compile(empty), empty,
          "Empty maps to table empty, which would have no columns: every field is static, transient or @Transient;"
              + " add a field, or remove @Table [retort:no-columns]",
          "public class Empty");
    }

    @Test
    void aNameWithWhiteSpaceAroundIt() {
      JavaFileObject user = source("com.example.User", """
          package com.example;
          import dev.retort.*;
          @Table
          public record User(@Id long id, @Column(name = " email") String email) {}
          """);
      assertOnlyError(
          compile(user), user,
          "@Column(name = \" email\") on User.email is not a usable name: it has white space at the start or end;"
              + " remove it [retort:invalid-name]",
          "@Column(name = \" email\")");
    }

    @Test
    void aNameWithTheNullCharacter() {
      JavaFileObject user = source("com.example.User", """
          package com.example;
          import dev.retort.*;
          @Table
          public record User(@Id long id, @Column(name = "e\\0mail") String email) {}
          """);
      assertOnlyError(
          compile(user), user,
          "@Column(name = \"e\0mail\") on User.email is not a usable name: it holds the character U+0000, which no"
              + " database takes in a name; remove it [retort:invalid-name]",
          "@Column(name =");
    }

    @Test
    void aNameWithACharacterOutsideTheBasicMultilingualPlane() {
      JavaFileObject user = source("com.example.User", """
          package com.example;
          import dev.retort.*;
          @Table(name = "users\uD83D\uDE00")
          public record User(@Id long id) {}
          """);
      assertOnlyError(
          compile(user), user,
          "@Table(name = \"users\uD83D\uDE00\") on User is not a usable name: it holds \uD83D\uDE00 (U+1F600), a"
              + " character outside Unicode's Basic Multilingual Plane, which MariaDB and MySQL do not take in names;"
              + " remove it [retort:invalid-name]",
          "@Table(name =");
    }

    @Test
    void aPrimaryKeyNameWithWhiteSpaceAroundItIsTheOnlyErrorAlsoForAnEntityReferencingIt() {
      JavaFileObject user = source("com.example.User", """
          package com.example;
          import dev.retort.*;
          @Table(name = "users", primaryKey = "users_pkey ")
          public record User(@Id long id) {}
          """);
      JavaFileObject login = source("com.example.Login", """
          package com.example;
          import dev.retort.*;
          @Table(name = "logins")
          public record Login(@Id long id, @References(User.class) long userId) {}
          """);
      assertOnlyError(
          compile(user, login), user,
          "@Table(primaryKey = \"users_pkey \") on User is not a usable name: it has white space at the start or"
              + " end; remove it [retort:invalid-name]",
          "@Table(name =");
    }

    @Test
    void aPrimaryKeyNameOnAnEntityWithoutId() {
      JavaFileObject log = source("com.example.LogLine", """
          package com.example;
          import dev.retort.*;
          @Table(name = "log_lines", primaryKey = "log_lines_pkey")
          public record LogLine(String text) {}
          """);
      assertOnlyError(
          compile(log), log,
          "@Table(primaryKey = \"log_lines_pkey\") on LogLine, but table log_lines has no primary key to name: no"
              + " member is @Id; mark the key's members @Id, or remove primaryKey [retort:primary-key-name-without-id]",
          "@Table(name =");
    }

    @Test
    void aBlankCheckName() {
      JavaFileObject user = source("com.example.User", """
          package com.example;
          import dev.retort.*;
          @Table
          @Check(name = " ", expression = "id > 0")
          public record User(@Id long id) {}
          """);
      assertOnlyError(
          compile(user), user,
          "@Check(name = \" \") on User is not a usable name: it is blank; write the name",
          "@Check(name");
    }
  }

  @Nested
  class IdentifierLength {

    @Test
    void anExplicitColumnNameLongerThanPostgreSqlKeeps() {
      JavaFileObject user = source("com.example.User", """
          package com.example;
          import dev.retort.*;
          @Table
          public record User(
              @Id long id,
              @Column(name = "a_column_name_that_is_much_longer_than_the_limit_postgresql_has_set") String x) {}
          """);
      assertOnlyError(
          compile(user), user,
          "column name a_column_name_that_is_much_longer_than_the_limit_postgresql_has_set is 67 bytes long;"
              + " PostgreSQL truncates identifiers to 63 bytes, after which the database would not match the model:"
              + " choose a shorter @Column(name = \"...\") [retort:identifier-too-long]",
          "@Column(name =");
    }

    @Test
    void aTableNameDerivedFromALongClassName() {
      JavaFileObject entity = source("com.example.AnEntityClassWhoseNameIsLongEnoughToOverflowTheIdentifierLimit", """
          package com.example;
          @dev.retort.Table
          public record AnEntityClassWhoseNameIsLongEnoughToOverflowTheIdentifierLimit(long id) {}
          """);
      assertOnlyError(
          compile(entity), entity,
          "table name an_entity_class_whose_name_is_long_enough_to_overflow_the_identifier_limit is 74 bytes long;"
              + " PostgreSQL truncates identifiers to 63 bytes, after which the database would not match the model:"
              + " name the table with a shorter @Table(name = \"...\")",
          "@dev.retort.Table");
    }

    @Test
    void aDerivedIndexNameNamesTheWayToNameItExplicitly() {
      JavaFileObject event = source("com.example.Event", """
          package com.example;
          import dev.retort.*;
          @Table(name = "calendar_events")
          @Index(columns = {"organizer_account_id", "starts_at_local_time_zone"})
          public record Event(@Id long id, long organizerAccountId, @Column(length = 40) String startsAtLocalTimeZone) {}
          """);
      assertOnlyError(
          compile(event), event,
          "index name ix_calendar_events_organizer_account_id_starts_at_local_time_zone is 65 bytes long; PostgreSQL"
              + " truncates identifiers to 63 bytes, after which the database would not match the model: name the"
              + " index with a shorter @Index(name = \"...\")",
          "@Index(columns");
    }
  }

  @Nested
  class DerivedNames {

    @Test
    void aPrimaryKeyNameDerivedFromALongTableName() {
      JavaFileObject entity = source("com.example.Entry", """
          package com.example;
          import dev.retort.*;
          @Table(name = "entries_of_the_quarterly_regional_sales_report_by_product_line")
          public record Entry(@Id long id) {}
          """);
      assertOnlyError(
          compile(entity), entity,
          "primary key name pk_entries_of_the_quarterly_regional_sales_report_by_product_line is 65 bytes long;"
              + " PostgreSQL truncates identifiers to 63 bytes, after which the database would not match the model:"
              + " shorten the table name, from which the primary key name pk_<table> is derived, or name the key"
              + " with @Table(primaryKey = \"...\")",
          "@Table(name =");
    }

    @Test
    void anExplicitPrimaryKeyNameLongerThanPostgreSqlKeeps() {
      JavaFileObject entity = source("com.example.Entry", """
          package com.example;
          import dev.retort.*;
          @Table(name = "entries", primaryKey = "entries_of_the_quarterly_regional_sales_report_by_product_line_pkey")
          public record Entry(@Id long id) {}
          """);
      assertOnlyError(
          compile(entity), entity,
          "primary key name entries_of_the_quarterly_regional_sales_report_by_product_line_pkey is 67 bytes long;"
              + " PostgreSQL truncates identifiers to 63 bytes, after which the database would not match the model:"
              + " choose a shorter @Table(primaryKey = \"...\") [retort:identifier-too-long]",
          "@Table(name =");
    }

    @Test
    void anExplicitPrimaryKeyNameTakesTheDerivedNamesPlaceSoALongTableNameIsAccepted() {
      JavaFileObject entity = source("com.example.Entry", """
          package com.example;
          import dev.retort.*;
          @Table(name = "entries_of_the_quarterly_regional_sales_report_by_product_line", primaryKey = "entries_pk")
          public record Entry(@Id long id) {}
          """);
      assertThat(compile(entity)).succeededWithoutWarnings();
    }

    @Test
    void aForeignKeyNameDerivedFromLongNames() {
      JavaFileObject entity = source("com.example.Entry", """
          package com.example;
          import dev.retort.*;
          @Table(name = "entries_of_the_quarterly_sales_report")
          public record Entry(
              @Id long id,
              @References(Entry.class) Long previousEntryOfTheSameReport) {}
          """);
      assertOnlyError(
          compile(entity), entity,
          "foreign key name fk_entries_of_the_quarterly_sales_report_previous_entry_of_the_same_report is 74 bytes"
              + " long; PostgreSQL truncates identifiers to 63 bytes, after which the database would not match the"
              + " model: name the foreign key with a shorter @References(name = \"...\")",
          "@References(Entry.class)");
    }
  }

  @Nested
  class Types {

    @Test
    void anUnsupportedJavaTypeSaysWhatIsSupportedAndHowToMapIt() {
      JavaFileObject post = source("com.example.Post", """
          package com.example;
          import dev.retort.*;
          import java.util.List;
          @Table
          public record Post(@Id long id, List<String> tags) {}
          """);
      assertOnlyError(
          compile(post), post,
          "Post.tags has Java type java.util.List<java.lang.String>, which Retort does not map to a column type;"
              + " declare the column type with @Column(type = \"...\") (such as \"json\" or \"text\"), or exclude the"
              + " member with @Transient. Retort maps String, char, Character, boolean, Boolean, byte, Byte, short,"
              + " Short, int, Integer, long, Long, float, Float, double, Double, BigDecimal, UUID, LocalDate,"
              + " LocalTime, LocalDateTime, Instant, OffsetDateTime, byte[], OptionalInt, OptionalLong,"
              + " OptionalDouble, Java enums, and Optional<T> of any of these [retort:unsupported-type]",
          "List<String> tags");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "java.util.Date | use Instant or OffsetDateTime (a timestamp with time zone) or LocalDateTime (one without),"
            + " or declare the column type with @Column(type = \"timestamp with time zone\")",
        "java.time.ZonedDateTime | use Instant or OffsetDateTime (a timestamp with time zone) or LocalDateTime (one"
            + " without), or declare the column type with @Column(type = \"timestamp with time zone\")",
        "java.sql.Date | use LocalDate, or declare the column type with @Column(type = \"date\")",
        "java.sql.Time | use LocalTime, or declare the column type with @Column(type = \"time\")"})
    void aDateOrTimeTypeRetortDoesNotMapPointsAtTheJavaTimeTypeItMaps(String type, String advice) {
      JavaFileObject post = source("com.example.Post", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Post(@Id long id, %s created) {}
          """.formatted(type));
      assertOnlyError(
          compile(post), post,
          "Post.created has Java type " + type + ", which Retort does not map to a column type; " + advice
              + ", or exclude the member with @Transient. Retort maps String,",
          "created");
    }

    @Test
    void aTypeArgumentRetortDoesNotMapIsReportedOnTheEntityThatGivesIt() {
      JavaFileObject base = source("com.example.Base", """
          package com.example;
          public abstract class Base<T> {
            @dev.retort.Id protected long id;
            protected T value;
          }
          """);
      JavaFileObject counter = source("com.example.Counter", """
          package com.example;
          @dev.retort.Table
          public class Counter extends Base<Long> {}
          """);
      JavaFileObject tagging = source("com.example.Tagging", """
          package com.example;
          @dev.retort.Table
          public class Tagging extends Base<java.util.List<String>> {}
          """);
      assertOnlyError(
          compile(base, counter, tagging), tagging,
          "Base.value, declared with type T, has Java type java.util.List<java.lang.String> in Tagging, which"
              + " Retort does not map to a column type; give Base type arguments that Retort maps in the extends"
              + " clause of Tagging. Retort maps String,",
          "public class Tagging");
    }

    @Test
    void aRawSuperclassIsReportedOnTheEntityThatExtendsIt() {
      JavaFileObject base = source("com.example.Base", """
          package com.example;
          public abstract class Base<K> {
            @dev.retort.Id protected K id;
          }
          """);
      JavaFileObject legacy = source("com.example.Legacy", """
          package com.example;
          @SuppressWarnings("rawtypes")
          @dev.retort.Table
          public class Legacy extends Base {}
          """);
      assertOnlyError(
          compile(base, legacy), legacy,
          "Base.id, declared with type K, has Java type java.lang.Object in Legacy, which Retort does not map to a"
              + " column type; give Base type arguments that Retort maps in the extends clause of Legacy.",
          "public class Legacy");
    }

    @Test
    void anExplicitTypeThatDoesNotParse() {
      JavaFileObject post = source("com.example.Post", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Post(@Id long id, @Column(type = "varchr(20)") String title) {}
          """);
      assertOnlyError(
          compile(post), post,
          "@Column(type) on Post.title: 'varchr(20)' is not a column type; use one of smallint, integer",
          "varchr(20)");
    }

    @Test
    void aLengthOutOfRange() {
      JavaFileObject post = source("com.example.Post", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Post(@Id long id, @Column(length = 70000) String body) {}
          """);
      assertOnlyError(
          compile(post), post,
          "@Column(length = 70000) on Post.body is out of range: varchar length 70000 is not between 1 and 65535"
              + " [retort:invalid-size]",
          "length = 70000");
    }

    @Test
    void aLengthLongerThanAMariaDbVarcharHolds() {
      JavaFileObject post = source("com.example.Post", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Post(@Id long id, @Column(length = 16384) String body) {}
          """);
      assertOnlyError(
          compile(post), post,
          "@Column(length = 16384) on Post.body is out of range: MariaDB and MySQL hold at most 16383 characters"
              + " in a varchar (of utf8mb4 text) and refuse a longer one; give a length of at most 16383, or for"
              + " longer text the unbounded type with @Column(type = \"text\") [retort:invalid-size]",
          "length = 16384");
    }

    @Test
    void anExplicitVarcharLongerThanAMariaDbVarcharHolds() {
      JavaFileObject post = source("com.example.Post", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Post(@Id long id, @Column(type = "varchar(20000)") String body) {}
          """);
      assertOnlyError(
          compile(post), post,
          "@Column(type) on Post.body: varchar(20000) is longer than MariaDB and MySQL hold: at most 16383"
              + " characters in a varchar (of utf8mb4 text), and they refuse a longer one; give a length of at most"
              + " 16383, or for longer text the unbounded type \"text\" [retort:invalid-type]",
          "varchar(20000)");
    }

    @Test
    void aVarbinaryLongerThanAMariaDbVarbinaryHolds() {
      JavaFileObject file = source("com.example.Attachment", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Attachment(@Id long id, @Column(length = 65533) byte[] data) {}
          """);
      assertOnlyError(
          compile(file), file,
          "@Column(length = 65533) on Attachment.data is out of range: MariaDB and MySQL hold at most 65532 bytes"
              + " in a varbinary and refuse a longer one; give a length of at most 65532, or for longer data the"
              + " unbounded type with @Column(type = \"blob\") [retort:invalid-size]",
          "length = 65533");
    }

    @Test
    void aScaleBeyondWhatMySqlKeeps() {
      JavaFileObject price = source("com.example.Price", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Price(@Id long id, @Column(precision = 40, scale = 31) java.math.BigDecimal amount) {}
          """);
      assertOnlyError(
          compile(price), price,
          "@Column(scale = 31) on Price.amount is out of range: MySQL keeps at most 30 digits after the point"
              + " (MariaDB 38) and refuses more; give a scale of at most 30 [retort:invalid-size]",
          "scale = 31");
    }

    @Test
    void anExplicitDecimalWithAScaleBeyondWhatMySqlKeeps() {
      JavaFileObject price = source("com.example.Price", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Price(@Id long id, @Column(type = "decimal(65,39)") java.math.BigDecimal amount) {}
          """);
      assertOnlyError(
          compile(price), price,
          "@Column(type) on Price.amount: decimal(65,39) has more digits after the point than MySQL keeps: at most"
              + " 30 (MariaDB 38), and it refuses more; give a scale of at most 30 [retort:invalid-type]",
          "decimal(65,39)");
    }

    @Test
    void aVarcharAVarbinaryAndAScaleAtTheLimitAreAccepted() {
      JavaFileObject post = source("com.example.Post", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Post(@Column(type = "varchar(16383)") String body) {}
          """);
      JavaFileObject file = source("com.example.Attachment", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Attachment(@Column(length = 65532) byte[] data) {}
          """);
      JavaFileObject price = source("com.example.Price", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Price(@Id long id, @Column(precision = 65, scale = 30) java.math.BigDecimal amount) {}
          """);
      assertThat(compile(post, file, price)).succeededWithoutWarnings();
    }

    @Test
    void aPrimaryKeyLongerThanMariaDbKeysHold() {
      JavaFileObject tag = source("com.example.Tag", """
          package com.example;
          import dev.retort.*;
          @Table(name = "tag")
          public record Tag(@Id @Column(length = 769) String name) {}
          """);
      assertOnlyError(
          compile(tag), tag,
          "primary key pk_tag of table tag over (name varchar(769)) takes 3076 bytes in a MariaDB or MySQL key"
              + " (4 per character of char and varchar with utf8mb4), over the 3072 they hold: MariaDB refuses a"
              + " primary key or an index on several columns that long, indexes only a prefix of a single column and"
              + " enforces a unique key with a hash instead; shorten the columns with @Column(length), key fewer"
              + " columns, or declare a shorter surrogate key with @Id [retort:key-too-long]",
          "@Table");
    }

    @Test
    void aUniqueColumnLongerThanMariaDbKeysHold() {
      JavaFileObject user = source("com.example.User", """
          package com.example;
          import dev.retort.*;
          @Table(name = "users")
          public record User(
              @Id long id,
              @Column(length = 1000, unique = true) String email) {}
          """);
      assertOnlyError(
          compile(user), user,
          "unique constraint uq_users_email of table users over (email varchar(1000)) takes 4000 bytes",
          "unique = true");
    }

    @Test
    void anIndexOverColumnsLongerThanMariaDbKeysHoldTogether() {
      JavaFileObject event = source("com.example.Event", """
          package com.example;
          import dev.retort.*;
          @Table(name = "event")
          @Index(name = "ix_event_place", columns = {"city", "street", "number"})
          public record Event(
              @Id long id,
              @Column(length = 500) String city,
              @Column(length = 268) String street,
              int number) {}
          """);
      JavaFileObject digest = source("com.example.Digest", """
          package com.example;
          import dev.retort.*;
          @Table(name = "digest")
          public record Digest(@Id @Column(length = 3073) byte[] value) {}
          """);
      Compilation compilation = compile(event, digest);
      assertThat(compilation).hadErrorCount(2);
      assertThat(compilation)
          .hadErrorContaining("index ix_event_place of table event over (city varchar(500), street varchar(268),"
              + " number integer) takes 3076 bytes")
          .inFile(event).onLineContaining("@Index");
      assertThat(compilation)
          .hadErrorContaining("over (value varbinary(3073)) takes 3073 bytes")
          .inFile(digest).onLineContaining("@Table");
    }

    @Test
    void keysAtWhatMariaDbKeysHoldAreAccepted() {
      JavaFileObject tag = source("com.example.Tag", """
          package com.example;
          import dev.retort.*;
          @Table(name = "tag")
          @Index(columns = {"city", "street"}, unique = true)
          public record Tag(
              @Id @Column(length = 766) String name,
              @Id long owner,
              @Column(length = 500) String city,
              @Column(length = 268) String street,
              @Column(length = 768, unique = true) String label,
              @Column(length = 3072, unique = true) byte[] digest) {}
          """);
      assertThat(compile(tag)).succeededWithoutWarnings();
    }

    @Test
    void aRowLargerThanMariaDbTakes() {
      JavaFileObject page = source("com.example.Page", """
          package com.example;
          import dev.retort.*;
          @Table(name = "page")
          public record Page(@Id long id, @Column(length = 8000) String title, @Column(length = 33523) byte[] data) {}
          """);
      assertOnlyError(
          compile(page), page,
          "a row of table page could take 65536 bytes on MariaDB and MySQL (4 per character of char and varchar"
              + " with utf8mb4, text and blob counting 12), over the 65535 they take, so they refuse to create the"
              + " table; its largest columns are data varbinary(33523) (33525 bytes), title varchar(8000) (32002"
              + " bytes), id bigint (8 bytes): make the long ones @Column(type = \"text\") (\"blob\" for byte[]),"
              + " or shorten them with @Column(length) [retort:row-too-large]",
          "@Table");
    }

    @Test
    void aRowAtWhatMariaDbTakesIsAccepted() {
      JavaFileObject page = source("com.example.Page", """
          package com.example;
          import dev.retort.*;
          @Table(name = "page")
          public record Page(
              @Id long id,
              @Column(length = 8000) String title,
              @Column(length = 33510) byte[] data,
              @Column(type = "text") String body) {}
          """);
      assertThat(compile(page)).succeededWithoutWarnings();
    }

    @Test
    void aPrecisionOutOfRange() {
      JavaFileObject price = source("com.example.Price", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Price(@Id long id, @Column(precision = 70) java.math.BigDecimal amount) {}
          """);
      assertOnlyError(
          compile(price), price,
          "@Column(precision = 70) on Price.amount is out of range: decimal precision 70 is not between 1 and 65",
          "precision = 70");
    }

    @Test
    void aTimestampPrecisionOutOfRangeSaysWhichToGive() {
      JavaFileObject event = source("com.example.Event", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Event(@Id long id, @Column(precision = 9) java.time.Instant at) {}
          """);
      assertOnlyError(
          compile(event), event,
          "@Column(precision = 9) on Event.at is out of range: timestamp with time zone precision 9 is not between 0"
              + " and 6; give the digits of the second to keep, from 0 (whole seconds) to 6 (microseconds, the"
              + " precision without one) [retort:invalid-size]",
          "precision = 9");
    }

    @Test
    void anExplicitPrecisionOfZeroOnText() {
      JavaFileObject note = source("com.example.Note", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Note(@Id long id, @Column(precision = 0) String text) {}
          """);
      assertOnlyError(
          compile(note), note,
          "@Column(precision = 0) on Note.text does not apply to Java type java.lang.String",
          "precision = 0");
    }

    @Test
    void aScaleOnATimestamp() {
      JavaFileObject event = source("com.example.Event", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Event(@Id long id, @Column(precision = 3, scale = 1) java.time.LocalDateTime at) {}
          """);
      assertOnlyError(
          compile(event), event,
          "@Column(scale = 1) on Event.at does not apply to Java type java.time.LocalDateTime",
          "scale = 1");
    }

    @Test
    void aDefaultWithMoreDigitsOfTheSecondThanTheColumnKeeps() {
      JavaFileObject event = source("com.example.Event", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Event(
              @Id long id,
              @Column(precision = 0, defaultValue = "2024-01-31 12:30:00.5") java.time.LocalDateTime at) {}
          """);
      assertOnlyError(
          compile(event), event,
          "it has 1 digits of the second, and the column keeps 0 (timestamp(0)); write at most 0",
          "defaultValue");
    }

    @Test
    void aLengthOnANumber() {
      JavaFileObject counter = source("com.example.Counter", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Counter(@Id long id, @Column(length = 10) int hits) {}
          """);
      assertOnlyError(
          compile(counter), counter,
          "@Column(length = 10) on Counter.hits does not apply to Java type int: length applies to String and"
              + " byte[], precision and scale to BigDecimal, precision (digits of the second) to LocalTime,"
              + " LocalDateTime, Instant and OffsetDateTime; remove it, or give the whole type with"
              + " @Column(type = \"...\") [retort:size-not-applicable]",
          "length = 10");
    }

    @Test
    void aScaleOnText() {
      JavaFileObject note = source("com.example.Note", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Note(@Id long id, @Column(scale = 2) String text) {}
          """);
      assertOnlyError(
          compile(note), note,
          "@Column(scale = 2) on Note.text does not apply to Java type java.lang.String",
          "scale = 2");
    }

    @Test
    void aSizeNextToAnExplicitType() {
      JavaFileObject note = source("com.example.Note", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Note(@Id long id, @Column(type = "text", length = 100) String text) {}
          """);
      assertOnlyError(
          compile(note), note,
          "@Column on Note.text sets both type and length; the size belongs in the type, such as"
              + " type = \"varchar(40)\" or type = \"decimal(12,2)\": remove length [retort:size-with-type]",
          "length = 100");
    }

    @Test
    void anEnumWithoutConstants() {
      JavaFileObject box = source("com.example.Box", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Box(@Id long id, Nothing content) {
            public enum Nothing {}
          }
          """);
      assertOnlyError(
          compile(box), box,
          "Box.content has Java type Nothing, an enum without constants, so its enum column type would have no"
              + " values; add constants, or give the type with @Column(type = \"...\") [retort:enum-empty]",
          "Nothing content");
    }

    @Test
    void twoJavaEnumsMappingToOneEnumTypeWithDifferentValues() {
      JavaFileObject order = source("com.example.Order", """
          package com.example;
          import dev.retort.*;
          @Table(name = "orders")
          public record Order(@Id long id, Status status) {
            public enum Status { NEW, PAID }
          }
          """);
      JavaFileObject ticket = source("com.example.Ticket", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Ticket(@Id long id, Status status) {
            public enum Status { OPEN, CLOSED }
          }
          """);
      assertOnlyError(
          compile(order, ticket), ticket,
          "Ticket.status maps to enum type status with values [OPEN, CLOSED], but Order.status maps to the same"
              + " enum type with values [NEW, PAID]; one enum type has one list of values: rename one of the Java"
              + " enums, or give one column another type with @Column(type = \"enum other_name('A','B')\")"
              + " [retort:enum-conflict]",
          "Status status");
    }

    @Test
    void anEnumConstantLongerThanPostgreSqlKeepsAsAnEnumValue() {
      JavaFileObject task = source("com.example.Task", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Task(@Id long id, State state) {
            public enum State { NEW, WAITING_FOR_THE_APPROVAL_OF_EVERY_REVIEWER_NAMED_ON_THE_REQUEST_FORM }
          }
          """);
      assertOnlyError(
          compile(task), task,
          "the enum value 'WAITING_FOR_THE_APPROVAL_OF_EVERY_REVIEWER_NAMED_ON_THE_REQUEST_FORM' of Task.state"
              + " (enum type state) is 68 bytes long, and PostgreSQL keeps enum values of at most 63 bytes: shorten"
              + " the Java enum constant, or give the column type with @Column(type = \"...\") [retort:enum-value]",
          "State state");
    }

    @Test
    void enumConstantsThatDifferOnlyInCase() {
      JavaFileObject task = source("com.example.Task", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Task(@Id long id, Level level) {
            public enum Level { low, LOW, HIGH }
          }
          """);
      assertOnlyError(
          compile(task), task,
          "the enum values 'low' and 'LOW' of Task.level (enum type level) differ only in case, which MariaDB and"
              + " MySQL do not tell apart: rename one of the Java enum constants, or give the column type with"
              + " @Column(type = \"...\") [retort:enum-value]",
          "Level level");
    }

    @Test
    void anExplicitEnumValueEndingInASpace() {
      JavaFileObject task = source("com.example.Task", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Task(@Id long id, @Column(type = "enum size('S', 'M ')") String size) {}
          """);
      assertOnlyError(
          compile(task), task,
          "the enum value 'M ' of Task.size (enum type size) ends with a space, which MariaDB and MySQL remove:"
              + " remove it from @Column(type = \"...\") [retort:enum-value]",
          "@Column(type");
    }

    @Test
    void anExplicitEnumTypeNameLongerThanPostgreSqlKeeps() {
      JavaFileObject task = source("com.example.Task", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Task(
              @Id long id,
              @Column(type = "enum the_state_of_a_task_from_its_creation_until_its_done_or_dropped1('A')") String state) {}
          """);
      assertOnlyError(
          compile(task), task,
          "enum type name the_state_of_a_task_from_its_creation_until_its_done_or_dropped1 is 64 bytes long;"
              + " PostgreSQL truncates identifiers to 63 bytes, after which the database would not match the model:"
              + " choose a shorter enum type name in @Column(type = \"...\") [retort:identifier-too-long]",
          "@Column(type");
    }

    @Test
    void anEnumTypeNamedLikeATable() {
      JavaFileObject status = source("com.example.OrderStatus", """
          package com.example;
          import dev.retort.*;
          @Table
          public record OrderStatus(@Id int id, String label) {}
          """);
      JavaFileObject order = source("com.example.Order", """
          package com.example;
          import dev.retort.*;
          @Table(name = "orders")
          public record Order(@Id long id, OrderStatus status) {
            public enum OrderStatus { NEW, PAID }
          }
          """);
      assertOnlyError(
          compile(status, order), order,
          "Order.status maps to enum type order_status, which is also the name of table order_status of"
              + " com.example.OrderStatus; PostgreSQL gives every table a type of its name: rename the Java enum,"
              + " or give the column another enum type name with @Column(type = \"enum other_name('A','B')\")"
              + " [retort:enum-name-taken]",
          "OrderStatus status");
    }
  }

  @Nested
  class Comments {

    @Test
    void aColumnCommentLongerThanMariaDbKeeps() {
      JavaFileObject post = source("com.example.Post", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Post(@Id long id, @Column(comment = Post.LONG) String body) {
            static final String LONG = "%s";
          }
          """.formatted("é".repeat(1025)));
      assertOnlyError(
          compile(post), post,
          "@Column(comment) on Post.body is 1025 characters long; MariaDB and MySQL keep at most 1024 in a column"
              + " comment and refuse a longer one: shorten it [retort:invalid-comment]",
          "comment = Post.LONG");
    }

    @Test
    void aTableCommentLongerThanMariaDbKeeps() {
      JavaFileObject post = source("com.example.Post", """
          package com.example;
          import dev.retort.*;
          @Table(comment = Post.LONG)
          public record Post(@Id long id) {
            static final String LONG = "%s";
          }
          """.formatted("x".repeat(2049)));
      assertOnlyError(
          compile(post), post,
          "@Table(comment) on Post is 2049 characters long; MariaDB and MySQL keep at most 2048 in a table"
              + " comment and refuse a longer one: shorten it [retort:invalid-comment]",
          "@Table(comment = Post.LONG)");
    }

    @Test
    void aCommentWithACharacterOutsideTheBmp() {
      JavaFileObject post = source("com.example.Post", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Post(@Id long id, @Column(comment = "cheers \uD83C\uDF7B") String body) {}
          """);
      assertOnlyError(
          compile(post), post,
          "@Column(comment) on Post.body holds \uD83C\uDF7B (U+1F37B), a character outside Unicode's Basic"
              + " Multilingual Plane, which MariaDB stores as ? without a warning, after which the database would"
              + " not match the model: remove it [retort:invalid-comment]",
          "comment = \"cheers");
    }

    @Test
    void aTableCommentHoldingUPlus0000() {
      JavaFileObject post = source("com.example.Post", """
          package com.example;
          import dev.retort.*;
          @Table(comment = "a\\u0000b")
          public record Post(@Id long id) {}
          """);
      assertOnlyError(
          compile(post), post,
          "@Table(comment) on Post holds the character U+0000, which PostgreSQL refuses in text and MariaDB does"
              + " not keep: remove it [retort:invalid-comment]",
          "@Table(comment =");
    }

    @Test
    void commentsAtTheLimitCountingCharactersNotBytesAreAccepted() {
      JavaFileObject post = source("com.example.Post", """
          package com.example;
          import dev.retort.*;
          @Table(comment = Post.TABLE)
          public record Post(@Id long id, @Column(comment = Post.COLUMN) String body) {
            static final String TABLE = "%s";
            static final String COLUMN = "%s";
          }
          """.formatted("€".repeat(2048), "é".repeat(1024)));
      assertThat(compile(post)).succeededWithoutWarnings();
    }
  }

  @Nested
  class ConflictingAnnotations {

    @Test
    void transientWithColumn() {
      JavaFileObject item = source("com.example.Item", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Item(@Id long id, @Transient @Column(length = 3) String code) {}
          """);
      assertOnlyError(
          compile(item), item,
          "Item.code is @Transient, so it maps to no column, but it is annotated @Column; remove @Column if the"
              + " member is not stored, or remove @Transient if it is [retort:excluded-member-annotated]",
          "@Transient @Column");
    }

    @Test
    void transientWithId() {
      JavaFileObject item = source("com.example.Item", """
          package com.example;
          import dev.retort.*;
          @Table
          public class Item {
            @Transient @Id long id;
            String name;
          }
          """);
      assertOnlyError(
          compile(item), item,
          "Item.id is @Transient, so it maps to no column, but it is annotated @Id",
          "@Transient @Id");
    }

    @Test
    void aTransientFieldWithColumn() {
      JavaFileObject item = source("com.example.Item", """
          package com.example;
          import dev.retort.*;
          @Table
          public class Item {
            @Id long id;
            @Column(length = 3) transient String code;
          }
          """);
      assertOnlyError(
          compile(item), item,
          "Item.code is transient, so it maps to no column, but it is annotated @Column; remove @Column if the member"
              + " is not stored, or remove the transient modifier if it is",
          "transient String code");
    }

    @Test
    void aStaticFieldWithColumn() {
      JavaFileObject item = source("com.example.Item", """
          package com.example;
          import dev.retort.*;
          @Table
          public class Item {
            @Id long id;
            @Column static String code;
          }
          """);
      assertOnlyError(
          compile(item), item,
          "Item.code is static, so it maps to no column, but it is annotated @Column; remove @Column if the member"
              + " is not stored, or make it an instance field if it is",
          "static String code");
    }

    @Test
    void aColumnAnnotationOnAGetter() {
      JavaFileObject item = source("com.example.Item", """
          package com.example;
          import dev.retort.*;
          @Table
          public class Item {
            @Id long id;
            private String code;
            @Column(length = 3)
            public String getCode() { return code; }
          }
          """);
      assertOnlyError(
          compile(item), item,
          "@Column on method Item.getCode() has no effect: Retort maps fields and record components, not methods;"
              + " annotate the field or record component instead [retort:annotation-on-method]",
          "@Column(length = 3)");
    }

    @Test
    void aColumnAnnotationOnAnExplicitRecordAccessor() {
      JavaFileObject item = source("com.example.Item", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Item(@Id long id, String code) {
            @Column(length = 3)
            public String code() { return code; }
          }
          """);
      assertOnlyError(
          compile(item), item, "@Column on method Item.code() has no effect", "@Column(length = 3)");
    }

    @Test
    void aColumnAnnotationOnAMethodOfAnInterfaceTheRecordImplements() {
      JavaFileObject named = source("com.example.Named", """
          package com.example;
          import dev.retort.*;
          public interface Named {
            @Column(length = 40)
            String name();
          }
          """);
      JavaFileObject item = source("com.example.Item", """
          package com.example;
          @dev.retort.Table
          public record Item(@dev.retort.Id long id, String name) implements Named {}
          """);
      assertOnlyError(
          compile(named, item), named,
          "@Column on method Named.name() has no effect: Retort maps fields and record components, not methods;"
              + " annotate the field or record component instead [retort:annotation-on-method]",
          "@Column(length = 40)");
    }

    @Test
    void anIdOnAConstantOfAnInterfaceThatABaseClassImplements() {
      JavaFileObject keyed = source("com.example.Keyed", """
          package com.example;
          import dev.retort.*;
          public interface Keyed {
            @Id long NO_KEY = 0;
          }
          """);
      JavaFileObject base = source("com.example.Base", """
          package com.example;
          public abstract class Base implements Keyed {
            protected long key;
          }
          """);
      JavaFileObject item = source("com.example.Item", """
          package com.example;
          @dev.retort.Table
          public class Item extends Base {}
          """);
      assertOnlyError(
          compile(keyed, base, item), keyed,
          "Keyed.NO_KEY is static, so it maps to no column, but it is annotated @Id",
          "@Id long NO_KEY");
    }

    @Test
    void aNullableId() {
      JavaFileObject item = source("com.example.Item", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Item(@Id @Column(nullable = Column.Nullability.NULLABLE) Long id) {}
          """);
      assertOnlyError(
          compile(item), item,
          "@Column(nullable = NULLABLE) on Item.id contradicts @Id: primary key columns are NOT NULL; remove"
              + " nullable = NULLABLE, or @Id [retort:id-nullable]",
          "NULLABLE");
    }

    @Test
    void aGeneratedTextKey() {
      JavaFileObject item = source("com.example.Item", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Item(@Id(generated = true) String code) {}
          """);
      assertOnlyError(
          compile(item), item,
          "@Id(generated = true) on Item.code, whose column type is varchar(255); only smallint, integer and bigint"
              + " keys can be generated: use an int or long member, or remove generated = true"
              + " [retort:generated-id-type]",
          "generated = true");
    }

    @Test
    void aGeneratedCompositeKey() {
      JavaFileObject line = source("com.example.Line", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Line(
              @Id(generated = true) long number,
              @Id long orderId) {}
          """);
      assertOnlyError(
          compile(line), line,
          "@Id(generated = true) on Line.number, but the primary key of table line has several columns"
              + " [number, order_id]; only a single-column key can be generated: remove generated = true, or keep"
              + " one @Id [retort:generated-id-composite]",
          "generated = true");
    }

    @Test
    void aGeneratedKeyWithADefault() {
      JavaFileObject item = source("com.example.Item", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Item(@Id(generated = true) @Column(defaultValue = "1") long id) {}
          """);
      assertOnlyError(
          compile(item), item,
          "@Id(generated = true) on Item.id, which also has a default; the database generates its values: remove"
              + " the default [retort:generated-id-default]",
          "defaultValue = \"1\"");
    }

    @Test
    void bothDefaultValueAndDefaultExpression() {
      JavaFileObject item = source("com.example.Item", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Item(
              @Id long id,
              @Column(defaultValue = "0", defaultExpression = "1 + 1") int stock) {}
          """);
      assertOnlyError(
          compile(item), item,
          "@Column on Item.stock sets both defaultValue and defaultExpression, but a column has one default: keep"
              + " one of them [retort:default-conflict]",
          "defaultExpression = \"1 + 1\"");
    }

    @Test
    void aBlankDefaultExpressionIsReportedFromTheModelsOwnRule() {
      JavaFileObject item = source("com.example.Item", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Item(
              @Id long id,
              @Column(defaultExpression = " ") int stock) {}
          """);
      assertOnlyError(
          compile(item), item,
          "invalid declaration on Item.stock: default expression is blank; correct the declaration"
              + " [retort:invalid-model]",
          "int stock");
    }
  }

  @Nested
  class DefaultValues {

    @ParameterizedTest(name = "{0} with defaultValue \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
        int              | many      | not a value of column type integer: it is not a whole number
        short            | 40000     | not a value of column type smallint: it is not between -32768 and 32767
        boolean          | yes       | not a value of column type boolean: a boolean default is true or false
        double           | 1,5       | not a value of column type double: it is not a number
        double           | 1e400     | not a value of column type double: it is beyond the largest double, 1.7976931348623157E308
        double           | -1e-400   | not a value of column type double: it is closer to zero than the smallest double, 4.9E-324, and would round to 0
        float            | 3.5e38    | not a value of column type real: it is beyond the largest real, 3.4028235E38
        java.time.LocalDate | 2024-02-30 | not a value of column type date: it is not a date such as 2024-01-31 (yyyy-MM-dd)
        java.time.LocalTime | 25:00    | not a value of column type time: it is not a time such as 12:30:00 (HH:mm:ss)
        java.time.LocalDateTime | 31.01.2024 12:00 | not a value of column type timestamp: it is not a timestamp such as 2024-01-31 12:30:00 (yyyy-MM-dd HH:mm:ss)
        java.time.Instant | now      | not a value of column type timestamp with time zone: it is not a timestamp such as 2024-01-31 12:30:00+01:00 (yyyy-MM-dd HH:mm:ss, the offset optional)
        java.util.UUID   | 42        | not a value of column type uuid: it is not a UUID
        java.math.BigDecimal | 0.125 | not a value of column type decimal(19,2): it has 3 digits after the point; the scale allows 2
        Status           | DELETED   | not a value of column type enum status('ACTIVE','BLOCKED'): the values are [ACTIVE, BLOCKED]
        """)
    void aDefaultValueThatIsNoValueOfTheColumnType(String javaType, String literal, String problem) {
      JavaFileObject account = source("com.example.Account", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Account(
              @Id long id,
              @Column(defaultValue = "%s") %s setting) {
            public enum Status { ACTIVE, BLOCKED }
          }
          """.formatted(literal, javaType));
      assertOnlyError(
          compile(account), account,
          "@Column(defaultValue = \"" + literal + "\") on Account.setting is " + problem,
          "defaultValue =");
    }

    @Test
    void aDefaultValueLongerThanTheColumn() {
      JavaFileObject account = source("com.example.Account", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Account(@Id long id, @Column(length = 3, defaultValue = "EURO") String currency) {}
          """);
      assertOnlyError(
          compile(account), account,
          "@Column(defaultValue = \"EURO\") on Account.currency is not a value of column type varchar(3): it is 4"
              + " characters long; the column holds 3; write a valid literal, or use defaultExpression for a SQL"
              + " expression [retort:default-value-invalid]",
          "defaultValue = \"EURO\"");
    }
  }

  @Nested
  class IndexesAndChecks {

    @Test
    void anIndexNamingAMemberInsteadOfItsColumn() {
      JavaFileObject event = source("com.example.Event", """
          package com.example;
          import dev.retort.*;
          @Table
          @Index(columns = "createdAt")
          public record Event(@Id long id, java.time.Instant createdAt) {}
          """);
      assertOnlyError(
          compile(event), event,
          "@Index(columns = {\"createdAt\"}) on Event names column createdAt, which table event does not have"
              + " (member createdAt maps to column created_at); @Index takes column names, not member names: the"
              + " columns are [id, created_at] [retort:index-unknown-column]",
          "@Index(columns = \"createdAt\")");
    }

    @Test
    void aRepeatedIndexNamingAnUnknownColumnIsNamedInTheMessage() {
      JavaFileObject event = source("com.example.Event", """
          package com.example;
          import dev.retort.*;
          @Table
          @Index(columns = "id")
          @Index(name = "ix_event_place", columns = "place")
          public record Event(@Id long id) {}
          """);
      Compilation compilation = compile(event);
      assertThat(compilation).hadErrorCount(1);
      // Javac 17 cannot point at an annotation inside a repeatable container, so the message names it.
      assertThat(compilation)
          .hadErrorContaining("@Index(name = \"ix_event_place\") on Event names column place, which table event does not have;")
          .inFile(event);
    }

    @Test
    void anIndexWithoutColumns() {
      JavaFileObject event = source("com.example.Event", """
          package com.example;
          import dev.retort.*;
          @Table
          @Index(columns = {})
          public record Event(@Id long id) {}
          """);
      assertOnlyError(
          compile(event), event,
          "@Index(columns = {}) on Event lists no columns; list each indexed column once [retort:index-columns]",
          "@Index");
    }

    @Test
    void anIndexListingAColumnTwice() {
      JavaFileObject event = source("com.example.Event", """
          package com.example;
          import dev.retort.*;
          @Table
          @Index(columns = {"id", "id"})
          public record Event(@Id long id) {}
          """);
      assertOnlyError(
          compile(event), event,
          "@Index(columns = {\"id\", \"id\"}) on Event lists column id twice; list each indexed column once",
          "@Index");
    }

    @Test
    void aCheckWithABlankExpression() {
      JavaFileObject event = source("com.example.Event", """
          package com.example;
          import dev.retort.*;
          @Table
          @Check(name = "ck_event_id", expression = "  ")
          public record Event(@Id long id) {}
          """);
      assertOnlyError(
          compile(event), event,
          "@Check(name = \"ck_event_id\") on Event has a blank expression; write the SQL condition, such as"
              + " expression = \"price >= 0\" [retort:check-expression-blank]",
          "@Check");
    }

    @Test
    void anIndexNamedLikeThePrimaryKey() {
      JavaFileObject user = source("com.example.User", """
          package com.example;
          import dev.retort.*;
          @Table(name = "users")
          @Index(name = "pk_users", columns = "email")
          public record User(@Id long id, String email) {}
          """);
      assertOnlyError(
          compile(user), user,
          "the name pk_users of an index on table users is already taken by the primary key on table users; index"
              + " and constraint names are unique across the schema: choose another name"
              + " [retort:duplicate-constraint-name]",
          "@Index");
    }

    @Test
    void twoIndexNamesThatDifferOnlyInCase() {
      JavaFileObject user = source("com.example.User", """
          package com.example;
          import dev.retort.*;
          @Table(name = "users")
          @Index(name = "ix_users_email", columns = "email")
          @Index(name = "IX_USERS_EMAIL", columns = {"email", "id"})
          public record User(@Id long id, String email) {}
          """);
      assertOnlyError(
          compile(user), user,
          "the name IX_USERS_EMAIL of an index on table users is already taken by an index on table users"
              + " (as ix_users_email); index and constraint names are unique across the schema, and SQLite, MariaDB"
              + " and MySQL do not tell them apart by case: choose another name [retort:duplicate-constraint-name]",
          // Javac 17 cannot point at an annotation inside a repeatable container; the message names the index.
          "public record User");
    }

    @Test
    void anIndexNamedLikeATable() {
      JavaFileObject archive = source("com.example.Archive", """
          package com.example;
          import dev.retort.*;
          @Table(name = "ix_users_email")
          public record Archive(@Id long id) {}
          """);
      JavaFileObject user = source("com.example.User", """
          package com.example;
          import dev.retort.*;
          @Table(name = "users")
          @Index(columns = "email")
          public record User(@Id long id, String email) {}
          """);
      assertOnlyError(
          compile(archive, user), user,
          "the name ix_users_email of an index on table users is also the name of table ix_users_email of"
              + " com.example.Archive; PostgreSQL and SQLite name tables and indexes (and the indexes behind"
              + " primary keys and unique constraints) from one set of names: give one of them another name"
              + " [retort:name-taken-by-table]",
          "@Index");
    }

    @Test
    void aPrimaryKeyNamedLikeATableThatDiffersInCase() {
      JavaFileObject user = source("com.example.User", """
          package com.example;
          import dev.retort.*;
          @Table(name = "users")
          public record User(@Id long id) {}
          """);
      JavaFileObject keys = source("com.example.Keys", """
          package com.example;
          import dev.retort.*;
          @Table(name = "PK_Users")
          public record Keys(@Id long id) {}
          """);
      assertOnlyError(
          compile(user, keys), user,
          "the name pk_users of the primary key on table users differs only in case from the name of table PK_Users"
              + " of com.example.Keys; PostgreSQL and SQLite name tables and indexes (and the indexes behind primary"
              + " keys and unique constraints) from one set of names, and SQLite ignores case: give one of them"
              + " another name [retort:name-taken-by-table]",
          "@Table(name = \"users\")");
    }

    @Test
    void oneCheckNameOnTwoTables() {
      JavaFileObject book = source("com.example.Book", """
          package com.example;
          import dev.retort.*;
          @Table
          @Check(name = "ck_price_positive", expression = "price > 0")
          public record Book(@Id long id, int price) {}
          """);
      JavaFileObject film = source("com.example.Film", """
          package com.example;
          import dev.retort.*;
          @Table
          @Check(name = "ck_price_positive", expression = "price > 0")
          public record Film(@Id long id, int price) {}
          """);
      assertOnlyError(
          compile(book, film), film,
          "the name ck_price_positive of a check on table film is already taken by a check on table book",
          "@Check");
    }
  }

  @Nested
  class References {

    private final JavaFileObject author = source("com.example.Author", """
        package com.example;
        import dev.retort.*;
        @Table(name = "authors")
        public record Author(@Id long id, String name) {}
        """);

    @Test
    void aClassThatIsNoEntity() {
      JavaFileObject book = source("com.example.Book", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Book(@Id long id, @References(String.class) String author) {}
          """);
      assertOnlyError(
          compile(book), book,
          "@References(String.class) on Book.author: java.lang.String is not annotated @Table; reference the entity"
              + " class of the table [retort:references-not-table]",
          "@References(String.class)");
    }

    @Test
    void anEntityOutsideTheCompilation(@TempDir Path classes) throws IOException, URISyntaxException {
      Compilation first = javac().compile(author);
      assertThat(first).succeeded();
      for (JavaFileObject generated : first.generatedFiles()) {
        if (generated.getKind() == JavaFileObject.Kind.CLASS) {
          Path target = classes.resolve("com/example/Author.class");
          Files.createDirectories(target.getParent());
          try (InputStream in = generated.openInputStream()) {
            Files.copy(in, target);
          }
        }
      }
      File dsl = new File(Table.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      JavaFileObject book = source("com.example.Book", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Book(@Id long id, @References(Author.class) long authorId) {}
          """);
      Compilation compilation =
          javac().withProcessors(new ScanningProcessor()).withClasspath(List.of(classes.toFile(), dsl)).compile(book);
      assertOnlyError(
          compilation, book,
          "@References(Author.class) on Book.authorId: com.example.Author is a @Table entity outside this"
              + " compilation, so its table is not known here; compile the entities together"
              + " [retort:references-not-compiled]",
          "@References(Author.class)");
    }

    @Test
    void aColumnTheTargetDoesNotHave() {
      JavaFileObject book = source("com.example.Book", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Book(@Id long id, @References(value = Author.class, column = "handle") String author) {}
          """);
      assertOnlyError(
          compile(author, book), book,
          "@References(column = \"handle\") on Book.author: table authors has no column handle; its columns are"
              + " [id, name] [retort:references-unknown-column]",
          "column = \"handle\"");
    }

    @Test
    void aTargetWithoutPrimaryKey() {
      JavaFileObject tag = source("com.example.Tag", """
          package com.example;
          @dev.retort.Table
          public record Tag(String label) {}
          """);
      JavaFileObject post = source("com.example.Post", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Post(@Id long id, @References(Tag.class) String tag) {}
          """);
      assertOnlyError(
          compile(tag, post), post,
          "@References(Tag.class) on Post.tag: table tag has no primary key to reference; mark its key with @Id, or"
              + " name a unique column with @References(column = \"...\") [retort:references-no-key]",
          "@References(Tag.class)");
    }

    @Test
    void aTargetWithACompositeKeyWithoutColumn() {
      JavaFileObject line = source("com.example.OrderLine", """
          package com.example;
          import dev.retort.*;
          @Table
          public record OrderLine(@Id long orderId, @Id int number) {}
          """);
      JavaFileObject shipment = source("com.example.Shipment", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Shipment(@Id long id, @References(OrderLine.class) long line) {}
          """);
      assertOnlyError(
          compile(line, shipment), shipment,
          "@References(OrderLine.class) on Shipment.line: the primary key of table order_line has several columns"
              + " [order_id, number], which a one-column foreign key cannot reference; name a unique column with"
              + " @References(column = \"...\") [retort:references-composite-key]",
          "@References(OrderLine.class)");
    }

    @Test
    void aColumnThatIsNoKey() {
      JavaFileObject book = source("com.example.Book", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Book(@Id long id, @References(value = Author.class, column = "name") String author) {}
          """);
      assertOnlyError(
          compile(author, book), book,
          "@References(column = \"name\") on Book.author: authors.name is neither the primary key nor unique, and a"
              + " foreign key must reference a key; reference a key column, or make it unique with"
              + " @Column(unique = true) [retort:references-not-unique]",
          "column = \"name\"");
    }

    @Test
    void aColumnTypeThatDiffersFromTheReferencedColumn() {
      JavaFileObject book = source("com.example.Book", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Book(@Id long id, @References(Author.class) int authorId) {}
          """);
      assertOnlyError(
          compile(author, book), book,
          "Book.authorId has column type integer but references authors.id of type bigint; a foreign key column"
              + " has the type of the column it references: change the member's Java type, or set"
              + " @Column(type = \"bigint\") [retort:references-type-mismatch]",
          "int authorId");
    }

    @Test
    void setNullOnANotNullColumn() {
      JavaFileObject book = source("com.example.Book", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Book(
              @Id long id,
              @References(value = Author.class, onDelete = ReferentialAction.SET_NULL) long authorId) {}
          """);
      assertOnlyError(
          compile(author, book), book,
          "@References(onDelete = SET_NULL) on Book.authorId, but column author_id is NOT NULL, so the database"
              + " could not set it to NULL; make the column nullable, or choose another action"
              + " [retort:references-set-null]",
          "SET_NULL");
    }

    @Test
    void setDefaultOnANotNullColumnWithoutDefault() {
      JavaFileObject book = source("com.example.Book", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Book(
              @Id long id,
              @References(value = Author.class, onUpdate = ReferentialAction.SET_DEFAULT) long authorId,
              @References(value = Author.class, onDelete = ReferentialAction.SET_DEFAULT)
                  @Column(defaultValue = "1") long editorId,
              @References(value = Author.class, onDelete = ReferentialAction.SET_DEFAULT) Long translatorId) {}
          """);
      assertOnlyError(
          compile(author, book), book,
          "@References(onUpdate = SET_DEFAULT) on Book.authorId, but column author_id is NOT NULL and has no"
              + " default, so the database would set it to NULL and fail; give the column a default, make it"
              + " nullable, or choose another action [retort:references-set-default]",
          "SET_DEFAULT) long authorId");
    }

    @Test
    void aClassThatDoesNotResolveIsLeftToJavac() {
      JavaFileObject book = source("com.example.Book", """
          package com.example;
          import dev.retort.*;
          @Table
          public record Book(@Id long id, @References(Missing.class) long authorId) {}
          """);
      Compilation compilation = compile(book);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(book).onLineContaining("Missing.class");
    }
  }

  @Nested
  class Renames {

    @Test
    void aRenameFromTheCurrentName() {
      JavaFileObject user = source("com.example.User", """
          package com.example;
          import dev.retort.*;
          @Table
          public record User(@Id long id, @RenamedFrom("email") String email) {}
          """);
      assertOnlyError(
          compile(user), user,
          "@RenamedFrom(\"email\") on User.email names the current column name; give the previous name, or remove"
              + " the annotation [retort:renamed-from-same]",
          "@RenamedFrom");
    }

    @Test
    void aTableRenameFromTheCurrentName() {
      JavaFileObject user = source("com.example.User", """
          package com.example;
          import dev.retort.*;
          @Table(name = "users")
          @RenamedFrom("users")
          public record User(@Id long id) {}
          """);
      assertOnlyError(
          compile(user), user,
          "@RenamedFrom(\"users\") on User names the current table name",
          "@RenamedFrom");
    }

    @Test
    void twoColumnsRenamedFromOneOldName() {
      JavaFileObject user = source("com.example.User", """
          package com.example;
          import dev.retort.*;
          @Table
          public record User(
              @Id long id,
              @RenamedFrom("mail") String email,
              @RenamedFrom("mail") String backupEmail) {}
          """);
      assertOnlyError(
          compile(user), user,
          "@RenamedFrom(\"mail\") is on both User.email and User.backupEmail, but one old name can become only one"
              + " new name; correct one of them [retort:renamed-from-duplicate]",
          "String backupEmail");
    }

    @Test
    void twoTablesRenamedFromOneOldName() {
      JavaFileObject customer = source("com.example.Customer", """
          package com.example;
          import dev.retort.*;
          @Table
          @RenamedFrom("people")
          public record Customer(@Id long id) {}
          """);
      JavaFileObject supplier = source("com.example.Supplier", """
          package com.example;
          import dev.retort.*;
          @Table
          @RenamedFrom("people")
          public record Supplier(@Id long id) {}
          """);
      assertOnlyError(
          compile(customer, supplier), supplier,
          "@RenamedFrom(\"people\") is on both Customer and Supplier",
          "@RenamedFrom");
    }
  }

  @Test
  void afterAnErrorTheSchemaIsEmptyButTheElementsAreKnown() {
    ScanningProcessor processor = new ScanningProcessor();
    Compilation compilation = javac().withProcessors(processor).compile(source("com.example.Post", """
        package com.example;
        import dev.retort.*;
        @Table
        public record Post(@Id long id, java.util.List<String> tags) {}
        """));
    assertThat(compilation).failed();
    assertThat(processor.result().schema()).isEqualTo(SchemaModel.empty());
    assertThat(processor.result().tableElements()).containsOnlyKeys("post");
    assertThat(processor.result().columnElements().get("post")).containsOnlyKeys("id", "tags");
  }

  @Test
  void everyProblemOfAnEntityIsReportedInOneBuild() {
    JavaFileObject post = source("com.example.Post", """
        package com.example;
        import dev.retort.*;
        @Table
        @Index(columns = "title_text")
        public record Post(
            @Id(generated = true) String id,
            java.util.List<String> tags,
            @Column(length = 5) int views) {}
        """);
    Compilation compilation = compile(post);
    assertThat(compilation).hadErrorCount(4);
    assertThat(compilation).hadErrorContaining("[retort:index-unknown-column]").inFile(post).onLineContaining("@Index");
    assertThat(compilation).hadErrorContaining("[retort:generated-id-type]").inFile(post).onLineContaining("@Id");
    assertThat(compilation).hadErrorContaining("[retort:unsupported-type]").inFile(post).onLineContaining("tags");
    assertThat(compilation).hadErrorContaining("[retort:size-not-applicable]").inFile(post).onLineContaining("views");
  }

  @Test
  void aProblemInABaseClassSharedByTwoEntitiesIsReportedOnceOnTheBaseClass() {
    JavaFileObject base = source("com.example.Base", """
        package com.example;
        public abstract class Base {
          protected long id;
          protected java.util.List<String> tags;
        }
        """);
    JavaFileObject post = source("com.example.Post", """
        package com.example;
        @dev.retort.Table
        public class Post extends Base {}
        """);
    JavaFileObject page = source("com.example.Page", """
        package com.example;
        @dev.retort.Table
        public class Page extends Base {}
        """);
    assertOnlyError(
        compile(base, post, page), base,
        "Base.tags has Java type java.util.List<java.lang.String>, which Retort does not map",
        "java.util.List<String> tags");
  }

  @Test
  void anAnnotationJavacRejectsGetsNoSecondMessage() {
    JavaFileObject event = source("com.example.Event", """
        package com.example;
        import dev.retort.*;
        @Table
        @Index(unique = true)
        public record Event(@Id long id, @RenamedFrom String title) {}
        """);
    Compilation compilation = compile(event);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("columns").inFile(event).onLineContaining("@Index");
    assertThat(compilation).hadErrorContaining("value").inFile(event).onLineContaining("@RenamedFrom");
  }

  static JavaFileObject source(String name, String code) {
    return JavaFileObjects.forSourceString(name, code);
  }

  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new ScanningProcessor()).compile(sources);
  }

  /** Asserts that the compilation failed with exactly one error, containing the message, on the line. */
  static void assertOnlyError(Compilation compilation, JavaFileObject file, String message, String lineSubstring) {
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLineContaining(lineSubstring);
  }
}
