package dev.retort.snapshot;

import dev.retort.ReferentialAction;
import dev.retort.index.RevisionIndexFile;
import dev.retort.model.CheckModel;
import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.IndexModel;
import dev.retort.model.Names;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.SchemaException;
import dev.retort.model.SchemaModel;
import dev.retort.model.SequenceModel;
import dev.retort.model.TableModel;
import dev.retort.model.ViewModel;
import dev.retort.model.UniqueModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads the snapshot format described on {@link SnapshotCodec}.
 *
 * <p>Besides the grammar, the reader checks what the model's constructors would reject, so
 * that the error points at the offending line rather than only at its table: a duplicate
 * column or constraint name, a key or index on a column the table lacks, a foreign key to a
 * missing table or column, one enum name with two lists of values. The model's own
 * validation still runs last, reported at the table's line.
 */
final class SnapshotReader {

  private static final String ITEMS = "'column', 'primary key', 'unique', 'index', 'foreign key' or 'check'";
  private static final Set<String> ITEM_KEYWORDS =
      Set.of("column", "primary", "unique", "index", "foreign", "check");

  private final String source;
  private final Map<String, TableDraft> tables = new LinkedHashMap<>();
  private final Map<String, Owner> objectNames = new HashMap<>();
  private final Map<String, EnumSeen> enums = new HashMap<>();
  private final List<SequenceModel> sequences = new ArrayList<>();
  private final Map<String, Integer> sequenceLines = new HashMap<>();
  private final List<ViewModel> views = new ArrayList<>();
  private final Map<String, Integer> viewLines = new HashMap<>();
  private TableDraft current;

  private SnapshotReader(String source) {
    this.source = source;
  }

  static SchemaModel read(String text, String source) {
    Objects.requireNonNull(text, "text == null");
    Objects.requireNonNull(source, "source == null");
    return new SnapshotReader(source).readAll(text);
  }

