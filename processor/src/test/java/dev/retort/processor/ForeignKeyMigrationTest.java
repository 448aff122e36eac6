package dev.retort.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.integer;
import static dev.retort.processor.ProjectFixture.HEAD_CLASS;
import static dev.retort.processor.ProjectFixture.headRevision;
import static dev.retort.processor.ProjectFixture.schema;
import static dev.retort.processor.ProjectFixture.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.retort.dsl.Schema;
import dev.retort.model.SchemaModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden tests of the migrations that {@code @ForeignKey}, a foreign key of several columns, makes
 * the processor write: created with the tables in an order that puts the referenced table first,
 * added, dropped, changed, and kept across renames of its columns and of the table it references.
 */
class ForeignKeyMigrationTest {

  /** The table with a key of two columns that the shipments reference. */
  private static final JavaFileObject ORDER_ITEM = source("com.example.OrderItem", """
      package com.example;

      import dev.retort.*;

      @Table(name = "order_items")
      public record OrderItem(@Id long orderId, @Id int lineNo) {}
      """);

  /** The tables as a head revision left them, the shipments without a foreign key. */
  private static final Consumer<Schema> TABLES = s -> s
      .createTable("order_items", t -> t
          .column("order_id", bigint(), notNull())
          .column("line_no", integer(), notNull())
          .primaryKey("pk_order_items", "order_id", "line_no"))
      .createTable("a_shipments", t -> t
          .column("id", bigint(), notNull())
          .column("order_id", bigint(), notNull())
          .column("line_no", integer(), notNull())
          .primaryKey("pk_a_shipments", "id"));

  /** Those tables with the shipments' foreign key. */
  private static final Consumer<Schema> WITH_KEY = TABLES.andThen(s -> s.alterTable("a_shipments", t -> t
      .addForeignKey("fk_a_shipments_order_id_line_no", fk -> fk
          .columns("order_id", "line_no")
          .references("order_items", "order_id", "line_no"))));

  @TempDir Path root;

  private Compilation compilation;

  @Test
  void createsTheReferencedTableFirstWhateverTheNames() {
    String written = generate(null, ORDER_ITEM,
        shipment("@ForeignKey(columns = {\"order_id\", \"line_no\"}, references = OrderItem.class)",
            "@Id long id, long orderId, int lineNo"));

    assertThat(written).isEqualTo(CREATE);
  }

  @Test
  void addsAForeignKeyToATable() {
    String written = generate(schema(TABLES), ORDER_ITEM,
        shipment("@ForeignKey(columns = {\"order_id\", \"line_no\"}, references = OrderItem.class,"
            + " onDelete = ReferentialAction.CASCADE)", "@Id long id, long orderId, int lineNo"));

    assertThat(written).isEqualTo(ADD);
  }

  @Test
  void dropsAForeignKeyThatIsNoLongerDeclared() {
    String written = generate(schema(WITH_KEY), ORDER_ITEM,
        shipment("", "@Id long id, long orderId, int lineNo"));

    assertThat(written).isEqualTo(DROP);
  }

  @Test
  void changesTheNameOfAForeignKey() {
    String written = generate(schema(WITH_KEY), ORDER_ITEM,
        shipment("@ForeignKey(name = \"fk_shipment_item\", columns = {\"order_id\", \"line_no\"},"
            + " references = OrderItem.class)", "@Id long id, long orderId, int lineNo"));

    assertThat(written).isEqualTo(RENAME_KEY);
  }

  @Test
  void keepsTheForeignKeyAcrossARenameOfItsColumnAndOfTheReferencedTable() {
    String written = generate(schema(WITH_KEY),
        source("com.example.OrderLine", """
            package com.example;

            import dev.retort.*;

            @Table(name = "order_lines")
            @RenamedFrom("order_items")
            public record OrderLine(@Id long orderId, @Id int lineNo) {}
            """),
        shipment("@ForeignKey(name = \"fk_a_shipments_order_id_line_no\", columns = {\"order_id\", \"line\"},"
            + " references = OrderLine.class)", "@Id long id, long orderId, @RenamedFrom(\"line_no\") int line"));

    assertThat(written).isEqualTo(RENAMES);
  }

  @Test
  void recreatesTheKeyUnderItsNewDerivedNameWhenAColumnIsRenamed() {
    String written = generate(schema(WITH_KEY), ORDER_ITEM,
        shipment("@ForeignKey(columns = {\"order_id\", \"line\"}, references = OrderItem.class)",
            "@Id long id, long orderId, @RenamedFrom(\"line_no\") int line"));

    assertThat(written).isEqualTo(RENAMED_COLUMN);
  }

  @Test
  void writesNothingWhenTheKeyIsAsCommitted() {
    ProjectFixture project = new ProjectFixture(root);
    project.commitSnapshot(HEAD_CLASS, schema(WITH_KEY));
    compilation = project.compile(ORDER_ITEM,
        shipment("@ForeignKey(columns = {\"order_id\", \"line_no\"}, references = OrderItem.class)",
            "@Id long id, long orderId, int lineNo"),
        headRevision());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(project.tree()).containsOnlyKeys(
        project.resourceDir.resolve(HEAD_CLASS.replace('.', '/') + ".schema"));
  }

