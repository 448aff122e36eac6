package dev.retort.processor.layout;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.retort.processor.Kapt;
import dev.retort.processor.diagnostics.Diagnostics;
import dev.retort.processor.diagnostics.Message;
import dev.retort.processor.options.ProcessorOptions;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;

/**
 * Finds the {@link ProjectLayout}: options win; otherwise the source directory is the root
 * of the file declaring the newest revision (or, before the first, an entity), found through
 * javac's trees, and the resource directory is the {@code resources} directory beside a
 * source directory named {@code java}, as in Maven and Gradle projects. A Kotlin class cannot
 * show the source directory, since the file javac reads of it is kapt's stub.
 */
public final class LayoutResolver {

  private final ProcessingEnvironment env;
  private final Diagnostics diagnostics;

  /**
   * Creates a resolver.
   *
   * @param env the processing environment
   * @param diagnostics where an unknown directory is reported
   */
  public LayoutResolver(ProcessingEnvironment env, Diagnostics diagnostics) {
    this.env = Objects.requireNonNull(env, "env == null");
    this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics == null");
  }

  /**
   * Resolves the layout.
   *
   * @param options the processor options
   * @param newestRevision the class of the head revision, if there is one
   * @param entities the {@code @Table} classes
   * @return the layout, or empty after reporting which directory is unknown and how to name it
   */
  public Optional<ProjectLayout> resolve(
      ProcessorOptions options, Optional<TypeElement> newestRevision, Collection<TypeElement> entities) {
    List<TypeElement> sortedEntities = new ArrayList<>(entities);
    sortedEntities.sort(Comparator.comparing(e -> e.getQualifiedName().toString()));
    Optional<TypeElement> anchor = newestRevision.or(() -> sortedEntities.stream().findFirst());
    if (anchor.isEmpty()) {
      throw new IllegalArgumentException("no revision or entity to find the project layout from");
    }
    String migrationPackage = options.migrationPackage()
        .orElseGet(() -> newestRevision.map(this::packageOf).orElseGet(() -> defaultPackage(sortedEntities)));

    if (options.sourceDir().isEmpty() && Kapt.isKotlin(anchor.get())) {
      // The stub's directory is kapt's, emptied on every build: a migration written there would be lost.
      diagnostics.report(anchor.get(), Message.KOTLIN_SOURCE_DIR, anchor.get().getQualifiedName());
      return Optional.empty();
    }
    Optional<Path> sourceDir = options.sourceDir().or(() -> sourceRoot(anchor.get()));
    if (sourceDir.isEmpty()) {
      String file = sourceUri(anchor.get()).map(URI::toString).orElse("not known to the compiler");
      diagnostics.report(anchor.get(), Message.SOURCE_DIR_UNKNOWN, anchor.get().getQualifiedName(), file);
      return Optional.empty();
    }
    Optional<Path> resourceDir = options.resourceDir().or(() -> siblingResources(sourceDir.get()));
    if (resourceDir.isEmpty()) {
      diagnostics.report(anchor.get(), Message.RESOURCE_DIR_UNKNOWN, sourceDir.get());
      return Optional.empty();
    }
    return Optional.of(new ProjectLayout(sourceDir.get(), resourceDir.get(), migrationPackage));
  }

  private String packageOf(TypeElement type) {
    return env.getElementUtils().getPackageOf(type).getQualifiedName().toString();
  }

  /** {@code <the package the entities share>.migration}, or under the first entity's package if they share none. */
  private String defaultPackage(List<TypeElement> entities) {
    List<String> common = null;
    for (TypeElement entity : entities) {
      List<String> segments = segments(packageOf(entity));
      if (common == null) {
        common = new ArrayList<>(segments);
      } else {
        int shared = 0;
        while (shared < common.size() && shared < segments.size() && common.get(shared).equals(segments.get(shared))) {
          shared++;
        }
        common = new ArrayList<>(common.subList(0, shared));
      }
    }
    if (common == null || common.isEmpty()) {
      common = entities.isEmpty() ? new ArrayList<>() : new ArrayList<>(segments(packageOf(entities.get(0))));
    }
    common.add("migration");
    return String.join(".", common);
  }

  private static List<String> segments(String packageName) {
    return packageName.isEmpty() ? List.of() : Arrays.asList(packageName.split("\\."));
  }

  /** The directory above the package directories of the file declaring {@code type}. */
  private Optional<Path> sourceRoot(TypeElement type) {
    Optional<URI> uri = sourceUri(type);
    if (uri.isEmpty() || !"file".equals(uri.get().getScheme())) {
      return Optional.empty();
    }
    Path directory;
    try {
      directory = Path.of(uri.get()).toAbsolutePath().normalize().getParent();
    } catch (IllegalArgumentException | FileSystemNotFoundException e) {
      return Optional.empty();
    }
    List<String> packageSegments = segments(packageOf(type));
    for (int i = packageSegments.size() - 1; i >= 0; i--) {
      if (directory == null || directory.getFileName() == null
          || !directory.getFileName().toString().equals(packageSegments.get(i))) {
        return Optional.empty();
      }
      directory = directory.getParent();
    }
    return Optional.ofNullable(directory);
  }

  private Optional<URI> sourceUri(TypeElement type) {
    Trees trees;
    try {
      trees = Trees.instance(env);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    TreePath path = trees.getPath(type);
    if (path == null) {
      return Optional.empty();
    }
    return Optional.of(path.getCompilationUnit().getSourceFile().toUri());
  }

  private static Optional<Path> siblingResources(Path sourceDir) {
    Path name = sourceDir.getFileName();
    if (name == null || !name.toString().equals("java")) {
      return Optional.empty();
    }
    return Optional.of(sourceDir.resolveSibling("resources"));
  }
}
