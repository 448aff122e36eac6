package dev.retort.processor.plan;

import dev.retort.operation.AddCheck;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AddForeignKey;
import dev.retort.operation.AddPrimaryKey;
import dev.retort.operation.AddUnique;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.AlterSequence;
import dev.retort.operation.AlterTableComment;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.CreateView;
import dev.retort.operation.CreateTable;
import dev.retort.operation.DropCheck;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropForeignKey;
import dev.retort.operation.DropIndex;
import dev.retort.operation.DropSequence;
import dev.retort.operation.DropView;
import dev.retort.operation.DropPrimaryKey;
import dev.retort.operation.DropTable;
import dev.retort.operation.DropUnique;
import dev.retort.operation.Execute;
import dev.retort.operation.JdbcStep;
import dev.retort.operation.Operation;
import dev.retort.operation.RenameColumn;
import dev.retort.operation.RenamePrimaryKey;
import dev.retort.operation.RenameTable;
import dev.retort.operation.ValidateConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names a generated migration after what it does: {@code V<id>_<Summary>}, such as
 * {@code V20261121_153000_AddUsersPhone}, and writes the one-sentence description that opens
 * its Javadoc, such as {@code Add column users.phone.}
 */
public final class MigrationNames {

  /** The longest summary part of a class name. */
  static final int MAX_SUMMARY = 48;

  private MigrationNames() {}

  /**
   * The class name of a migration.
   *
   * @param id the revision id
   * @param upgrade the operations of its upgrade; at least one
   * @return {@code V<id>_<Summary>}
   */
  public static String className(String id, List<Operation> upgrade) {
    String safeId = id.replaceAll("[^A-Za-z0-9_]", "_");
    return "V" + safeId + "_" + summary(upgrade);
  }

  /**
   * A short UpperCamelCase summary of the operations: {@code AddUsersPhone},
   * {@code CreateAuthorsAndBooks}, {@code AlterUsers}, {@code Drop4Tables}.
   *
   * @param upgrade the operations; at least one
   * @return the summary, at most {@value #MAX_SUMMARY} characters, only ASCII letters and digits
   */
  public static String summary(List<Operation> upgrade) {
    if (upgrade.isEmpty()) {
      throw new IllegalArgumentException("a migration without operations has no name");
    }
    Set<String> renamedTables = new HashSet<>();
    upgrade.stream().filter(RenameTable.class::isInstance).forEach(r -> renamedTables.add(((RenameTable) r).to()));
    List<Phrase> phrases = new ArrayList<>();
    for (Operation operation : upgrade) {
      // A renamed table's key follows its name; the table's rename says it all.
      if (!(operation instanceof RenamePrimaryKey key && renamedTables.contains(key.table()))) {
        phrases.add(operation.accept(new PhraseVisitor()));
      }
    }
    // A sequence beside tables is most often their keys' (a JPA entity's <table>_seq), and a view
    // beside them is most often dropped and created again around their change: the tables name
    // the migration, then the views, and a migration of sequences alone is named after them.
    List<Phrase> tablePhrases = phrases.stream().filter(p -> p.kind() != Kind.SEQUENCE && p.kind() != Kind.VIEW).toList();
    List<Phrase> viewPhrases = phrases.stream().filter(p -> p.kind() == Kind.VIEW).toList();
    if (!tablePhrases.isEmpty()) {
      phrases = tablePhrases;
    } else if (!viewPhrases.isEmpty()) {
      return fit(describeViews(viewPhrases), viewPhrases);
    }
    return fit(describe(phrases), phrases);
  }

  /**
   * The first sentence of a migration's Javadoc: the operations' summaries for up to three
   * operations, else the first and a count. Arrows become words, since a {@code >} would
   * need escaping in Javadoc.
   *
   * @param upgrade the operations; at least one
   * @return the sentence, such as {@code Add column users.phone.}
   */
  public static String description(List<Operation> upgrade) {
    if (upgrade.isEmpty()) {
      throw new IllegalArgumentException("a migration without operations has no description");
    }
    String text;
    if (upgrade.size() <= 3) {
      List<String> summaries = upgrade.stream().map(Operation::summary).toList();
      text = String.join("; ", summaries);
    } else {
      text = upgrade.get(0).summary() + ", and " + (upgrade.size() - 1) + " more changes";
    }
    text = text.replace(" -> ", " to ");
    return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
  }

