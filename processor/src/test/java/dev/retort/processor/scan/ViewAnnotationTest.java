package dev.retort.processor.scan;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.retort.processor.scan.EntityScannerDiagnosticsTest.assertOnlyError;
import static dev.retort.processor.scan.EntityScannerDiagnosticsTest.compile;
import static dev.retort.processor.scan.EntityScannerDiagnosticsTest.source;
import static dev.retort.processor.scan.EntityScannerMappingTest.schemaOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.retort.model.ViewModel;
import dev.retort.processor.options.EntitySource;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code @View}: a view of the schema declared on the type its rows are read into, its query kept
 * as written; and every problem of its declaration reported on the annotation it is about.
 */
class ViewAnnotationTest {

  private static final JavaFileObject CUSTOMER = source("com.example.Customer", """
      package com.example;
      import dev.retort.*;
      @Table(name = "customers")
      public record Customer(@Id long id, String email, boolean active) {}
      """);

  @Nested
  class Mapping {

    @Test
    void aRecordClassOrInterfaceDeclaresAViewNamedAfterItWithItsQueryAsWritten() {
      assertThat(schemaOf(CUSTOMER, source("com.example.ActiveCustomer", """
          package com.example;
          import dev.retort.View;
          @View(\"""
              SELECT id, email
              FROM customers
              WHERE active
              \""")
          public record ActiveCustomer(long id, String email) {}
          """), source("com.example.Emails", """
          package com.example;
          @dev.retort.View(name = "customer_emails", schema = "reports", value = "  SELECT email FROM customers ")
          public interface Emails { String email(); }
          """), source("com.example.CustomerCount", """
          package com.example;
          @dev.retort.View("SELECT count(*) AS n FROM customers")
          public class CustomerCount { long n; }
          """))).isEqualTo("""
          table customers
            column id bigint not null
            column email varchar(255) null
            column active boolean not null
            primary key pk_customers (id)
          view active_customer as 'SELECT id, email\\nFROM customers\\nWHERE active'
          view customer_count as 'SELECT count(*) AS n FROM customers'
          view customer_emails schema reports as 'SELECT email FROM customers'
          """);
    }

    @Test
    void aViewIsReadWhateverTheEntitiesAreReadFrom() {
      ScanningProcessor processor = new ScanningProcessor(EntitySource.JPA);
      Compilation compilation = javac().withProcessors(processor).compile(source("com.example.Order", """
          package com.example;
          import jakarta.persistence.*;
          @Entity
          @Table(name = "orders")
          public class Order { @Id long id; }
          """), source("com.example.OrderIds", """
          package com.example;
          @dev.retort.View("SELECT id FROM orders")
          public record OrderIds(long id) {}
          """));

      assertThat(compilation).succeededWithoutWarnings();
      assertThat(processor.result().schema().views()).containsExactly(ViewModel.of("order_ids", "SELECT id FROM orders"));
    }
  }

  @Nested
  class Diagnostics {

    @Test
    void aBlankQuery() {
      JavaFileObject view = view("@View(\" \")");
      assertOnlyError(compile(CUSTOMER, view), view,
          "@View on ActiveCustomer has no query; write the SELECT the view stands for: @View(\"SELECT ... FROM ...\")"
              + " [retort:view-blank-query]",
          "@View");
    }

    @Test
    void aQueryEndingWithASemicolon() {
      JavaFileObject view = view("@View(\"SELECT id FROM customers; \")");
      assertOnlyError(compile(CUSTOMER, view), view,
          "the query of @View on ActiveCustomer ends with ';'; leave the semicolon out, as CREATE VIEW takes one"
              + " statement [retort:view-semicolon]",
          "@View");
    }

    @Test
    void aViewNamedLikeATableInAnotherCase() {
      JavaFileObject view = view("@View(name = \"Customers\", value = \"SELECT id FROM customers\")");
      assertOnlyError(compile(CUSTOMER, view), view,
          "view Customers of com.example.ActiveCustomer differs only in case from the name of table customers of"
              + " com.example.Customer; databases name tables and views from one set of names: give the view another"
              + " name with @View(name = \"...\") [retort:view-name-taken]",
          "@View");
    }

    @Test
    void twoViewsOfOneName() {
      JavaFileObject first = view("@View(\"SELECT id FROM customers\")");
      JavaFileObject second = source("com.example.Other", """
          package com.example;
          import dev.retort.View;
          @View(name = "active_customer", value = "SELECT email FROM customers")
          public record Other(String email) {}
          """);
      assertOnlyError(compile(CUSTOMER, first, second), second,
          "view active_customer of com.example.Other is also the name of view active_customer of"
              + " com.example.ActiveCustomer;",
          "@View");
    }

    @Test
    void aViewThatIsATable() {
      JavaFileObject both = source("com.example.Both", """
          package com.example;
          import dev.retort.*;
          @Table(name = "both")
          @View("SELECT 1 AS id")
          public record Both(@Id long id) {}
          """);
      assertOnlyError(compile(both), both,
          "Both is annotated both @View and @Table; a type declares a table or a view: remove one of them"
              + " [retort:view-on-table]",
          "@View");
    }

    private static JavaFileObject view(String annotation) {
      return source("com.example.ActiveCustomer", """
          package com.example;
          import dev.retort.View;
          %s
          public record ActiveCustomer(long id) {}
          """.formatted(annotation));
    }
  }
}
