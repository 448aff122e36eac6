package dev.retort.examples.bookshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bookshop's build runs the processor in check mode ({@code -Aretort.mode=check}, the
 * default of its {@code retort.mode} property): compiling its sources as they are committed
 * passes and writes nothing, and an entity changed without its migration fails the compilation
 * with the difference. Compiled here with javac and the processor, on a copy of the sources.
 */
class CheckModeTest {

  private static final Path MAIN = Path.of("src", "main");

  @TempDir Path copy;
  @TempDir Path classes;

  @Test
  void theCommittedHistoryMatchesTheEntities() throws IOException {
    copySources();
    List<Path> before = files(copy);

    Compilation compilation = compile("check");

    assertThat(compilation.errors()).isEmpty();
    assertThat(files(copy)).as("check mode writes nothing").isEqualTo(before);
  }

  @Test
  void anEntityChangedWithoutItsMigrationFailsTheBuild() throws IOException {
    copySources();
    Path book = copy.resolve("java/dev/retort/examples/bookshop/model/Book.java");
    String source = Files.readString(book, StandardCharsets.UTF_8);
    Files.writeString(book, source.replace("int stock) {}", "int stock,\n    String subtitle) {}"),
        StandardCharsets.UTF_8);
    List<Path> before = files(copy);

    Compilation compilation = compile("check");

    assertThat(compilation.errors()).isNotEmpty();
    assertThat(String.join("\n", compilation.errors())).contains("books.subtitle");
    assertThat(files(copy)).as("check mode writes nothing").isEqualTo(before);
  }

  private void copySources() throws IOException {
    try (Stream<Path> paths = Files.walk(MAIN)) {
      for (Path path : paths.sorted().toList()) {
        Path target = copy.resolve(MAIN.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  private Compilation compile(String mode) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<Path> sources;
      try (Stream<Path> paths = Files.walk(copy.resolve("java"))) {
        sources = paths.filter(path -> path.toString().endsWith(".java")).collect(Collectors.toList());
      }
      List<String> options = List.of(
          "--release", "17",
          "-d", classes.toString(),
          "-classpath", System.getProperty("java.class.path"),
          "-processorpath", System.getProperty("java.class.path"),
          "-Aretort.mode=" + mode);
      javac.getTask(new StringWriter(), files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
          .call();
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(diagnostic.getMessage(Locale.ROOT));
      }
    }
    return new Compilation(errors);
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).collect(Collectors.toList());
    }
  }

  /** The errors of one compilation. */
  private record Compilation(List<String> errors) {}
}
