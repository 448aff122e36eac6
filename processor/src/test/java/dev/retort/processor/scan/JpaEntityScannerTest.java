package dev.retort.processor.scan;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.retort.model.RenameHints;
import dev.retort.processor.options.EntitySource;
import dev.retort.processor.options.SequenceNaming;
import dev.retort.snapshot.SnapshotCodec;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The model JPA entities give with {@code -Aretort.entities=jpa}, and the errors on what Retort does
 * not read. Each mapping test compiles JPA entities with the scanner and compares the schema, written
 * as a snapshot, with the expected text.
 */
class JpaEntityScannerTest {

  @Nested
  class Mapping {

    @Test
    void namesFollowSpringBootsHibernateNaming() {
      assertThat(schemaOf(source("com.example.OrderLine", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          public class OrderLine {
            @Id Long id;
            String productCode;
            int quantity;
            String userID;
            @Column(name = "unitPrice") Integer price;
          }
          """))).isEqualTo("""
          table order_line
            column id bigint not null
            column product_code varchar(255) null
            column quantity integer not null
            column userid varchar(255) null
            column unit_price integer null
            primary key pk_order_line (id)
          """);
    }

    @Test
    void tableNameComesFromTableThenEntityName() {
      assertThat(schemaOf(
          source("com.example.Book", """
              package com.example;
              import jakarta.persistence.*;
              @Entity(name = "LibraryBook")
              public class Book { @Id long id; }
              """),
          source("com.example.Author", """
              package com.example;
              import jakarta.persistence.*;
              @Entity(name = "Writer")
              @Table(name = "authors", schema = "Catalog")
              public class Author { @Id long id; }
              """))).isEqualTo("""
          table authors schema catalog
            column id bigint not null
            primary key pk_authors (id)
          table library_book
            column id bigint not null
            primary key pk_library_book (id)
          """);
    }

    @Test
    void columnAttributesGiveTypeNullabilityAndUniqueness() {
      assertThat(schemaOf(source("com.example.Product", """
          package com.example;
          import jakarta.persistence.*;
          import java.math.BigDecimal;
          @Entity
          public class Product {
            @Id @GeneratedValue(strategy = GenerationType.IDENTITY) long id;
            @Column(nullable = false, length = 40, unique = true) String sku;
            @Column(precision = 12, scale = 3) BigDecimal weight;
            @Column(precision = 10) BigDecimal price;
            BigDecimal discount;
            @Column(columnDefinition = "json") String attributes;
            @Basic(optional = false) String title;
            @Version Integer version;
            @Lob String description;
            @Lob byte[] image;
            byte[] thumbnail;
            @Column(length = 16) byte[] digest;
          }
          """))).isEqualTo("""
          table product
            column id bigint not null identity
            column sku varchar(40) not null
            column weight decimal(12,3) null
            column price decimal(10,0) null
            column discount decimal(38,2) null
            column attributes json null
            column title varchar(255) not null
            column version integer null
            column description text null
            column image blob null
            column thumbnail varbinary(255) null
            column digest varbinary(16) null
            primary key pk_product (id)
            unique uq_product_sku (sku)
          """);
    }

    /**
     * Hibernate 7.4 on H2, PostgreSQL and MariaDB declares {@code timestamp(6)} for a timestamp and
     * {@code time(0)} for a time without a {@code secondPrecision}, and that many digits with one.
     */
    @Test
    void timesAndTimestampsTakeHibernatesDigitsOfTheSecond() {
      assertThat(schemaOf(source("com.example.Visit", """
          package com.example;
          import jakarta.persistence.*;
          import java.time.*;
          @Entity
          public class Visit {
            @Id long id;
            LocalDateTime arrivedAt;
            Instant seenAt;
            LocalTime opensAt;
            @Column(secondPrecision = 0) LocalDateTime leftAt;
            @Column(secondPrecision = 3) OffsetDateTime paidAt;
            @Column(secondPrecision = 6) LocalTime closesAt;
            @Column(secondPrecision = 2) LocalTime breakAt;
            @Column(columnDefinition = "time") LocalTime exactAt;
          }
          """))).isEqualTo("""
          table visit
            column id bigint not null
            column arrived_at timestamp null
            column seen_at timestamp with time zone null
            column opens_at time(0) null
            column left_at timestamp(0) null
            column paid_at timestamp(3) with time zone null
            column closes_at time null
            column break_at time(2) null
            column exact_at time null
            primary key pk_visit (id)
          """);
    }

    @Test
    void enumsAreStoredByOrdinalUnlessEnumeratedString() {
      assertThat(schemaOf(source("com.example.Ticket", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          public class Ticket {
            @Id long id;
            Priority priority;
            @Enumerated(EnumType.ORDINAL) Priority previous;
            @Enumerated(EnumType.STRING) Priority label;
            @Enumerated(EnumType.STRING) @Column(length = 10, nullable = false) Priority shortLabel;
            enum Priority { LOW, HIGH }
          }
          """))).isEqualTo("""
          table ticket
            column id bigint not null
            column priority smallint null
            column previous smallint null
            column label varchar(255) null
            column short_label varchar(10) not null
            primary key pk_ticket (id)
          """);
    }

    @Test
    void transientStaticAndInverseFieldsMapToNoColumn() {
      assertThat(schemaOf(source("com.example.Basket", """
          package com.example;
          import jakarta.persistence.*;
          import java.util.*;
          @Entity
          public class Basket {
            static int created;
            @Id long id;
            transient String cache;
            @Transient String display;
            @OneToMany(mappedBy = "basket") List<Object> items;
            @org.jspecify.annotations.NonNull String owner;
          }
          """), source("org.jspecify.annotations.NonNull", """
          package org.jspecify.annotations;
          import java.lang.annotation.*;
          @Target({ElementType.FIELD, ElementType.TYPE_USE}) public @interface NonNull {}
          """))).isEqualTo("""
          table basket
            column id bigint not null
            column owner varchar(255) not null
            primary key pk_basket (id)
          """);
    }