  private static String describe(List<Phrase> phrases) {
    if (phrases.size() == 1) {
      Phrase only = phrases.get(0);
      return only.verb() + only.subject();
    }
    Set<String> created = new LinkedHashSet<>();
    Set<String> tables = new LinkedHashSet<>();
    for (Phrase phrase : phrases) {
      if (phrase.creates()) {
        created.add(phrase.table());
      }
      tables.add(phrase.table());
    }
    if (created.containsAll(tables)) {
      return "Create" + list(created, plural(phrases));
    }
    String verb = phrases.get(0).verb();
    boolean sameVerb = phrases.stream().allMatch(p -> p.verb().equals(verb) && p.kind() == phrases.get(0).kind());
    if (tables.size() == 1) {
      String table = camel(tables.iterator().next());
      if (sameVerb && phrases.get(0).kind() == Kind.COLUMN) {
        Set<String> columns = new LinkedHashSet<>();
        phrases.forEach(p -> columns.add(p.column()));
        String preposition = verb.equals("Drop") ? "From" : "To";
        return columns.size() <= 3
            ? verb + table + list(columns, "Columns")
            : verb + columns.size() + "Columns" + preposition + table;
      }
      return "Alter" + table;
    }
    if (sameVerb && (phrases.get(0).kind() == Kind.TABLE || phrases.get(0).kind() == Kind.SEQUENCE)) {
      return verb + list(tables, plural(phrases));
    }
    return "Alter" + list(tables, plural(phrases));
  }

  /**
   * Names a migration of views: {@code CreateActiveCustomerView}, {@code DropActiveCustomerView},
   * {@code ReplaceActiveCustomerView} for a view dropped and created again (its query changed),
   * {@code CreateActiveCustomerAndTopOrderViews}.
   */
  private static String describeViews(List<Phrase> phrases) {
    Set<String> views = new LinkedHashSet<>();
    phrases.forEach(p -> views.add(p.table()));
    String verb = phrases.get(0).verb();
    if (!phrases.stream().allMatch(p -> p.verb().equals(verb))) {
      return views.size() == 1 ? "Replace" + camel(views.iterator().next()) + "View" : "Replace" + list(views, "Views")
          + (views.size() <= 3 ? "Views" : "");
    }
    return views.size() == 1 ? verb + camel(views.iterator().next()) + "View"
        : verb + list(views, "Views") + (views.size() <= 3 ? "Views" : "");
  }

  /** Shortens a summary that is too long: counts instead of names, then a cut at a word. */
  private static String fit(String summary, List<Phrase> phrases) {
    if (summary.length() <= MAX_SUMMARY) {
      return summary;
    }
    Set<String> tables = new LinkedHashSet<>();
    phrases.forEach(p -> tables.add(p.table()));
    String shorter = tables.size() == 1
        ? "Alter" + camel(tables.iterator().next())
        : "Alter" + tables.size() + plural(phrases);
    if (shorter.length() <= MAX_SUMMARY) {
      return shorter;
    }
    int cut = MAX_SUMMARY;
    while (cut > 5 && !Character.isUpperCase(shorter.charAt(cut))) {
      cut--;
    }
    return shorter.substring(0, cut);
  }

  /** What a count of the phrases' tables calls them: sequences or views when that is all they are. */
  private static String plural(List<Phrase> phrases) {
    if (phrases.stream().allMatch(p -> p.kind() == Kind.VIEW)) {
      return "Views";
    }
    return phrases.stream().allMatch(p -> p.kind() == Kind.SEQUENCE) ? "Sequences" : "Tables";
  }

  private static String list(Set<String> names, String plural) {
    List<String> camel = names.stream().map(MigrationNames::camel).toList();
    switch (camel.size()) {
      case 1:
        return camel.get(0);
      case 2:
        return camel.get(0) + "And" + camel.get(1);
      case 3:
        return camel.get(0) + camel.get(1) + "And" + camel.get(2);
      default:
        return camel.size() + plural;
    }
  }

