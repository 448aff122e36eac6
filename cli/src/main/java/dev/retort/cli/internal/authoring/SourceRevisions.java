package dev.retort.cli.internal.authoring;

import com.palantir.javapoet.ClassName;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import dev.retort.processor.history.MissingSnapshots;
import dev.retort.processor.revision.RevisionNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Reads the {@code @Revision} classes of a project from its source files, with javac's parser:
 * the committed history, as the processor sees it, even while the project does not compile
 * (as when two branches each added a revision and the history has two heads). Only files that
 * mention {@code Revision} are parsed; nothing is compiled.
 */
public final class SourceRevisions {

  private static final String SIMPLE_NAME = "Revision";
  private static final String QUALIFIED_NAME = "dev.retort.Revision";

  private SourceRevisions() {}

  /**
   * Reads every revision under the source directories.
   *
   * @param sourceRoots the source directories; missing ones are skipped
   * @return the revisions, in file order
   * @throws AuthoringException if a file cannot be read or parsed, or a {@code @Revision} does
   *     not give its id and parents as string literals
   */
  public static List<DeclaredRevision> read(List<Path> sourceRoots) throws AuthoringException {
    Map<Path, Path> files = new TreeMap<>();
    for (Path root : sourceRoots) {
      for (Path file : candidates(root)) {
        files.putIfAbsent(file, root);
      }
    }
    if (files.isEmpty()) {
      return List.of();
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new AuthoringException("Reading the revisions needs a JDK, not a JRE: run it with a JDK 17 or later.");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavacTask task = (JavacTask) compiler.getTask(null, fileManager, diagnostics, List.of("-proc:none"), null,
          fileManager.getJavaFileObjectsFromPaths(files.keySet()));
      Iterable<? extends CompilationUnitTree> units = task.parse();
      for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
        if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
          throw new AuthoringException("Cannot parse " + diagnostic.getSource().getName() + " at line "
              + diagnostic.getLineNumber() + ": " + diagnostic.getMessage(Locale.ROOT) + ". Fix the file first.");
        }
      }
      List<DeclaredRevision> revisions = new ArrayList<>();
      for (CompilationUnitTree unit : units) {
        Path file = Path.of(unit.getSourceFile().toUri()).toAbsolutePath().normalize();
        Path root = files.containsKey(file) ? files.get(file) : rootOf(file, sourceRoots);
        String packageName = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
        for (Tree type : unit.getTypeDecls()) {
          if (type instanceof ClassTree declaration) {
            read(declaration, ClassName.get(packageName, declaration.getSimpleName().toString()), file, root,
                revisions);
          }
        }
      }
      return revisions;
    } catch (IOException e) {
      throw new AuthoringException("Cannot read the sources: " + e.getMessage(), e);
    }
  }

  /** The source directory a file lies under, for a file the compiler names differently than it was listed. */
  private static Path rootOf(Path file, List<Path> sourceRoots) {
    return sourceRoots.stream()
        .map(root -> root.toAbsolutePath().normalize())
        .filter(file::startsWith)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(file + " is under none of the source directories " + sourceRoots));
  }

  private static List<Path> candidates(Path root) throws AuthoringException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.walk(root)) {
      return paths
          .filter(path -> path.toString().endsWith(".java") && Files.isRegularFile(path))
          .filter(SourceRevisions::mentionsRevision)
          .map(path -> path.toAbsolutePath().normalize())
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new AuthoringException("Cannot list the sources under " + root + ": " + e.getMessage(), e);
    }
  }

  private static boolean mentionsRevision(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).contains(SIMPLE_NAME);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void read(
      ClassTree declaration, ClassName name, Path file, Path root, List<DeclaredRevision> revisions)
      throws AuthoringException {
    for (AnnotationTree annotation : declaration.getModifiers().getAnnotations()) {
      String type = annotation.getAnnotationType().toString();
      if (type.equals(SIMPLE_NAME) || type.equals(QUALIFIED_NAME)) {
        revisions.add(new DeclaredRevision(
            revision(annotation, name, file), file, root, MissingSnapshots.schemaChange(declaration)));
      }
    }
    for (Tree member : declaration.getMembers()) {
      if (member instanceof ClassTree nested) {
        read(nested, name.nestedClass(nested.getSimpleName().toString()), file, root, revisions);
      }
    }
  }

  private static RevisionNode revision(AnnotationTree annotation, ClassName name, Path file)
      throws AuthoringException {
    Optional<String> id = Optional.empty();
    List<String> parents = List.of();
    for (ExpressionTree argument : annotation.getArguments()) {
      if (!(argument instanceof AssignmentTree assignment)
          || !(assignment.getVariable() instanceof IdentifierTree element)) {
        throw unreadable(name, file, argument);
      }
      String key = element.getName().toString();
      if (key.equals("id")) {
        id = Optional.of(literal(assignment.getExpression(), name, file));
      } else if (key.equals("parent")) {
        parents = literals(assignment.getExpression(), name, file);
      }
    }
    if (id.isEmpty() || id.get().isBlank()) {
      throw new AuthoringException(name.canonicalName() + " in " + file + " has no revision id; give it one, such as"
          + " @Revision(id = \"20261121_153000\", parent = \"...\").");
    }
    try {
      return new RevisionNode(id.get(), parents, name, name.simpleName());
    } catch (IllegalArgumentException e) {
      throw new AuthoringException(name.canonicalName() + " in " + file + ": " + e.getMessage(), e);
    }
  }

  private static List<String> literals(ExpressionTree value, ClassName name, Path file) throws AuthoringException {
    if (value instanceof NewArrayTree array) {
      List<String> values = new ArrayList<>();
      for (ExpressionTree element : array.getInitializers()) {
        values.add(literal(element, name, file));
      }
      return values;
    }
    return List.of(literal(value, name, file));
  }

  private static String literal(ExpressionTree value, ClassName name, Path file) throws AuthoringException {
    if (value instanceof LiteralTree literal && literal.getValue() instanceof String text) {
      return text;
    }
    throw unreadable(name, file, value);
  }

  private static AuthoringException unreadable(ClassName name, Path file, Tree value) {
    return new AuthoringException("Cannot read the @Revision of " + name.canonicalName() + " in " + file + ": '"
        + value + "' is not a string literal. Write the revision's id and parents as string literals, as the"
        + " processor generates them.");
  }
}
