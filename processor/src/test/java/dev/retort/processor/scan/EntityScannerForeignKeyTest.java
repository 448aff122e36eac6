package dev.retort.processor.scan;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.retort.processor.scan.EntityScannerDiagnosticsTest.assertOnlyError;
import static dev.retort.processor.scan.EntityScannerDiagnosticsTest.compile;
import static dev.retort.processor.scan.EntityScannerDiagnosticsTest.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.retort.ReferentialAction;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.SchemaModel;
import dev.retort.model.TableModel;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code @ForeignKey}: the foreign key of several columns that an entity declares on the class,
 * the model it gives, and every problem it reports, on the line javac shows it on.
 */
class EntityScannerForeignKeyTest {

  /** The bookshop's order lines: a key of two columns. */
  private static final JavaFileObject ORDER_ITEM = source("com.example.OrderItem", """
      package com.example;
      import dev.retort.*;
      @Table(name = "order_items")
      @Index(columns = {"line_no", "order_id"}, unique = true)
      public record OrderItem(@Id long orderId, @Id int lineNo, @Column(unique = true) String code) {}
      """);

  @Nested
  class Model {

    @Test
    void aKeyOfTwoColumnsReferencesThePrimaryKeyByDefault() {
      JavaFileObject shipment = source("com.example.Shipment", """
          package com.example;
          import dev.retort.*;
          @Table(name = "shipments")
          @ForeignKey(columns = {"order_id", "line_no"}, references = OrderItem.class)
          public record Shipment(@Id long id, long orderId, int lineNo) {}
          """);
      assertThat(foreignKeys(schema(ORDER_ITEM, shipment), "shipments")).containsExactly(
          new ForeignKeyModel("fk_shipments_order_id_line_no", List.of("order_id", "line_no"), "order_items",
              List.of("order_id", "line_no"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION));
    }

    @Test
    void referencedColumnsNameAUniqueIndexAndTheAttributesAreKept() {
      JavaFileObject shipment = source("com.example.Shipment", """
          package com.example;
          import dev.retort.*;
          @Table(name = "shipments")
          @ForeignKey(name = "fk_shipment_line", columns = {"line", "order_ref"}, references = OrderItem.class,
              referencedColumns = {"line_no", "order_id"}, onDelete = ReferentialAction.CASCADE,
              onUpdate = ReferentialAction.SET_NULL)
          public record Shipment(@Id long id, Integer line, Long orderRef) {}
          """);
      assertThat(foreignKeys(schema(ORDER_ITEM, shipment), "shipments")).containsExactly(
          new ForeignKeyModel("fk_shipment_line", List.of("line", "order_ref"), "order_items",
              List.of("line_no", "order_id"), ReferentialAction.CASCADE, ReferentialAction.SET_NULL));
    }

    @Test
    void referencedColumnsNameAUniqueConstraint() {
      JavaFileObject coupon = source("com.example.Coupon", """
          package com.example;
          import dev.retort.*;
          @Table(name = "coupons")
          @Unique(columns = {"campaign", "code"})
          public record Coupon(@Id long id, String campaign, String code) {}
          """);
      JavaFileObject redemption = source("com.example.Redemption", """
          package com.example;
          import dev.retort.*;
          @Table(name = "redemptions")
          @ForeignKey(columns = {"campaign", "code"}, references = Coupon.class, referencedColumns = {"campaign", "code"})
          public record Redemption(@Id long id, String campaign, String code) {}
          """);
      assertThat(foreignKeys(schema(coupon, redemption), "redemptions")).containsExactly(
          new ForeignKeyModel("fk_redemptions_campaign_code", List.of("campaign", "code"), "coupons",
              List.of("campaign", "code"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION));
    }

    @Test
    void aKeyOfOneColumnIsTheKeyThatReferencesGives() {
      JavaFileObject author = source("com.example.Author", """
          package com.example;
          @dev.retort.Table(name = "authors")
          public record Author(@dev.retort.Id long id, @dev.retort.Column(unique = true) String handle) {}
          """);
      JavaFileObject byReferences = source("com.example.Book", """
          package com.example;
          import dev.retort.*;
          @Table(name = "books")
          public record Book(
              @Id long id,
              @References(value = Author.class, onDelete = ReferentialAction.CASCADE) long authorId,
              @References(value = Author.class, column = "handle") String editor) {}
          """);
      JavaFileObject byForeignKey = source("com.example.Book", """
          package com.example;
          import dev.retort.*;
          @Table(name = "books")
          @ForeignKey(columns = "author_id", references = Author.class, onDelete = ReferentialAction.CASCADE)
          @ForeignKey(columns = "editor", references = Author.class, referencedColumns = "handle")
          public record Book(@Id long id, long authorId, String editor) {}
          """);
      assertThat(schema(author, byForeignKey)).isEqualTo(schema(author, byReferences));
    }

    @Test
    void aColumnMayBeInAForeignKeyOfItsOwnAndInOneOfSeveralColumns() {
      JavaFileObject order = source("com.example.Order", """
          package com.example;
          @dev.retort.Table(name = "orders")
          public record Order(@dev.retort.Id long id) {}
          """);
      JavaFileObject shipment = source("com.example.Shipment", """
          package com.example;
          import dev.retort.*;
          @Table(name = "shipments")
          @ForeignKey(columns = {"order_id", "line_no"}, references = OrderItem.class)
          public record Shipment(@Id long id, @References(Order.class) long orderId, int lineNo) {}
          """);
      assertThat(foreignKeys(schema(order, ORDER_ITEM, shipment), "shipments"))
          .extracting(ForeignKeyModel::name)
          .containsExactly("fk_shipments_order_id", "fk_shipments_order_id_line_no");
    }

    private static SchemaModel schema(JavaFileObject... sources) {
      ScanningProcessor processor = new ScanningProcessor();
      Compilation compilation = javac().withProcessors(processor).compile(sources);
      assertThat(compilation).succeededWithoutWarnings();
      return processor.result().schema();
    }

    private static List<ForeignKeyModel> foreignKeys(SchemaModel schema, String table) {
      return schema.table(table).map(TableModel::foreignKeys).orElseThrow();
    }
  }

  @Nested
  class Diagnostics {

    @Test
    void aColumnTheTableDoesNotHave() {
      JavaFileObject shipment = source("com.example.Shipment", """
          package com.example;
          import dev.retort.*;
          @Table(name = "shipments")
          @ForeignKey(columns = {"orderId", "line_no"}, references = OrderItem.class)
          public record Shipment(@Id long id, long orderId, int lineNo) {}
          """);
      assertOnlyError(
          compile(ORDER_ITEM, shipment), shipment,
          "@ForeignKey(columns = {\"orderId\", \"line_no\"}) on Shipment names column orderId, which table shipments"
              + " does not have (member orderId maps to column order_id); @ForeignKey takes column names, not member"
              + " names: the columns are [id, order_id, line_no] [retort:index-unknown-column]",
          "@ForeignKey");
    }

    @Test
    void aColumnListedTwice() {
      JavaFileObject shipment = source("com.example.Shipment", """
          package com.example;
          import dev.retort.*;
          @Table(name = "shipments")
          @ForeignKey(columns = {"order_id", "order_id"}, references = OrderItem.class)
          public record Shipment(@Id long id, long orderId, int lineNo) {}
          """);
      assertOnlyError(
          compile(ORDER_ITEM, shipment), shipment,
          "@ForeignKey(columns = {\"order_id\", \"order_id\"}) on Shipment lists column order_id twice; list each"
              + " indexed column once [retort:index-columns]",
          "@ForeignKey");
    }

    @Test
    void fewerColumnsThanThePrimaryKey() {
      JavaFileObject shipment = source("com.example.Shipment", """
          package com.example;
          import dev.retort.*;
          @Table(name = "shipments")
          @ForeignKey(columns = "order_id", references = OrderItem.class)
          public record Shipment(@Id long id, long orderId, int lineNo) {}
          """);
      assertOnlyError(
          compile(ORDER_ITEM, shipment), shipment,
          "@ForeignKey(columns = {\"order_id\"}) on Shipment lists 1 column [order_id], but it references 2"
              + " columns [order_id, line_no] of table order_items (its primary key); list one column for each referenced column, in the"
              + " same order, or name other unique columns with referencedColumns [retort:foreign-key-column-count]",
          "@ForeignKey");
    }

    @Test
    void moreColumnsThanTheReferencedColumns() {
      JavaFileObject shipment = source("com.example.Shipment", """
          package com.example;
          import dev.retort.*;
          @Table(name = "shipments")
          @ForeignKey(columns = {"order_id", "line_no"}, references = OrderItem.class, referencedColumns = "code")
          public record Shipment(@Id long id, long orderId, int lineNo) {}
          """);
      assertOnlyError(
          compile(ORDER_ITEM, shipment), shipment,
          "@ForeignKey(columns = {\"order_id\", \"line_no\"}) on Shipment lists 2 columns [order_id, line_no], but"
              + " it references 1 column [code] of table order_items (referencedColumns); list one column for each referenced"
              + " column, in the same order [retort:foreign-key-column-count]",
          "@ForeignKey");
    }

    @Test
    void aColumnTypeThatDiffersFromTheReferencedColumn() {
      JavaFileObject shipment = source("com.example.Shipment", """
          package com.example;
          import dev.retort.*;
          @Table(name = "shipments")
          @ForeignKey(columns = {"order_id", "line_no"}, references = OrderItem.class)
          public record Shipment(@Id long id, long orderId, long lineNo) {}
          """);
      assertOnlyError(
          compile(ORDER_ITEM, shipment), shipment,
          "@ForeignKey(columns = {\"order_id\", \"line_no\"}) on Shipment: column line_no has type bigint but"
              + " references order_items.line_no of type integer; a foreign key column has the type of the column it"
              + " references: change the Java type of Shipment.lineNo, or set @Column(type = \"integer\") on it"
              + " [retort:foreign-key-type-mismatch]",
          "@ForeignKey");
    }

    @Test
    void aClassThatIsNoEntity() {
      JavaFileObject shipment = source("com.example.Shipment", """
          package com.example;
          import dev.retort.*;
          @Table(name = "shipments")
          @ForeignKey(columns = {"order_id", "line_no"}, references = String.class)
          public record Shipment(@Id long id, long orderId, int lineNo) {}
          """);
      assertOnlyError(
          compile(shipment), shipment,
          "@ForeignKey(references = String.class) on Shipment: java.lang.String is not annotated @Table; reference"
              + " the entity class of the table [retort:references-not-table]",
          "@ForeignKey");
    }

    @Test
    void aTargetWithoutPrimaryKey() {
      JavaFileObject tag = source("com.example.Tag", """
          package com.example;
          @dev.retort.Table
          public record Tag(String label, int version) {}
          """);
      JavaFileObject post = source("com.example.Post", """
          package com.example;
          import dev.retort.*;
          @Table
          @ForeignKey(columns = {"tag", "tag_version"}, references = Tag.class)
          public record Post(@Id long id, String tag, int tagVersion) {}
          """);
      assertOnlyError(
          compile(tag, post), post,
          "@ForeignKey(references = Tag.class) on Post: table tag has no primary key to reference; mark its key with"
              + " @Id, or name unique columns with @ForeignKey(referencedColumns = {...}) [retort:references-no-key]",
          "@ForeignKey");
    }

    @Test
    void aReferencedColumnTheTargetDoesNotHave() {
      JavaFileObject shipment = source("com.example.Shipment", """
          package com.example;
          import dev.retort.*;
          @Table(name = "shipments")
          @ForeignKey(columns = {"order_id", "line_no"}, references = OrderItem.class,
              referencedColumns = {"order_id", "line"})
          public record Shipment(@Id long id, long orderId, int lineNo) {}
          """);
      assertOnlyError(
          compile(ORDER_ITEM, shipment), shipment,
          "@ForeignKey(referencedColumns = {\"order_id\", \"line\"}) on Shipment: table order_items has no column"
              + " line; its columns are [order_id, line_no, code] [retort:references-unknown-column]",
          "referencedColumns = {\"order_id\", \"line\"}");
    }

    @Test
    void referencedColumnsThatAreNoKey() {
      JavaFileObject shipment = source("com.example.Shipment", """
          package com.example;
          import dev.retort.*;
          @Table(name = "shipments")
          @ForeignKey(columns = {"order_id", "code"}, references = OrderItem.class,
              referencedColumns = {"order_id", "code"})
          public record Shipment(@Id long id, long orderId, String code) {}
          """);
      assertOnlyError(
          compile(ORDER_ITEM, shipment), shipment,
          "@ForeignKey(referencedColumns = {\"order_id\", \"code\"}) on Shipment: columns [order_id, code] of table"
              + " order_items are neither its primary key nor unique together in this order, and a foreign key must"
              + " reference a key; reference the primary key (leave out referencedColumns), or make the columns"
              + " unique with @Unique(columns = {\"order_id\", \"code\"}) on OrderItem"
              + " [retort:foreign-key-not-key]",
          "referencedColumns = {\"order_id\", \"code\"}");
    }

    @Test
    void theKeyColumnsInAnotherOrderAreNoKey() {
      JavaFileObject line = source("com.example.Line", """
          package com.example;
          @dev.retort.Table(name = "lines")
          public record Line(@dev.retort.Id long orderId, @dev.retort.Id int lineNo) {}
          """);
      JavaFileObject shipment = source("com.example.Shipment", """
          package com.example;
          import dev.retort.*;
          @Table(name = "shipments")
          @ForeignKey(columns = {"line_no", "order_id"}, references = Line.class,
              referencedColumns = {"line_no", "order_id"})
          public record Shipment(@Id long id, long orderId, int lineNo) {}
          """);
      Compilation compilation = compile(line, shipment);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation).hadErrorContaining("[retort:foreign-key-not-key]").inFile(shipment)
          .onLineContaining("referencedColumns");
    }

    @Test
    void setNullOnNotNullColumnsNamesEach() {
      JavaFileObject shipment = source("com.example.Shipment", """
          package com.example;
          import dev.retort.*;
          @Table(name = "shipments")
          @ForeignKey(columns = {"order_id", "line_no"}, references = OrderItem.class,
              onDelete = ReferentialAction.SET_NULL)
          public record Shipment(@Id long id, long orderId, Integer lineNo) {}
          """);
      assertOnlyError(
          compile(ORDER_ITEM, shipment), shipment,
          "@ForeignKey(onDelete = SET_NULL) on Shipment, but column order_id is NOT NULL, so the database could not"
              + " set it to NULL; make the column nullable, or choose another action [retort:references-set-null]",
          "onDelete = ReferentialAction.SET_NULL");
    }

    @Test
    void setDefaultOnANotNullColumnWithoutDefault() {
      JavaFileObject shipment = source("com.example.Shipment", """
          package com.example;
          import dev.retort.*;
          @Table(name = "shipments")
          @ForeignKey(columns = {"order_id", "line_no"}, references = OrderItem.class,
              onUpdate = ReferentialAction.SET_DEFAULT)
          public record Shipment(@Id long id, @Column(defaultValue = "0") long orderId, int lineNo) {}
          """);
      assertOnlyError(
          compile(ORDER_ITEM, shipment), shipment,
          "@ForeignKey(onUpdate = SET_DEFAULT) on Shipment, but column line_no is NOT NULL and has no default, so"
              + " the database would set it to NULL and fail; give the column a default, make it nullable, or choose"
              + " another action [retort:references-set-default]",
          "onUpdate = ReferentialAction.SET_DEFAULT");
    }

    @Test
    void aDerivedNameTooLong() {
      JavaFileObject shipment = source("com.example.Shipment", """
          package com.example;
          import dev.retort.*;
          @Table(name = "shipments_of_the_warehouse")
          @ForeignKey(columns = {"order_of_the_customer_id", "line_number_of_the_order"}, references = OrderItem.class)
          public record Shipment(@Id long id, long orderOfTheCustomerId, int lineNumberOfTheOrder) {}
          """);
      assertOnlyError(
          compile(ORDER_ITEM, shipment), shipment,
          "name the foreign key with a shorter @ForeignKey(name = \"...\")",
          "@ForeignKey");
    }

    @Test
    void aGivenNameThatIsBlank() {
      JavaFileObject shipment = source("com.example.Shipment", """
          package com.example;
          import dev.retort.*;
          @Table(name = "shipments")
          @ForeignKey(name = " ", columns = {"order_id", "line_no"}, references = OrderItem.class)
          public record Shipment(@Id long id, long orderId, int lineNo) {}
          """);
      assertOnlyError(
          compile(ORDER_ITEM, shipment), shipment,
          "@ForeignKey(name = \" \") on Shipment",
          "@ForeignKey");
    }

    @Test
    void aNameTakenByAnotherConstraint() {
      JavaFileObject shipment = source("com.example.Shipment", """
          package com.example;
          import dev.retort.*;
          @Table(name = "shipments")
          @ForeignKey(name = "pk_shipments", columns = {"order_id", "line_no"}, references = OrderItem.class)
          public record Shipment(@Id long id, long orderId, int lineNo) {}
          """);
      assertOnlyError(
          compile(ORDER_ITEM, shipment), shipment,
          "[retort:duplicate-constraint-name]",
          "@ForeignKey");
    }

    @Test
    void theKeyThatReferencesDeclaresAlready() {
      JavaFileObject author = source("com.example.Author", """
          package com.example;
          @dev.retort.Table(name = "authors")
          public record Author(@dev.retort.Id long id) {}
          """);
      JavaFileObject book = source("com.example.Book", """
          package com.example;
          import dev.retort.*;
          @Table(name = "books")
          @ForeignKey(columns = "author_id", references = Author.class)
          public record Book(@Id long id, @References(Author.class) long authorId) {}
          """);
      assertOnlyError(
          compile(author, book), book,
          "@ForeignKey(columns = {\"author_id\"}) on Book declares the foreign key [author_id] → authors [id], which"
              + " @References on Book.authorId declares already; remove one of them [retort:foreign-key-duplicate]",
          "@ForeignKey");
    }

    @Test
    void theSameKeyTwice() {
      JavaFileObject shipment = source("com.example.Shipment", """
          package com.example;
          import dev.retort.*;
          @Table(name = "shipments")
          @ForeignKey(columns = {"order_id", "line_no"}, references = OrderItem.class)
          @ForeignKey(name = "fk_again", columns = {"order_id", "line_no"}, references = OrderItem.class,
              referencedColumns = {"order_id", "line_no"})
          public record Shipment(@Id long id, long orderId, int lineNo) {}
          """);
      Compilation compilation = compile(ORDER_ITEM, shipment);
      assertThat(compilation).hadErrorCount(1);
      // Javac 17 cannot point at an annotation inside a repeatable container, so the message names it.
      assertThat(compilation)
          .hadErrorContaining("@ForeignKey(name = \"fk_again\") on Shipment declares the foreign key [order_id, line_no]"
              + " → order_items [order_id, line_no], which @ForeignKey(name = \"fk_shipments_order_id_line_no\")"
              + " declares already; remove one of them [retort:foreign-key-duplicate]")
          .inFile(shipment);
    }
  }
}
