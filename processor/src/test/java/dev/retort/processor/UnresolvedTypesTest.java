package dev.retort.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.retort.processor.ProjectFixture.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entities that name a class javac cannot resolve: the processor cannot read them as written (javac
 * hides an annotation whose type is missing, and a missing class in {@code @References} reads as
 * no class), so it writes nothing and leaves the message to javac; and it waits for a class that
 * another processor generates in the same build.
 */
class UnresolvedTypesTest {

  @TempDir Path root;

  private ProjectFixture project;

  @BeforeEach
  void project() {
    project = new ProjectFixture(root);
  }

  @Test
  void aColumnAnnotationWhoseImportIsMissingWritesNoMigration() {
    JavaFileObject user = source("com.example.User", """
        package com.example;

        import dev.retort.Id;
        import dev.retort.Table;

        @Table(name = "users")
        public record User(@Id long id, @Column(length = 40) String email) {}
        """);

    Compilation compilation = project.compile(user);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(user).onLineContaining("@Column");
    assertThat(project.tree()).isEmpty();
  }

  @Test
  void aReferenceToAClassThatDoesNotResolveWritesNoMigration() {
    JavaFileObject book = source("com.example.Book", """
        package com.example;

        import dev.retort.*;

        @Table
        public record Book(@Id long id, @References(Autor.class) long authorId) {}
        """);

    Compilation compilation = project.compile(book);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(book).onLineContaining("Autor.class");
    assertThat(project.tree()).isEmpty();
  }

  @Test
  void aSuperclassOrTypeArgumentThatDoesNotResolveWritesNoMigration() {
    JavaFileObject base = source("com.example.Base", """
        package com.example;

        public abstract class Base<T> {
          protected T value;
        }
        """);
    JavaFileObject audited = source("com.example.Audited", """
        package com.example;

        @dev.retort.Table
        public class Audited extends Auditable {
          @dev.retort.Id long id;
        }
        """);
    JavaFileObject setting = source("com.example.Setting", """
        package com.example;

        @dev.retort.Table
        public class Setting extends Base<Colour> {
          @dev.retort.Id long id;
        }
        """);

    Compilation compilation = project.compile(base, audited, setting);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(audited).onLineContaining("Auditable");
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(setting).onLineContaining("Colour");
    assertThat(project.tree()).isEmpty();
  }

  @Test
  void aColumnTypeThatAnotherProcessorGeneratesIsWaitedFor() {
    JavaFileObject diary = source("com.example.Diary", """
        package com.example;

        import dev.retort.*;

        @Table
        public record Diary(@Id long id, Mood mood) {}
        """);

    Compilation compilation = javac()
        .withProcessors(new MoodGenerator(), new RetortProcessor())
        .withOptions(List.of(
            "-Aretort.clock=" + ProjectFixture.CLOCK,
            "-Aretort.sourceDir=" + project.sourceDir,
            "-Aretort.resourceDir=" + project.resourceDir))
        .compile(diary);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(project.source("com.example.migration.V" + ProjectFixture.NEW_ID + "_CreateDiary"))
        .contains("column(\"mood\", enumType(\"mood\", \"HAPPY\", \"SAD\"))");
  }

  /** Generates the enum {@code com.example.Mood} in the first round, as a code generator would. */
  private static final class MoodGenerator extends AbstractProcessor {

    private boolean generated;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (generated) {
        return false;
      }
      generated = true;
      try (Writer writer = processingEnv.getFiler().createSourceFile("com.example.Mood").openWriter()) {
        writer.write("package com.example;\n\npublic enum Mood { HAPPY, SAD }\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return false;
    }
  }
}