  /** {@code order_lines} → {@code OrderLines}; only ASCII letters and digits remain. */
  static String camel(String name) {
    StringBuilder out = new StringBuilder();
    for (String word : name.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty()) {
        out.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
      }
    }
    return out.toString();
  }

  /** What a phrase is about, to tell which phrases can be summarised together. */
  private enum Kind {
    TABLE,
    COLUMN,
    CONSTRAINT,
    SEQUENCE,
    VIEW
  }

  /**
   * One operation as words of a class name.
   *
   * @param verb {@code Add}, {@code Drop}, …
   * @param subject what it works on, in UpperCamelCase: {@code UsersPhone}
   * @param table the table it works on, or the sequence
   * @param column the column, for column operations; else empty
   * @param kind what it works on
   * @param creates whether it creates its table
   */
  private record Phrase(String verb, String subject, String table, String column, Kind kind, boolean creates) {
    static Phrase table(String verb, String table, boolean creates) {
      return new Phrase(verb, camel(table), table, "", Kind.TABLE, creates);
    }

    static Phrase sequence(String verb, String sequence, boolean creates) {
      return new Phrase(verb, camel(sequence), sequence, "", Kind.SEQUENCE, creates);
    }

    static Phrase view(String verb, String view, boolean creates) {
      return new Phrase(verb, camel(view) + "View", view, "", Kind.VIEW, creates);
    }

    static Phrase column(String verb, String table, String column) {
      return new Phrase(verb, camel(table) + camel(column), table, column, Kind.COLUMN, false);
    }

    static Phrase constraint(String verb, String table, String name) {
      return new Phrase(verb, camel(name), table, "", Kind.CONSTRAINT, false);
    }
  }

  /** Turns each kind of operation into a phrase. */
  private static final class PhraseVisitor implements Operation.Visitor<Phrase> {
    @Override
    public Phrase createTable(CreateTable operation) {
      return Phrase.table("Create", operation.table().name(), true);
    }

    @Override
    public Phrase dropTable(DropTable operation) {
      return Phrase.table("Drop", operation.table(), false);
    }

    @Override
    public Phrase renameTable(RenameTable operation) {
      return new Phrase(
          "Rename", camel(operation.from()) + "To" + camel(operation.to()), operation.to(), "", Kind.TABLE, false);
    }

    @Override
    public Phrase alterTableComment(AlterTableComment operation) {
      return Phrase.table("Comment", operation.table(), false);
    }

    @Override
    public Phrase addColumn(AddColumn operation) {
      return Phrase.column("Add", operation.table(), operation.column().name());
    }

    @Override
    public Phrase dropColumn(DropColumn operation) {
      return Phrase.column("Drop", operation.table(), operation.column());
    }

    @Override
    public Phrase renameColumn(RenameColumn operation) {
      return new Phrase("Rename", camel(operation.table()) + camel(operation.from()) + "To" + camel(operation.to()),
          operation.table(), operation.to(), Kind.COLUMN, false);
    }

    @Override
    public Phrase alterColumn(AlterColumn operation) {
      return Phrase.column("Alter", operation.table(), operation.column());
    }

    @Override
    public Phrase addPrimaryKey(AddPrimaryKey operation) {
      return Phrase.constraint("Add", operation.table(), operation.key().name());
    }

    @Override
    public Phrase dropPrimaryKey(DropPrimaryKey operation) {
      return Phrase.constraint("Drop", operation.table(), operation.name());
    }

    @Override
    public Phrase renamePrimaryKey(RenamePrimaryKey operation) {
      return Phrase.constraint("Rename", operation.table(), operation.to());
    }

    @Override
    public Phrase addUnique(AddUnique operation) {
      return Phrase.constraint("Add", operation.table(), operation.unique().name());
    }

    @Override
    public Phrase dropUnique(DropUnique operation) {
      return Phrase.constraint("Drop", operation.table(), operation.name());
    }

    @Override
    public Phrase addCheck(AddCheck operation) {
      return Phrase.constraint("Add", operation.table(), operation.check().name());
    }

    @Override
    public Phrase dropCheck(DropCheck operation) {
      return Phrase.constraint("Drop", operation.table(), operation.name());
    }

    @Override
    public Phrase addForeignKey(AddForeignKey operation) {
      return Phrase.constraint("Add", operation.table(), operation.foreignKey().name());
    }

    @Override
    public Phrase dropForeignKey(DropForeignKey operation) {
      return Phrase.constraint("Drop", operation.table(), operation.name());
    }

    @Override
    public Phrase validateConstraint(ValidateConstraint operation) {
      return Phrase.constraint("Validate", operation.table(), operation.name());
    }

    @Override
    public Phrase createIndex(CreateIndex operation) {
      return Phrase.constraint("Create", operation.table(), operation.index().name());
    }

    @Override
    public Phrase dropIndex(DropIndex operation) {
      return Phrase.constraint("Drop", operation.table(), operation.name());
    }

    @Override
    public Phrase createSequence(CreateSequence operation) {
      return Phrase.sequence("Create", operation.sequence().name(), true);
    }

    @Override
    public Phrase dropSequence(DropSequence operation) {
      return Phrase.sequence("Drop", operation.name(), false);
    }

    @Override
    public Phrase alterSequence(AlterSequence operation) {
      return Phrase.sequence("Alter", operation.name(), false);
    }

    @Override
    public Phrase createView(CreateView operation) {
      return Phrase.view("Create", operation.view().name(), true);
    }

    @Override
    public Phrase dropView(DropView operation) {
      return Phrase.view("Drop", operation.name(), false);
    }

    @Override
    public Phrase execute(Execute operation) {
      throw new IllegalArgumentException("a generated migration never runs raw SQL: " + operation.summary());
    }

    @Override
    public Phrase jdbcStep(JdbcStep operation) {
      throw new IllegalArgumentException("a generated migration never runs Java steps: " + operation.summary());
    }
  }
}
