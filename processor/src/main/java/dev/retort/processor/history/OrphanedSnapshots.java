package dev.retort.processor.history;

import dev.retort.processor.diagnostics.Diagnostics;
import dev.retort.processor.diagnostics.Message;
import dev.retort.processor.layout.ProjectLayout;
import dev.retort.processor.revision.RevisionNode;
import dev.retort.processor.revision.Revisions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Finds the snapshots in the resource directory that no revision of the compilation reads: a
 * migration moved to another package or renamed leaves its snapshot under the old path, and a
 * deleted one leaves it behind. Each is a warning naming the file; when a revision of the same
 * simple name exists (a moved class), the warning gives the path its snapshot now needs.
 *
 * <p>Only files that are Retort snapshots count: named {@code *.schema} and starting with the
 * snapshot format line, so that another tool's {@code .schema} files are left alone. The check
 * runs before this build writes anything, so the snapshots it writes (a new migration's, a merge's)
 * are not yet there; only this module's resource directory is searched, and in it only the
 * directories that a package can map to.
 */
public final class OrphanedSnapshots {

  private static final String SUFFIX = ".schema";
  private static final String FORMAT_LINE = "retort-snapshot";

  private final Diagnostics diagnostics;

  /**
   * Creates the check.
   *
   * @param diagnostics where an orphaned snapshot is reported
   */
  public OrphanedSnapshots(Diagnostics diagnostics) {
    this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics == null");
  }

  /**
   * Warns about each snapshot under the layout's resource directory that belongs to no revision.
   *
   * @param revisions the history
   * @param layout where snapshots live
   */
  public void check(Revisions revisions, ProjectLayout layout) {
    Path root = layout.resourceDir();
    if (!Files.isDirectory(root)) {
      return;
    }
    Map<Path, RevisionNode> owners = new HashMap<>();
    for (RevisionNode revision : revisions.graph().topologicalOrder()) {
      owners.put(normalized(layout.snapshotFile(revision.className())), revision);
    }
    for (Path file : schemaFiles(root)) {
      if (!owners.containsKey(normalized(file)) && !ownedUnderAnotherCase(file, owners.keySet()) && isSnapshot(file)) {
        report(file, revisions, layout);
      }
    }
  }

  private void report(Path file, Revisions revisions, ProjectLayout layout) {
    String name = file.getFileName().toString();
    String binaryName = name.substring(0, name.length() - SUFFIX.length());
    String simpleName = binaryName.substring(binaryName.lastIndexOf('$') + 1);
    List<RevisionNode> namesakes = new ArrayList<>();
    for (RevisionNode revision : revisions.graph().topologicalOrder()) {
      if (revision.className().simpleName().equals(simpleName)) {
        namesakes.add(revision);
      }
    }
    if (namesakes.size() != 1) {
      diagnostics.report(null, Message.SNAPSHOT_ORPHANED, file,
          "delete it if its migration was deleted; if the migration was moved or renamed, move the snapshot to"
              + " <its package as directories>/<its class name>.schema under " + layout.resourceDir());
      return;
    }
    RevisionNode moved = namesakes.get(0);
    Path target = layout.snapshotFile(moved.className());
    TypeElement element = revisions.elements().get(moved.id());
    if (Files.exists(target)) {
      diagnostics.report(element, Message.SNAPSHOT_ORPHANED, file, moved.label() + " has its name and its snapshot "
          + target + " already: if that migration was moved or renamed, this is a stale copy; delete it");
    } else {
      diagnostics.report(element, Message.SNAPSHOT_ORPHANED, file, moved.label() + " has its name: if that"
          + " migration was moved or renamed, move the snapshot to " + target + ", where the build reads it");
    }
  }

  /** The {@code *.schema} files under the directory, in a stable order; what cannot be read is skipped. */
  private static TreeSet<Path> schemaFiles(Path root) {
    TreeSet<Path> files = new TreeSet<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
          // A snapshot lies where a package maps, so a directory that names no package (META-INF, static,
          // web assets) holds none: it is not searched.
          Path name = directory.getFileName();
          return directory.equals(root) || name != null && SourceVersion.isName(name.toString())
              ? FileVisitResult.CONTINUE
              : FileVisitResult.SKIP_SUBTREE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (file.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(file)) {
            files.add(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // A warning is not worth failing the build; what was found so far is still checked.
    }
    return files;
  }

  /** Whether a revision's snapshot is this file under a name that differs in case, on a file system that ignores it. */
  private static boolean ownedUnderAnotherCase(Path file, Iterable<Path> owned) {
    String name = normalized(file).toString();
    for (Path other : owned) {
      if (other.toString().equalsIgnoreCase(name)) {
        try {
          if (Files.exists(other) && Files.isSameFile(other, file)) {
            return true;
          }
        } catch (IOException e) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the file starts with the snapshot format line, after blank and comment lines. */
  private static boolean isSnapshot(Path file) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String stripped = line.strip();
        if (!stripped.isEmpty() && !stripped.startsWith("#")) {
          return stripped.equals(FORMAT_LINE) || stripped.startsWith(FORMAT_LINE + " ");
        }
      }
      return false;
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  private static Path normalized(Path file) {
    return file.toAbsolutePath().normalize();
  }
}