  private static JavaFileObject shipment(String annotations, String components) {
    return source("com.example.Shipment", """
        package com.example;

        import dev.retort.*;

        @Table(name = "a_shipments")
        %s
        public record Shipment(%s) {}
        """.formatted(annotations, components));
  }

  /**
   * Compiles entities against a committed head (none when {@code head} is null) and returns the
   * one migration written into the source tree, which must be the one the same build compiled.
   */
  private String generate(SchemaModel head, JavaFileObject... entities) {
    ProjectFixture project = new ProjectFixture(root);
    List<JavaFileObject> sources = new ArrayList<>(List.of(entities));
    if (head != null) {
      project.commitSnapshot(HEAD_CLASS, head);
      sources.add(headRevision());
    }
    compilation = project.compile(sources.toArray(JavaFileObject[]::new));
    assertThat(compilation).succeeded();
    List<Path> written = project.tree().keySet().stream().filter(f -> f.toString().endsWith(".java")).toList();
    assertThat(written).as("migrations written").hasSize(1);
    String name = project.sourceDir.relativize(written.get(0)).toString().replace('/', '.').replace(".java", "");
    String text = ProjectFixture.read(written.get(0));
    try {
      assertThat(compilation.generatedSourceFile(name).orElseThrow().getCharContent(false).toString())
          .isEqualTo(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text;
  }

  private static final String CREATE = """
      package com.example.migration;

      import static dev.retort.dsl.ColumnOption.notNull;
      import static dev.retort.dsl.TableElement.column;
      import static dev.retort.dsl.TableElement.foreignKey;
      import static dev.retort.dsl.TableElement.primaryKey;
      import static dev.retort.model.ColumnType.bigint;
      import static dev.retort.model.ColumnType.integer;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Create table order_items; create table a_shipments. Generated by Retort; review before
       * committing.
       */
      @Revision(
          id = "20261121_153000"
      )
      public final class V20261121_153000_CreateOrderItemsAndAShipments implements Migration {
        @Override
        public void upgrade(Schema schema) {
          schema.createTable("order_items",
              column("order_id", bigint(), notNull()),
              column("line_no", integer(), notNull()),
              primaryKey("pk_order_items", "order_id", "line_no"));
          schema.createTable("a_shipments",
              column("id", bigint(), notNull()),
              column("order_id", bigint(), notNull()),
              column("line_no", integer(), notNull()),
              primaryKey("pk_a_shipments", "id"),
              foreignKey("fk_a_shipments_order_id_line_no", "order_id", "line_no")
                  .references("order_items", "order_id", "line_no"));
        }

        @Override
        public void downgrade(Schema schema) {
          schema.dropTable("a_shipments");
          schema.dropTable("order_items");
        }
      }
      """;

  private static final String ADD = """
      package com.example.migration;

      import static dev.retort.ReferentialAction.CASCADE;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Add foreign key fk_a_shipments_order_id_line_no on a_shipments. Generated by Retort; review
       * before committing.
       */
      @Revision(
          id = "20261121_153000",
          parent = "20261120_090000"
      )
      public final class V20261121_153000_AddFkAShipmentsOrderIdLineNo implements Migration {
        @Override
        public void upgrade(Schema schema) {
          schema.alterTable("a_shipments", t -> t
              // Retort: adds foreign key fk_a_shipments_order_id_line_no to a_shipments, which reads
              // the whole table to check it while it blocks writes to a_shipments and order_items on
              // PostgreSQL, and copies a_shipments, blocking writes, on MariaDB and MySQL; on a big
              // table on PostgreSQL add it with addForeignKeyNotValid and check the rows already there
              // with validateConstraint("fk_a_shipments_order_id_line_no") in a later migration, which
              // blocks no writes; on MariaDB and MySQL run it when writes can wait, with a table lock
              // timeout.
              .addForeignKey("fk_a_shipments_order_id_line_no", fk -> fk
                  .columns("order_id", "line_no")
                  .references("order_items", "order_id", "line_no")
                  .onDelete(CASCADE)));
        }

        @Override
        public void downgrade(Schema schema) {
          schema.alterTable("a_shipments", t -> t.dropForeignKey("fk_a_shipments_order_id_line_no"));
        }
      }
      """;

  private static final String DROP = """
      package com.example.migration;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Drop foreign key fk_a_shipments_order_id_line_no on a_shipments. Generated by Retort; review
       * before committing.
       */
      @Revision(
          id = "20261121_153000",
          parent = "20261120_090000"
      )
      public final class V20261121_153000_DropFkAShipmentsOrderIdLineNo implements Migration {
        @Override
        public void upgrade(Schema schema) {
          schema.alterTable("a_shipments", t -> t.dropForeignKey("fk_a_shipments_order_id_line_no"));
        }

        @Override
        public void downgrade(Schema schema) {
          schema.alterTable("a_shipments", t -> t
              .addForeignKey("fk_a_shipments_order_id_line_no", fk -> fk
                  .columns("order_id", "line_no")
                  .references("order_items", "order_id", "line_no")));
        }
      }
      """;

  private static final String RENAME_KEY = """
      package com.example.migration;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Drop foreign key fk_a_shipments_order_id_line_no on a_shipments; add foreign key
       * fk_shipment_item on a_shipments. Generated by Retort; review before committing.
       */
      @Revision(
          id = "20261121_153000",
          parent = "20261120_090000"
      )
      public final class V20261121_153000_AlterAShipments implements Migration {
        @Override
        public void upgrade(Schema schema) {
          schema.alterTable("a_shipments", t -> t
              .dropForeignKey("fk_a_shipments_order_id_line_no")
              // Retort: adds foreign key fk_shipment_item to a_shipments, which reads the whole table
              // to check it while it blocks writes to a_shipments and order_items on PostgreSQL, and
              // copies a_shipments, blocking writes, on MariaDB and MySQL; on a big table on PostgreSQL
              // add it with addForeignKeyNotValid and check the rows already there with
              // validateConstraint("fk_shipment_item") in a later migration, which blocks no writes; on
              // MariaDB and MySQL run it when writes can wait, with a table lock timeout.
              .addForeignKey("fk_shipment_item", fk -> fk
                  .columns("order_id", "line_no")
                  .references("order_items", "order_id", "line_no")));
        }

        @Override
        public void downgrade(Schema schema) {
          schema.alterTable("a_shipments", t -> t
              .dropForeignKey("fk_shipment_item")
              .addForeignKey("fk_a_shipments_order_id_line_no", fk -> fk
                  .columns("order_id", "line_no")
                  .references("order_items", "order_id", "line_no")));
        }
      }
      """;

  private static final String RENAMES = """
      package com.example.migration;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Rename table order_items to order_lines; rename column a_shipments.line_no to line; rename
       * primary key pk_order_items on order_lines to pk_order_lines. Generated by Retort; review before
       * committing.
       */
      @Revision(
          id = "20261121_153000",
          parent = "20261120_090000"
      )
      public final class V20261121_153000_AlterOrderLinesAndAShipments implements Migration {
        @Override
        public void upgrade(Schema schema) {
          schema.renameTable("order_items", "order_lines");
          schema.alterTable("a_shipments", t -> t.renameColumn("line_no", "line"));
          schema.alterTable("order_lines", t -> t.renamePrimaryKey("pk_order_items", "pk_order_lines"));
        }

        @Override
        public void downgrade(Schema schema) {
          schema.renameTable("order_lines", "order_items");
          schema.alterTable("a_shipments", t -> t.renameColumn("line", "line_no"));
          schema.alterTable("order_items", t -> t.renamePrimaryKey("pk_order_lines", "pk_order_items"));
        }
      }
      """;

  private static final String RENAMED_COLUMN = """
      package com.example.migration;

      import dev.retort.Migration;
      import dev.retort.Revision;
      import dev.retort.dsl.Schema;

      /**
       * Drop foreign key fk_a_shipments_order_id_line_no on a_shipments; rename column
       * a_shipments.line_no to line; add foreign key fk_a_shipments_order_id_line on a_shipments.
       * Generated by Retort; review before committing.
       */
      @Revision(
          id = "20261121_153000",
          parent = "20261120_090000"
      )
      public final class V20261121_153000_AlterAShipments implements Migration {
        @Override
        public void upgrade(Schema schema) {
          schema.alterTable("a_shipments", t -> t
              .dropForeignKey("fk_a_shipments_order_id_line_no")
              .renameColumn("line_no", "line")
              // Retort: adds foreign key fk_a_shipments_order_id_line to a_shipments, which reads the
              // whole table to check it while it blocks writes to a_shipments and order_items on
              // PostgreSQL, and copies a_shipments, blocking writes, on MariaDB and MySQL; on a big
              // table on PostgreSQL add it with addForeignKeyNotValid and check the rows already there
              // with validateConstraint("fk_a_shipments_order_id_line") in a later migration, which
              // blocks no writes; on MariaDB and MySQL run it when writes can wait, with a table lock
              // timeout.
              .addForeignKey("fk_a_shipments_order_id_line", fk -> fk
                  .columns("order_id", "line")
                  .references("order_items", "order_id", "line_no")));
        }

        @Override
        public void downgrade(Schema schema) {
          schema.alterTable("a_shipments", t -> t
              .dropForeignKey("fk_a_shipments_order_id_line")
              .renameColumn("line", "line_no")
              .addForeignKey("fk_a_shipments_order_id_line_no", fk -> fk
                  .columns("order_id", "line_no")
                  .references("order_items", "order_id", "line_no")));
        }
      }
      """;
}
