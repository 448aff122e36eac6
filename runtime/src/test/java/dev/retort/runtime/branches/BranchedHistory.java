package dev.retort.runtime.branches;

import static dev.retort.model.ColumnType.integer;

import dev.retort.Migration;
import dev.retort.RevisionInfo;
import dev.retort.dsl.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A random history with branches and merge revisions, whose every revision creates a table of
 * its own ({@code t_} and its id), so that what is applied can be seen in the database.
 *
 * <p>The history grows from a first revision: a revision continues a branch, starts a new one
 * from any earlier revision (a branch point), or merges two or three branches; now and then a
 * branch starts from nothing (a second first revision), or a merge also names an ancestor of
 * one of its parents. At most four branches are open at once, and the last revision merges
 * those still open, so that the history has one head. Ids are short and share prefixes (an id
 * can be the start of another), so that prefix targets are sometimes ambiguous.
 *
 * <p>Most histories have one {@linkplain Fragile fragile} revision, which a test can make fail
 * half-way, up or down, by creating or dropping its fuse table by hand.
 *
 * @param parents each revision's parents, in the order the revisions were made
 * @param fragile the fragile revision; empty for none
 */
record BranchedHistory(Map<String, List<String>> parents, String fragile) {

  private static final int MAX_BRANCHES = 4;

  BranchedHistory {
    parents = new LinkedHashMap<>(parents);
  }

  /** Draws a history of 3 to 15 revisions. */
  static BranchedHistory draw(Random random) {
    int size = 3 + random.nextInt(12);
    Map<String, List<String>> parents = new LinkedHashMap<>();
    List<String> tips = new ArrayList<>();
    String first = newId(random, parents.keySet());
    parents.put(first, List.of());
    tips.add(first);
    while (parents.size() < size || tips.size() > 1) {
      String id = newId(random, parents.keySet());
      int left = size - parents.size();
      int choice = random.nextInt(100);
      List<String> these;
      if (tips.size() > 1 && (left <= 1 || choice < 30)) {
        these = merge(random, tips, parents, left <= 1);
      } else if (tips.size() < MAX_BRANCHES && left >= 3 && choice < 55) {
        List<String> all = new ArrayList<>(parents.keySet());
        these = random.nextInt(8) == 0 ? List.of() : List.of(all.get(random.nextInt(all.size())));
        tips.add(id);
        parents.put(id, these);
        continue;
      } else {
        String tip = tips.get(random.nextInt(tips.size()));
        these = List.of(tip);
        tips.remove(tip);
      }
      parents.put(id, these);
      tips.add(id);
    }
    List<String> ids = new ArrayList<>(parents.keySet());
    return new BranchedHistory(parents, random.nextInt(4) == 0 ? "" : ids.get(random.nextInt(ids.size())));
  }

  /** Takes two or three tips (all of them if {@code all}) out of the list as a merge's parents. */
  private static List<String> merge(Random random, List<String> tips, Map<String, List<String>> parents, boolean all) {
    int count = all ? tips.size() : Math.min(tips.size(), 2 + random.nextInt(2));
    List<String> merged = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      merged.add(tips.remove(random.nextInt(tips.size())));
    }
    if (random.nextInt(6) == 0) {
      List<String> grandparents = parents.get(merged.get(0));
      if (!grandparents.isEmpty() && !merged.contains(grandparents.get(0))) {
        merged.add(grandparents.get(0));
      }
    }
    return merged;
  }

  /** A fresh id such as {@code a1}, {@code a10} or {@code b011}: a letter, then one to three digits. */
  private static String newId(Random random, Set<String> taken) {
    while (true) {
      StringBuilder id = new StringBuilder().append("abc".charAt(random.nextInt(3)));
      int digits = 1 + random.nextInt(3);
      for (int i = 0; i < digits; i++) {
        id.append((char) ('0' + random.nextInt(2)));
      }
      if (!taken.contains(id.toString())) {
        return id.toString();
      }
    }
  }

  /** The table a revision creates. */
  static String table(String revision) {
    return "t_" + revision;
  }

  /** The fuse table of the fragile revision, unquoted as its SQL writes it. */
  static String fuse(String revision) {
    return "fuse_" + revision;
  }

  /** The revisions, as given to {@code Retort.builder().migrations(...)}, in the order they were made. */
  List<RevisionInfo> revisions() {
    List<RevisionInfo> revisions = new ArrayList<>();
    parents.forEach((id, these) -> revisions.add(new RevisionInfo(id, these, "Creates " + table(id) + ".", "",
        () -> id.equals(fragile) ? new Fragile(id) : new CreatesItsTable(table(id)))));
    return revisions;
  }

  @Override
  public String toString() {
    return parents.entrySet().stream()
        .map(e -> e.getKey() + (e.getValue().isEmpty() ? "" : " <- " + String.join(", ", e.getValue())))
        .collect(Collectors.joining("; ", "history: ", fragile.isEmpty() ? "" : "; fragile " + fragile));
  }

  /** Creates one table, and drops it again. */
  static final class CreatesItsTable implements Migration {
    private final String table;

    CreatesItsTable(String table) {
      this.table = table;
    }

    @Override
    public void upgrade(Schema schema) {
      schema.createTable(table, t -> t.column("id", integer()));
    }

    @Override
    public void downgrade(Schema schema) {
      schema.dropTable(table);
    }
  }

  /**
   * Creates its table, then its fuse table; its downgrade drops the fuse table, then its table.
   * With the fuse table created by hand beforehand, the upgrade fails at its second statement;
   * with it dropped by hand, the downgrade fails at its first.
   */
  static final class Fragile implements Migration {
    private final String revision;

    Fragile(String revision) {
      this.revision = revision;
    }

    @Override
    public void upgrade(Schema schema) {
      schema.createTable(table(revision), t -> t.column("id", integer()));
      schema.execute("CREATE TABLE " + fuse(revision) + " (id INTEGER)");
    }

    @Override
    public void downgrade(Schema schema) {
      schema.execute("DROP TABLE " + fuse(revision));
      schema.dropTable(table(revision));
    }
  }
}
