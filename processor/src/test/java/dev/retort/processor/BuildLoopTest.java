package dev.retort.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.Migration;
import dev.retort.dsl.Schema;
import dev.retort.index.RevisionIndexFile;
import dev.retort.model.SchemaModel;
import dev.retort.snapshot.SnapshotCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's loop on real directories laid out like a Maven project, built with the Java
 * Compiler API the way Maven builds it and never cleaned: the resources step copies
 * {@code src/main/resources} into {@code target/classes}; the compiler plugin, when it
 * recompiles, first deletes what its previous compilation created and the generated sources,
 * then compiles every source of {@code src/main/java} with that directory as source path, the
 * output directory on the class path and generated sources into
 * {@code target/generated-sources/annotations}. The processor finds the source and resource
 * directories by itself.
 */
class BuildLoopTest {

  private static final String MIGRATIONS = "com/example/shop/migration/";

  @TempDir Path project;

  private Path sources;
  private Path resources;
  private Path classes;
  private Path generated;
  private Set<Path> createdByLastCompilation = Set.of();

  @BeforeEach
  void layOutProject() throws IOException {
    sources = project.resolve("src/main/java");
    resources = project.resolve("src/main/resources");
    classes = Files.createDirectories(project.resolve("target/classes"));
    generated = Files.createDirectories(project.resolve("target/generated-sources/annotations"));
  }

  @Test
  void generateRebuildChangeCheckAndRun() throws Exception {
    writeUser("@Id(generated = true) long id, @Column(length = 255, unique = true) String email");

    Build first = build("2026-11-21T15:30:00Z");
    assertThat(first.succeeded()).as(first.log()).isTrue();
    Path firstMigration = sources.resolve(MIGRATIONS + "V20261121_153000_CreateUsers.java");
    Path firstSnapshot = resources.resolve(MIGRATIONS + "V20261121_153000_CreateUsers.schema");
    assertThat(firstMigration).exists();
    assertThat(firstSnapshot).exists();
    assertThat(first.diagnostics()).as("only the note naming the new files")
        .extracting(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT))
        .containsExactly("NOTE: wrote migration " + firstMigration + " and snapshot " + firstSnapshot
            + " [retort:migration-written]");
    assertThat(classes.resolve(MIGRATIONS + "V20261121_153000_CreateUsers.class")).exists();
    assertThat(classes.resolve(MIGRATIONS + "V20261121_153000_CreateUsers.schema")).hasSameTextualContentAs(firstSnapshot);

    Map<Path, String> afterFirst = sourceTree();
    Build unchanged = build("2026-11-21T16:00:00Z");
    assertThat(unchanged.succeeded()).as(unchanged.log()).isTrue();
    assertThat(unchanged.diagnostics()).as("a build without changes reports nothing").isEmpty();
    assertThat(sourceTree()).isEqualTo(afterFirst);
    assertThat(classes.resolve(MIGRATIONS + "V20261121_153000_CreateUsers.schema"))
        .as("the snapshot the previous compilation created, deleted before this one, is restored")
        .hasSameTextualContentAs(firstSnapshot);

    writeUser("@Id(generated = true) long id, @Column(length = 255, unique = true) String email,"
        + " @Column(length = 20) String phone");
    Build drift = build("2026-11-22T09:00:00Z", "-Aretort.mode=check");
    assertThat(drift.succeeded()).isFalse();
    assertThat(drift.log()).contains("- add column users.phone");
    assertThat(sourceTree()).isEqualTo(withUser(afterFirst));

    Build second = build("2026-11-22T09:00:00Z");
    assertThat(second.succeeded()).as(second.log()).isTrue();
    assertThat(second.diagnostics()).extracting(Diagnostic::getKind).containsOnly(Diagnostic.Kind.NOTE);
    Map<Path, String> afterSecond = sourceTree();
    assertThat(newFiles(withUser(afterFirst), afterSecond)).containsExactly(
        sources.resolve(MIGRATIONS + "V20261122_090000_AddUsersPhone.java"),
        resources.resolve(MIGRATIONS + "V20261122_090000_AddUsersPhone.schema"));
    assertThat(afterSecond.get(sources.resolve(MIGRATIONS + "V20261122_090000_AddUsersPhone.java")))
        .contains("@Revision(\n    id = \"20261122_090000\",\n    parent = \"20261121_153000\"\n)");

    Build check = build("2026-11-23T09:00:00Z", "-Aretort.mode=check");
    assertThat(check.succeeded()).as(check.log()).isTrue();
    assertThat(check.diagnostics()).isEmpty();
    assertThat(sourceTree()).isEqualTo(afterSecond);

