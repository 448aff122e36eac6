package dev.retort.snapshot;

import dev.retort.model.SchemaException;
import dev.retort.model.SchemaModel;
import dev.retort.model.SequenceModel;
import dev.retort.model.ViewModel;
import dev.retort.model.TableModel;
import dev.retort.model.TableSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A snapshot whose tables are read when asked for, for {@link SnapshotCodec#readLazily}.
 *
 * <p>Opening it scans the lines once: the first word of each says whether it starts a table,
 * is a sequence, or is an item of the table above. Only the names that span tables are read
 * there (each table's name, each index's and constraint's, each foreign key's target), with the
 * reader's own tokens; columns, types and the rest of a table are read with {@link
 * SnapshotReader}'s rules when the table is asked for, together with the tables its foreign keys
 * reference, against which they are checked. A table so read, or its error, is exactly what the
 * whole read gives for it.
 *
 * <p>What spans tables the whole read also checks (one table of each name aside, which the scan
 * checks: index and constraint names unique across the schema, one list of values per enum
 * name, sequence names distinct from tables and constraints) is checked only when the whole
 * schema is read: a snapshot written by the processor holds, and one whose tables were not read
 * cannot change what is planned from the ones that were. Anything the scan does not expect (a
 * line that is neither a table, a sequence nor an item, a table defined twice, a misplaced
 * source line, names it cannot read) makes it read the whole snapshot at once, which reports
 * the problem as it always has.
 *
 * <p>Thread-safe; tables are read at most once.
 */
final class LazySnapshot implements TableSource {

  private final String text;
  private final String source;
  private final String[] lines;
  private final List<String> names;
  /** For each table, the index of its line and the index after its last item. */
  private final Map<String, int[]> ranges;
  private final Map<String, String> owners;
  private final Map<String, Set<String>> referencing;
  private final List<SequenceModel> sequences;
  private final List<ViewModel> views;
  private final Map<String, SnapshotReader.TableDraft> drafts = new HashMap<>();
  private final Map<String, Optional<TableModel>> read = new HashMap<>();
  private SchemaModel whole;

  private LazySnapshot(String text, String source, String[] lines, Map<String, int[]> ranges,
      Map<String, String> owners, Map<String, Set<String>> referencing, List<SequenceModel> sequences,
      List<ViewModel> views) {
    this.text = text;
    this.source = source;
    this.lines = lines;
    this.names = List.copyOf(new TreeSet<>(ranges.keySet()));
    this.ranges = ranges;
    this.owners = owners;
    this.referencing = referencing;
    this.sequences = sequences;
    this.views = views;
  }

  /**
   * Opens a snapshot to read lazily, or reads it whole if the scan meets anything it does not
   * expect.
   *
   * @throws SnapshotFormatException as {@link SnapshotCodec#read} for a snapshot that the scan
   *     does not accept and the whole read rejects
   */
  static SchemaModel read(String text, String source) {
    Optional<LazySnapshot> scanned;
    try {
      scanned = scan(text, source);
    } catch (SnapshotFormatException e) {
      scanned = Optional.empty();
    }
    return scanned.isPresent() ? SchemaModel.lazy(scanned.get()) : SnapshotReader.read(text, source);
  }

