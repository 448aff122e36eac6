package dev.retort.processor.scan;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.RenameHints;
import dev.retort.model.SchemaModel;
import dev.retort.model.TableModel;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@link EntityScanner#checkRenames}: which {@code @RenamedFrom} hints still apply to the committed head. */
class EntityScannerRenamesTest {

  private static final JavaFileObject CUSTOMER = JavaFileObjects.forSourceString("com.example.Customer", """
      package com.example;
      import dev.retort.*;
      @Table(name = "customers")
      @RenamedFrom("clients")
      public record Customer(
          @Id long id,
          @RenamedFrom("mail") String email) {}
      """);

  @Test
  void hintsWhoseOldNamesAreInTheHeadAreKept() {
    ScanningProcessor processor = new ScanningProcessor(head(table("clients", "id", "mail")));
    assertThat(compile(processor, CUSTOMER)).succeededWithoutWarnings();
    assertThat(processor.checkedHints())
        .isEqualTo(new RenameHints(Map.of("customers", "clients"), Map.of("customers", Map.of("email", "mail"))));
  }

  @Test
  void hintsWhoseNewNamesAreInTheHeadWereAppliedAndAreDroppedSilently() {
    ScanningProcessor processor = new ScanningProcessor(head(table("customers", "id", "email")));
    assertThat(compile(processor, CUSTOMER)).succeededWithoutWarnings();
    assertThat(processor.checkedHints()).isEqualTo(RenameHints.none());
  }

  @Test
  void aColumnHintIsKeptWhenItsTableWasRenamedEarlier() {
    ScanningProcessor processor = new ScanningProcessor(head(table("customers", "id", "mail")));
    assertThat(compile(processor, CUSTOMER)).succeededWithoutWarnings();
    assertThat(processor.checkedHints())
        .isEqualTo(new RenameHints(Map.of(), Map.of("customers", Map.of("email", "mail"))));
  }