    @Test
    void tableUniqueConstraintsAndIndexesTakeJpaColumnNames() {
      assertThat(schemaOf(source("com.example.Coupon", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          @Table(
              uniqueConstraints = @UniqueConstraint(name = "uq_coupon_code", columnNames = {"customerId", "code"}),
              indexes = {@Index(columnList = "validUntil, code ASC"), @Index(name = "ux_coupon_label", columnList = "label", unique = true)})
          public class Coupon {
            @Id long id;
            long customerId;
            String code;
            java.time.LocalDate validUntil;
            String label;
          }
          """))).isEqualTo("""
          table coupon
            column id bigint not null
            column customer_id bigint not null
            column code varchar(255) null
            column valid_until date null
            column label varchar(255) null
            primary key pk_coupon (id)
            unique uq_coupon_code (customer_id, code)
            index ix_coupon_valid_until_code (valid_until, code)
            index ux_coupon_label (label) unique
          """);
    }

    @Test
    void mappedSuperclassFieldsComeFirstAndPlainSuperclassesHoldNoColumns() {
      assertThat(schemaOf(source("com.example.Invoice", """
          package com.example;
          import jakarta.persistence.*;
          import java.time.Instant;
          @MappedSuperclass
          abstract class BaseEntity {
            @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
            Instant createdAt;
          }
          abstract class Auditable extends BaseEntity {
            String notPersistent;
          }
          @Entity
          public class Invoice extends Auditable {
            int number;
          }
          """))).isEqualTo("""
          table invoice
            column id bigint not null identity
            column created_at timestamp with time zone null
            column number integer not null
            primary key pk_invoice (id)
          """);
    }

    @Test
    void embeddablesAreFlattenedWithTheirAttributeNamesOrOverrides() {
      assertThat(schemaOf(source("com.example.Customer", """
          package com.example;
          import jakarta.persistence.*;
          @Embeddable
          class Address {
            String street;
            @Column(length = 10) String postCode;
            Geo geo;
          }
          @Embeddable
          class Geo {
            double latitude;
          }
          @Entity
          public class Customer {
            @Id long id;
            @Embedded Address home;
            @AttributeOverride(name = "street", column = @Column(name = "work_street", nullable = false))
            @AttributeOverrides({
              @AttributeOverride(name = "postCode", column = @Column(name = "work_post_code", length = 12)),
              @AttributeOverride(name = "geo.latitude", column = @Column(name = "work_latitude"))})
            Address work;
          }
          """))).isEqualTo("""
          table customer
            column id bigint not null
            column street varchar(255) null
            column post_code varchar(10) null
            column latitude double not null
            column work_street varchar(255) not null
            column work_post_code varchar(12) null
            column work_latitude double not null
            primary key pk_customer (id)
          """);
    }

    @Test
    void manyToOneAndOwningOneToOneGiveJoinColumnsWithForeignKeys() {
      assertThat(schemaOf(
          source("com.example.Author", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              public class Author {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                @Column(length = 20, unique = true) String handle;
              }
              """),
          source("com.example.Publisher", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              public class Publisher {
                @Id @Column(length = 10) String code;
              }
              """),
          source("com.example.Cover", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              public class Cover {
                @Id long id;
                @OneToOne(mappedBy = "cover") Book book;
              }
              """),
          source("com.example.Book", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              public class Book {
                @Id long id;
                @ManyToOne(optional = false) Author author;
                @ManyToOne @JoinColumn(name = "editorHandle", referencedColumnName = "handle") Author editor;
                @ManyToOne(fetch = FetchType.LAZY)
                @JoinColumn(name = "pub", nullable = false, foreignKey = @ForeignKey(name = "fk_book_publisher"))
                Publisher publisher;
                @OneToOne Cover cover;
                @ManyToOne @JoinColumn(foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT)) Book sequel;
              }
              """))).isEqualTo("""
          table author
            column id bigint not null identity
            column handle varchar(20) null
            primary key pk_author (id)
            unique uq_author_handle (handle)
          table book
            column id bigint not null
            column author_id bigint not null
            column editor_handle varchar(20) null
            column pub varchar(10) not null
            column cover_id bigint null
            column sequel_id bigint null
            primary key pk_book (id)
            unique uq_book_cover_id (cover_id)
            foreign key fk_book_author_id (author_id) references author (id) on delete no action on update no action
            foreign key fk_book_cover_id (cover_id) references cover (id) on delete no action on update no action
            foreign key fk_book_editor_handle (editor_handle) references author (handle) on delete no action on update no action
            foreign key fk_book_publisher (pub) references publisher (code) on delete no action on update no action
          table cover
            column id bigint not null
            primary key pk_cover (id)
          table publisher
            column code varchar(10) not null
            primary key pk_publisher (code)
          """);
    }

    @Test
    void anEntityWithRetortsViewIsAViewNamedAsHibernateNamesItsTable() {
      assertThat(schemaOf(
          source("org.hibernate.annotations.Immutable", """
              package org.hibernate.annotations;
              public @interface Immutable {}
              """),
          source("com.example.OrderLine", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              @Table(name = "order_lines")
              public class OrderLine { @Id long id; long orderId; int amount; }
              """),
          source("com.example.OrderTotal", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              @org.hibernate.annotations.Immutable
              @Table(name = "order_totals")
              @dev.retort.View("SELECT order_id, sum(amount) AS total FROM order_lines GROUP BY order_id")
              public class OrderTotal { @Id long orderId; long total; }
              """),
          source("com.example.LineCounter", """
              package com.example;
              import jakarta.persistence.*;
              @Entity(name = "LineCount")
              @dev.retort.View("SELECT count(*) AS n FROM order_lines")
              public class LineCounter { @Id long n; }
              """),
          source("com.example.BigOrder", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              @Table(schema = "Reports")
              @dev.retort.View("SELECT order_id FROM order_lines WHERE amount > 100")
              public class BigOrder { @Id long orderId; }
              """),
          source("com.example.SmallOrder", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              @Table(name = "small_orders", schema = "reports")
              @dev.retort.View(name = "small_orders", value = "SELECT order_id FROM order_lines WHERE amount < 10")
              public class SmallOrder { @Id long orderId; }
              """))).isEqualTo("""
          table order_lines
            column id bigint not null
            column order_id bigint not null
            column amount integer not null
            primary key pk_order_lines (id)
          view big_order schema reports as 'SELECT order_id FROM order_lines WHERE amount > 100'
          view line_count as 'SELECT count(*) AS n FROM order_lines'
          view order_totals as 'SELECT order_id, sum(amount) AS total FROM order_lines GROUP BY order_id'
          view small_orders schema reports as 'SELECT order_id FROM order_lines WHERE amount < 10'
          """);
    }

    @Test
    void hibernatesColumnDefaultIsTheColumnsDefault() {
      assertThat(schemaOf(
          COLUMN_DEFAULT,
          source("com.example.Address", """
              package com.example;
              import jakarta.persistence.*;
              import org.hibernate.annotations.ColumnDefault;
              @Embeddable
              public class Address {
                @ColumnDefault("'NL'") @Column(length = 2) String country;
              }
              """),
          source("com.example.Account", """
              package com.example;
              import jakarta.persistence.*;
              import org.hibernate.annotations.ColumnDefault;
              @Entity
              public class Account {
                @Id long id;
                @ColumnDefault("false") @Column(nullable = false) boolean newsletter;
                @ColumnDefault("0") int visits;
                @ColumnDefault("-12.50") @Column(precision = 5, scale = 2) java.math.BigDecimal fee;
                @ColumnDefault(" 'it''s new' ") String motto;
                @ColumnDefault("'NEW'") @Enumerated(EnumType.STRING) @Column(length = 10) State state;
                @ColumnDefault("CURRENT_TIMESTAMP") java.time.Instant createdAt;
                @Embedded Address address;
                public enum State { NEW, OPEN }
              }
              """))).isEqualTo("""
          table account
            column id bigint not null
            column newsletter boolean not null default 'false'
            column visits integer not null default '0'
            column fee decimal(5,2) null default '-12.50'
            column motto varchar(255) null default 'it''s new'
            column state varchar(10) null default 'NEW'
            column created_at timestamp with time zone null default expression 'CURRENT_TIMESTAMP'
            column country varchar(2) null default 'NL'
            primary key pk_account (id)
          """);
    }

    @Test
    void hibernatesOwnViewIsAViewNamedAsTheEntitysTable() {
      assertThat(schemaOf(
          source("org.hibernate.annotations.View", """
              package org.hibernate.annotations;
              public @interface View { String query(); }
              """),
          source("com.example.Detail", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              public class Detail { @Id long id; String type; long amount; @ManyToOne Summary summary; }
              """),
          source("com.example.Summary", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              @Table(name = "summary", schema = "reports")
              @org.hibernate.annotations.View(query = \"""
                  select type, sum(amount) as total
                  from detail
                  group by type
                  \""")
              public class Summary { @Id String type; Long total; }
              """))).isEqualTo("""
          table detail
            column id bigint not null
            column type varchar(255) null
            column amount bigint not null
            column summary_type varchar(255) null
            primary key pk_detail (id)
          view summary schema reports as 'select type, sum(amount) as total\\nfrom detail\\ngroup by type'
          """);
    }