  /** The scan, or empty where the whole read is to decide. */
  static Optional<LazySnapshot> scan(String text, String source) {
    SnapshotReader.sourceChecksum(text, source);
    String body = text.startsWith("\ufeff") ? text.substring(1) : text;
    String[] lines = body.split("\n", -1);
    Map<String, int[]> ranges = new HashMap<>();
    Map<String, String> owners = new HashMap<>();
    Map<String, Set<String>> referencing = new HashMap<>();
    List<Integer> sequenceLines = new ArrayList<>();
    List<Integer> viewLines = new ArrayList<>();
    int header = 0;
    int[] table = null;
    String tableName = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        continue;
      }
      int space = firstSpace(stripped);
      String keyword = stripped.substring(0, space).toLowerCase(Locale.ROOT);
      // The format line, and a source line directly after it, which sourceChecksum has checked.
      if (header == 0 || header == 1 && keyword.equals("source")) {
        header++;
        continue;
      }
      header = 2;
      switch (keyword) {
        case "table" -> {
          if (table != null) {
            table[1] = i;
          }
          Cursor cursor = new Cursor(source, i + 1, line);
          cursor.expectWord("'table'");
          tableName = cursor.expectName("a table name after 'table'");
          table = new int[] {i, lines.length};
          if (ranges.put(tableName, table) != null) {
            return Optional.empty();
          }
        }
        case "sequence" -> {
          if (table != null) {
            table[1] = i;
          }
          table = null;
          sequenceLines.add(i);
        }
        case "view" -> {
          if (table != null) {
            table[1] = i;
          }
          table = null;
          viewLines.add(i);
        }
        case "column", "primary", "unique", "index", "foreign", "check" -> {
          if (table == null) {
            return Optional.empty();
          }
          if (!keyword.equals("column")) {
            item(new Cursor(source, i + 1, line), keyword, tableName, owners, referencing);
          }
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    List<SequenceModel> sequences = new ArrayList<>(SnapshotReader.sequences(source, lines, sequenceLines));
    sequences.sort((a, b) -> a.name().compareTo(b.name()));
    List<ViewModel> views = new ArrayList<>(SnapshotReader.views(source, lines, viewLines));
    views.sort((a, b) -> a.name().compareTo(b.name()));
    return Optional.of(new LazySnapshot(text, source, lines, ranges, owners, referencing, List.copyOf(sequences),
        List.copyOf(views)));
  }

  private static int firstSpace(String stripped) {
    for (int i = 0; i < stripped.length(); i++) {
      if (Character.isWhitespace(stripped.charAt(i))) {
        return i;
      }
    }
    return stripped.length();
  }

  /** Records the name of a constraint or index line, and the target of a foreign key. */
  private static void item(Cursor line, String keyword, String table, Map<String, String> owners,
      Map<String, Set<String>> referencing) {
    line.expectWord("'" + keyword + "'");
    if (keyword.equals("primary") || keyword.equals("foreign")) {
      line.expectKeyword("key", "after '" + keyword + "'");
    }
    owners.putIfAbsent(line.expectName("a name after '" + keyword + "'"), table);
    if (keyword.equals("foreign")) {
      line.expectNameList("foreign key columns");
      line.expectKeyword("references", "after the columns");
      referencing.computeIfAbsent(line.expectName("the referenced table"), n -> new TreeSet<>()).add(table);
    }
  }

  @Override
  public List<String> tableNames() {
    return names;
  }

  @Override
  public synchronized Optional<TableModel> table(String name) {
    Optional<TableModel> table = read.get(name);
    if (table == null) {
      table = ranges.containsKey(name) ? Optional.of(build(name)) : Optional.empty();
      read.put(name, table);
    }
    return table;
  }

  private TableModel build(String name) {
    SnapshotReader.TableDraft draft = draft(name);
    try {
      return SnapshotReader.table(source, draft, target -> ranges.containsKey(target) ? draft(target) : null);
    } catch (SchemaException e) {
      throw new SnapshotFormatException(source, ranges.get(name)[0] + 1, e.getMessage());
    }
  }

  private SnapshotReader.TableDraft draft(String name) {
    SnapshotReader.TableDraft draft = drafts.get(name);
    if (draft == null) {
      int[] range = ranges.get(name);
      draft = SnapshotReader.draft(source, lines, range[0], range[1]);
      drafts.put(name, draft);
    }
    return draft;
  }

  @Override
  public Optional<String> objectOwner(String object) {
    return Optional.ofNullable(owners.get(object));
  }

  @Override
  public Set<String> referencing(String table) {
    return Collections.unmodifiableSet(referencing.getOrDefault(table, Set.of()));
  }

  @Override
  public List<SequenceModel> sequences() {
    return sequences;
  }

  @Override
  public List<ViewModel> views() {
    return views;
  }

  @Override
  public synchronized SchemaModel whole() {
    if (whole == null) {
      whole = SnapshotReader.read(text, source);
    }
    return whole;
  }
}
