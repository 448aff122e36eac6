package dev.retort.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.retort.dsl.Schema;
import dev.retort.model.SchemaModel;
import dev.retort.snapshot.SnapshotCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * A project for compile-testing runs of {@link RetortProcessor}: source and resource
 * directories under a temporary folder, passed to the processor as options since in-memory
 * sources have no directory of their own, and a fixed clock so that ids are stable.
 */
final class ProjectFixture {

  /** The clock of every test compilation. */
  static final String CLOCK = "2026-11-21T15:30:00Z";
  /** The id a new revision gets with {@link #CLOCK}. */
  static final String NEW_ID = "20261121_153000";
  /** The id of the committed head revision that {@link #headRevision} declares. */
  static final String HEAD_ID = "20261120_090000";
  /** The class of that revision. */
  static final String HEAD_CLASS = "com.example.migration.V20261120_090000_CreateUsers";

  final Path sourceDir;
  final Path resourceDir;

  ProjectFixture(Path root) {
    this.sourceDir = root.resolve("src/main/java");
    this.resourceDir = root.resolve("src/main/resources");
  }

  /** Compiles in generate mode. */
  Compilation compile(JavaFileObject... sources) {
    return compile(List.of(), sources);
  }

  /** Compiles with further options, such as {@code -Aretort.mode=check}. */
  Compilation compile(List<String> options, JavaFileObject... sources) {
    List<String> all = new ArrayList<>(List.of(
        "-Aretort.clock=" + CLOCK,
        "-Aretort.sourceDir=" + sourceDir,
        "-Aretort.resourceDir=" + resourceDir));
    all.addAll(options);
    return javac().withProcessors(new RetortProcessor()).withOptions(all).compile(sources);
  }

  /** Writes the committed snapshot of a revision class. */
  void commitSnapshot(String revisionClass, SchemaModel schema) {
    write(resourceDir.resolve(revisionClass.replace('.', '/') + ".schema"), SnapshotCodec.write(schema));
  }

  /** Writes a file in the project. */
  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of a source file the processor wrote into the source tree. */
  String source(String qualifiedName) {
    return read(sourceDir.resolve(qualifiedName.replace('.', '/') + ".java"));
  }

  /** The text of a snapshot in the resource tree. */
  String snapshot(String revisionClass) {
    return read(resourceDir.resolve(revisionClass.replace('.', '/') + ".schema"));
  }

  /** Every file of the source and resource trees with its content, to compare before and after. */
  Map<Path, String> tree() {
    Map<Path, String> files = new TreeMap<>();
    for (Path dir : List.of(sourceDir, resourceDir)) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          walk.filter(Files::isRegularFile).forEach(f -> files.put(f, read(f)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return files;
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema a migration body builds from nothing. */
  static SchemaModel schema(Consumer<Schema> migration) {
    Schema schema = new Schema();
    migration.accept(schema);
    return SchemaModel.empty().applyAll(schema.operations());
  }

  /** A Java source file. */
  static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  /**
   * A hand-written revision class in {@code com.example.migration}; its body does not matter to
   * the processor, which reads the committed snapshot.
   *
   * @param simpleName the class name
   * @param annotation the {@code @Revision} annotation as written
   */
  static JavaFileObject revision(String simpleName, String annotation) {
    return source("com.example.migration." + simpleName, """
        package com.example.migration;

        import dev.retort.Migration;
        import dev.retort.Revision;
        import dev.retort.dsl.Schema;

        /** A committed revision. */
        %s
        public final class %s implements Migration {
          @Override
          public void upgrade(Schema schema) {}
        }
        """.formatted(annotation, simpleName));
  }

  /** The committed head revision {@link #HEAD_CLASS}. */
  static JavaFileObject headRevision() {
    return revision("V20261120_090000_CreateUsers", "@Revision(id = \"" + HEAD_ID + "\")");
  }
}