    @Test
    void aSubselectEntityHasNoTableAndAJoinColumnToItOrToAViewNoForeignKey() {
      assertThat(schemaOf(
          source("org.hibernate.annotations.Subselect", """
              package org.hibernate.annotations;
              public @interface Subselect { String value(); }
              """),
          source("com.example.Detail", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              public class Detail { @Id long id; String type; long amount; }
              """),
          source("com.example.Summary", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              @org.hibernate.annotations.Subselect("select type, sum(amount) as total from detail group by type")
              public class Summary { @Id String type; Long total; }
              """),
          source("com.example.Note", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              public class Note { @Id long id; @ManyToOne Summary summary; @ManyToOne Totals totals; }
              """),
          source("com.example.Totals", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              @dev.retort.View("SELECT type, sum(amount) AS total FROM detail GROUP BY type")
              public class Totals { @Id String type; Long total; }
              """))).isEqualTo("""
          table detail
            column id bigint not null
            column type varchar(255) null
            column amount bigint not null
            primary key pk_detail (id)
          table note
            column id bigint not null
            column summary_type varchar(255) null
            column totals_type varchar(255) null
            primary key pk_note (id)
          view totals as 'SELECT type, sum(amount) AS total FROM detail GROUP BY type'
          """);
    }

    @Test
    void hibernatesOnDeleteIsTheForeignKeysActionOnDelete() {
      assertThat(schemaOf(
          source("org.hibernate.annotations.OnDelete", """
              package org.hibernate.annotations;
              public @interface OnDelete { OnDeleteAction action(); }
              """),
          source("org.hibernate.annotations.OnDeleteAction", """
              package org.hibernate.annotations;
              public enum OnDeleteAction { NO_ACTION, CASCADE, RESTRICT, SET_NULL, SET_DEFAULT }
              """),
          source("com.example.Author", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              public class Author { @Id long id; }
              """),
          source("com.example.Book", """
              package com.example;
              import jakarta.persistence.*;
              import org.hibernate.annotations.*;
              @Entity
              public class Book {
                @Id long id;
                @ManyToOne @OnDelete(action = OnDeleteAction.CASCADE) Author author;
              }
              """))).contains(
          "foreign key fk_book_author_id (author_id) references author (id) on delete cascade on update no action");
    }

    @Test
    void keysFromASequenceDeclareTheSequenceHibernateUses() {
      assertThat(schemaOf(
          source("com.example.Book", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              public class Book { @Id @GeneratedValue Long id; @GeneratedValue Long serial; }
              """),
          source("com.example.Author", """
              package com.example;
              import jakarta.persistence.*;
              @Entity(name = "LibraryAuthor")
              @Table(name = "Authors", schema = "Catalog")
              public class Author { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) int id; }
              """),
          source("com.example.Invoice", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              public class Invoice {
                @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoiceIds")
                @SequenceGenerator(name = "invoiceIds", sequenceName = "documentNumbers", initialValue = 1000,
                    allocationSize = 10)
                Long id;
              }
              """),
          source("com.example.Receipt", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              @SequenceGenerator(name = "receiptIds", sequenceName = "documentNumbers", initialValue = 1000,
                  allocationSize = 10)
              public class Receipt { @Id @GeneratedValue(generator = "receiptIds") Long id; }
              """),
          source("com.example.Tag", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              public class Tag {
                @Id @GeneratedValue(strategy = GenerationType.AUTO, generator = "tag_ids")
                @SequenceGenerator(name = "tag_ids", schema = "Lookup", allocationSize = 1)
                Long id;
              }
              """),
          source("com.example.Token", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              public class Token { @Id @GeneratedValue java.util.UUID id; }
              """))).isEqualTo("""
          table authors schema catalog
            column id integer not null
            primary key pk_authors (id)
          table book
            column id bigint not null
            column serial bigint null
            primary key pk_book (id)
          table invoice
            column id bigint not null
            primary key pk_invoice (id)
          table receipt
            column id bigint not null
            primary key pk_receipt (id)
          table tag
            column id bigint not null
            primary key pk_tag (id)
          table token
            column id uuid not null
            primary key pk_token (id)
          sequence authors_seq start 1 increment 50
          sequence book_seq start 1 increment 50
          sequence document_numbers start 1000 increment 10
          sequence tag_ids schema lookup start 1 increment 1
          """);
    }

    @Test
    void aSequenceGeneratorOnAMappedSuperclassGivesItsEntitiesOneSequence() {
      assertThat(schemaOf(
          source("com.example.Base", """
              package com.example;
              import jakarta.persistence.*;
              @MappedSuperclass
              @SequenceGenerator(name = "ids", sequenceName = "shared_ids", allocationSize = 20)
              public abstract class Base { @Id @GeneratedValue(generator = "ids") Long id; }
              """),
          source("com.example.Book", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              public class Book extends Base {}
              """),
          source("com.example.Author", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              public class Author extends Base {}
              """))).isEqualTo("""
          table author
            column id bigint not null
            primary key pk_author (id)
          table book
            column id bigint not null
            primary key pk_book (id)
          sequence shared_ids start 1 increment 20
          """);
    }

    @Test
    void checkConstraintsAndCommentsOfJakartaPersistence32AreTheTablesChecksAndComments() {
      assertThat(schemaOf(
          source("com.example.Maker", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              public class Maker { @Id long id; }
              """),
          source("com.example.Product", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              @Table(comment = "what the shop sells", check = {
                  @CheckConstraint(name = "ck_price_below_list", constraint = "price <= list_price"),
                  @CheckConstraint(constraint = "price >= 0"),
                  @CheckConstraint(constraint = "list_price >= 0")})
              public class Product {
                @Id long id;
                @Column(precision = 12, scale = 2, comment = "what the customer pays",
                    check = @CheckConstraint(constraint = "price < 1000000"))
                java.math.BigDecimal price;
                @Column(precision = 12, scale = 2, check = {
                    @CheckConstraint(constraint = "list_price > 0"),
                    @CheckConstraint(name = "ck_list_price_whole", constraint = "list_price = floor(list_price)"),
                    @CheckConstraint(constraint = "list_price < 2000000")})
                java.math.BigDecimal listPrice;
                @Column(secondPrecision = 6) java.time.Instant createdAt;
                @ManyToOne
                @JoinColumn(comment = "who made it", check = @CheckConstraint(constraint = "maker_id <> 0"))
                Maker maker;
              }
              """))).isEqualTo("""
          table maker
            column id bigint not null
            primary key pk_maker (id)
          table product comment 'what the shop sells'
            column id bigint not null
            column price decimal(12,2) null comment 'what the customer pays'
            column list_price decimal(12,2) null
            column created_at timestamp with time zone null
            column maker_id bigint null comment 'who made it'
            primary key pk_product (id)
            foreign key fk_product_maker_id (maker_id) references maker (id) on delete no action on update no action
            check ck_list_price_whole 'list_price = floor(list_price)'
            check ck_price_below_list 'price <= list_price'
            check ck_product 'price >= 0'
            check ck_product_2 'list_price >= 0'
            check ck_product_list_price 'list_price > 0'
            check ck_product_list_price_2 'list_price < 2000000'
            check ck_product_maker_id 'maker_id <> 0'
            check ck_product_price 'price < 1000000'
          """);
    }

