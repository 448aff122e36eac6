package dev.retort.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.retort.index.RevisionIndexFile;
import dev.retort.processor.diagnostics.Diagnostics;
import dev.retort.processor.diagnostics.Message;
import dev.retort.processor.history.ComputedSnapshot;
import dev.retort.processor.layout.ProjectLayout;
import dev.retort.processor.plan.MigrationPlan;
import dev.retort.snapshot.SnapshotCodec;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Writes what the processor produces. Migrations and snapshots go into the source tree, to
 * be reviewed and committed, and through the {@link Filer} too, so that this compilation
 * compiles the new class and ships the snapshot; the revision index goes through the Filer
 * only, as a class-path resource, which costs javac no further round. Under kapt a new migration
 * goes into the source tree only: kapt's compilation compiles nothing, and the Java compilation
 * after it compiles the source tree and kapt's generated sources together, where a second copy of
 * the class would be a duplicate class.
 * A file in the source tree is only ever created, never replaced.
 */
public final class Outputs {

  private final Filer filer;
  private final Elements elements;
  private final Diagnostics diagnostics;
  private final boolean emitMigrationSources;
  private final Set<String> emittedResources = new HashSet<>();
  private final Map<ClassName, String> writtenSourceChecksums = new HashMap<>();

  /**
   * Creates the outputs.
   *
   * @param filer javac's filer
   * @param elements the element utilities, to tell whether a class already exists
   * @param diagnostics where notes and failures are reported
   * @param emitMigrationSources whether a new migration goes through the Filer as well, to be
   *     compiled by this compilation: false under kapt
   */
  public Outputs(Filer filer, Elements elements, Diagnostics diagnostics, boolean emitMigrationSources) {
    this.filer = Objects.requireNonNull(filer, "filer == null");
    this.elements = Objects.requireNonNull(elements, "elements == null");
    this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics == null");
    this.emitMigrationSources = emitMigrationSources;
  }

  /**
   * Writes a new migration and its snapshot, and prints a note naming both files.
   *
   * @param plan the migration
   * @param layout where it goes
   * @param originating the elements it was derived from
   * @return whether everything was written; on failure an error was reported
   */
  public boolean writeMigration(MigrationPlan plan, ProjectLayout layout, List<? extends Element> originating) {
    JavaFile source = MigrationSource.of(plan);
    String text = source.toString();
    String sourceChecksum = RevisionIndexFile.sourceChecksum(text);
    writtenSourceChecksums.put(plan.className(), sourceChecksum);
    Path sourceFile = layout.sourceFile(plan.className());
    Path snapshotFile = layout.snapshotFile(plan.className());
    // The snapshot records the source it was written with: while the migration stays unchanged, the runtime
    // may start from this schema instead of replaying the history.
    String snapshot = SnapshotCodec.write(plan.snapshot(), sourceChecksum);
    // Asked before the file exists in the source tree, where javac's source path would find it.
    boolean classExists = elements.getTypeElement(plan.className().canonicalName()) != null;
    if (!create(snapshotFile, snapshot)) {
      return false;
    }
    if (!create(sourceFile, text)) {
      // Without its migration the snapshot describes no revision; the error already says what failed.
      deleteIfPossible(snapshotFile);
      return false;
    }
    if (!emitSnapshot(plan.className(), snapshot, originating)) {
      return false;
    }
    if (emitMigrationSources && !classExists) {
      try {
        JavaFileObject file = filer.createSourceFile(plan.className().canonicalName(), originating.toArray(Element[]::new));
        try (Writer writer = file.openWriter()) {
          writer.write(text);
        }
      } catch (IOException e) {
        diagnostics.report(null, Message.IO_FAILURE, "emit", plan.className().canonicalName(), e.getMessage());
        return false;
      }
    }
    diagnostics.report(null, Message.MIGRATION_WRITTEN, sourceFile, snapshotFile);
    return true;
  }

  /**
   * Writes the computed snapshot of a merge revision, and prints a note naming it. It records no
   * source checksum: the merge class was written by hand, and nothing here shows that its
   * upgrade leaves the merged schema as it is, so the runtime replays a history through it.
   *
   * @param snapshot the snapshot
   * @param originating the elements it was derived from
   * @return whether it was written; on failure an error was reported
   */
  public boolean writeMergeSnapshot(ComputedSnapshot snapshot, List<? extends Element> originating) {
    String text = SnapshotCodec.write(snapshot.schema());
    if (!create(snapshot.file(), text) || !emitSnapshot(snapshot.revision().className(), text, originating)) {
      return false;
    }
    diagnostics.report(null, Message.MERGE_SNAPSHOT_WRITTEN, snapshot.file(), snapshot.revision().label());
    return true;
  }

