package dev.retort.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.retort.processor.ProjectFixture.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.retort.index.RevisionIndexFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kotlin entities, as the processor sees them under kapt: kapt compiles no Kotlin for javac but
 * writes a Java stub of each class into a directory of its own ({@code target/kaptStubs/compile}
 * in Maven), runs javac over the stubs with the processors only, and leaves compiling the generated
 * Java sources to the Java compilation that follows. A data class's stub is a final class with
 * private fields carrying the annotations and JetBrains' {@code @NotNull} or {@code @Nullable},
 * a constructor, getters, {@code componentN()} and {@code copy()}, marked {@code @kotlin.Metadata};
 * the stand-ins below have those shapes, so kapt itself is not needed here.
 */
class KaptStubTest {

  private static final String MIGRATION = "com.example.model.migration.V20261121_153000_CreateCustomers";

  @TempDir Path root;

  /** {@code kotlin.Metadata}, which the Kotlin compiler puts on every class and kapt's stubs keep. */
  private static final JavaFileObject KOTLIN_METADATA = source("kotlin.Metadata", """
      package kotlin;

      @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
      public @interface Metadata {
        int k() default 1;
        int[] mv() default {};
        String[] d1() default {};
        String[] d2() default {};
        int xi() default 0;
      }
      """);

  private static final JavaFileObject KOTLIN_LAZY = source("kotlin.Lazy", """
      package kotlin;

      public interface Lazy<T> {
        T getValue();
      }
      """);

  private static final JavaFileObject NOT_NULL = source("org.jetbrains.annotations.NotNull", """
      package org.jetbrains.annotations;

      @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS)
      public @interface NotNull {}
      """);

  private static final JavaFileObject NULLABLE = source("org.jetbrains.annotations.Nullable", """
      package org.jetbrains.annotations;

      @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS)
      public @interface Nullable {}
      """);

  /**
   * kapt's stub of
   *
   * <pre>{@code
   * @Table(name = "customers")
   * data class Customer(
   *     @Id(generated = true) val id: Long = 0,
   *     @Column(length = 255, unique = true) val email: String,
   *     @Column(length = 20) val phone: String? = null,
   *     val quantity: Int = 1,
   *     val discount: Int? = null,
   *     val createdAt: Instant,
   * ) {
   *   lateinit var nickname: String
   *   val label: String by lazy { email.uppercase() }
   *   companion object { const val LIMIT = 3 }
   * }
   * }</pre>
   */
  private static final String CUSTOMER_STUB = """
      package com.example.model;

      @kotlin.Metadata(mv = {1, 9, 0}, k = 1, xi = 48, d2 = {"Lcom/example/model/Customer;"})
      @dev.retort.Table(name = "customers")
      public final class Customer {
          @dev.retort.Id(generated = true)
          private final long id = 0L;
          @dev.retort.Column(length = 255, unique = true)
          @org.jetbrains.annotations.NotNull()
          private final java.lang.String email = null;
          @dev.retort.Column(length = 20)
          @org.jetbrains.annotations.Nullable()
          private final java.lang.String phone = null;
          private final int quantity = 0;
          @org.jetbrains.annotations.Nullable()
          private final java.lang.Integer discount = null;
          @org.jetbrains.annotations.NotNull()
          private final java.time.Instant createdAt = null;
          public java.lang.String nickname;
          @org.jetbrains.annotations.NotNull()
          private final kotlin.Lazy label$delegate = null;
          public static final int LIMIT = 3;
          @org.jetbrains.annotations.NotNull()
          public static final com.example.model.Customer.Companion Companion = null;

          public Customer(long id, @org.jetbrains.annotations.NotNull() java.lang.String email,
              @org.jetbrains.annotations.Nullable() java.lang.String phone, int quantity,
              @org.jetbrains.annotations.Nullable() java.lang.Integer discount,
              @org.jetbrains.annotations.NotNull() java.time.Instant createdAt) {
              super();
          }

          public final long getId() {
              return 0L;
          }

          @org.jetbrains.annotations.NotNull()
          public final java.lang.String getEmail() {
              return null;
          }

          @org.jetbrains.annotations.NotNull()
          public final java.lang.String getNickname() {
              return null;
          }

          public final void setNickname(@org.jetbrains.annotations.NotNull() java.lang.String p0) {
          }

          @org.jetbrains.annotations.NotNull()
          public final java.lang.String getLabel() {
              return null;
          }

          public final long component1() {
              return 0L;
          }

          @org.jetbrains.annotations.NotNull()
          public final com.example.model.Customer copy(long id, @org.jetbrains.annotations.NotNull() java.lang.String email,
              @org.jetbrains.annotations.Nullable() java.lang.String phone, int quantity,
              @org.jetbrains.annotations.Nullable() java.lang.Integer discount,
              @org.jetbrains.annotations.NotNull() java.time.Instant createdAt) {
              return null;
          }

          public static final class Companion {
              private Companion() {
                  super();
              }
          }
      }
      """;

  @Test
  void readsAStubAsItsKotlinDeclarationWithALateinitPropertyNotNullAndWithoutItsPropertyDelegate() {
    ProjectFixture project = new ProjectFixture(root);

    Compilation compilation = project.compile(stubs(source("com.example.model.Customer", CUSTOMER_STUB)));

    assertThat(compilation).succeeded();
    assertThat(project.snapshot(MIGRATION)).contains("""
        table customers
          column id bigint not null identity
          column email varchar(255) not null
          column phone varchar(20) null
          column quantity integer not null
          column discount integer null
          column created_at timestamp with time zone not null
          column nickname varchar(255) not null
          primary key pk_customers (id)
          unique uq_customers_email (email)
        """);
  }