    @Test
    void aJoinTableTakesTheCommentAndChecksOfItsJoinTable() {
      assertThat(schemaOf(
          source("com.example.Tag", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              public class Tag { @Id long id; }
              """),
          source("com.example.Book", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              public class Book {
                @Id long id;
                @ManyToMany
                @JoinTable(comment = "the tags of each book", check = @CheckConstraint(constraint = "tags_id > 0"),
                    joinColumns = @JoinColumn(name = "book_id", comment = "the book"))
                java.util.Set<Tag> tags;
              }
              """))).contains("""
          table book_tags comment 'the tags of each book'
            column book_id bigint not null comment 'the book'
            column tags_id bigint not null
            primary key pk_book_tags (book_id, tags_id)
            foreign key fk_book_tags_book_id (book_id) references book (id) on delete no action on update no action
            foreign key fk_book_tags_tags_id (tags_id) references tag (id) on delete no action on update no action
            check ck_book_tags 'tags_id > 0'
          """);
    }

    @Test
    void generatorsInAPackageAreFoundWhereHibernateFindsThem() {
      assertThat(schemaOf(
          source("com.example.billing.package-info", """
              @SequenceGenerator(name = "billingIds", sequenceName = "billing_ids", initialValue = 500,
                  allocationSize = 5)
              package com.example.billing;
              import jakarta.persistence.SequenceGenerator;
              """),
          source("com.example.billing.CreditNote", """
              package com.example.billing;
              import jakarta.persistence.*;
              @Entity
              public class CreditNote { @Id @GeneratedValue Long id; }
              """),
          source("com.example.billing.Refund", """
              package com.example.billing;
              import jakarta.persistence.*;
              @Entity
              public class Refund { @Id @GeneratedValue(generator = "billingIds") Long id; }
              """),
          source("com.example.billing.Rebate", """
              package com.example.billing;
              import jakarta.persistence.*;
              @Entity
              @SequenceGenerator(name = "rebateIds", sequenceName = "rebate_ids", allocationSize = 1)
              public class Rebate { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id; }
              """),
          source("com.example.Parcel", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              @SequenceGenerator(name = "parcelIds", sequenceName = "parcel_numbers", allocationSize = 10)
              public class Parcel { @Id @GeneratedValue(generator = "parcelIds") Long id; }
              """),
          source("com.example.Letter", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              public class Letter { @Id @GeneratedValue(generator = "billingIds") Long id; }
              """),
          source("com.example.Stamp", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              public class Stamp {
                @Id @GeneratedValue @SequenceGenerator(name = "stampIds", initialValue = 10) Long id;
              }
              """))).endsWith("""
          sequence billing_ids start 500 increment 5
          sequence parcel_numbers start 1 increment 10
          sequence rebate_ids start 1 increment 1
          sequence stamp_ids start 10 increment 50
          """);
    }

    @Test
    void legacyAndSingleSequenceNamingShareHibernateSequenceAmongTheKeysWithoutAGenerator() {
      JavaFileObject[] sources = {
          source("com.example.Book", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              public class Book { @Id @GeneratedValue Long id; }
              """),
          source("com.example.Author", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              public class Author { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) int id; }
              """),
          source("com.example.Invoice", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              public class Invoice {
                @Id @GeneratedValue(generator = "invoiceIds") @SequenceGenerator(name = "invoiceIds") Long id;
              }
              """)};
      String sequences = """
          sequence hibernate_sequence start 1 increment 1
          sequence invoice_ids start 1 increment 50
          """;
      assertThat(schemaOf(SequenceNaming.LEGACY, sources)).endsWith(sequences);
      assertThat(schemaOf(SequenceNaming.SINGLE, sources)).endsWith(sequences);
      assertThat(schemaOf(SequenceNaming.STANDARD, sources)).endsWith("""
          sequence author_seq start 1 increment 50
          sequence book_seq start 1 increment 50
          sequence invoice_ids start 1 increment 50
          """);
    }

    @Test
    void retortsIndexUniqueAndCheckOnAJpaEntityAreReadAsOnATableEntity() {
      assertThat(schemaOf(source("com.example.Event", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          @Table(indexes = @Index(columnList = "startsOn"))
          @dev.retort.Index(columns = {"venue", "starts_on"}, unique = true)
          @dev.retort.Unique(name = "uq_event_code", columns = "code")
          @dev.retort.Check(name = "ck_event_seats", expression = "seats > 0")
          public class Event {
            @Id long id;
            String code;
            String venue;
            java.time.LocalDate startsOn;
            int seats;
          }
          """))).isEqualTo("""
          table event
            column id bigint not null
            column code varchar(255) null
            column venue varchar(255) null
            column starts_on date null
            column seats integer not null
            primary key pk_event (id)
            unique uq_event_code (code)
            index ix_event_starts_on (starts_on)
            index ux_event_venue_starts_on (venue, starts_on) unique
            check ck_event_seats 'seats > 0'
          """);
    }

    @Test
    void javaxPersistenceIsReadAsJakartaPersistence() {
      assertThat(schemaOf(
          source("javax.persistence.Entity", """
              package javax.persistence;
              public @interface Entity { String name() default ""; }
              """),
          source("javax.persistence.Id", """
              package javax.persistence;
              public @interface Id {}
              """),
          source("javax.persistence.Column", """
              package javax.persistence;
              public @interface Column { String name() default ""; boolean nullable() default true; }
              """),
          source("com.example.LegacyBook", """
              package com.example;
              import javax.persistence.*;
              @Entity
              public class LegacyBook {
                @Id long id;
                @Column(name = "bookTitle", nullable = false) String title;
              }
              """))).isEqualTo("""
          table legacy_book
            column id bigint not null
            column book_title varchar(255) not null
            primary key pk_legacy_book (id)
          """);
    }

    @Test
    void aReadOnlyFieldSharesTheColumnOfItsAssociation() {
      assertThat(schemaOf(
          source("com.example.Author", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              public class Author { @Id java.util.UUID id; }
              """),
          source("com.example.Book", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              public class Book {
                @Id @GeneratedValue(strategy = GenerationType.UUID) java.util.UUID id;
                @Column(name = "author_id", insertable = false, updatable = false) java.util.UUID authorId;
                @ManyToOne(optional = false) Author author;
              }
              """))).isEqualTo("""
          table author
            column id uuid not null
            primary key pk_author (id)
          table book
            column id uuid not null
            column author_id uuid not null
            primary key pk_book (id)
            foreign key fk_book_author_id (author_id) references author (id) on delete no action on update no action
          """);
    }

    @Test
    void anOwningManyToManyDeclaresItsJoinTable() {
      assertThat(schemaOf(
          source("com.example.Author", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              public class Author { @Id @Column(length = 8) String code; }
              """),
          source("com.example.Tag", """
              package com.example;
              import jakarta.persistence.*;
              import java.util.Set;
              @Entity
              public class Tag {
                @Id Long id;
                @ManyToMany(mappedBy = "tags") Set<Book> books;
              }
              """),
          source("com.example.Book", """
              package com.example;
              import jakarta.persistence.*;
              import java.util.*;
              @Entity
              public class Book {
                @Id long id;
                @ManyToMany Set<Tag> tags;
                @ManyToMany
                @JoinTable(name = "book_authors", joinColumns = @JoinColumn(name = "book"),
                    inverseJoinColumns = @JoinColumn(name = "author"), foreignKey = @ForeignKey(name = "fk_ba_book"))
                List<Author> authors;
                @ManyToMany Set<Book> related;
              }
              """))).isEqualTo("""
          table author
            column code varchar(8) not null
            primary key pk_author (code)
          table book
            column id bigint not null
            primary key pk_book (id)
          table book_authors
            column book bigint not null
            column author varchar(8) not null
            foreign key fk_ba_book (book) references book (id) on delete no action on update no action
            foreign key fk_book_authors_author (author) references author (code) on delete no action on update no action
          table book_related
            column book_id bigint not null
            column related_id bigint not null
            primary key pk_book_related (book_id, related_id)
            foreign key fk_book_related_book_id (book_id) references book (id) on delete no action on update no action
            foreign key fk_book_related_related_id (related_id) references book (id) on delete no action on update no action
          table book_tags
            column books_id bigint not null
            column tags_id bigint not null
            primary key pk_book_tags (books_id, tags_id)
            foreign key fk_book_tags_books_id (books_id) references book (id) on delete no action on update no action
            foreign key fk_book_tags_tags_id (tags_id) references tag (id) on delete no action on update no action
          table tag
            column id bigint not null
            primary key pk_tag (id)
          """);
    }

