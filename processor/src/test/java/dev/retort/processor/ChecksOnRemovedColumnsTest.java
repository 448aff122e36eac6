package dev.retort.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.varchar;
import static dev.retort.processor.ProjectFixture.HEAD_CLASS;
import static dev.retort.processor.ProjectFixture.headRevision;
import static dev.retort.processor.ProjectFixture.schema;
import static dev.retort.processor.ProjectFixture.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code @Check} that still names a column the entity dropped or renamed is an error on the
 * check, in both modes, instead of a migration that cannot drop the column or adds a check on a
 * column that is gone; so is a check naming a column its table never had, which would fail on the
 * database.
 */
class ChecksOnRemovedColumnsTest {

  @TempDir Path root;

  private ProjectFixture project;
  private Map<Path, String> committed;

  @BeforeEach
  void commitHead() {
    project = new ProjectFixture(root);
    project.commitSnapshot(HEAD_CLASS, schema(s -> s.createTable("products", t -> t
        .column("id", bigint(), notNull())
        .column("code", varchar(255))
        .column("name", varchar(255))
        .primaryKey("pk_products", "id")
        .check("ck_products_code", "code <> ''"))));
    committed = project.tree();
  }

  @Test
  void aCheckNamingADroppedColumnIsAnErrorOnTheCheck() {
    JavaFileObject product = product("\"code\" <> '' AND name <> ''", "@Id long id, String name");

    Compilation compilation = project.compile(product, headRevision());

    assertOnlyError(compilation, product,
        "@Check(name = \"ck_products_code\") on Product names column code, which table products no longer has"
            + " (it is dropped); write the expression with the columns the table has now, or remove the check"
            + " [retort:check-removed-column]");
    assertThat(project.tree()).isEqualTo(committed);
  }

  @Test
  void aCheckNamingTheOldNameOfARenamedColumnIsAnErrorOnTheCheck() {
    JavaFileObject product = product("code <> ''", "@Id long id, @RenamedFrom(\"code\") String sku, String name");

    Compilation compilation = project.compile(List.of("-Aretort.mode=check"), product, headRevision());

    assertOnlyError(compilation, product,
        "names column code, which table products no longer has (it is renamed to sku)");
    assertThat(project.tree()).isEqualTo(committed);
  }

  @Test
  void aJpaCheckConstraintNamingAJavaNameInsteadOfTheColumnIsAnErrorOnTheEntity() {
    JavaFileObject product = source("com.example.Product", """
        package com.example;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "products", check = @CheckConstraint(constraint = "listPrice > 0"))
        public class Product {
          @Id long id;
          String code;
          String name;
          java.math.BigDecimal listPrice;
        }
        """);

    Compilation compilation = project.compile(List.of("-Aretort.entities=jpa"), product, headRevision());

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("\"ck_products\") on Product names listPrice, which is no column of table products")
        .inFile(product).onLineContaining("public class Product");
    assertThat(project.tree()).isEqualTo(committed);
  }

  @Test
  void aCheckThatSpellsTheDroppedColumnOnlyInALiteralOrAFunctionIsFine() {
    JavaFileObject product = product("name <> 'code' AND length(name) > 0", "@Id long id, String name");

    Compilation compilation = project.compile(product, headRevision());

    assertThat(compilation).succeeded();
    assertThat(compilation).hadErrorCount(0);
    assertThat(project.tree()).isNotEqualTo(committed);
  }

  @Test
  void aCheckNamingAColumnTheTableDoesNotHaveIsAnErrorOnTheCheck() {
    JavaFileObject product = product("code <> '' AND nmae <> ''", "@Id long id, String code, String name");

    Compilation compilation = project.compile(product, headRevision());

    assertOnlyError(compilation, product,
        "@Check(name = \"ck_products_code\") on Product names nmae, which is no column of table products (its"
            + " columns: id, code, name); write a column's name as the table has it (a bare word in any case, a"
            + " quoted name exactly), or quote a name with capitals or spaces [retort:check-unknown-column]");
    assertThat(project.tree()).isEqualTo(committed);
  }

  @Test
  void aDroppedColumnIsReportedAsDroppedAndAnotherUnknownNameAsUnknown() {
    JavaFileObject product = product("code <> '' AND nmae <> ''", "@Id long id, String name");

    Compilation compilation = project.compile(List.of("-Aretort.mode=check"), product, headRevision());

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("names column code, which table products no longer has (it is dropped)")
        .inFile(product).onLineContaining("@Check(");
    assertThat(compilation).hadErrorContaining("names nmae, which is no column of table products (its columns: id,"
        + " name)").inFile(product).onLineContaining("@Check(");
  }

  @Test
  void aCheckOnANewTableIsCheckedToo() {
    JavaFileObject order = source("com.example.Order", """
        package com.example;

        import dev.retort.*;
        import java.math.BigDecimal;

        @Table(name = "orders")
        @Check(name = "ck_orders_total", expression = "totl >= 0")
        public record Order(@Id long id, BigDecimal total) {}
        """);

    Compilation compilation = project.compile(order, product("code <> ''", "@Id long id, String code, String name"),
        headRevision());

    assertOnlyError(compilation, order, "@Check(name = \"ck_orders_total\") on Order names totl, which is no column"
        + " of table orders (its columns: id, total)");
    assertThat(project.tree()).isEqualTo(committed);
  }

  @Test
  void columnsInAnyCaseQuotedNamesFunctionsAndSqlWordsAreFine() {
    JavaFileObject product = product("CODE <> '' AND \"Display Name\" <> CURRENT_USER AND length(name) < 99"
        + " AND name NOT IN ('x', 'y')", "@Id long id, String code, String name,"
        + " @Column(name = \"Display Name\") String displayName");

    Compilation compilation = project.compile(product, headRevision());

    assertThat(compilation).succeeded();
    assertThat(compilation).hadErrorCount(0);
  }

  private static JavaFileObject product(String expression, String components) {
    return source("com.example.Product", """
        package com.example;

        import dev.retort.*;

        @Table(name = "products")
        @Check(name = "ck_products_code", expression = "%s")
        public record Product(%s) {}
        """.formatted(expression.replace("\"", "\\\""), components));
  }

  private static void assertOnlyError(Compilation compilation, JavaFileObject file, String message) {
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLineContaining("@Check(");
  }
}