  /**
   * The source checksum of the snapshot's {@code source sha256} line, reading no further than
   * the line after the format line.
   */
  static Optional<String> sourceChecksum(String text, String source) {
    Objects.requireNonNull(text, "text == null");
    Objects.requireNonNull(source, "source == null");
    SnapshotReader reader = new SnapshotReader(source);
    int start = text.startsWith("\ufeff") ? 1 : 0;
    boolean formatSeen = false;
    for (int lineNumber = 1; start <= text.length(); lineNumber++) {
      int end = text.indexOf('\n', start);
      String stripped = text.substring(start, end < 0 ? text.length() : end).strip();
      start = end < 0 ? text.length() + 1 : end + 1;
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        continue;
      }
      if (formatSeen) {
        return reader.sourceLine(lineNumber, stripped);
      }
      reader.formatLine(lineNumber, stripped);
      formatSeen = true;
    }
    if (!formatSeen) {
      throw new SnapshotFormatException(source, 1, "the snapshot has no format line; expected '"
          + SnapshotSyntax.FORMAT_KEYWORD + " " + SnapshotSyntax.VERSION + "' before the tables");
    }
    return Optional.empty();
  }

  private SchemaModel readAll(String text) {
    String body = text.startsWith("\ufeff") ? text.substring(1) : text;
    String[] lines = body.split("\n", -1);
    boolean formatSeen = false;
    boolean itemSeen = false;
    for (int i = 0; i < lines.length; i++) {
      int lineNumber = i + 1;
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        continue;
      }
      if (!formatSeen) {
        formatLine(lineNumber, stripped);
        formatSeen = true;
      } else if (isSourceLine(stripped)) {
        if (itemSeen) {
          throw new SnapshotFormatException(source, lineNumber, "the '" + SnapshotSyntax.SOURCE_KEYWORDS
              + "' line belongs directly after the format line, before the first table");
        }
        sourceLine(lineNumber, stripped);
        itemSeen = true;
      } else {
        item(new Cursor(source, lineNumber, line));
        itemSeen = true;
      }
    }
    int lastLine = Math.max(1, body.endsWith("\n") ? lines.length - 1 : lines.length);
    if (!formatSeen) {
      throw new SnapshotFormatException(source, lastLine,
          "the snapshot has no format line; expected '" + SnapshotSyntax.FORMAT_KEYWORD + " "
              + SnapshotSyntax.VERSION + "' before the tables");
    }
    return build(lastLine);
  }

  private void formatLine(int lineNumber, String line) {
    String[] words = line.split("\\s+");
    if (!words[0].equals(SnapshotSyntax.FORMAT_KEYWORD) || words.length != 2) {
      throw new SnapshotFormatException(source, lineNumber,
          "expected the format line '" + SnapshotSyntax.FORMAT_KEYWORD + " " + SnapshotSyntax.VERSION
              + "' before anything else, found '" + line + "'; is this a Retort snapshot?");
    }
    if (!words[1].equals(String.valueOf(SnapshotSyntax.VERSION))) {
      throw new SnapshotFormatException(source, lineNumber,
          "unknown snapshot format version '" + words[1] + "'; this Retort reads version "
              + SnapshotSyntax.VERSION + " only. A newer Retort wrote it: upgrade Retort");
    }
  }

  private static boolean isSourceLine(String stripped) {
    int space = stripped.indexOf(' ');
    return (space < 0 ? stripped : stripped.substring(0, space)).equalsIgnoreCase("source");
  }

  /**
   * Reads the line after the format line: the recorded source checksum if it is a
   * {@code source sha256 HEX} line, else empty.
   */
  private Optional<String> sourceLine(int lineNumber, String stripped) {
    if (!isSourceLine(stripped)) {
      return Optional.empty();
    }
    String[] words = stripped.split("\\s+");
    if (words.length != 3 || !words[1].equalsIgnoreCase("sha256") || !RevisionIndexFile.isSha256(words[2])) {
      throw new SnapshotFormatException(source, lineNumber, "expected '" + SnapshotSyntax.SOURCE_KEYWORDS
          + "' and 64 lower-case hexadecimal digits, the checksum of the migration source, found '" + stripped + "'");
    }
    return Optional.of(words[2]);
  }

  private void item(Cursor line) {
    Token first = line.expectWord("'table', 'sequence', 'view' or " + ITEMS);
    String keyword = first.value().toLowerCase(Locale.ROOT);
    if (keyword.equals("table")) {
      table(line);
      return;
    }
    if (keyword.equals("sequence")) {
      sequence(line);
      return;
    }
    if (keyword.equals("view")) {
      view(line);
      return;
    }
    if (!ITEM_KEYWORDS.contains(keyword)) {
      throw line.error("expected 'table', 'sequence', 'view' or " + ITEMS + " at the start of the line, found "
          + first.describe());
    }
    if (current == null) {
      throw line.error(
          "'" + first.value() + "' outside a table; every item belongs to the 'table' line above it");
    }
    switch (keyword) {
      case "column":
        column(line);
        break;
      case "primary":
        line.expectKeyword("key", "after 'primary'");
        primaryKey(line);
        break;
      case "unique":
        unique(line);
        break;
      case "index":
        index(line);
        break;
      case "foreign":
        line.expectKeyword("key", "after 'foreign'");
        foreignKey(line);
        break;
      case "check":
      default:
        check(line);
        break;
    }
  }

  private void table(Cursor line) {
    String name = line.expectName("a table name after 'table'");
    model(line, "table " + SnapshotSyntax.name(name), () -> Names.require("table name", name));
    TableDraft previous = tables.get(name);
    if (previous != null) {
      throw line.error("table " + SnapshotSyntax.name(name) + " is already defined on line " + previous.line
          + "; a schema has one table of each name");
    }
    current = new TableDraft(name, line.lineNumber());
    tables.put(name, current);
    if (line.acceptKeyword("schema")) {
      current.schema = line.expectName("a database schema name after 'schema'");
    }
    if (line.acceptKeyword("comment")) {
      current.comment = Optional.of(line.expectString("the table comment after 'comment'"));
    }
    line.expectEnd(current.schema.isEmpty() && current.comment.isEmpty()
        ? "'schema', 'comment' or the end of the line after the table name"
        : current.comment.isEmpty() ? "'comment' or the end of the line" : "the end of the line");
  }

  /** A {@code sequence NAME [schema NAME] start N increment N} line, which ends the table above it. */
  private void sequence(Cursor line) {
    current = null;
    String name = line.expectName("a sequence name after 'sequence'");
    String shown = "sequence " + SnapshotSyntax.name(name);
    Integer previous = sequenceLines.get(name);
    if (previous != null) {
      throw line.error(shown + " is already defined on line " + previous + "; a schema has one sequence of each name");
    }
    String schema = line.acceptKeyword("schema") ? line.expectName("a database schema name after 'schema'") : "";
    line.expectKeyword("start", schema.isEmpty() ? "or 'schema' after the name of " + shown : "after the schema of " + shown);
    long start = number(line, "the start of " + shown + " after 'start'");
    line.expectKeyword("increment", "after the start of " + shown);
    long increment = number(line, "the increment of " + shown + " after 'increment'");
    line.expectEnd("the end of the line after the increment of " + shown);
    sequences.add(model(line, shown, () -> new SequenceModel(name, schema, start, increment)));
    sequenceLines.put(name, line.lineNumber());
  }

  /** A {@code view NAME [schema NAME] as 'QUERY'} line, which ends the table above it. */
  private void view(Cursor line) {
    current = null;
    String name = line.expectName("a view name after 'view'");
    String shown = "view " + SnapshotSyntax.name(name);
    Integer previous = viewLines.get(name);
    if (previous != null) {
      throw line.error(shown + " is already defined on line " + previous + "; a schema has one view of each name");
    }
    String schema = line.acceptKeyword("schema") ? line.expectName("a database schema name after 'schema'") : "";
    line.expectKeyword("as", schema.isEmpty() ? "or 'schema' after the name of " + shown : "after the schema of " + shown);
    String query = line.expectString("the query of " + shown + " after 'as'");
    line.expectEnd("the end of the line after the query of " + shown);
    views.add(model(line, shown, () -> new ViewModel(name, schema, query)));
    viewLines.put(name, line.lineNumber());
  }

  private static long number(Cursor line, String what) {
    String digits = line.expectNumber(what);
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw line.error(what + ": '" + digits + "' is not a whole number of at most 19 digits");
    }
  }

  private void column(Cursor line) {
    String name = line.expectName("a column name after 'column'");
    String shown = "column " + SnapshotSyntax.name(name);
    Integer previous = current.columnLines.get(name);
    if (previous != null) {
      throw line.error("table " + current.shownName() + " already has a " + shown + " on line " + previous);
    }
    ColumnType type = type(line, shown);
    boolean nullable;
    if (line.acceptKeyword("null")) {
      nullable = true;
    } else if (line.acceptKeyword("not")) {
      line.expectKeyword("null", "after 'not'");
      nullable = false;
    } else {
      throw line.expected("'null' or 'not null' after the type of " + shown);
    }
    boolean identity = line.acceptKeyword("identity");
    Optional<DefaultValue> defaultValue =
        line.acceptKeyword("default") ? Optional.of(defaultValue(line, shown)) : Optional.empty();
    Optional<String> comment = line.acceptKeyword("comment")
        ? Optional.of(line.expectString("the comment of " + shown + " after 'comment'"))
        : Optional.empty();
    line.expectEnd(comment.isPresent() ? "the end of the line"
        : defaultValue.isPresent() ? "'comment' or the end of the line"
        : identity ? "'default', 'comment' or the end of the line"
        : "'identity', 'default', 'comment' or the end of the line");

    ColumnModel column =
        model(line, shown, () -> new ColumnModel(name, type, nullable, defaultValue, identity, comment));
    if (type instanceof ColumnType.Enumerated enumerated) {
      EnumSeen seen = enums.putIfAbsent(enumerated.name(), new EnumSeen(enumerated, line.lineNumber()));
      if (seen != null && !seen.type.equals(enumerated)) {
        throw line.error("enum " + SnapshotSyntax.name(enumerated.name()) + " has values "
            + valueList(enumerated) + " here but " + valueList(seen.type) + " on line " + seen.line
            + "; one enum name has one list of values");
      }
    }
    current.columns.add(column);
    current.columnLines.put(name, line.lineNumber());
  }

  private ColumnType type(Cursor line, String shown) {
    Token first = line.expectWord("the type of " + shown);
    if (first.isKeyword("enum")) {
      String name = line.expectName("the enum type name after 'enum'");
      line.expect(Token.Kind.OPEN, "'(' and the values of enum " + SnapshotSyntax.name(name));
      List<String> values = new ArrayList<>();
      do {
        values.add(line.expectString("an enum value"));
      } while (line.acceptComma());
      line.expect(Token.Kind.CLOSE, "',' or ')' after an enum value");
      return model(line, shown, () -> new ColumnType.Enumerated(name, values));
    }
    StringBuilder text = new StringBuilder(first.value());
    while (line.peek(Token.Kind.WORD) && isScalarPrefix(text + " " + line.peekValue())) {
      text.append(' ').append(line.expectWord("a word of the type").value());
    }
    if (line.peek(Token.Kind.OPEN)) {
      line.expect(Token.Kind.OPEN, "'('");
      text.append('(');
      do {
        text.append(line.expectNumber("a number in the type's parentheses"));
        if (line.peek(Token.Kind.COMMA)) {
          text.append(',');
        }
      } while (line.acceptComma());
      line.expect(Token.Kind.CLOSE, "',' or ')' after a number of the type");
      text.append(')');
      if (first.isKeyword("timestamp")) {
        // timestamp(3) with time zone: the zone follows the precision, as PostgreSQL spells it.
        StringBuilder zone = new StringBuilder();
        while (line.peek(Token.Kind.WORD)
            && WITH_TIME_ZONE.startsWith((zone + " " + line.peekValue()).toLowerCase(Locale.ROOT))) {
          zone.append(' ').append(line.expectWord("a word of the type").value());
        }
        text.append(zone);
      }
    }
    return model(line, shown, () -> ColumnType.parse(text.toString()));
  }

  /** The words after a timestamp's precision that make it a timestamp with time zone, each after a space. */
  private static final String WITH_TIME_ZONE = " with time zone";

  /** Whether {@code words} are the text of a parameterless type or its first words. */
  private static boolean isScalarPrefix(String words) {
    String lower = words.toLowerCase(Locale.ROOT);
    return Arrays.stream(ColumnType.Scalar.values())
        .anyMatch(s -> s.sql().equals(lower) || s.sql().startsWith(lower + " "));
  }

  private static DefaultValue defaultValue(Cursor line, String shown) {
    if (line.acceptKeyword("expression")) {
      String sql = line.expectString("the default SQL expression of " + shown + " after 'expression'");
      return model(line, shown, () -> DefaultValue.expression(sql));
    }
    return DefaultValue.literal(
        line.expectString("the default value of " + shown + ", or 'expression' and a SQL expression,"));
  }

  private void primaryKey(Cursor line) {
    String name = line.expectName("the primary key name after 'primary key'");
    List<String> columns = line.expectNameList("primary key columns");
    line.expectEnd("the end of the line after the primary key columns");
    if (current.primaryKey != null) {
      throw line.error("table " + current.shownName() + " already has primary key "
          + SnapshotSyntax.name(current.primaryKey.name()) + " on line " + current.primaryKeyLine
          + "; a table has at most one");
    }
    claim(line, name, "primary key");
    current.primaryKey = model(line, "primary key " + SnapshotSyntax.name(name),
        () -> new PrimaryKeyModel(name, columns));
    current.primaryKeyLine = line.lineNumber();
    current.uses.add(new ColumnUse(line.lineNumber(), "primary key " + SnapshotSyntax.name(name), columns));
  }

  private void unique(Cursor line) {
    String name = line.expectName("the unique constraint name after 'unique'");
    List<String> columns = line.expectNameList("unique constraint columns");
    line.expectEnd("the end of the line after the unique constraint columns");
    claim(line, name, "unique constraint");
    current.uniques.add(model(line, "unique constraint " + SnapshotSyntax.name(name),
        () -> new UniqueModel(name, columns)));
    current.uses.add(new ColumnUse(line.lineNumber(), "unique constraint " + SnapshotSyntax.name(name), columns));
  }

  private void index(Cursor line) {
    String name = line.expectName("the index name after 'index'");
    List<String> columns = line.expectNameList("index columns");
    boolean unique = line.acceptKeyword("unique");
    line.expectEnd(unique
        ? "the end of the line after 'unique'"
        : "'unique' or the end of the line after the index columns");
    claim(line, name, "index");
    current.indexes.add(
        model(line, "index " + SnapshotSyntax.name(name), () -> new IndexModel(name, columns, unique)));
    current.uses.add(new ColumnUse(line.lineNumber(), "index " + SnapshotSyntax.name(name), columns));
  }

  private void foreignKey(Cursor line) {
    String name = line.expectName("the foreign key name after 'foreign key'");
    String shown = "foreign key " + SnapshotSyntax.name(name);
    List<String> columns = line.expectNameList("foreign key columns");
    line.expectKeyword("references", "after the columns of " + shown);
    String table = line.expectName("the referenced table after 'references'");
    List<String> referenced = line.expectNameList("referenced columns");
    ReferentialAction onDelete = null;
    ReferentialAction onUpdate = null;
    while (line.acceptKeyword("on")) {
      if (line.acceptKeyword("delete")) {
        if (onDelete != null) {
          throw line.error(shown + " sets 'on delete' twice");
        }
        onDelete = action(line, "on delete");
      } else if (line.acceptKeyword("update")) {
        if (onUpdate != null) {
          throw line.error(shown + " sets 'on update' twice");
        }
        onUpdate = action(line, "on update");
      } else {
        throw line.expected("'delete' or 'update' after 'on'");
      }
    }
    line.expectEnd("'on delete', 'on update' or the end of the line");
    claim(line, name, "foreign key");
    ReferentialAction delete = onDelete == null ? ReferentialAction.NO_ACTION : onDelete;
    ReferentialAction update = onUpdate == null ? ReferentialAction.NO_ACTION : onUpdate;
    ForeignKeyModel key =
        model(line, shown, () -> new ForeignKeyModel(name, columns, table, referenced, delete, update));
    current.foreignKeys.add(key);
    current.foreignKeyLines.put(name, line.lineNumber());
    current.uses.add(new ColumnUse(line.lineNumber(), shown, columns));
  }

  private static ReferentialAction action(Cursor line, String clause) {
    for (ReferentialAction action : ReferentialAction.values()) {
      if (line.acceptKeywords(List.of(action.sql().toLowerCase(Locale.ROOT).split(" ")))) {
        return action;
      }
    }
    throw line.expected("an action after '" + clause + "': no action, restrict, cascade, set null or set default");
  }

  private void check(Cursor line) {
    String name = line.expectName("the check constraint name after 'check'");
    String expression = line.expectString("the SQL expression of check " + SnapshotSyntax.name(name));
    line.expectEnd("the end of the line after the check expression");
    claim(line, name, "check constraint");
    current.checks.add(model(line, "check " + SnapshotSyntax.name(name), () -> new CheckModel(name, expression)));
  }

  /** Records an index or constraint name, which must be unique across the schema. */
  private void claim(Cursor line, String name, String kind) {
    Owner owner = objectNames.putIfAbsent(name, new Owner(current.name, kind, line.lineNumber()));
    if (owner != null) {
      throw line.error("the name " + SnapshotSyntax.name(name) + " is already used by the " + owner.kind
          + " on table " + SnapshotSyntax.name(owner.table) + " on line " + owner.line
          + "; index and constraint names are unique across the schema");
    }
  }

  private SchemaModel build(int lastLine) {
    List<TableModel> built = new ArrayList<>();
    for (TableDraft table : tables.values()) {
      built.add(buildTable(table, tables::get));
    }
    try {
      return new SchemaModel(built, sequences, views);
    } catch (SchemaException | IllegalArgumentException e) {
      throw new SnapshotFormatException(source, lastLine, "the schema is inconsistent: " + e.getMessage());
    }
  }

  private void checkColumnUses(TableDraft table) {
    for (ColumnUse use : table.uses) {
      for (String column : use.columns) {
        if (!table.columnLines.containsKey(column)) {
          throw new SnapshotFormatException(source, use.line,
              use.what + " names column " + SnapshotSyntax.name(column) + ", which table " + table.shownName()
                  + " does not have; its columns are " + shownNames(table.columnLines.keySet()));
        }
      }
    }
    if (table.primaryKey != null) {
      for (ColumnModel column : table.columns) {
        if (column.nullable() && table.primaryKey.columns().contains(column.name())) {
          throw new SnapshotFormatException(source, table.primaryKeyLine,
              "primary key " + SnapshotSyntax.name(table.primaryKey.name()) + " includes column "
                  + SnapshotSyntax.name(column.name()) + ", which is 'null' on line "
                  + table.columnLines.get(column.name()) + "; key columns are 'not null'");
        }
      }
    }
  }

  /**
   * Reads the lines of one table, its {@code table} line first, as the whole read reads them:
   * every check that involves only the table's own lines. For {@link LazySnapshot}.
   *
   * @param lines the snapshot's lines
   * @param from the index of the table's line
   * @param to the index after its last item
   * @return the table as read, to {@link #table build}
   */
  static TableDraft draft(String source, String[] lines, int from, int to) {
    SnapshotReader reader = new SnapshotReader(source);
    for (int i = from; i < to; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      String stripped = line.strip();
      if (!stripped.isEmpty() && !stripped.startsWith("#")) {
        reader.item(new Cursor(source, i + 1, line));
      }
    }
    return reader.current;
  }

  /**
   * Builds a table read by {@link #draft} as the whole read builds it, its foreign keys checked
   * against the tables they reference. For {@link LazySnapshot}.
   *
   * @param drafts the table read of each name the snapshot defines, null for any other
   */
  static TableModel table(String source, TableDraft table, Function<String, TableDraft> drafts) {
    return new SnapshotReader(source).buildTable(table, drafts);
  }

  /**
   * Reads {@code sequence} lines as the whole read reads them. For {@link LazySnapshot}.
   *
   * @param lines the snapshot's lines
   * @param indexes the indexes of the sequence lines
   * @return the sequences, in the order of their lines
   */
  static List<SequenceModel> sequences(String source, String[] lines, List<Integer> indexes) {
    return readLines(source, lines, indexes).sequences;
  }

  /**
   * Reads {@code view} lines as the whole read reads them. For {@link LazySnapshot}.
   *
   * @param lines the snapshot's lines
   * @param indexes the indexes of the view lines
   * @return the views, in the order of their lines
   */
  static List<ViewModel> views(String source, String[] lines, List<Integer> indexes) {
    return readLines(source, lines, indexes).views;
  }

  /** A reader that has read the lines of these indexes, each on its own, as items of the whole read. */
  private static SnapshotReader readLines(String source, String[] lines, List<Integer> indexes) {
    SnapshotReader reader = new SnapshotReader(source);
    for (int i : indexes) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      reader.item(new Cursor(source, i + 1, line));
    }
    return reader;
  }

  private TableModel buildTable(TableDraft table, Function<String, TableDraft> drafts) {
    checkColumnUses(table);
    checkReferences(table, drafts);
    return modelAt(table.line, "table " + table.shownName(), table::build);
  }

  private void checkReferences(TableDraft table, Function<String, TableDraft> drafts) {
    for (ForeignKeyModel key : table.foreignKeys) {
      int line = table.foreignKeyLines.get(key.name());
      TableDraft target = drafts.apply(key.referencedTable());
      String shown = "foreign key " + SnapshotSyntax.name(key.name());
      if (target == null) {
        throw new SnapshotFormatException(source, line, shown + " references table "
            + SnapshotSyntax.name(key.referencedTable()) + ", which the snapshot does not define");
      }
      for (String column : key.referencedColumns()) {
        if (!target.columnLines.containsKey(column)) {
          throw new SnapshotFormatException(source, line, shown + " references column "
              + SnapshotSyntax.name(column) + ", which table " + target.shownName()
              + " does not have; its columns are " + shownNames(target.columnLines.keySet()));
        }
      }
    }
  }

  /**
   * Builds a model value; its validation failure becomes an error at this line. The
   * constructors' messages say what is wrong; {@code what} says where.
   */
  private static <T> T model(Cursor line, String what, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw line.error(what + ": " + e.getMessage());
    }
  }

  private <T> T modelAt(int line, String what, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw new SnapshotFormatException(source, line, what + ": " + e.getMessage());
    }
  }

  private static String shownNames(Iterable<String> names) {
    List<String> shown = new ArrayList<>();
    names.forEach(n -> shown.add(SnapshotSyntax.name(n)));
    return String.join(", ", shown);
  }

  private static String valueList(ColumnType.Enumerated type) {
    List<String> shown = new ArrayList<>();
    type.values().forEach(v -> shown.add(SnapshotSyntax.string(v)));
    return "(" + String.join(", ", shown) + ")";
  }

  /** A table as read so far. */
  static final class TableDraft {
    final String name;
    final int line;
    String schema = "";
    Optional<String> comment = Optional.empty();
    final List<ColumnModel> columns = new ArrayList<>();
    final Map<String, Integer> columnLines = new LinkedHashMap<>();
    PrimaryKeyModel primaryKey;
    int primaryKeyLine;
    final List<UniqueModel> uniques = new ArrayList<>();
    final List<IndexModel> indexes = new ArrayList<>();
    final List<ForeignKeyModel> foreignKeys = new ArrayList<>();
    final Map<String, Integer> foreignKeyLines = new HashMap<>();
    final List<CheckModel> checks = new ArrayList<>();
    final List<ColumnUse> uses = new ArrayList<>();

    TableDraft(String name, int line) {
      this.name = name;
      this.line = line;
    }

    String shownName() {
      return SnapshotSyntax.name(name);
    }

    TableModel build() {
      return new TableModel(name, schema, columns, Optional.ofNullable(primaryKey), uniques, indexes, foreignKeys,
          checks, comment);
    }
  }

  /** A key or index naming columns of its table, for the check that they exist. */
  private record ColumnUse(int line, String what, List<String> columns) {}

  /** Where an index or constraint name was first used. */
  private record Owner(String table, String kind, int line) {}

  /** Where an enum name was first seen, with its values. */
  private record EnumSeen(ColumnType.Enumerated type, int line) {}
}
