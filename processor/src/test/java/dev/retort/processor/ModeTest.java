package dev.retort.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.varchar;
import static dev.retort.processor.ProjectFixture.HEAD_CLASS;
import static dev.retort.processor.ProjectFixture.headRevision;
import static dev.retort.processor.ProjectFixture.schema;
import static dev.retort.processor.ProjectFixture.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.retort.index.RevisionIndexFile;
import dev.retort.model.SchemaModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The modes and options of the processor: generate, check and off, and where files go. */
class ModeTest {

  private static final SchemaModel USERS = schema(s -> s.createTable("users", t -> t
      .column("id", bigint(), notNull())
      .column("email", varchar(255))
      .primaryKey("pk_users", "id")));

  private static final JavaFileObject UNCHANGED = user("@Id long id, String email");
  private static final JavaFileObject CHANGED = user("@Id long id, String email, String phone, String fax");

  @TempDir Path root;

  private ProjectFixture project;
  private Map<Path, String> committed;

  @BeforeEach
  void commitHead() {
    project = new ProjectFixture(root);
    project.commitSnapshot(HEAD_CLASS, USERS);
    committed = project.tree();
  }

  private static JavaFileObject user(String components) {
    return source("com.example.User", """
        package com.example;

        import dev.retort.*;

        @Table(name = "users")
        public record User(%s) {}
        """.formatted(components));
  }

