package dev.retort.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.ProjectFixture.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import dev.retort.index.RevisionIndexFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entities and migrations written with the language of newer Java versions: sealed types and records
 * from 17, and on a JDK of 25 or newer (the tests run on the javac of the JDK they run on, at its own
 * source version), statements before {@code super(...)}, module imports, Markdown comments, record
 * patterns and unnamed variables.
 */
class NewerJavaTest {

  @TempDir Path root;

  @Test
  void recordsOfASealedInterfaceWithCompactConstructorsAreEntities() {
    ProjectFixture project = new ProjectFixture(root);

    Compilation compilation = project.compile(
        source("com.example.Party", """
            package com.example;

            public sealed interface Party permits Person, Company {
              long id();
            }
            """),
        source("com.example.Person", """
            package com.example;

            import dev.retort.*;

            @Table(name = "people")
            public record Person(@Id long id, @Column(length = 100) String name) implements Party {
              public Person {
                var trimmed = name.strip();
                if (trimmed.isEmpty()) {
                  throw new IllegalArgumentException("a person needs a name");
                }
                name = trimmed;
              }
            }
            """),
        source("com.example.Company", """
            package com.example;

            import dev.retort.*;

            @Table(name = "companies")
            public record Company(@Id long id, @Column(length = 200) String legalName) implements Party {}
            """));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(project.source("com.example.migration.V20261121_153000_CreateCompaniesAndPeople"))
        .contains("""
                schema.createTable("companies",
                    column("id", bigint(), notNull()),
                    column("legal_name", varchar(200)),
                    primaryKey("pk_companies", "id"));
                schema.createTable("people",
                    column("id", bigint(), notNull()),
                    column("name", varchar(100)),
                    primaryKey("pk_people", "id"));
            """);
  }

  @Test
  void anEntityWithStatementsBeforeSuperAndAModuleImportIsReadAsAnyOther() {
    assumeJava25();
    ProjectFixture project = new ProjectFixture(root);

    Compilation compilation = project.compile(
        source("com.example.Audited", """
            package com.example;

            public abstract class Audited {
              protected java.time.Instant createdAt;

              protected Audited(java.time.Instant createdAt) {
                this.createdAt = createdAt;
              }
            }
            """),
        source("com.example.Invoice", """
            package com.example;

            import module java.base;

            import dev.retort.Column;
            import dev.retort.Id;
            import dev.retort.Table;

            /// An invoice: its constructor checks the total before it calls `super`.
            @Table(name = "invoices")
            public final class Invoice extends Audited {
              @Id private final long id;
              @Column(precision = 12, scale = 2) private final BigDecimal total;

              public Invoice(long id, BigDecimal total, Instant createdAt) {
                if (total.signum() < 0) {
                  throw new IllegalArgumentException("negative total " + total);
                }
                this.id = id;
                this.total = total;
                super(createdAt);
              }
            }
            """));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(project.source("com.example.migration.V20261121_153000_CreateInvoices")).contains("""
                schema.createTable("invoices",
                    column("created_at", timestampTz()),
                    column("id", bigint(), notNull()),
                    column("total", decimal(12, 2)),
                    primaryKey("pk_invoices", "id"));
            """);
  }

  @Test
  void aDataMigrationWithRecordPatternsAndUnnamedVariablesIsARevision() throws IOException {
    assumeJava25();
    ProjectFixture project = new ProjectFixture(root);

    Compilation compilation = project.compile(List.of("-Aretort.mode=off"), source(
        "com.example.migration.V20261121_160000_SeedParties", """
            package com.example.migration;

            import dev.retort.Migration;
            import dev.retort.Revision;
            import dev.retort.dsl.Schema;
            import java.util.List;

            /// Seeds one `person` and one `company`.
            @Revision(id = "20261121_160000")
            public final class V20261121_160000_SeedParties implements Migration {
              sealed interface Party permits Person, Company {}
              record Person(long id, String name) implements Party {}
              record Company(long id, String legalName, String country) implements Party {}

              @Override
              public void upgrade(Schema schema) {
                for (Party party : List.of(new Person(1, "Ada"), new Company(2, "Acme", "GB"))) {
                  schema.execute(switch (party) {
                    case Person(var id, var name) -> "INSERT INTO people VALUES (" + id + ", '" + name + "')";
                    case Company(long id, String legalName, var _) ->
                        "INSERT INTO companies VALUES (" + id + ", '" + legalName + "')";
                  });
                }
              }
            }
            """));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, RevisionIndexFile.RESOURCE).orElseThrow()
        .getCharContent(false).toString())
        .contains("\tcom.example.migration.V20261121_160000_SeedParties\t")
        .endsWith("\tSeeds one person and one company.\n");
  }

  private static void assumeJava25() {
    assumeTrue(Runtime.version().feature() >= 25,
        "the sources use Java 25's language; this runs on " + Runtime.version());
  }
}
