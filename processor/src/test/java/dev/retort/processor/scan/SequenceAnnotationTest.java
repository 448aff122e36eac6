package dev.retort.processor.scan;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.retort.processor.scan.EntityScannerDiagnosticsTest.assertOnlyError;
import static dev.retort.processor.scan.EntityScannerDiagnosticsTest.compile;
import static dev.retort.processor.scan.EntityScannerDiagnosticsTest.source;
import static dev.retort.processor.scan.EntityScannerMappingTest.schemaOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.retort.model.SequenceModel;
import dev.retort.processor.RetortProcessor;
import dev.retort.processor.options.EntitySource;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code @Sequence}: a sequence of the schema declared on an entity, repeatable; and every problem
 * of its declaration reported on the annotation value it is about.
 */
class SequenceAnnotationTest {

  @Nested
  class Mapping {

    @Test
    void eachAnnotationDeclaresASequenceWithTheStandardDefaults() {
      assertThat(schemaOf(source("com.example.Order", """
          package com.example;
          import dev.retort.*;
          @Table(name = "orders")
          @Sequence(name = "orders_seq", start = 1, increment = 50)
          @Sequence(name = "invoice_no", start = 10000, schema = "billing")
          @Sequence(name = "big_seq", start = 3000000000L)
          public record Order(@Id long id) {}
          """))).isEqualTo("""
          table orders
            column id bigint not null
            primary key pk_orders (id)
          sequence big_seq start 3000000000 increment 1
          sequence invoice_no schema billing start 10000 increment 1
          sequence orders_seq start 1 increment 50
          """);
    }

    @Test
    void aJpaEntityDeclaresSequencesAsATableEntityDoes() {
      ScanningProcessor processor = new ScanningProcessor(EntitySource.JPA);
      Compilation compilation = javac().withProcessors(processor).compile(source("com.example.Order", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          @Table(name = "orders")
          @dev.retort.Sequence(name = "orders_seq", increment = 50)
          public class Order { @Id long id; }
          """));

      assertThat(compilation).succeededWithoutWarnings();
      assertThat(processor.result().schema().sequences()).containsExactly(SequenceModel.of("orders_seq", 1, 50));
    }
  }

  @Nested
  class Diagnostics {

    @Test
    void anIncrementOfZero() {
      JavaFileObject order = order("@Sequence(name = \"orders_seq\", increment = 0)");
      assertOnlyError(compile(order), order,
          "@Sequence(name = \"orders_seq\") on Order: the increment is 0; the increment is 1 or more (descending"
              + " sequences differ between databases); write the allocationSize Hibernate uses, 50 unless"
              + " @SequenceGenerator says otherwise [retort:invalid-sequence]",
          "@Sequence");
    }

    @Test
    void aStartBelowOne() {
      JavaFileObject order = order("@Sequence(name = \"orders_seq\", start = 0)");
      assertOnlyError(compile(order), order,
          "@Sequence(name = \"orders_seq\") on Order: the start is 0; a sequence starts at 1 or more", "@Sequence");
    }

    @Test
    void aBlankName() {
      JavaFileObject order = order("@Sequence(name = \" \")");
      assertOnlyError(compile(order), order,
          "@Sequence(name = \" \") on Order is not a usable name: it is blank; write the name [retort:invalid-name]",
          "@Sequence");
    }

    @Test
    void aNameTooLongForPostgresql() {
      JavaFileObject order = order("@Sequence(name = \"" + "s".repeat(64) + "\")");
      assertOnlyError(compile(order), order, "[retort:identifier-too-long]", "@Sequence");
    }

    @Test
    void theSameNameOnTwoEntities() {
      JavaFileObject order = order("@Sequence(name = \"shared_seq\")");
      JavaFileObject invoice = source("com.example.Invoice", """
          package com.example;
          import dev.retort.*;
          @Table
          @Sequence(name = "Shared_Seq", increment = 50)
          public record Invoice(@Id long id) {}
          """);
      Compilation compilation = compile(invoice, order);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation)
          .hadErrorContaining("sequence shared_seq is declared on both com.example.Invoice (as Shared_Seq) and"
              + " com.example.Order, which databases do not tell apart by case; declare it once, or give one of"
              + " them another name [retort:duplicate-sequence]")
          .inFile(order).onLineContaining("@Sequence");
    }

    @Test
    void theNameOfATable() {
      JavaFileObject order = order("@Sequence(name = \"orders\")");
      assertOnlyError(compile(order), order,
          "sequence orders on Order is also the name of table orders of com.example.Order; PostgreSQL names tables,"
              + " indexes and sequences from one set of names, and MariaDB tables and sequences: give the sequence"
              + " another name [retort:sequence-name-taken]",
          "@Sequence");
    }

    @Test
    void theNameOfAPrimaryKey() {
      JavaFileObject order = order("@Sequence(name = \"pk_orders\")");
      assertOnlyError(compile(order), order, "sequence pk_orders on Order is also the name of", "@Sequence");
    }

    @Test
    void onAClassThatIsNotAnEntity() {
      JavaFileObject ids = source("com.example.Ids", """
          package com.example;
          import dev.retort.*;
          @Sequence(name = "orders_seq", increment = 50)
          public final class Ids {}
          """);
      Compilation compilation = javac().withProcessors(new RetortProcessor()).compile(ids);
      assertOnlyError(compilation, ids,
          "@Sequence on com.example.Ids, which is not an entity (@Table), declares nothing; put it on the entity that"
              + " takes its values [retort:sequence-not-on-entity]",
          "public final class Ids");
    }

    @Test
    void onAClassThatIsNotAJpaEntityWhenRetortReadsJpaEntities() {
      JavaFileObject ids = source("com.example.Ids", """
          package com.example;
          import dev.retort.*;
          @Sequence(name = "orders_seq", increment = 50)
          public final class Ids {}
          """);
      Compilation compilation =
          javac().withProcessors(new RetortProcessor()).withOptions("-Aretort.entities=jpa").compile(ids);
      assertOnlyError(compilation, ids,
          "@Sequence on com.example.Ids, which is not an entity (@Entity), declares nothing", "public final class Ids");
    }

    private JavaFileObject order(String annotation) {
      return source("com.example.Order", """
          package com.example;
          import dev.retort.*;
          @Table(name = "orders")
          %s
          public record Order(@Id long id) {}
          """.formatted(annotation));
    }
  }
}