  @Test
  void generateModeWithAnUnchangedModelWritesNothing() {
    Compilation compilation = project.compile(UNCHANGED, headRevision());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.notes()).isEmpty();
    assertThat(project.tree()).isEqualTo(committed);
  }

  @Test
  void checkModeFailsWithTheListOfDifferencesAndWritesNothing() {
    Compilation compilation = project.compile(List.of("-Aretort.mode=check"), CHANGED, headRevision());

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    // javac indents the lines after the first of a message.
    assertThat(compilation).hadErrorContaining(
        "the @Table entities differ from the schema of V20261120_090000_CreateUsers (\"20261120_090000\"):");
    assertThat(compilation).hadErrorContaining(
        "  - add column users.phone" + System.lineSeparator() + "    - add column users.fax");
    assertThat(compilation).hadErrorContaining(
        "Build in generate mode (-Aretort.mode=generate, the default) to write the migration, then review and"
            + " commit it");
    assertThat(project.tree()).isEqualTo(committed);
  }

  @Test
  void checkModeBeforeTheFirstRevisionNamesTheEmptyHistory() {
    ProjectFixture empty = new ProjectFixture(root.resolve("empty"));

    Compilation compilation = empty.compile(List.of("-Aretort.mode=check"), UNCHANGED);

    assertThat(compilation).hadErrorContaining(
        "the @Table entities differ from the schema of the empty history (there is no revision yet):");
    assertThat(compilation).hadErrorContaining("- create table users");
    assertThat(empty.tree()).isEmpty();
  }

  @Test
  void checkModePassesWithoutDriftAndStillEmitsTheIndex() {
    Compilation compilation = project.compile(List.of("-Aretort.mode=CHECK"), UNCHANGED, headRevision());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(project.tree()).isEqualTo(committed);
    assertThat(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, RevisionIndexFile.RESOURCE)).isPresent();
  }

  @Test
  void offModeReadsNoEntitiesWritesNothingAndEmitsTheIndex() {
    Compilation compilation = project.compile(List.of("-Aretort.mode=off"), CHANGED, headRevision());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.notes()).isEmpty();
    assertThat(project.tree()).isEqualTo(committed);
    assertThat(compilation.generatedSourceFiles()).isEmpty();
    assertThat(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, RevisionIndexFile.RESOURCE)).isPresent();
  }

  @Test
  void anUnknownModeIsAnError() {
    Compilation compilation = project.compile(List.of("-Aretort.mode=fast"), CHANGED, headRevision());

    assertThat(compilation).hadErrorContaining(
        "option -Aretort.mode=fast is not valid: use generate, check or off [retort:invalid-option]");
    assertThat(project.tree()).isEqualTo(committed);
  }

  @Test
  void jpaEntitiesDeclareTheSchemaWithTheEntitiesOption() {
    JavaFileObject unchanged = jpaUser("@Id long id; String email;");
    JavaFileObject changed = jpaUser("@Id long id; String email; String phone; String fax;");

    Compilation same = project.compile(List.of("-Aretort.entities=jpa"), unchanged, headRevision());
    assertThat(same).succeededWithoutWarnings();
    assertThat(project.tree()).isEqualTo(committed);

    Compilation drift = project.compile(List.of("-Aretort.entities=JPA", "-Aretort.mode=check"), changed,
        headRevision());
    assertThat(drift).hadErrorCount(1);
    assertThat(drift).hadErrorContaining(
        "the JPA @Entity classes differ from the schema of V20261120_090000_CreateUsers (\"20261120_090000\"):");
    assertThat(drift).hadErrorContaining(
        "  - add column users.phone" + System.lineSeparator() + "    - add column users.fax");
    assertThat(project.tree()).isEqualTo(committed);
  }

  @Test
  void jpaEntitiesAreLeftToOtherProcessors() {
    Set<String> seen = new TreeSet<>();
    AbstractProcessor metamodel = new AbstractProcessor() {
      @Override
      public Set<String> getSupportedAnnotationTypes() {
        return Set.of("jakarta.persistence.*");
      }

      @Override
      public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
      }

      @Override
      public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        annotations.forEach(a -> seen.add(a.getQualifiedName().toString()));
        return false;
      }
    };
    Compilation compilation = javac().withProcessors(new RetortProcessor(), metamodel)
        .withOptions("-Aretort.entities=jpa", "-Aretort.clock=2026-11-21T15:30:00Z",
            "-Aretort.sourceDir=" + project.sourceDir, "-Aretort.resourceDir=" + project.resourceDir)
        .compile(jpaUser("@Id long id; String email;"), headRevision());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(seen).contains("jakarta.persistence.Entity", "jakarta.persistence.Id");
  }

  @Test
  void withoutTheEntitiesOptionJpaEntitiesAreNoEntities() {
    Compilation compilation = project.compile(jpaUser("@Id long id; String email;"), headRevision());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(project.tree()).isEqualTo(committed);
  }

  @Test
  void anUnknownEntitySourceIsAnErrorEvenWithoutRetortEntities() {
    Compilation compilation = javac().withProcessors(new RetortProcessor())
        .withOptions("-Aretort.entities=hibernate", "-Aretort.sourceDir=" + project.sourceDir)
        .compile(jpaUser("@Id long id;"));

    assertThat(compilation).hadErrorContaining(
        "option -Aretort.entities=hibernate is not valid: use retort or jpa [retort:invalid-option]");
  }

  @Test
  void anUnknownSequenceNamingIsAnErrorNamingHibernatesSetting() {
    Compilation compilation = javac().withProcessors(new RetortProcessor())
        .withOptions("-Aretort.entities=jpa", "-Aretort.jpa.sequenceNaming=per-entity",
            "-Aretort.sourceDir=" + project.sourceDir)
        .compile(jpaUser("@Id long id;"));

    assertThat(compilation).hadErrorContaining("option -Aretort.jpa.sequenceNaming=per-entity is not valid: use"
        + " standard, legacy or single, the value of Hibernate's hibernate.id.db_structure_naming_strategy"
        + " [retort:invalid-option]");
  }

  private static JavaFileObject jpaUser(String fields) {
    return source("com.example.User", """
        package com.example;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "users")
        public class User { %s }
        """.formatted(fields));
  }

  @Test
  void aClockThatIsNotAnInstantIsAnError() {
    Compilation compilation = javac().withProcessors(new RetortProcessor())
        .withOptions("-Aretort.clock=yesterday", "-Aretort.sourceDir=" + project.sourceDir)
        .compile(CHANGED);

    assertThat(compilation).hadErrorContaining(
        "option -Aretort.clock=yesterday is not valid: use an ISO-8601 instant such as 2026-11-21T15:30:00Z");
  }

  @Test
  void aPackageOptionThatIsNotAPackageIsAnError() {
    Compilation compilation = project.compile(List.of("-Aretort.package=com.example.1db"), CHANGED, headRevision());

    assertThat(compilation).hadErrorContaining(
        "option -Aretort.package=com.example.1db is not valid: it is not a Java package name");
  }

  @Test
  void theSourceDirectoryOfAnInMemoryFileIsUnknownWithoutTheOption() {
    Compilation compilation = javac().withProcessors(new RetortProcessor()).compile(CHANGED);

    assertThat(compilation)
        .hadErrorContaining("cannot tell which source directory holds com.example.User")
        .inFile(CHANGED)
        .onLineContaining("public record User");
    assertThat(compilation).hadErrorContaining("pass -Aretort.sourceDir=");
  }

  @Test
  void theResourceDirectoryIsUnknownBesideASourceDirectoryNotNamedJava() {
    Compilation compilation = javac().withProcessors(new RetortProcessor())
        .withOptions("-Aretort.sourceDir=" + root.resolve("sources"))
        .compile(CHANGED);

    assertThat(compilation).hadErrorContaining(
        "cannot tell where the snapshots of source directory " + root.resolve("sources")
            + " live, since it is not named java; pass -Aretort.resourceDir=");
  }

  @Test
  void theResourceDirectoryDefaultsToResourcesBesideJava() {
    Compilation compilation = javac().withProcessors(new RetortProcessor())
        .withOptions("-Aretort.clock=" + ProjectFixture.CLOCK, "-Aretort.sourceDir=" + project.sourceDir)
        .compile(CHANGED, headRevision());

    assertThat(compilation).succeeded();
    assertThat(project.resourceDir.resolve(
        "com/example/migration/V20261121_153000_AddUsersPhoneAndFax.schema")).exists();
  }

  @Test
  void aMigrationThatCannotBeWrittenIsAnErrorAndLeavesNoSnapshotBehind() throws IOException {
    Path notADirectory = Files.writeString(root.resolve("not-a-directory"), "");

    Compilation compilation = javac().withProcessors(new RetortProcessor())
        .withOptions("-Aretort.clock=" + ProjectFixture.CLOCK, "-Aretort.sourceDir=" + notADirectory,
            "-Aretort.resourceDir=" + project.resourceDir)
        .compile(CHANGED, headRevision());

    assertThat(compilation).hadErrorContaining("cannot write " + notADirectory.resolve(
        "com/example/migration/V20261121_153000_AddUsersPhoneAndFax.java"));
    assertThat(project.tree()).isEqualTo(committed);
  }

  @Test
  void thePackageOptionPlacesNewMigrations() throws IOException {
    ProjectFixture fresh = new ProjectFixture(root.resolve("fresh"));

    Compilation compilation = fresh.compile(List.of("-Aretort.package=com.example.db"), UNCHANGED);

    assertThat(compilation).succeeded();
    assertThat(fresh.tree().keySet()).containsExactly(
        fresh.sourceDir.resolve("com/example/db/V20261121_153000_CreateUsers.java"),
        fresh.resourceDir.resolve("com/example/db/V20261121_153000_CreateUsers.schema"));
    assertThat(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, RevisionIndexFile.RESOURCE).orElseThrow()
        .getCharContent(false).toString()).contains("\tcom.example.db.V20261121_153000_CreateUsers\t");
  }

  @Test
  void theFirstMigrationGoesIntoAMigrationPackageBelowThePackageTheEntitiesShare() {
    ProjectFixture fresh = new ProjectFixture(root.resolve("fresh"));
    JavaFileObject author = source("com.example.shop.catalog.Author", """
        package com.example.shop.catalog;

        @dev.retort.Table(name = "authors")
        public record Author(@dev.retort.Id long id) {}
        """);
    JavaFileObject customer = source("com.example.shop.sales.Customer", """
        package com.example.shop.sales;

        @dev.retort.Table(name = "customers")
        public record Customer(@dev.retort.Id long id) {}
        """);

    Compilation compilation = fresh.compile(author, customer);

    assertThat(compilation).succeeded();
    assertThat(fresh.tree().keySet()).contains(
        fresh.sourceDir.resolve("com/example/shop/migration/V20261121_153000_CreateAuthorsAndCustomers.java"));
  }

  @Test
  void laterMigrationsFollowThePackageOfTheNewestRevision() {
    Compilation compilation = project.compile(List.of(), CHANGED, headRevision());

    assertThat(compilation).succeeded();
    assertThat(project.tree().keySet())
        .contains(project.sourceDir.resolve("com/example/migration/V20261121_153000_AddUsersPhoneAndFax.java"));
  }
}