    @Test
    void retortsRenamedFromMakesRenamesOfJpaTablesAndColumns() {
      ScanningProcessor processor = new ScanningProcessor(EntitySource.JPA);
      Compilation compilation = javac().withProcessors(processor).compile(
          source("com.example.Author", """
              package com.example;
              import jakarta.persistence.*;
              @Entity
              public class Author { @Id long id; }
              """),
          source("com.example.Customer", """
              package com.example;
              import dev.retort.RenamedFrom;
              import jakarta.persistence.*;
              @Entity
              @Table(name = "customers")
              @RenamedFrom("clients")
              public class Customer {
                @Id long id;
                @RenamedFrom("mail") String email;
                @ManyToOne @RenamedFrom("writer_id") Author author;
              }
              """));
      assertThat(compilation).succeededWithoutWarnings();
      assertThat(processor.result().hints()).isEqualTo(new RenameHints(
          Map.of("customers", "clients"), Map.of("customers", Map.of("email", "mail", "author_id", "writer_id"))));
    }

    @Test
    void aRetortBuildIgnoresJpaEntities() {
      assertThat(EntityScannerMappingTest.schemaOf(source("com.example.Book", """
          package com.example;
          @jakarta.persistence.Entity
          public class Book { @jakarta.persistence.Id long id; }
          """))).isEmpty();
    }
  }

  @Nested
  class Errors {

    @Test
    void aRetortTableInAJpaBuildIsReported() {
      JavaFileObject book = source("com.example.Book", """
          package com.example;
          @dev.retort.Table
          public record Book(@dev.retort.Id long id) {}
          """);
      Compilation compilation = compile(book);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation)
          .hadErrorContaining("Book is annotated @dev.retort.Table, but this build reads JPA @Entity classes"
              + " (-Aretort.entities=jpa) and would ignore it")
          .inFile(book).onLineContaining("@dev.retort.Table");
    }

