package dev.retort.runtime;

import dev.retort.RevisionInfo;
import dev.retort.index.RevisionIndexFile;
import dev.retort.runtime.fixtures.Library;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Revision indexes as the processor writes them, for class loaders built by tests. */
final class IndexFixture {

  private IndexFixture() {}

  /**
   * The library's four revisions as index entries.
   *
   * @param sourceSeed empty for entries without source checksums; otherwise each entry's source
   *     checksum is made from the seed and its id, so another seed stands for edited sources
   */
  static List<RevisionIndexFile.Entry> library(String sourceSeed) {
    List<RevisionIndexFile.Entry> entries = new ArrayList<>();
    for (RevisionInfo info : Library.revisions()) {
      entries.add(new RevisionIndexFile.Entry(info.id(), info.migration().get().getClass().getName(), "",
          source(sourceSeed, info.id()), "", "", info.parents()));
    }
    return entries;
  }

  /** The source checksum {@link #library} gives a revision. */
  static String source(String sourceSeed, String id) {
    return sourceSeed.isEmpty() ? "" : RevisionIndexFile.sourceChecksum(sourceSeed + " " + id);
  }

  /** An entry with another class. */
  static RevisionIndexFile.Entry withClass(RevisionIndexFile.Entry entry, Class<?> type) {
    return new RevisionIndexFile.Entry(entry.id(), type.getName(), entry.snapshotResource(), entry.sourceChecksum(),
        entry.snapshotSourceChecksum(), entry.description(), entry.parents());
  }

  /** An entry with another source checksum. */
  static RevisionIndexFile.Entry withSource(RevisionIndexFile.Entry entry, String sourceChecksum) {
    return new RevisionIndexFile.Entry(entry.id(), entry.migrationClass(), entry.snapshotResource(), sourceChecksum,
        entry.snapshotSourceChecksum(), entry.description(), entry.parents());
  }

  /** Writes the index under a class-path root. */
  static void write(Path root, List<RevisionIndexFile.Entry> entries) throws IOException {
    Path file = root.resolve(RevisionIndexFile.RESOURCE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, RevisionIndexFile.write(entries));
  }
}