    try (URLClassLoader application = new URLClassLoader(
        new URL[] {classes.toUri().toURL()}, BuildLoopTest.class.getClassLoader())) {
      List<URL> indexes = Collections.list(application.getResources(RevisionIndexFile.RESOURCE));
      assertThat(indexes).hasSize(1);
      List<RevisionIndexFile.Entry> revisions;
      try (Reader reader = new InputStreamReader(indexes.get(0).openStream(), StandardCharsets.UTF_8)) {
        revisions = RevisionIndexFile.read(reader, indexes.get(0).toString());
      }
      assertThat(revisions).extracting(RevisionIndexFile.Entry::id)
          .containsExactly("20261121_153000", "20261122_090000");
      assertThat(revisions).extracting(RevisionIndexFile.Entry::parents)
          .containsExactly(List.of(), List.of("20261121_153000"));
      assertThat(revisions).extracting(RevisionIndexFile.Entry::description)
          .containsExactly("Create table users.", "Add column users.phone.");
      assertThat(revisions).extracting(RevisionIndexFile.Entry::sourceChecksum).containsExactly(
          RevisionIndexFile.sourceChecksum(afterSecond.get(firstMigration)),
          RevisionIndexFile.sourceChecksum(afterSecond.get(sources.resolve(MIGRATIONS + "V20261122_090000_AddUsersPhone.java"))));

      SchemaModel schema = SchemaModel.empty();
      for (RevisionIndexFile.Entry revision : revisions) {
        Schema operations = new Schema();
        Migration migration = (Migration) application.loadClass(revision.migrationClass()).getConstructor().newInstance();
        migration.upgrade(operations);
        schema = schema.applyAll(operations.operations());
        assertThat(schema).isEqualTo(snapshot(application, revision.snapshotResource()));
      }
    }
  }

  private void writeUser(String components) {
    ProjectFixture.write(sources.resolve("com/example/shop/User.java"), """
        package com.example.shop;

        import dev.retort.Column;
        import dev.retort.Id;
        import dev.retort.Table;

        @Table(name = "users")
        public record User(%s) {}
        """.formatted(components));
  }

  /** A tree as it was, with the current entity source. */
  private Map<Path, String> withUser(Map<Path, String> tree) {
    Map<Path, String> updated = new java.util.TreeMap<>(tree);
    Path user = sources.resolve("com/example/shop/User.java");
    updated.put(user, ProjectFixture.read(user));
    return updated;
  }

  private static List<Path> newFiles(Map<Path, String> before, Map<Path, String> after) {
    List<Path> added = new ArrayList<>(after.keySet());
    added.removeAll(before.keySet());
    return added;
  }

  private Map<Path, String> sourceTree() {
    Map<Path, String> files = new java.util.TreeMap<>();
    try (Stream<Path> walk = Files.walk(project.resolve("src"))) {
      walk.filter(Files::isRegularFile).forEach(file -> files.put(file, ProjectFixture.read(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static SchemaModel snapshot(ClassLoader loader, String resource) throws IOException {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      assertThat(in).as("resource " + resource).isNotNull();
      return SnapshotCodec.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
    }
  }

  /** Copies the resources and compiles every source of {@code src/main/java}, as Maven would. */
  private Build build(String clock, String... options) throws IOException {
    if (Files.isDirectory(resources)) {
      try (Stream<Path> walk = Files.walk(resources)) {
        for (Path file : walk.filter(Files::isRegularFile).toList()) {
          Path copy = classes.resolve(resources.relativize(file).toString());
          Files.createDirectories(copy.getParent());
          Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    for (Path created : createdByLastCompilation) {
      Files.deleteIfExists(created);
    }
    try (Stream<Path> walk = Files.walk(generated)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        Files.delete(file);
      }
    }
    Set<Path> before = files(classes);
    Build build = compile(clock, options);
    Set<Path> after = files(classes);
    after.removeAll(before);
    createdByLastCompilation = after;
    return build;
  }

  private static Set<Path> files(Path directory) throws IOException {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile).collect(Collectors.toCollection(HashSet::new));
    }
  }

  private Build compile(String clock, String... options) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<Path> classpath = new ArrayList<>(List.of(classes));
      Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator)).map(Path::of)
          .forEach(classpath::add);
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
      List<Path> javaFiles;
      try (Stream<Path> walk = Files.walk(sources)) {
        javaFiles = walk.filter(file -> file.toString().endsWith(".java")).sorted().toList();
      }
      List<String> arguments = new ArrayList<>(List.of(
          "--release", "17", "-Xlint:all", "-sourcepath", sources.toString(), "-Aretort.clock=" + clock));
      arguments.addAll(List.of(options));
      StringWriter output = new StringWriter();
      JavaCompiler.CompilationTask task = javac.getTask(
          output, files, diagnostics, arguments, null, files.getJavaFileObjectsFromPaths(javaFiles));
      task.setProcessors(List.of(new RetortProcessor()));
      boolean succeeded = task.call();
      return new Build(succeeded, diagnostics.getDiagnostics());
    }
  }

  /** The outcome of one build. */
  private record Build(boolean succeeded, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    String log() {
      return diagnostics.stream().map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT))
          .collect(Collectors.joining("\n"));
    }
  }
}