  @Test
  void aTableRenameFromANameTheHeadDoesNotHaveWarnsAndIsDropped() {
    ScanningProcessor processor = new ScanningProcessor(head(table("accounts", "id")));
    Compilation compilation = compile(processor, CUSTOMER);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "@RenamedFrom(\"clients\") on Customer has no effect: the committed schema has neither table clients nor"
                + " table customers; correct the old name, or remove the annotation [retort:renamed-from-unknown]")
        .inFile(CUSTOMER)
        .onLineContaining("@RenamedFrom(\"clients\")");
    assertThat(processor.checkedHints()).isEqualTo(RenameHints.none());
  }

  @Test
  void aColumnRenameFromANameTheHeadTableDoesNotHaveWarnsAndIsDropped() {
    ScanningProcessor processor = new ScanningProcessor(head(table("clients", "id", "e_mail")));
    Compilation compilation = compile(processor, CUSTOMER);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "@RenamedFrom(\"mail\") on Customer.email has no effect: the committed schema has neither column"
                + " clients.mail nor column clients.email")
        .inFile(CUSTOMER)
        .onLineContaining("@RenamedFrom(\"mail\")");
    assertThat(processor.checkedHints()).isEqualTo(new RenameHints(Map.of("customers", "clients"), Map.of()));
  }

  @Test
  void aRenameFromAJavaNameWhoseSqlNameTheHeadHasNamesTheNameToWrite() {
    JavaFileObject customer = JavaFileObjects.forSourceString("com.example.Customer", """
        package com.example;
        import dev.retort.*;
        @Table(name = "customers")
        public record Customer(
            @Id long id,
            @RenamedFrom("postCode") String zipCode) {}
        """);
    JavaFileObject order = JavaFileObjects.forSourceString("com.example.Order", """
        package com.example;
        import dev.retort.*;
        @Table(name = "orders")
        @RenamedFrom("OldOrders")
        public record Order(@Id long id) {}
        """);
    ScanningProcessor processor =
        new ScanningProcessor(head(table("customers", "id", "post_code"), table("old_orders", "id")));
    Compilation compilation = compile(processor, customer, order);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "@RenamedFrom(\"postCode\") on Customer.zipCode has no effect: the committed schema has neither column"
                + " customers.postCode nor column customers.zip_code, but it has column customers.post_code: write"
                + " @RenamedFrom(\"post_code\"), the name in the database [retort:renamed-from-unknown]")
        .inFile(customer)
        .onLineContaining("@RenamedFrom(\"postCode\")");
    assertThat(compilation)
        .hadWarningContaining(
            "@RenamedFrom(\"OldOrders\") on Order has no effect: the committed schema has neither table"
                + " OldOrders nor table orders, but it has table old_orders: write"
                + " @RenamedFrom(\"old_orders\"), the name in the database [retort:renamed-from-unknown]")
        .inFile(order)
        .onLineContaining("@RenamedFrom(\"OldOrders\")");
  }

  @Test
  void renamesInAFirstBuildWarnBecauseThereIsNothingToRename() {
    ScanningProcessor processor = new ScanningProcessor(SchemaModel.empty());
    Compilation compilation = compile(processor, CUSTOMER);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(2);
    assertThat(compilation)
        .hadWarningContaining("neither column customers.mail nor column customers.email")
        .inFile(CUSTOMER)
        .onLineContaining("@RenamedFrom(\"mail\")");
    assertThat(processor.checkedHints()).isEqualTo(RenameHints.none());
  }

  @Test
  void aColumnRenamedFromANameAnotherMemberStillMapsToIsAnError() {
    JavaFileObject customer = JavaFileObjects.forSourceString("com.example.Customer", """
        package com.example;
        import dev.retort.*;
        @Table(name = "customers")
        public record Customer(
            @Id long id,
            String mail,
            @RenamedFrom("mail") String email) {}
        """);
    ScanningProcessor processor = new ScanningProcessor(head(table("customers", "id", "mail")));
    Compilation compilation = compile(processor, customer);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "@RenamedFrom(\"mail\") on Customer.email cannot rename column customers.mail to email: Customer.mail"
                + " still maps to column mail; a rename needs the old name free, so make it in two builds (first"
                + " the rename, then the member that takes the old name), or remove @RenamedFrom"
                + " [retort:renamed-from-in-use]")
        .inFile(customer)
        .onLineContaining("@RenamedFrom(\"mail\")");
  }

  @Test
  void aChainOfColumnRenamesInOneBuildIsAnError() {
    JavaFileObject customer = JavaFileObjects.forSourceString("com.example.Customer", """
        package com.example;
        import dev.retort.*;
        @Table(name = "customers")
        public record Customer(
            @Id long id,
            @RenamedFrom("email") String contact,
            @RenamedFrom("mail") String email) {}
        """);
    ScanningProcessor processor = new ScanningProcessor(head(table("customers", "id", "mail", "email")));
    Compilation compilation = compile(processor, customer);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "@RenamedFrom(\"email\") on Customer.contact cannot rename column customers.email to contact:"
                + " Customer.email still maps to column email;")
        .inFile(customer)
        .onLineContaining("@RenamedFrom(\"email\")");
  }

  @Test
  void aTableRenamedFromANameAnotherEntityStillMapsToIsAnError() {
    JavaFileObject client = JavaFileObjects.forSourceString("com.example.Client", """
        package com.example;
        import dev.retort.*;
        @Table(name = "clients")
        public record Client(@Id long id) {}
        """);
    ScanningProcessor processor = new ScanningProcessor(head(table("clients", "id", "mail")));
    Compilation compilation = compile(processor, CUSTOMER, client);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "@RenamedFrom(\"clients\") on Customer cannot rename table clients to customers: com.example.Client"
                + " still maps to table clients; a rename needs the old name free, so make it in two builds (first"
                + " the rename, then the entity that takes the old name), or remove @RenamedFrom"
                + " [retort:renamed-from-in-use]")
        .inFile(CUSTOMER)
        .onLineContaining("@RenamedFrom(\"clients\")");
  }

  private static Compilation compile(ScanningProcessor processor, JavaFileObject... sources) {
    return javac().withProcessors(processor).compile(sources);
  }

  private static SchemaModel head(TableModel... tables) {
    return new SchemaModel(List.of(tables));
  }

  private static TableModel table(String name, String... columns) {
    return TableModel.of(name, java.util.Arrays.stream(columns).map(c -> ColumnModel.of(c, ColumnType.bigint())).toList());
  }
}