  @Test
  void aLateinitPropertyOfAJpaEntityIsNotNullAsWell() {
    ProjectFixture project = new ProjectFixture(root);
    JavaFileObject book = source("com.example.model.Book", """
        package com.example.model;

        @kotlin.Metadata(mv = {1, 9, 0}, k = 1, xi = 48, d2 = {"Lcom/example/model/Book;"})
        @jakarta.persistence.Entity()
        @jakarta.persistence.Table(name = "books")
        public class Book {
            @jakarta.persistence.Id()
            private long id = 0L;
            @org.jetbrains.annotations.Nullable()
            private java.lang.String subtitle;
            public java.lang.String isbn;

            public Book() {
                super();
            }

            @org.jetbrains.annotations.NotNull()
            public final java.lang.String getIsbn() {
                return null;
            }
        }
        """);

    Compilation compilation = project.compile(List.of("-Aretort.entities=jpa"), stubs(book));

    assertThat(compilation).succeeded();
    assertThat(project.snapshot("com.example.model.migration.V20261121_153000_CreateBooks")).contains("""
        table books
          column id bigint not null
          column subtitle varchar(255) null
          column isbn varchar(255) not null
        """);
  }

  @Test
  void anAnnotationOnThePropertyDelegateIsReported() {
    ProjectFixture project = new ProjectFixture(root);
    String stub = CUSTOMER_STUB.replace(
        "private final kotlin.Lazy label$delegate", "@dev.retort.Column(length = 40)\n    private final kotlin.Lazy label$delegate");

    Compilation compilation = project.compile(stubs(source("com.example.model.Customer", stub)));

    assertThat(compilation).hadErrorContaining(
        "Customer.label$delegate is a Kotlin property delegate, so it maps to no column, but it is annotated @Column;"
            + " remove @Column if the member is not stored, or declare the property without a delegate (by) if it is"
            + " [retort:excluded-member-annotated]");
  }

  @Test
  void anAnnotationThatKotlinPutOnTheGetterSaysHowToPutItOnTheField() {
    ProjectFixture project = new ProjectFixture(root);
    String stub = CUSTOMER_STUB.replace(
        "public final java.lang.String getEmail()", "@dev.retort.Column(length = 40)\n    public final java.lang.String getEmail()");

    Compilation compilation = project.compile(stubs(source("com.example.model.Customer", stub)));

    assertThat(compilation).hadErrorContaining(
        "@Column on method Customer.getEmail() has no effect: Retort maps fields and record components, not methods;"
            + " annotate the field or record component instead (in Kotlin, write @Column or @field:Column on the"
            + " property, not @get:Column) [retort:annotation-on-method]");
  }

  @Test
  void underKaptTheMigrationIsWrittenIntoTheSourceTreeOnlySinceTheJavaCompilationAfterKaptCompilesThatTree() {
    ProjectFixture project = new ProjectFixture(root);

    Compilation compilation = project.compile(
        List.of("-Akapt.kotlin.generated=" + root.resolve("target/generated-sources/kaptKotlin/compile")),
        stubs(source("com.example.model.Customer", CUSTOMER_STUB)));

    assertThat(compilation).succeeded();
    assertThat(project.source(MIGRATION)).contains("public final class V20261121_153000_CreateCustomers");
    assertThat(compilation.generatedSourceFile(MIGRATION))
        .as("a copy among kapt's generated sources would be a duplicate class for the Java compilation")
        .isEmpty();
    assertThat(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "com.example.model.migration",
        "V20261121_153000_CreateCustomers.schema")).isPresent();
    assertThat(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, RevisionIndexFile.RESOURCE)).isPresent();
  }

  @Test
  void aKotlinEntityWithoutTheSourceDirectoryOptionIsAnErrorRatherThanAMigrationAmongKaptsStubs() throws IOException {
    Path stubRoot = root.resolve("target/kaptStubs/compile");
    Path stubFile = stubRoot.resolve("com/example/model/Customer.java");
    Files.createDirectories(stubFile.getParent());
    Files.writeString(stubFile, CUSTOMER_STUB);
    JavaFileObject stub = JavaFileObjects.forResource(stubFile.toUri().toURL());

    for (List<String> options : List.of(
        List.<String>of(), List.of("-Aretort.resourceDir=" + root.resolve("src/main/resources")))) {
      Compilation compilation = javac().withProcessors(new RetortProcessor())
          .withOptions(concat(options, "-Aretort.clock=" + ProjectFixture.CLOCK))
          .compile(stubs(stub));

      assertThat(compilation).hadErrorContaining(
          "com.example.model.Customer is a Kotlin class, which kapt shows to the processor as a Java stub outside"
              + " your source tree; Retort writes its migrations as Java sources: pass"
              + " -Aretort.sourceDir=<the Java source directory, such as ${project.basedir}/src/main/java>"
              + " [retort:kotlin-source-dir]")
          .inFile(stub).onLineContaining("public final class Customer");
      assertThat(stubRoot.resolve("com/example/model/migration")).doesNotExist();
      assertThat(root.resolve("src")).doesNotExist();
    }
  }

  private static List<String> concat(List<String> options, String option) {
    return Stream.concat(options.stream(), Stream.of(option)).toList();
  }

  /** The stubs with the Kotlin and JetBrains classes they refer to. */
  private static JavaFileObject[] stubs(JavaFileObject... stubs) {
    List<JavaFileObject> all = new ArrayList<>(List.of(KOTLIN_METADATA, KOTLIN_LAZY, NOT_NULL, NULLABLE));
    all.addAll(List.of(stubs));
    return all.toArray(JavaFileObject[]::new);
  }
}