  /**
   * The source checksum of a migration this instance wrote, so that the index need not render
   * a large migration a second time.
   *
   * @param migrationClass the class
   * @return the checksum of the text written
   * @throws IllegalStateException if this instance wrote no such class
   */
  public String writtenSourceChecksum(ClassName migrationClass) {
    String checksum = writtenSourceChecksums.get(migrationClass);
    if (checksum == null) {
      throw new IllegalStateException("migration " + migrationClass + " was not written");
    }
    return checksum;
  }

  /**
   * Emits the revision index, the resource {@value RevisionIndexFile#RESOURCE} from which the
   * runtime learns the history.
   *
   * @param entries the revisions, parents before children
   * @param originating the elements it was derived from
   * @return whether it was emitted; on failure an error was reported
   */
  public boolean writeIndex(List<RevisionIndexFile.Entry> entries, List<? extends Element> originating) {
    try {
      FileObject index = filer.createResource(StandardLocation.CLASS_OUTPUT, "", RevisionIndexFile.RESOURCE,
          originating.toArray(Element[]::new));
      try (Writer writer = index.openWriter()) {
        writer.write(RevisionIndexFile.write(entries));
      }
      return true;
    } catch (IOException e) {
      diagnostics.report(null, Message.IO_FAILURE, "emit", RevisionIndexFile.RESOURCE, e.getMessage());
      return false;
    }
  }

  /**
   * Copies into the class output every committed snapshot missing from it, so that it ships
   * with the migrations. Build tools copy the resource directory themselves, but Maven's
   * incremental compilation deletes what the previous compilation created, which includes a
   * snapshot emitted along with its new migration, after its resources step has run.
   *
   * @param snapshots classpath resource name → the committed file, for every revision that has
   *     its own snapshot
   * @param originating the elements the snapshots belong to
   * @return whether every missing snapshot was copied; on failure an error was reported
   */
  public boolean restoreSnapshots(Map<String, Path> snapshots, List<? extends Element> originating) {
    for (Map.Entry<String, Path> snapshot : snapshots.entrySet()) {
      String resource = snapshot.getKey();
      int slash = resource.lastIndexOf('/');
      String packageName = slash < 0 ? "" : resource.substring(0, slash).replace('/', '.');
      String fileName = resource.substring(slash + 1);
      if (!emittedResources.contains(resource) && !inClassOutput(packageName, fileName)) {
        String text;
        try {
          text = Files.readString(snapshot.getValue(), StandardCharsets.UTF_8);
        } catch (IOException e) {
          diagnostics.report(null, Message.IO_FAILURE, "read", snapshot.getValue(), e.getMessage());
          return false;
        }
        if (!emitResource(packageName, fileName, text, originating)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether a file is in the class output, which opening it for reading tells. */
  private boolean inClassOutput(String packageName, String fileName) {
    try {
      filer.getResource(StandardLocation.CLASS_OUTPUT, packageName, fileName).openInputStream().close();
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  private boolean emitSnapshot(ClassName revision, String text, List<? extends Element> originating) {
    String resourceName = ProjectLayout.snapshotResource(revision);
    String fileName = resourceName.substring(resourceName.lastIndexOf('/') + 1);
    return emitResource(revision.packageName(), fileName, text, originating);
  }

  private boolean emitResource(String packageName, String fileName, String text, List<? extends Element> originating) {
    String name = packageName.isEmpty() ? fileName : packageName.replace('.', '/') + "/" + fileName;
    try {
      FileObject resource = filer.createResource(
          StandardLocation.CLASS_OUTPUT, packageName, fileName, originating.toArray(Element[]::new));
      try (Writer writer = resource.openWriter()) {
        writer.write(text);
      }
      emittedResources.add(name);
      return true;
    } catch (IOException e) {
      diagnostics.report(null, Message.IO_FAILURE, "emit", name, e.getMessage());
      return false;
    }
  }

  private static void deleteIfPossible(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // The failure that led here has been reported; a stray snapshot only makes the next id move on.
    }
  }

  /** Creates a file that must not exist yet. */
  private boolean create(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      return true;
    } catch (IOException e) {
      diagnostics.report(null, Message.IO_FAILURE, "write", file, e.toString());
      return false;
    }
  }
}
