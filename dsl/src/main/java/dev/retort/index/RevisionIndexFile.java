package dev.retort.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The revision index: the class-path resource {@value #RESOURCE} in which the Retort processor
 * lists every revision of a compilation, parents before children, and from which the runtime
 * learns the history without loading a class, scanning the class path or reflecting over
 * packages.
 *
 * <p>The format is text, one revision a line, fields separated by tabs:
 *
 * <pre>
 * # Retort revision index 2
 * id  class  snapshot  source checksum  snapshot's source checksum  description  parent…
 * </pre>
 *
 * <p>The class is the migration's binary name (what {@link Class#forName(String)} takes); the
 * snapshot is the class-path resource of the schema as of the revision; the source checksum is
 * the SHA-256 of the migration's source file (line ends normalised to {@code \n}), or empty
 * when the compiler could not give the source. The snapshot's source checksum is the one the
 * revision's own snapshot records (its {@code source sha256} line, see
 * {@link dev.retort.snapshot.SnapshotCodec}), empty when it records none: equal to the source
 * checksum, it says that the migration is unchanged since it was written with its snapshot, so
 * the snapshot is the schema its history builds. Then come the parent ids, none for the first
 * revision. A backslash escapes a tab ({@code \t}), a line feed ({@code \n}), a carriage return
 * ({@code \r}) and itself ({@code \\}) inside a field. Lines starting with {@code #} and empty
 * lines are comments.
 *
 * <p>This class is the format's one implementation, shared by the processor that writes it and
 * the runtime that reads it. The first line names the format's version; a reader refuses a
 * version it does not know, so a jar built by a newer Retort fails with a clear message
 * instead of being misread. Version 1, written before the snapshot's source checksum was
 * recorded, is still read, every entry with an empty one.
 */
public final class RevisionIndexFile {

  /** Where the index lives on the class path, in every jar or output directory that has migrations. */
  public static final String RESOURCE = "META-INF/retort/revisions";

  /** The version of the format this class writes and reads. */
  public static final int VERSION = 2;

  private static final String HEADER = "# Retort revision index ";

  private static final int FIXED_FIELDS = 6;

  /** The fixed fields of version 1, which lacks the snapshot's source checksum. */
  private static final int FIXED_FIELDS_V1 = 5;

  private RevisionIndexFile() {}

  /**
   * One revision in the index.
   *
   * @param id the revision id
   * @param migrationClass the binary name of the migration class
   * @param snapshotResource the class-path resource of the schema snapshot as of this revision;
   *     empty if there is none
   * @param sourceChecksum the SHA-256 of the migration's source file as 64 lower-case hexadecimal
   *     digits; empty if unknown
   * @param snapshotSourceChecksum the source checksum that the revision's own snapshot records, in
   *     the same form; empty if it has no snapshot of its own or its snapshot records none
   * @param description what the revision does, on one line
   * @param parents the parent ids; empty for the first revision
   */
  public record Entry(
      String id, String migrationClass, String snapshotResource, String sourceChecksum,
      String snapshotSourceChecksum, String description, List<String> parents) {

    /** Validates and copies the components. */
    public Entry {
      Objects.requireNonNull(id, "id == null");
      Objects.requireNonNull(migrationClass, "migrationClass == null");
      Objects.requireNonNull(snapshotResource, "snapshotResource == null");
      Objects.requireNonNull(sourceChecksum, "sourceChecksum == null");
      Objects.requireNonNull(snapshotSourceChecksum, "snapshotSourceChecksum == null");
      Objects.requireNonNull(description, "description == null");
      parents = List.copyOf(parents);
      if (id.isBlank()) {
        throw new IllegalArgumentException("revision id is blank");
      }
      if (migrationClass.isBlank()) {
        throw new IllegalArgumentException("revision " + id + " has no migration class");
      }
      if (!sourceChecksum.isEmpty() && !isSha256(sourceChecksum)) {
        throw new IllegalArgumentException("revision " + id + " has a malformed source checksum: " + sourceChecksum);
      }
      if (!snapshotSourceChecksum.isEmpty() && !isSha256(snapshotSourceChecksum)) {
        throw new IllegalArgumentException("revision " + id + " has a malformed snapshot source checksum: "
            + snapshotSourceChecksum);
      }
    }

    /**
     * Whether the revision's own snapshot was written together with the migration source as it
     * is now: both checksums known and equal.
     *
     * @return whether the snapshot records this source's checksum
     */
    public boolean snapshotMatchesSource() {
      return !sourceChecksum.isEmpty() && sourceChecksum.equals(snapshotSourceChecksum);
    }
  }

  /**
   * Whether a text is a checksum in the form this index and snapshots record it: 64 lower-case
   * hexadecimal digits. No regular expression, since the runtime reads this at start-up.
   *
   * @param text the text
   * @return whether it is such a checksum
   */
  public static boolean isSha256(String text) {
    if (text.length() != 64) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes an index.
   *
   * @param entries the revisions, parents before children
   * @return the file's text, ending with a line feed
   */
  public static String write(List<Entry> entries) {
    StringBuilder text = new StringBuilder(HEADER).append(VERSION).append('\n')
        .append("# Written by the Retort processor from the @Revision classes of one compilation; do not edit.\n")
        .append("# id\tclass\tsnapshot\tsource checksum\tsnapshot's source checksum\tdescription\tparents...\n");
    for (Entry entry : entries) {
      text.append(escape(entry.id())).append('\t')
          .append(escape(entry.migrationClass())).append('\t')
          .append(escape(entry.snapshotResource())).append('\t')
          .append(entry.sourceChecksum()).append('\t')
          .append(entry.snapshotSourceChecksum()).append('\t')
          .append(escape(entry.description()));
      for (String parent : entry.parents()) {
        text.append('\t').append(escape(parent));
      }
      text.append('\n');
    }
    return text.toString();
  }

  /**
   * Reads an index.
   *
   * @param reader the file's text; not closed
   * @param origin where the text comes from, for messages
   * @return the revisions, in the order of the file
   * @throws IOException if the reader fails
   * @throws IllegalArgumentException if the text is not an index of this version, with the line
   *     that is wrong
   */
  public static List<Entry> read(Reader reader, String origin) throws IOException {
    BufferedReader lines = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
    String header = lines.readLine();
    if (header == null || !header.startsWith(HEADER)) {
      throw new IllegalArgumentException(origin + " is not a Retort revision index: its first line should start"
          + " with \"" + HEADER.strip() + "\"");
    }
    String version = header.substring(HEADER.length()).strip();
    boolean version1 = version.equals("1");
    if (!version1 && !version.equals(Integer.toString(VERSION))) {
      throw new IllegalArgumentException(origin + " is a revision index of version " + version + ", but this Retort"
          + " reads versions 1 to " + VERSION + ". Build the migrations and run them with the same version of Retort.");
    }
    int fixed = version1 ? FIXED_FIELDS_V1 : FIXED_FIELDS;
    String fixedNames = version1
        ? "id, class, snapshot, source checksum, description"
        : "id, class, snapshot, source checksum, snapshot's source checksum, description";
    List<Entry> entries = new ArrayList<>();
    int number = 1;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length < fixed) {
        throw new IllegalArgumentException(origin + ", line " + number + ": expected at least " + fixed
            + " tab-separated fields (" + fixedNames + "), found " + fields.length);
      }
      try {
        List<String> parents = new ArrayList<>(fields.length - fixed);
        for (String parent : Arrays.asList(fields).subList(fixed, fields.length)) {
          parents.add(unescape(parent));
        }
        entries.add(new Entry(unescape(fields[0]), unescape(fields[1]), unescape(fields[2]), fields[3],
            version1 ? "" : fields[4], unescape(fields[fixed - 1]), parents));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(origin + ", line " + number + ": " + e.getMessage(), e);
      }
    }
    return entries;
  }

  /**
   * The checksum of a migration's source file as the index records it: the SHA-256 of its text
   * in UTF-8, with {@code \r\n} and {@code \r} line ends read as {@code \n}, so that a checkout
   * that converts line ends does not change it.
   *
   * @param source the text of the source file
   * @return 64 lower-case hexadecimal digits
   */
  public static String sourceChecksum(CharSequence source) {
    String normalised = source.toString().replace("\r\n", "\n").replace('\r', '\n');
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(normalised.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static String escape(String field) {
    StringBuilder escaped = null;
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      String replacement = switch (c) {
        case '\\' -> "\\\\";
        case '\t' -> "\\t";
        case '\n' -> "\\n";
        case '\r' -> "\\r";
        default -> null;
      };
      if (replacement != null && escaped == null) {
        escaped = new StringBuilder(field.length() + 8).append(field, 0, i);
      }
      if (escaped != null) {
        if (replacement != null) {
          escaped.append(replacement);
        } else {
          escaped.append(c);
        }
      }
    }
    return escaped == null ? field : escaped.toString();
  }

  private static String unescape(String field) {
    if (field.indexOf('\\') < 0) {
      return field;
    }
    StringBuilder text = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c != '\\') {
        text.append(c);
        continue;
      }
      if (++i == field.length()) {
        throw new IllegalArgumentException("a field ends with a lone backslash: " + field);
      }
      char escaped = field.charAt(i);
      switch (escaped) {
        case '\\' -> text.append('\\');
        case 't' -> text.append('\t');
        case 'n' -> text.append('\n');
        case 'r' -> text.append('\r');
        default -> throw new IllegalArgumentException("unknown escape \\" + escaped + " in " + field);
      }
    }
    return text.toString();
  }
}
