package dev.retort.runtime.evolution;

import dev.retort.processor.RetortProcessor;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * A user's project on disk: entity sources and the migrations and snapshots the processor
 * writes beside them, built with the Java Compiler API and the real {@link RetortProcessor},
 * every source of the tree in each build as Maven compiles it. Each build compiles into a new
 * class directory, so nothing of an earlier build is on its class path. Public for the tests of
 * other modules (the {@code spring-boot} module's Hibernate test), which get it from the test jar.
 */
public final class Project {

  private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

  private final Path sources;
  private final Path resources;
  private final Path root;
  private int builds;

  /**
   * A project in a directory.
   *
   * @param root the project's directory
   */
  public Project(Path root) {
    this.root = root;
    this.sources = root.resolve("src/main/java");
    this.resources = root.resolve("src/main/resources");
  }

  /** Replaces the entity sources (everything outside the migration package) with these. */
  void writeEntities(Entities entities) {
    writeEntities(entities.sources());
  }

  /**
   * Replaces the entity sources with these.
   *
   * @param entitySources path under the source directory, in {@link Entities#PACKAGE}'s
   *     directory → text
   */
  public void writeEntities(Map<String, String> entitySources) {
    Path entityDir = sources.resolve(Entities.PACKAGE.replace('.', '/'));
    try {
      if (Files.isDirectory(entityDir)) {
        try (Stream<Path> files = Files.list(entityDir)) {
          for (Path file : files.filter(Files::isRegularFile).toList()) {
            Files.delete(file);
          }
        }
      }
      for (Map.Entry<String, String> source : entitySources.entrySet()) {
        Path file = sources.resolve(source.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Edits a file of the project by hand, as a person edits a generated migration. */
  void edit(Path file, UnaryOperator<String> change) {
    Path absolute = root.resolve(file);
    try {
      String before = Files.readString(absolute, StandardCharsets.UTF_8);
      String after = change.apply(before);
      if (after.equals(before)) {
        throw new IllegalArgumentException("the edit leaves " + file + " as it is");
      }
      Files.writeString(absolute, after, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file of the source and resource trees with its text. */
  public Map<Path, String> tree() {
    Map<Path, String> files = new TreeMap<>();
    for (Path dir : List.of(sources, resources)) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          for (Path file : walk.filter(Files::isRegularFile).toList()) {
            files.put(root.relativize(file), Files.readString(file, StandardCharsets.UTF_8));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return files;
  }

  /** Compiles every source with the processor, its clock at {@code clock}. */
  public Build build(Instant clock, String... options) {
    Path classes = root.resolve("classes-" + ++builds);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = JAVAC.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      Files.createDirectories(classes);
      List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
          .map(Path::of).toList();
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(Files.createDirectories(root.resolve("generated"))));
      List<Path> javaFiles;
      try (Stream<Path> walk = Files.walk(sources)) {
        javaFiles = walk.filter(file -> file.toString().endsWith(".java")).sorted().toList();
      }
      List<String> arguments = new ArrayList<>(List.of("--release", "17",
          "-Aretort.clock=" + clock, "-Aretort.sourceDir=" + sources, "-Aretort.resourceDir=" + resources));
      arguments.addAll(List.of(options));
      StringWriter output = new StringWriter();
      JavaCompiler.CompilationTask task = JAVAC.getTask(
          output, files, diagnostics, arguments, null, files.getJavaFileObjectsFromPaths(javaFiles));
      task.setProcessors(List.of(new RetortProcessor()));
      boolean succeeded = task.call();
      return new Build(succeeded, diagnostics.getDiagnostics(), classes, resources);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The outcome of one build. */
  public record Build(boolean succeeded, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path classes,
      Path resources) {

    /** Every diagnostic, one a line. */
    public String log() {
      return diagnostics.stream().map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT))
          .collect(Collectors.joining("\n"));
    }

    /**
     * Loads the build's classes and resources like {@link #classLoader()}, and records the
     * name of every class it loads from them.
     */
    RecordingClassLoader recordingClassLoader() {
      try {
        return new RecordingClassLoader(new URL[] {classes.toUri().toURL(), resources.toUri().toURL()},
            Project.class.getClassLoader());
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Loads the build's classes and resources, as the application's class path would hold them. */
    public URLClassLoader classLoader() {
      try {
        return new URLClassLoader(new URL[] {classes.toUri().toURL(), resources.toUri().toURL()},
            Project.class.getClassLoader());
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A class loader of a build's output that records the classes it defines. */
  static final class RecordingClassLoader extends URLClassLoader {

    private final Set<String> loaded = ConcurrentHashMap.newKeySet();

    RecordingClassLoader(URL[] urls, ClassLoader parent) {
      super(urls, parent);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      loaded.add(name);
      return super.findClass(name);
    }

    /** The binary names of the classes loaded from the build so far. */
    Set<String> loaded() {
      return Set.copyOf(loaded);
    }
  }
}
