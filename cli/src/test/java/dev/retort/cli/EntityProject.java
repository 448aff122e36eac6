package dev.retort.cli;

import dev.retort.index.RevisionIndexFile;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
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
 * A project directory whose sources are compiled with javac and the real {@link RetortProcessor},
 * as Maven compiles them: the processor writes the migration and its snapshot into the source and
 * resource trees and compiles the migration in the same build.
 */
final class EntityProject {

  private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

  private final Path root;

  EntityProject(Path root) {
    this.root = root;
  }

  Path sources() {
    return root.resolve("src/main/java");
  }

  Path resources() {
    return root.resolve("src/main/resources");
  }

  /** Compiles every source of the tree, the processor's clock at a fixed instant. */
  Build build() {
    Path classes = root.resolve("classes");
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = JAVAC.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      Files.createDirectories(classes);
      Files.createDirectories(resources());
      List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
          .map(Path::of).toList();
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT,
          List.of(Files.createDirectories(root.resolve("generated"))));
      List<Path> javaFiles;
      try (Stream<Path> walk = Files.walk(sources())) {
        javaFiles = walk.filter(file -> file.toString().endsWith(".java")).sorted().toList();
      }
      List<String> arguments = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-Xdoclint:all,-missing",
          "-Aretort.clock=2026-11-21T12:00:00Z", "-Aretort.sourceDir=" + sources(),
          "-Aretort.resourceDir=" + resources()));
      JavaCompiler.CompilationTask task = JAVAC.getTask(new StringWriter(), files, diagnostics, arguments, null,
          files.getJavaFileObjectsFromPaths(javaFiles));
      task.setProcessors(List.of(new RetortProcessor()));
      boolean succeeded = task.call();
      return new Build(succeeded, diagnostics.getDiagnostics(), classes, resources());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The outcome of a build. */
  record Build(boolean succeeded, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path classes,
      Path resources) {

    /** Every diagnostic, one a line. */
    String log() {
      return diagnostics.stream().map(d -> d.getKind() + ": " + (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ") + d.getMessage(Locale.ROOT))
          .collect(Collectors.joining("\n"));
    }

    /** The diagnostics that are warnings, one a line. */
    List<String> warnings() {
      return diagnostics.stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
          .map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    /**
     * The build's classes and resources, as the application's class path holds them, and no other
     * revision index: the tests' own fixtures have one.
     */
    URLClassLoader classLoader() {
      try {
        return new URLClassLoader(new URL[] {classes.toUri().toURL(), resources.toUri().toURL()},
            new WithoutRevisionIndex(EntityProject.class.getClassLoader()));
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }

    /** The text of the one snapshot the build wrote. */
    String snapshot() {
      try (Stream<Path> walk = Files.walk(resources)) {
        List<Path> snapshots = walk.filter(Files::isRegularFile).toList();
        if (snapshots.size() != 1) {
          throw new IllegalStateException("expected one snapshot, found " + snapshots);
        }
        return Files.readString(snapshots.get(0), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Delegates to another class loader but shows none of its revision indexes. */
  private static final class WithoutRevisionIndex extends ClassLoader {

    WithoutRevisionIndex(ClassLoader parent) {
      super(parent);
    }

    @Override
    public URL getResource(String name) {
      return name.equals(RevisionIndexFile.RESOURCE) ? null : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      return name.equals(RevisionIndexFile.RESOURCE) ? Collections.emptyEnumeration() : super.getResources(name);
    }
  }
}