    @Test
    void aViewNamedOtherThanItsEntitysTableIsReported() {
      JavaFileObject total = source("com.example.OrderTotal", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          @Table(name = "order_totals")
          @dev.retort.View(name = "totals", value = "SELECT 1 AS order_id")
          public class OrderTotal { @Id long orderId; }
          """);
      Compilation compilation = compile(total);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation)
          .hadErrorContaining("@View(name = \"totals\") on OrderTotal names the view other than the table its @Entity"
              + " maps to, order_totals, by which Hibernate reads it: leave the name out of @View, or give the"
              + " same name to both [retort:view-name-not-table]")
          .inFile(total).onLineContaining("@dev.retort.View");
    }

    @Test
    void aViewSchemaOtherThanItsEntitysTableSchemaIsReportedOnTheViewsSchema() {
      JavaFileObject total = source("com.example.OrderTotal", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          @Table(name = "order_totals", schema = "sales")
          @dev.retort.View(
              schema = "reports",
              value = "SELECT 1 AS order_id")
          public class OrderTotal { @Id long orderId; }
          """);
      Compilation compilation = compile(total);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation)
          .hadErrorContaining("@View(schema = \"reports\") on OrderTotal puts the view in another schema than the"
              + " table its @Entity maps to, sales.order_totals, where Hibernate reads it: remove schema from @View, or"
              + " give @Table(schema) the same schema [retort:view-schema-not-table]")
          .inFile(total).onLineContaining("schema = \"reports\"");
    }

    @Test
    void aViewSchemaOnAnEntityWhoseTableHasNoneIsReported() {
      JavaFileObject total = source("com.example.OrderTotal", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          @dev.retort.View(schema = "reports", value = "SELECT 1 AS order_id")
          public class OrderTotal { @Id long orderId; }
          """);
      Compilation compilation = compile(total);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation)
          .hadErrorContaining("@View(schema = \"reports\") on OrderTotal puts the view in another schema than the"
              + " table its @Entity maps to, order_total in the connection's own schema, where Hibernate reads it:"
              + " remove schema from @View, or give @Table(schema) the same schema [retort:view-schema-not-table]")
          .inFile(total).onLineContaining("@dev.retort.View");
    }

    @Test
    void aViewSchemaThatHibernateNamesAsTheTableSchemaIsTheSameSchema() {
      assertThat(schemaOf(source("com.example.OrderTotal", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          @Table(name = "order_totals", schema = "Reports")
          @dev.retort.View(schema = "reports", value = "SELECT 1 AS order_id")
          public class OrderTotal { @Id long orderId; }
          """))).isEqualTo("""
          view order_totals schema reports as 'SELECT 1 AS order_id'
          """);
    }

    @Test
    void aViewNamedLikeAnEntitysTableIsReportedAsTaken() {
      JavaFileObject order = source("com.example.Order", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          @Table(name = "orders")
          public class Order { @Id long id; }
          """);
      JavaFileObject view = source("com.example.Orders", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          @dev.retort.View("SELECT id FROM orders")
          public class Orders { @Id long id; }
          """);
      Compilation compilation = compile(order, view);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation)
          .hadErrorContaining("view orders of com.example.Orders is also the name of table orders of com.example.Order")
          .inFile(view).onLineContaining("@dev.retort.View");
    }

    @Test
    void keysFromATableOrAGeneratorRetortCannotFindAreReportedOnTheAnnotation() {
      JavaFileObject book = source("com.example.Book", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          public class Book {
            @Id @GeneratedValue(strategy = GenerationType.TABLE) Long id;
          }
          """);
      JavaFileObject author = source("com.example.Author", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          public class Author {
            @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "authorIds") Long id;
          }
          """);
      JavaFileObject tag = source("com.example.Tag", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          public class Tag {
            @Id @GeneratedValue(strategy = GenerationType.IDENTITY) String id;
          }
          """);
      JavaFileObject label = source("com.example.Label", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          public class Label {
            @Id @GeneratedValue java.math.BigDecimal id;
          }
          """);
      Compilation compilation = compile(book, author, tag, label);
      assertThat(compilation).hadErrorCount(4);
      assertThat(compilation)
          .hadErrorContaining("@GeneratedValue(strategy = GenerationType.TABLE) on Book.id asks for keys from a table of"
              + " keys; Retort declares no such table: use GenerationType.SEQUENCE (or IDENTITY)"
              + " [retort:jpa-generated-value]")
          .inFile(book).onLineContaining("GenerationType.TABLE");
      assertThat(compilation)
          .hadErrorContaining("@GeneratedValue(generator = \"authorIds\") on Author.id asks for keys from generator"
              + " authorIds; Retort finds no @SequenceGenerator(name = \"authorIds\") on the field, the entity class, the"
              + " class declaring the field, its package or the package of another entity, and Hibernate would take"
              + " them from a sequence author_ids that nothing declares; declare the @SequenceGenerator beside the"
              + " key or in package-info.java [retort:jpa-generated-value]")
          .inFile(author).onLineContaining("generator = \"authorIds\"");
      assertThat(compilation)
          .hadErrorContaining("@GeneratedValue(strategy = GenerationType.IDENTITY) on Tag.id, whose column type is"
              + " varchar(255); only smallint, integer and bigint columns take keys from an identity column")
          .inFile(tag).onLineContaining("GenerationType.IDENTITY");
      assertThat(compilation)
          .hadErrorContaining("@GeneratedValue on Label.id, whose column type is decimal(38,2); only smallint, integer"
              + " and bigint columns take keys from a sequence: use an int or long member [retort:jpa-generated-type]")
          .inFile(label).onLineContaining("@GeneratedValue");
    }

    @Test
    void sequenceGeneratorsThatDifferOrRetortCannotDeclareAreReportedOnTheirAttribute() {
      JavaFileObject invoice = source("com.example.Invoice", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          public class Invoice {
            @Id @GeneratedValue(generator = "ids")
            @SequenceGenerator(name = "ids", sequenceName = "document_ids", allocationSize = 10) Long id;
          }
          """);
      JavaFileObject receipt = source("com.example.Receipt", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          @SequenceGenerator(name = "ids", sequenceName = "document_ids",
              allocationSize = 20)
          public class Receipt {
            @Id @GeneratedValue(generator = "ids") Long id;
          }
          """);
      JavaFileObject card = source("com.example.Card", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          public class Card {
            @Id @GeneratedValue(generator = "cards")
            @SequenceGenerator(name = "cards",
                initialValue = 0) Long id;
          }
          """);
      JavaFileObject note = source("com.example.Note", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          public class Note {
            @Id @GeneratedValue(generator = "notes")
            @SequenceGenerator(name = "notes", catalog = "archive") Long id;
          }
          """);
      JavaFileObject page = source("com.example.Page", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          public class Page {
            @Id @GeneratedValue(generator = "pages")
            @SequenceGenerator(name = "pages", sequenceName = "note") Long id;
          }
          """);
      Compilation compilation = compile(invoice, receipt, card, note, page);
      assertThat(compilation).hadErrorCount(4);
      assertThat(compilation)
          .hadErrorContaining("@SequenceGenerator(name = \"ids\") on Receipt uses sequence document_ids with start 1"
              + " and increment 20, and @SequenceGenerator(name = \"ids\") on com.example.Invoice declares it with"
              + " start 1 and increment 10; give both the same initialValue and allocationSize, or name another"
              + " sequence [retort:jpa-sequence-mismatch]")
          .inFile(receipt).onLineContaining("sequenceName = \"document_ids\"");
      assertThat(compilation)
          .hadErrorContaining("@SequenceGenerator(name = \"cards\") on Card: the start is 0; a sequence starts at 1"
              + " or more, the smallest value PostgreSQL, H2 and MariaDB give an ascending sequence; write"
              + " initialValue = 1 or more [retort:invalid-sequence]")
          .inFile(card).onLineContaining("initialValue = 0");
      assertThat(compilation)
          .hadErrorContaining("@SequenceGenerator(catalog = \"archive\") on Note.id is not supported")
          .inFile(note).onLineContaining("catalog = \"archive\"");
      assertThat(compilation)
          .hadErrorContaining("sequence note on Page is also the name of table note")
          .inFile(page).onLineContaining("sequenceName = \"note\"");
    }

    @Test
    void aGeneratorOnAnotherEntityOrThatPackagesDeclareDifferentlyIsReported() {
      JavaFileObject invoices = source("com.example.invoices.package-info", """
          @SequenceGenerator(name = "ids", sequenceName = "invoice_ids")
          package com.example.invoices;
          import jakarta.persistence.SequenceGenerator;
          """);
      JavaFileObject invoice = source("com.example.invoices.Invoice", """
          package com.example.invoices;
          import jakarta.persistence.*;
          @Entity
          public class Invoice { @Id @GeneratedValue(generator = "ids") Long id; }
          """);
      JavaFileObject receipts = source("com.example.receipts.package-info", """
          @SequenceGenerator(name = "ids", sequenceName = "receipt_ids")
          package com.example.receipts;
          import jakarta.persistence.SequenceGenerator;
          """);
      JavaFileObject receipt = source("com.example.receipts.Receipt", """
          package com.example.receipts;
          import jakarta.persistence.*;
          @Entity
          @SequenceGenerator(name = "parcelIds", sequenceName = "parcel_numbers")
          public class Receipt { @Id @GeneratedValue(generator = "ids") Long id; }
          """);
      JavaFileObject note = source("com.example.Note", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          public class Note {
            @Id @GeneratedValue(generator = "ids") Long id;
          }
          """);
      JavaFileObject parcel = source("com.example.Parcel", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          public class Parcel {
            @Id @GeneratedValue(generator = "parcelIds") Long id;
          }
          """);
      Compilation compilation = compile(invoices, invoice, receipts, receipt, note, parcel);
      assertThat(compilation).hadErrorCount(2);
      assertThat(compilation)
          .hadErrorContaining("@GeneratedValue(generator = \"ids\") on Note.id asks for keys from generator ids;"
              + " @SequenceGenerator(name = \"ids\") is declared differently on com.example.invoices and"
              + " com.example.receipts, and Retort cannot tell which one Hibernate takes; give the generators"
              + " different names, or declare the one for this key beside it [retort:jpa-generated-value]")
          .inFile(note).onLineContaining("generator = \"ids\"");
      assertThat(compilation)
          .hadErrorContaining("@GeneratedValue(generator = \"parcelIds\") on Parcel.id asks for keys from generator"
              + " parcelIds; @SequenceGenerator(name = \"parcelIds\") is on com.example.receipts.Receipt, another"
              + " class, where Hibernate 7 does not look (unless hibernate.jpa.compliance.global_id_generators is"
              + " true), and would take the keys from a sequence parcel_ids that nothing declares; move the"
              + " @SequenceGenerator to package-info.java, or declare it beside this key too"
              + " [retort:jpa-generated-value]")
          .inFile(parcel).onLineContaining("generator = \"parcelIds\"");
    }

    @Test
    void propertyAccessIsReported() {
      JavaFileObject book = source("com.example.Book", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          public class Book {
            Long id;
            @Id public Long getId() { return id; }
          }
          """);
      JavaFileObject author = source("com.example.Author", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          @Access(AccessType.PROPERTY)
          public class Author {
            @Id Long id;
          }
          """);
      Compilation compilation = compile(book, author);
      assertThat(compilation).hadErrorCount(2);
      assertThat(compilation)
          .hadErrorContaining("@Id on Book.getId() makes JPA use property access, and Retort reads JPA entities with"
              + " field access only: move the mapping annotations from the getters to the fields")
          .inFile(book).onLineContaining("getId()");
      assertThat(compilation)
          .hadErrorContaining("@Access(AccessType.PROPERTY) on Author makes JPA use property access")
          .inFile(author).onLineContaining("AccessType.PROPERTY");
    }

    @Test
    void descendingIndexColumnsAreReported() {
      JavaFileObject event = source("com.example.Event", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          @Table(indexes = @Index(columnList = "startsAt DESC"))
          public class Event {
            @Id long id;
            java.time.Instant startsAt;
          }
          """);
      Compilation compilation = compile(event);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation)
          .hadErrorContaining("@Index(columnList = \"startsAt DESC\") on Event: Retort's indexes are ascending,"
              + " and startsAt DESC would make the database's index differ from the model; remove DESC"
              + " [retort:jpa-index-column-list]")
          .inFile(event).onLineContaining("startsAt DESC");
    }

    @Test
    void indexColumnsThatAreNoColumnsAreReportedAsForRetortIndexes() {
      JavaFileObject event = source("com.example.Event", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          @Table(indexes = @Index(columnList = "place"))
          public class Event {
            @Id long id;
          }
          """);
      Compilation compilation = compile(event);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation)
          .hadErrorContaining("@Index(columnList = \"place\") on Event names column place, which table event does not"
              + " have; @Index takes column names")
          .inFile(event);
    }

    @Test
    void columnDefaultThatIsNoValueOfItsColumnIsReported() {
      JavaFileObject book = source("com.example.Book", """
          package com.example;
          import jakarta.persistence.*;
          import org.hibernate.annotations.ColumnDefault;
          @Entity
          public class Book {
            @Id long id;
            @ColumnDefault("'many'") int copies;
            @ColumnDefault("  ") String title;
          }
          """);
      Compilation compilation = compile(COLUMN_DEFAULT, book);
      assertThat(compilation).hadErrorCount(2);
      assertThat(compilation)
          .hadErrorContaining("@ColumnDefault(\"'many'\") on Book.copies is not a value of column type integer:"
              + " it is not a whole number")
          .inFile(book).onLineContaining("'many'");
      assertThat(compilation)
          .hadErrorContaining("@ColumnDefault(\"  \") on Book.title is empty")
          .inFile(book).onLineContaining("\"  \"");
    }

    @Test
    void columnDefinitionRetortCannotReadIsReported() {
      JavaFileObject book = source("com.example.Book", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          public class Book {
            @Id long id;
            @Column(columnDefinition = "varchar(20) default 'x'") String code;
          }
          """);
      Compilation compilation = compile(book);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation)
          .hadErrorContaining("@Column(columnDefinition = \"varchar(20) default 'x'\") on Book.code is not a column"
              + " type Retort reads")
          .inFile(book).onLineContaining("columnDefinition");
    }

    @Test
    void unsupportedMappingsAreReportedOnTheirAnnotation() {
      JavaFileObject book = source("com.example.Book", """
          package com.example;
          import jakarta.persistence.*;
          import java.util.*;
          @Entity
          @Inheritance(strategy = InheritanceType.JOINED)
          @SecondaryTable(name = "book_detail")
          public class Book {
            @Id long id;
            @OneToMany List<Book> sequels;
            @ElementCollection Set<String> tags;
            @Convert String code;
            @Lob int pages;
          }
          """);
      JavaFileObject novel = source("com.example.Novel", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          public class Novel extends Book {
            String genre;
          }
          """);
      Compilation compilation = compile(book, novel);
      assertThat(compilation).hadErrorCount(7);
      assertThat(compilation)
          .hadErrorContaining("@OneToMany without mappedBy on Book.sequels is not supported when Retort reads JPA"
              + " entities: Hibernate would keep it in a join table")
          .inFile(book).onLineContaining("@OneToMany");
      assertThat(compilation)
          .hadErrorContaining("@ElementCollection on Book.tags is not supported")
          .inFile(book).onLineContaining("@ElementCollection");
      assertThat(compilation)
          .hadErrorContaining("@Inheritance on Book is not supported when Retort reads JPA entities: entity"
              + " inheritance maps several classes")
          .inFile(book).onLineContaining("@Inheritance");
      assertThat(compilation)
          .hadErrorContaining("@SecondaryTable on Book is not supported").inFile(book).onLineContaining("@SecondaryTable");
      assertThat(compilation)
          .hadErrorContaining("@Convert on Book.code is not supported").inFile(book).onLineContaining("@Convert");
      assertThat(compilation)
          .hadErrorContaining("@Lob on Book.pages is not supported").inFile(book).onLineContaining("@Lob");
      assertThat(compilation)
          .hadErrorContaining("extending the entity Book on Novel is not supported")
          .inFile(novel).onLineContaining("class Novel");
    }

    @Test
    void aJoinColumnToAColumnThatIsNoKeyIsReportedAsForReferences() {
      JavaFileObject author = source("com.example.Author", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          public class Author {
            @Id Long id;
            String handle;
          }
          """);
      JavaFileObject book = source("com.example.Book", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          public class Book {
            @Id long id;
            @ManyToOne @JoinColumn(referencedColumnName = "handle") Author author;
          }
          """);
      Compilation compilation = compile(author, book);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation)
          .hadErrorContaining("@JoinColumn(referencedColumnName = \"handle\") on Book.author: author.handle is neither"
              + " the primary key nor unique")
          .inFile(book).onLineContaining("referencedColumnName");
    }

    @Test
    void anAssociationToNoEntityIsReported() {
      JavaFileObject book = source("com.example.Book", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          public class Book {
            @Id long id;
            @ManyToOne String author;
          }
          """);
      Compilation compilation = compile(book);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation)
          .hadErrorContaining("@ManyToOne on Book.author is not supported when Retort reads JPA entities:"
              + " java.lang.String is not a JPA @Entity")
          .inFile(book).onLineContaining("@ManyToOne");
    }

    @Test
    void anUnmappedJavaTypeNamesColumnDefinitionAsTheWayOut() {
      JavaFileObject book = source("com.example.Book", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          public class Book {
            @Id long id;
            @Temporal(TemporalType.TIMESTAMP) java.util.Date printedAt;
          }
          """);
      Compilation compilation = compile(book);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation)
          .hadErrorContaining("Book.printedAt has Java type java.util.Date, which Retort does not map to a column type;"
              + " use Instant or OffsetDateTime (a timestamp with time zone) or LocalDateTime (one without), or declare"
              + " the column type with @Column(columnDefinition = \"timestamp with time zone\")")
          .inFile(book).onLineContaining("printedAt");
    }

    @Test
    void aCatalogIsReported() {
      JavaFileObject book = source("com.example.Book", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          @Table(name = "books", catalog = "library")
          public class Book { @Id long id; }
          """);
      Compilation compilation = compile(book);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation)
          .hadErrorContaining("@Table(catalog = \"library\") on Book is not supported when Retort reads JPA entities:"
              + " Retort declares tables in the connection's database")
          .inFile(book).onLineContaining("catalog");
    }

    @Test
    void aJoinTableColumnReferencingAnotherColumnIsReported() {
      JavaFileObject book = source("com.example.Book", """
          package com.example;
          import jakarta.persistence.*;
          import java.util.Set;
          @Entity
          public class Book {
            @Id long id;
            @Column(unique = true) String isbn;
            @ManyToMany
            @JoinTable(joinColumns = @JoinColumn(name = "book_isbn", referencedColumnName = "isbn"))
            Set<Book> related;
          }
          """);
      Compilation compilation = compile(book);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation)
          .hadErrorContaining("@JoinColumn(referencedColumnName = \"isbn\") on Book.related is not supported when"
              + " Retort reads JPA entities: a join table's columns reference the @Id of each side")
          .inFile(book).onLineContaining("referencedColumnName");
    }

    @Test
    void anAssociationOverrideIsReported() {
      JavaFileObject order = source("com.example.Order", """
          package com.example;
          import jakarta.persistence.*;
          @Embeddable
          class Shipping {
            String carrier;
          }
          @Entity
          @Table(name = "orders")
          public class Order {
            @Id long id;
            @Embedded @AssociationOverride(name = "carrier", joinColumns = @JoinColumn(name = "carrier_id"))
            Shipping shipping;
          }
          """);
      Compilation compilation = compile(order);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation)
          .hadErrorContaining("@AssociationOverride on Order.shipping is not supported")
          .inFile(order).onLineContaining("@AssociationOverride");
    }

    @Test
    void checkConstraintsCommentsAndSecondPrecisionsRetortCannotDeclareAreReported() {
      JavaFileObject event = source("com.example.Event", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          @Table(check = @CheckConstraint(name = "ck_event_blank",
              constraint = " "))
          public class Event {
            @Id long id;
            @Column(secondPrecision = 9) java.time.LocalDateTime startsAt;
            @Column(secondPrecision = 0) String title;
            @Column(comment = "\0") String note;
          }
          """);
      Compilation compilation = compile(event);
      assertThat(compilation).hadErrorCount(4);
      assertThat(compilation)
          .hadErrorContaining("@CheckConstraint(name = \"ck_event_blank\") on Event has a blank constraint; write"
              + " the SQL condition, such as constraint = \"price >= 0\" [retort:jpa-check-constraint]")
          .inFile(event).onLineContaining("constraint = \" \"");
      assertThat(compilation)
          .hadErrorContaining("@Column(secondPrecision = 9) on Event.startsAt is not supported when Retort reads JPA"
              + " entities: Retort's time and timestamp columns keep at most 6 digits of the second, microseconds,"
              + " as MariaDB and MySQL do; give 0 to 6, and round the values in the application if more digits"
              + " matter [retort:jpa-unsupported]")
          .inFile(event).onLineContaining("secondPrecision = 9");
      assertThat(compilation)
          .hadErrorContaining("@Column(secondPrecision = 0) on Event.title is not supported when Retort reads JPA"
              + " entities: a precision of seconds applies to time and timestamp columns, and the column is"
              + " varchar(255); remove secondPrecision")
          .inFile(event).onLineContaining("secondPrecision = 0");
      assertThat(compilation)
          .hadErrorContaining("@Column(comment) on Event.note holds the character U+0000")
          .inFile(event).onLineContaining("comment = ");
    }

    @Test
    void aPrecisionOnATimestampIsReportedSinceHibernateIgnoresIt() {
      JavaFileObject visit = source("com.example.Visit", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          public class Visit {
            @Id long id;
            @Column(precision = 3) java.time.LocalDateTime arrivedAt;
          }
          """);
      Compilation compilation = compile(visit);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation)
          .hadErrorContaining("@Column(precision = 3) on Visit.arrivedAt is not supported when Retort reads JPA"
              + " entities: Hibernate ignores a precision on a time or timestamp and declares its own digits of the"
              + " second; write @Column(secondPrecision = 3) for 3 digits [retort:jpa-unsupported]")
          .inFile(visit).onLineContaining("precision = 3");
    }

    @Test
    void scaleWithoutPrecisionIsReported() {
      JavaFileObject book = source("com.example.Book", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          public class Book {
            @Id long id;
            @Column(scale = 4) java.math.BigDecimal price;
          }
          """);
      Compilation compilation = compile(book);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation)
          .hadErrorContaining("@Column(scale = 4) on Book.price is not supported when Retort reads JPA entities:"
              + " Hibernate ignores a scale without a precision")
          .inFile(book).onLineContaining("scale = 4");
    }
  }

  /** Hibernate's {@code @ColumnDefault}, as hibernate-core declares it. */
  private static final JavaFileObject COLUMN_DEFAULT = source("org.hibernate.annotations.ColumnDefault", """
      package org.hibernate.annotations;
      import java.lang.annotation.*;
      @Target({ElementType.FIELD, ElementType.METHOD})
      @Retention(RetentionPolicy.RUNTIME)
      public @interface ColumnDefault { String value(); }
      """);

  private static JavaFileObject source(String name, String code) {
    return JavaFileObjects.forSourceString(name, code);
  }

  private static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new ScanningProcessor(EntitySource.JPA)).compile(sources);
  }

  /** Compiles JPA entities, requires a clean compilation, and returns the schema's snapshot without its header. */
  private static String schemaOf(JavaFileObject... sources) {
    return schemaOf(SequenceNaming.STANDARD, sources);
  }

  /** {@link #schemaOf(JavaFileObject...)} with Hibernate's sequences named as {@code sequenceNaming} says. */
  private static String schemaOf(SequenceNaming sequenceNaming, JavaFileObject... sources) {
    ScanningProcessor processor = new ScanningProcessor(sequenceNaming);
    Compilation compilation = javac().withProcessors(processor).compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    String text = SnapshotCodec.write(processor.result().schema());
    return text.substring(text.indexOf('\n', text.indexOf("retort-snapshot")) + 1);
  }
}
