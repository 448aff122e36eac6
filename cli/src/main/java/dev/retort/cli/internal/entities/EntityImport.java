package dev.retort.cli.internal.entities;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.retort.ReferentialAction;
import dev.retort.internal.sql.SqlLexer;
import dev.retort.internal.sql.SqlToken;
import dev.retort.model.CheckModel;
import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.operation.Vendor;
import dev.retort.processor.scan.SqlNames;
import dev.retort.runtime.dialect.inspect.LiveSchema;
import dev.retort.runtime.dialect.inspect.LiveSequence;
import dev.retort.runtime.dialect.inspect.LiveTable;
import dev.retort.runtime.internal.OtherToolsTables;
import dev.retort.runtime.internal.Unmanaged;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * Reads a live database into entity declarations, one per table, and {@code @View} records, one
 * per view, as {@code retort entities} writes them: what each column, key, index, foreign key and
 * check becomes in the annotations, read through the drift check's own catalogs ({@link LiveSchema}) so that the processor's model
 * of the entities is what {@code check} finds in the database. Whatever an entity cannot declare
 * is a {@link Warning} saying what to do, never left out in silence.
 */
public final class EntityImport {

  private static final Pattern INLINE_ENUM = Pattern.compile("(?is)enum\\s*\\((.*)\\)");
  private static final Pattern ENUM_VALUE = Pattern.compile("'((?:[^']|'')*)'");
  /** SQLite's enum check: {@code "column" IN ('A', 'B')}. */
  private static final Pattern ENUM_CHECK =
      Pattern.compile("(?is)(?:\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_]*))\\s+IN\\s*\\((.*)\\)");
  /** A timestamp whose offset has hours only, as PostgreSQL shows one: {@code 2024-01-31 12:30:00+00}. */
  private static final Pattern SHORT_OFFSET = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T][0-9:.]+[-+]\\d{2}");

  private final LiveSchema live;
  private final SerialKeys serials;
  private final String schema;
  private final boolean ownSchema;
  private final List<Warning> warnings = new ArrayList<>();
  /** The serial keys' conversions to identity columns, in the order of their tables. */
  private final List<SerialKeys.Conversion> conversions = new ArrayList<>();
  /** The Java enums written so far, in the order they were first used. */
  private final List<JavaEnum> enums = new ArrayList<>();
  /** The simple names in lower case that an enum may not take: the records' and the other enums'. */
  private final Set<String> takenTypeNames = new HashSet<>();
  /** The schema's tables, whose names an enum type may not have. */
  private final Set<String> tableNames = new HashSet<>();
  /** SQLite's enum columns of the table being read: text with an unnamed {@code CHECK (column IN (…))}, by column. */
  private Map<String, List<String>> checkedEnums = Map.of();

  private EntityImport(LiveSchema live, SerialKeys serials, String schema, boolean ownSchema) {
    this.live = live;
    this.serials = serials;
    this.schema = schema;
    this.ownSchema = ownSchema;
  }

  /**
   * What to read.
   *
   * @param schema the schema to read; empty for the connection's own
   * @param tables the tables and views to read; empty for every table and view but the version table, other tools'
   *     history tables and the unmanaged ones
   * @param versionTable Retort's version table, which with its lock table ({@code <name>_lock}, on H2) is
   *     not read unless named
   * @param unmanaged the tables, views and sequences that no migration manages, which are not read unless named
   */
  public record Options(Optional<String> schema, List<String> tables, String versionTable, Unmanaged unmanaged) {

    /** Copies the list. */
    public Options {
      Objects.requireNonNull(schema, "schema == null");
      tables = List.copyOf(tables);
      Objects.requireNonNull(versionTable, "versionTable == null");
      Objects.requireNonNull(unmanaged, "unmanaged == null");
    }
  }

  /**
   * What was read.
   *
   * @param schema the schema read
   * @param entities the entities, in the order of their table names
   * @param views the {@code @View} records, in the order of their view names
   * @param leftOut the tables left out by default (the version table, other tools' history tables, the unmanaged
   *     tables)
   * @param warnings what the entities do not declare, and what to do about it
   * @param enums the Java enums the entities use, in the order they were first used
   * @param conversions the conversions of PostgreSQL's serial keys to the identity columns the entities declare,
   *     in the order of their tables
   */
  public record Result(String schema, List<Entity> entities, List<ViewType> views, List<String> leftOut,
      List<Warning> warnings, List<JavaEnum> enums, List<SerialKeys.Conversion> conversions) {}

  /**
   * A Java enum written beside the entities for an enum column whose values are Java identifiers.
   * The processor maps it to an enum type named by the snake case of its simple name, with its
   * constants as the values.
   *
   * @param className the enum's simple name
   * @param databaseType the database's enum type, where it keeps one (PostgreSQL); its name is the
   *     snake case of {@code className}
   * @param column the first column that uses it, as {@code table.column}
   * @param inline how the database holds the values where it keeps no type: an inline {@code ENUM}, or text with a check
   * @param values the constants, in the database's order
   */
  public record JavaEnum(String className, Optional<String> databaseType, String column, String inline,
      List<String> values) {

    /** Copies the list. */
    public JavaEnum {
      values = List.copyOf(values);
    }
  }

  /**
   * Something of the database that the entities do not declare as it is.
   *
   * @param where the table, column or object, such as {@code orders.total}
   * @param message what is not declared and what to do
   */
  public record Warning(String where, String message) {

    @Override
    public String toString() {
      return where + ": " + message;
    }
  }

  /**
   * Reads the tables of a schema.
   *
   * @param live the database
   * @param serials the database's serial columns
   * @param options what to read
   * @return the entities and warnings
   * @throws SQLException if the database cannot be read
   * @throws IllegalArgumentException if a table named in the options is not in the schema
   */
  public static Result read(LiveSchema live, SerialKeys serials, Options options) throws SQLException {
    String own = live.defaultSchema();
    String schema = options.schema().orElse(own);
    EntityImport reader = new EntityImport(live, serials, schema, schema.equals(own));
    return reader.read(options);
  }

  private Result read(Options options) throws SQLException {
    List<String> all = live.tableNames(schema);
    List<String> allViews = live.viewNames(schema);
    tableNames.addAll(all);
    tableNames.addAll(allViews);
    List<String> selected = new ArrayList<>();
    List<String> leftOut = new ArrayList<>();
    if (options.tables().isEmpty()) {
      for (String table : all) {
        if (table.equals(options.versionTable()) || table.equals(options.versionTable() + "_lock")
            || OtherToolsTables.contains(table) || options.unmanaged().matches(schema, table)) {
          leftOut.add(table);
        } else {
          selected.add(table);
        }
      }
    } else {
      List<String> missing =
          options.tables().stream().filter(t -> !all.contains(t) && !allViews.contains(t)).toList();
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException("schema " + schema + " has no table or view " + String.join(", ", missing)
            + (all.isEmpty() ? "; it has no tables" : "; its tables are " + String.join(", ", all))
            + (allViews.isEmpty() ? "" : "; its views are " + String.join(", ", allViews))
            + ". Names are case-sensitive: write them as the database shows them.");
      }
      options.tables().stream().filter(t -> all.contains(t) && !selected.contains(t)).forEach(selected::add);
      selected.sort(null);
    }
    // Every view when every table is read, but the unmanaged ones; else the views named.
    List<String> views = allViews.stream()
        .filter(view -> options.tables().isEmpty() ? !options.unmanaged().matches(schema, view)
            : options.tables().contains(view))
        .toList();
    Map<String, List<String>> triggers = live.triggers(schema);
    Map<String, LiveTable> tables = new LinkedHashMap<>();
    for (String table : selected) {
      tables.put(table, live.table(schema, table));
    }
    List<String> typeNames = new ArrayList<>(selected);
    typeNames.addAll(views);
    Map<String, String> classNames = classNames(typeNames);
    classNames.values().forEach(className -> takenTypeNames.add(className.toLowerCase(Locale.ROOT)));
    Map<String, List<Entity.SequenceDeclaration>> sequences = sequences(selected, options.tables().isEmpty(), options.unmanaged());
    List<Entity> entities = new ArrayList<>();
    for (LiveTable table : tables.values()) {
      for (String trigger : triggers.getOrDefault(table.name(), List.of())) {
        warn(table.name(), "has the trigger " + trigger + ", which an entity cannot declare. Keep its CREATE TRIGGER"
            + " in a hand-written migration (schema.execute(\"CREATE TRIGGER …\")) after the first generated one, and"
            + " stamp that migration's revision, not the first, on a database that has the trigger, where its CREATE"
            + " TRIGGER would fail; check() does not compare triggers.");
      }
      entities.add(entity(table, tables, classNames, sequences.getOrDefault(table.name(), List.of())));
    }
    List<ViewType> viewTypes = new ArrayList<>();
    for (String view : views) {
      viewType(view, classNames.get(view)).ifPresent(viewTypes::add);
    }
    return new Result(schema, entities, viewTypes, leftOut, List.copyOf(warnings), List.copyOf(enums),
        List.copyOf(conversions));
  }

  /**
   * A view as a {@code @View} record: the query as the database gives it back, and a component
   * for each column with a Java type, typed as an entity's member of that column type is.
   */
  private Optional<ViewType> viewType(String view, String className) throws SQLException {
    String spelling = String.valueOf(live.dialect());
    Optional<String> query = viewQuery(view, live.viewDefinition(schema, view).orElse(""));
    if (query.isEmpty()) {
      return Optional.empty();
    }
    checkedEnums = Map.of();
    List<ViewType.Component> components = new ArrayList<>();
    Set<String> memberNames = new HashSet<>();
    for (LiveTable.Column column : live.viewColumns(schema, view)) {
      Optional<ColumnType> type = columnType(column);
      if (type.isEmpty()) {
        warn(view + "." + column.name(), "is " + column.type() + ", a type with no Java type in Retort's mapping;"
            + " the @View record leaves the column out. A view's components declare nothing, so the view is"
            + " created and checked as its query says: add a component of the type the application reads by hand.");
        continue;
      }
      JavaTypes.JavaType javaType = JavaTypes.of(type.get());
      if (type.get() instanceof ColumnType.Enumerated enumerated) {
        Optional<JavaEnum> javaEnum = javaEnum(view, column, enumerated);
        if (javaEnum.isPresent()) {
          javaType = JavaTypes.enumType(javaEnum.get().className());
        }
      }
      components.add(new ViewType.Component(column.name(), unique(JavaNames.memberName(column.name()), memberNames),
          javaType, column.nullable()));
    }
    warn(view, "is a view, written as the @View record " + className + " with the query as " + spelling
        + " gives it back, in its own spelling: where the query must run on another database the project targets,"
        + " edit it to SQL that database takes too (a changed query drops and creates the view in the next"
        + " migration).");
    return Optional.of(new ViewType(view, ownSchema ? Optional.empty() : Optional.of(schema), className, query.get(),
        components, warnings.stream().filter(w -> w.where().equals(view) || w.where().startsWith(view + ".")).toList()));
  }

  /**
   * The query of a view's definition as {@code @View} takes it: SQLite's after the {@code AS} of
   * its {@code CREATE VIEW}, verbatim; without the white space around it and a final semicolon
   * (PostgreSQL's {@code pg_get_viewdef} ends with one, and {@code @View} refuses it); reading the
   * connection's own schema, without the schema's name before the names the database qualified
   * with it (MySQL's and MariaDB's {@code `shop`.`books`}, H2's {@code "PUBLIC"."BOOKS"}), so
   * that the record does not name the database. Empty after a warning if there is no query to take.
   */
  private Optional<String> viewQuery(String view, String definition) {
    String query = definition;
    if (live.dialect().vendor() == Vendor.SQLITE && !definition.isBlank()) {
      Optional<String> selected = sqliteQuery(view, definition);
      if (selected.isEmpty()) {
        return Optional.empty();
      }
      query = selected.get();
    }
    query = query.strip();
    while (query.endsWith(";")) {
      query = query.substring(0, query.length() - 1).stripTrailing();
    }
    if (ownSchema && live.dialect().vendor() != Vendor.SQLITE) {
      query = unqualified(query, schema);
    }
    if (query.isEmpty()) {
      warn(view, "is a view whose query the database does not show (on MySQL and MariaDB, a user without the"
          + " SHOW VIEW privilege sees none); no @View record is written. Declare it by hand with"
          + " @View(\"SELECT …\"); check() reports it as a view the model does not have until then.");
      return Optional.empty();
    }
    return Optional.of(query);
  }

  /**
   * The query of SQLite's {@code CREATE VIEW name AS query}: the text after the {@code AS};
   * empty after a warning where the statement lists the view's column names, which {@code @View}
   * cannot declare.
   */
  private Optional<String> sqliteQuery(String view, String statement) {
    List<SqlToken> tokens = SqlLexer.plain().tokens(statement);
    boolean afterName = false;
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken token = tokens.get(i);
      if (token.isWord("AS") && i + 1 < tokens.size()) {
        return Optional.of(statement.substring(tokens.get(i + 1).start()));
      }
      if (token.isSymbol("(") && afterName) {
        warn(view, "is a view that names its columns, CREATE VIEW " + view + " (…) AS …, which @View cannot declare;"
            + " no @View record is written. Name the columns in the query (SELECT a AS x, …) and declare it by hand"
            + " with @View(\"SELECT …\"); check() reports it as a view the model does not have until then.");
        return Optional.empty();
      }
      afterName = afterName || token.isWord("VIEW");
    }
    warn(view, "is a view whose CREATE VIEW has no AS; no @View record is written. Declare it by hand with"
        + " @View(\"SELECT …\").");
    return Optional.empty();
  }

  /**
   * The query without the schema's name where it qualifies a name: {@code `shop`.`books`.`id`}
   * becomes {@code `books`.`id`} when {@code shop} is the schema. A quoted name is the schema's
   * when it is spelled the same; a bare one in any case.
   */
  private static String unqualified(String query, String schema) {
    List<SqlToken> tokens = SqlLexer.plain().tokens(query);
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (int i = 0; i + 2 < tokens.size(); i++) {
      SqlToken name = tokens.get(i);
      SqlToken dot = tokens.get(i + 1);
      boolean first = i == 0 || !tokens.get(i - 1).isSymbol(".") || tokens.get(i - 1).end() != name.start();
      boolean isSchema = name.isQuotedName() ? name.text().equals(schema)
          : name.kind() == SqlToken.Kind.WORD && name.text().equalsIgnoreCase(schema);
      if (first && isSchema && dot.isSymbol(".") && dot.start() == name.end()
          && tokens.get(i + 2).isName() && tokens.get(i + 2).start() == dot.end()) {
        out.append(query, copied, name.start());
        copied = dot.end();
      }
    }
    return out.append(query.substring(copied)).toString();
  }

  /**
   * The schema's sequences as {@code @Sequence}, by the table of the entity that declares each: the
   * table {@code <table>_seq} is named after, Hibernate's convention, else the first table. Those
   * that belong to a column (an identity's, a serial column's own) are the column's, and the live
   * schema does not list them. When only some tables are read, only sequences named after one of
   * them are declared.
   *
   * @param tables the tables read, sorted
   * @param allTables whether they are all the schema's tables
   * @param unmanaged the sequences to leave out when they are
   */
  private Map<String, List<Entity.SequenceDeclaration>> sequences(
      List<String> tables, boolean allTables, Unmanaged unmanaged) throws SQLException {
    Map<String, List<Entity.SequenceDeclaration>> byTable = new LinkedHashMap<>();
    for (LiveSequence sequence : live.sequences(schema)) {
      if (allTables && unmanaged.matches(schema, sequence.name())) {
        continue;
      }
      String named = sequence.name().endsWith("_seq")
          ? sequence.name().substring(0, sequence.name().length() - "_seq".length()) : "";
      String table = tables.contains(named) ? named : allTables && !tables.isEmpty() ? tables.get(0) : null;
      if (table == null) {
        if (allTables) {
          warn(sequence.name(), "is a sequence, and no entity is written to declare it with @Sequence. Declare it on"
              + " the entity that takes its values, @Sequence(name = \"" + sequence.name() + "\", start = "
              + sequence.start() + ", increment = " + sequence.increment() + ").");
        }
      } else if (sequence.start() < 1 || sequence.increment() < 1) {
        warn(sequence.name(), "is a sequence that starts at " + sequence.start() + " and increments by "
            + sequence.increment() + ", which @Sequence cannot declare (a start and an increment of 1 or more, which"
            + " every database keeps alike); keep it in a hand-written migration (schema.execute(\"CREATE SEQUENCE"
            + " …\")); check() reports it as a sequence the model does not have.");
      } else {
        byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(new Entity.SequenceDeclaration(sequence.name(),
            ownSchema ? Optional.empty() : Optional.of(schema), sequence.start(), sequence.increment()));
      }
    }
    return byTable;
  }

  /** Each table's record name, made unique by a number where two tables give one name. */
  private static Map<String, String> classNames(List<String> tables) {
    Map<String, String> names = new TreeMap<>();
    Set<String> taken = new HashSet<>();
    for (String table : tables) {
      String base = JavaNames.typeName(table);
      String name = base;
      for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
        name = base + n;
      }
      names.put(table, name);
    }
    return names;
  }

  private Entity entity(LiveTable table, Map<String, LiveTable> tables, Map<String, String> classNames,
      List<Entity.SequenceDeclaration> sequences) throws SQLException {
    String name = table.name();
    List<String> keyColumns = table.primaryKey().map(LiveTable.PrimaryKey::columns).orElse(List.of());
    List<LiveSchema.CheckClause> clauses = live.checks(schema, name);
    checkedEnums = checkedEnums(table, clauses);
    Set<String> untyped = new HashSet<>();
    for (LiveTable.Column column : table.columns()) {
      if (columnType(column).isEmpty()) {
        untyped.add(column.name());
      }
    }
    List<String> generated = live.generatedColumns(schema, name);
    for (String column : generated) {
      untyped.add(column);
      warn(name + "." + column, "is a generated column (GENERATED ALWAYS AS …), which an entity cannot declare; it"
          + " is left out. Keep it with a hand-written migration (schema.execute(\"ALTER TABLE … ADD … GENERATED"
          + " ALWAYS AS …\")); check() reports it as a column the model does not have, but on SQLite, which hides it.");
    }
    List<String> untypedKey = keyColumns.stream().filter(untyped::contains).toList();
    if (!untypedKey.isEmpty()) {
      warn(name, "has the primary key " + keyColumns + ", whose " + String.join(", ", untypedKey) + " the entity leaves"
          + " out: its @Id members make a key of the other columns, which check() reports. Change the column's type"
          + " before stamping, or keep the table in hand-written migrations.");
    }
    Set<String> uniqueColumns = new HashSet<>();
    List<Entity.UniqueDeclaration> uniques = new ArrayList<>();
    List<Entity.IndexDeclaration> indexes = new ArrayList<>();
    uniquesAndIndexes(table, keyColumns, live.indexDetails(schema, name), untyped, uniqueColumns, uniques, indexes);
    List<Entity.ForeignKeyDeclaration> foreignKeys = new ArrayList<>();
    Map<String, Entity.Reference> references = references(table, tables, classNames, untyped, foreignKeys);
    Set<String> memberNames = new HashSet<>();
    List<Entity.Member> members = new ArrayList<>();
    List<String> leftOut = new ArrayList<>(generated);
    for (LiveTable.Column column : table.columns()) {
      if (generated.contains(column.name())) {
        continue;
      }
      Optional<Entity.Member> member = member(table, column, keyColumns, uniqueColumns.contains(column.name()),
          references.get(column.name()), memberNames);
      if (member.isPresent()) {
        members.add(member.get());
      } else {
        leftOut.add(column.name());
      }
    }
    members = inKeyOrder(members, keyColumns);
    // The key's own name where the database keeps one that is not pk_<table>, so that check() finds
    // the name it has; only @Id members make a key to name.
    boolean hasId = members.stream().anyMatch(Entity.Member::id);
    Optional<String> keyName = table.primaryKey()
        .flatMap(LiveTable.PrimaryKey::name)
        .filter(key -> hasId && live.keepsPrimaryKeyNames() && !key.equals(SqlNames.primaryKey(name)));
    List<Entity.CheckDeclaration> checks = new ArrayList<>();
    for (LiveSchema.CheckClause clause : clauses) {
      if (clause.name().isEmpty() && enumCheck(table, clause).isPresent()) {
        continue;
      }
      if (clause.name().isEmpty()) {
        warn(name, "has a check without a name, CHECK (" + clause.expression() + "), and @Check needs one."
            + " Add @Check(name = \"…\", expression = \"" + clause.expression() + "\") by hand, or keep the check in"
            + " a hand-written migration; check() does not compare unnamed checks on SQLite.");
      } else {
        CheckModel check = new CheckModel(clause.name().get(), checkExpression(clause.expression()));
        List<String> missing = leftOut.stream().filter(check::usesColumn).toList();
        if (missing.isEmpty()) {
          checks.add(new Entity.CheckDeclaration(check.name(), check.expression()));
        } else {
          warn(name, "has the check " + check.name() + " (" + clause.expression() + ") on " + String.join(", ", missing)
              + ", which the entity leaves out; the check is left out with it. Keep it in the hand-written migration"
              + " that keeps the column; check() does not report it while the check's name is in the database.");
        }
      }
    }
    String className = classNames.get(name);
    return new Entity(name, ownSchema ? Optional.empty() : Optional.of(schema), className,
        live.keepsComments() ? table.comment() : Optional.empty(), keyName, members, uniques, indexes, checks,
        foreignKeys, sequences,
        warnings.stream().filter(w -> w.where().equals(name) || w.where().startsWith(name + ".")).toList());
  }

  /**
   * Sorts out the unique constraints and indexes: a unique constraint on one column becomes
   * {@code @Column(unique = true)}, one on several columns {@code @Unique}, any other index
   * {@code @Index}; the indexes the database makes for the primary key and foreign keys are its
   * own. The constraints are those the database keeps apart from its indexes (H2, PostgreSQL), and
   * SQLite's, which it enforces with indexes of its own ({@code sqlite_autoindex_…}); MariaDB and
   * MySQL do not tell a unique constraint from a unique index, which {@code @Index} declares.
   */
  private void uniquesAndIndexes(LiveTable table, List<String> keyColumns, Map<String, String> details,
      Set<String> untyped, Set<String> uniqueColumns, List<Entity.UniqueDeclaration> uniques,
      List<Entity.IndexDeclaration> indexes) throws SQLException {
    String name = table.name();
    Set<String> handled = new HashSet<>();
    Set<String> columns = new HashSet<>();
    table.columns().forEach(c -> columns.add(c.name()));
    for (LiveTable.Index index : table.indexes()) {
      if (index.unique() && !keyColumns.isEmpty() && index.columns().equals(keyColumns)) {
        handled.add(index.name());
      }
    }
    Optional<List<LiveTable.Unique>> constraints = live.uniqueConstraints(schema, table);
    if (constraints.isPresent()) {
      for (LiveTable.Unique unique : constraints.get()) {
        handled.add(unique.index());
        if (onUntyped(name, "unique constraint " + unique.name(), unique.columns(), untyped)) {
          continue;
        }
        unique(name, "the unique constraint " + unique.name(), unique.name(), unique.columns(), keyColumns,
            uniqueColumns, uniques);
      }
    }
    for (LiveTable.Index index : table.indexes()) {
      if (handled.contains(index.name()) || madeForForeignKey(table, index)) {
        continue;
      }
      if (details.containsKey(index.name())) {
        warn(name, "has the index " + index.name() + " on " + index.columns() + " (" + details.get(index.name())
            + "), which @Index cannot declare. Keep it in a hand-written migration (schema.execute(\"CREATE INDEX"
            + " …\")); check() reports it as an index the model does not have.");
        continue;
      }
      if (onUntyped(name, "index " + index.name(), index.columns(), untyped)) {
        continue;
      }
      if (!columns.containsAll(index.columns())) {
        warn(name, "has the index " + index.name() + " on an expression, " + index.columns() + ", which @Index cannot"
            + " declare (it takes column names). Keep it in a hand-written migration (schema.execute(\"CREATE INDEX"
            + " …\")); check() reports it as an index the model does not have.");
        continue;
      }
      if (index.name().startsWith("sqlite_autoindex_")) {
        // SQLite keeps no name of a unique constraint: the entity gives it the derived one.
        unique(name, "a unique constraint", SqlNames.unique(name, index.columns()), index.columns(), keyColumns,
            uniqueColumns, uniques);
        continue;
      }
      if (index.unique() && index.columns().size() > 1 && uniqueKeysOnly()
          && index.name().equals(SqlNames.unique(name, index.columns()))) {
        // Named as Retort names a unique constraint, which is all a unique key is there.
        unique(name, "the unique key " + index.name(), index.name(), index.columns(), keyColumns, uniqueColumns,
            uniques);
        continue;
      }
      if (index.unique() && index.columns().size() == 1
          && !index.name().equals(SqlNames.index(name, index.columns(), true))
          && uniqueColumns.add(index.columns().get(0))) {
        continue;
      }
      String derived = SqlNames.index(name, index.columns(), index.unique());
      indexes.add(new Entity.IndexDeclaration(index.name(), index.columns(), index.unique(),
          index.name().equals(derived)));
    }
  }

  /**
   * Declares a unique constraint: on one column as {@code @Column(unique = true)}, on several as
   * {@code @Unique}, with its name where it is not the derived one; on one column too where the
   * database keeps a name that is not the derived one (PostgreSQL's {@code members_email_key}),
   * which the drift check compares and a later migration that drops the constraint names. One over the columns of the
   * primary key or of another unique constraint, which the processor refuses as a repetition,
   * is a warning instead.
   *
   * @param shown the constraint as the warning names it
   */
  private void unique(String table, String shown, String name, List<String> columns, List<String> keyColumns,
      Set<String> uniqueColumns, List<Entity.UniqueDeclaration> uniques) {
    Set<String> set = Set.copyOf(columns);
    Optional<String> repeated = Set.copyOf(keyColumns).equals(set) ? Optional.of("the primary key")
        : uniques.stream().filter(u -> Set.copyOf(u.columns()).equals(set)).findFirst()
            .map(u -> "the unique constraint " + u.name())
            .or(() -> columns.size() == 1 && uniqueColumns.contains(columns.get(0))
                ? Optional.of("the unique column " + columns.get(0)) : Optional.empty());
    if (repeated.isPresent()) {
      warn(table, "has " + shown + " on " + columns + ", which repeats " + repeated.get() + " over the same"
          + " columns; it is left out, since the entity declares those columns unique once. check() reports it"
          + " until it is dropped.");
      return;
    }
    if (columns.size() == 1 && (!live.keepsUniqueNames() || name.equals(SqlNames.unique(table, columns)))) {
      uniqueColumns.add(columns.get(0));
      return;
    }
    uniques.add(new Entity.UniqueDeclaration(name, columns, name.equals(SqlNames.unique(table, columns))));
  }

  /** Whether the database makes no difference between a unique constraint and a unique index (MariaDB, MySQL). */
  private boolean uniqueKeysOnly() {
    return live.dialect().vendor() == Vendor.MARIADB || live.dialect().vendor() == Vendor.MYSQL;
  }

  /** Whether a key or index is on a column the entity leaves out, which is then a warning. */
  private boolean onUntyped(String table, String what, List<String> columns, Set<String> untyped) {
    List<String> missing = columns.stream().filter(untyped::contains).toList();
    if (missing.isEmpty()) {
      return false;
    }
    warn(table, "has the " + what + " on " + columns + ", whose " + String.join(", ", missing) + " the entity leaves"
        + " out; it is left out with the column. Keep it in the hand-written migration that keeps the column.");
    return true;
  }

  /** Whether the database made the index for a foreign key, as the drift check sees it. */
  private static boolean madeForForeignKey(LiveTable table, LiveTable.Index index) {
    return !index.unique() && table.foreignKeys().stream()
        .filter(key -> key.name().isPresent() && index.columns().size() >= key.columns().size()
            && index.columns().subList(0, key.columns().size()).equals(key.columns()))
        .map(key -> key.name().get())
        .anyMatch(key -> index.name().equals(key) || index.name().startsWith(key + "_INDEX_"));
  }

  /**
   * The foreign keys to the tables read with this one: those of one column by their column, as
   * {@code @References}, and those of several columns added to {@code foreignKeys}, as
   * {@code @ForeignKey}.
   */
  private Map<String, Entity.Reference> references(LiveTable table, Map<String, LiveTable> tables,
      Map<String, String> classNames, Set<String> untyped, List<Entity.ForeignKeyDeclaration> foreignKeys) {
    Map<String, Entity.Reference> references = new LinkedHashMap<>();
    String name = table.name();
    for (LiveTable.ForeignKey key : table.foreignKeys()) {
      String shown = key.name().map(n -> n + " ").orElse("") + key.columns() + " → " + key.referencedTable()
          + " " + key.referencedColumns();
      if (onUntyped(name, "foreign key " + shown, key.columns(), untyped)) {
        continue;
      }
      boolean single = key.columns().size() == 1;
      LiveTable target = tables.get(key.referencedTable());
      if (target == null) {
        warn(single ? name + "." + key.columns().get(0) : name, "references " + key.referencedTable()
            + ", which is not read (left out by --tables, or in another schema): "
            + (single ? "the column has no @References" : "the entity has no @ForeignKey for " + shown)
            + ". Read both tables, or add " + (single ? "@References" : "@ForeignKey")
            + " by hand once the other table has an entity.");
        continue;
      }
      List<String> targetKey = target.primaryKey().map(LiveTable.PrimaryKey::columns).orElse(List.of());
      Optional<String> keyName = live.keepsForeignKeyNames()
          ? key.name().filter(n -> !n.equals(SqlNames.foreignKey(name, key.columns())))
          : Optional.empty();
      if (!single) {
        if (!isKey(target, targetKey, key.referencedColumns())) {
          warn(name, "has the foreign key " + shown + ", whose referenced columns are not, in this order, the"
              + " primary key of " + key.referencedTable() + " nor unique there, as @ForeignKey needs. Keep it in a"
              + " hand-written migration (alterTable(…).addForeignKey(…)); check() reports it until the model has"
              + " it.");
          continue;
        }
        foreignKeys.add(new Entity.ForeignKeyDeclaration(key.columns(), classNames.get(key.referencedTable()),
            targetKey.equals(key.referencedColumns()) ? Optional.empty() : Optional.of(key.referencedColumns()),
            keyName, action(key.onDelete()), action(key.onUpdate())));
        continue;
      }
      String column = key.columns().get(0);
      if (references.containsKey(column)) {
        warn(name + "." + column, "has a second foreign key, " + shown + ", and a column has one @References."
            + " Keep it in a hand-written migration.");
        continue;
      }
      String referenced = key.referencedColumns().get(0);
      Optional<String> referencedColumn = targetKey.equals(List.of(referenced)) ? Optional.empty()
          : Optional.of(referenced);
      references.put(column, new Entity.Reference(classNames.get(key.referencedTable()), referencedColumn, keyName,
          action(key.onDelete()), action(key.onUpdate())));
    }
    return references;
  }

  /**
   * Whether the columns, in this order, are the table's primary key or unique by a constraint or a
   * unique index, as the processor requires of the columns a {@code @ForeignKey} references (the
   * database may take them in another order).
   */
  private static boolean isKey(LiveTable table, List<String> primaryKey, List<String> columns) {
    return primaryKey.equals(columns)
        || table.uniques().orElse(List.of()).stream().anyMatch(u -> u.columns().equals(columns))
        || table.indexes().stream().anyMatch(i -> i.unique() && i.columns().equals(columns));
  }

  /** An action as the entity declares it: {@code RESTRICT} is {@code NO ACTION} where the database shows them as one. */
  private ReferentialAction action(ReferentialAction shown) {
    return shown == ReferentialAction.RESTRICT && live.restrictIsNoAction() ? ReferentialAction.NO_ACTION : shown;
  }

  private Optional<Entity.Member> member(LiveTable table, LiveTable.Column column, List<String> keyColumns,
      boolean unique, Entity.Reference reference, Set<String> memberNames) throws SQLException {
    String where = table.name() + "." + column.name();
    Optional<ColumnType> type = columnType(column);
    if (type.isEmpty()) {
      warn(where, "is " + column.type() + ", a type with no Java type in Retort's mapping and none that"
          + " @Column(type = …) declares; the column is left out of the entity."
          + UnsignedIntegers.nearest(live.dialect(), table.name(), column).orElseGet(() -> nearest(column))
          + " Or keep it with a hand-written migration (schema.execute(\"ALTER TABLE … ADD …\")); check() reports it"
          + " as a column the model does not have.");
      return Optional.empty();
    }
    JavaTypes.JavaType javaType = JavaTypes.of(type.get());
    if (type.get() instanceof ColumnType.Enumerated enumerated) {
      Optional<JavaEnum> javaEnum = javaEnum(table.name(), column, enumerated);
      if (javaEnum.isPresent()) {
        javaType = JavaTypes.enumType(javaEnum.get().className());
      }
    }
    boolean id = keyColumns.contains(column.name());
    boolean generated = false;
    Optional<SerialKeys.Serial> serial = column.identity() && column.defaultValue().isPresent()
        ? serials.serial(schema, table.name(), column.name()) : Optional.empty();
    if (column.identity()) {
      if (id && keyColumns.size() == 1 && ColumnModel.identityType(type.get())) {
        generated = true;
      } else if (serial.isEmpty()) {
        warn(where, "is an identity column, which Retort makes only of a primary key of one short, int or long"
            + " column (@Id(generated = true)); it is declared as a plain column. check() reports the difference.");
      }
    }
    if (id && column.nullable()) {
      warn(where, "is in the primary key but nullable, as SQLite allows; an @Id is NOT NULL. check() reports the"
          + " difference until the table is rebuilt with the column NOT NULL.");
    }
    boolean nullable = column.nullable() && !id;
    String memberName = unique(JavaNames.memberName(column.name()), memberNames);
    Optional<String> defaultValue = Optional.empty();
    Optional<String> defaultExpression = Optional.empty();
    Optional<LiveSchema.ShownDefault> shown = live.defaultOf(column);
    if (shown.isPresent() && generated && serial.isPresent()) {
      serialKey(where, serial.get(), shown.get().text());
    } else if (shown.isPresent() && generated) {
      warn(where, "is generated from the default " + shown.get().text() + " (a serial column, or a sequence);"
          + " it is declared @Id(generated = true), an identity column. check() reports the default until the"
          + " column is an identity column.");
    } else if (shown.isPresent() && shown.get().literal()) {
      defaultValue = Optional.of(literal(type.get(), shown.get().text()));
    } else if (shown.isPresent()) {
      defaultExpression = Optional.of(shown.get().text());
      serial.ifPresent(s -> serialColumn(where, s, shown.get().text()));
    }
    return Optional.of(new Entity.Member(column.name(), memberName, type.get(), javaType, id, generated, nullable,
        unique, defaultValue, defaultExpression, live.keepsComments() ? column.comment() : Optional.empty(),
        Optional.ofNullable(reference)));
  }

  /**
   * A serial key, which the entity declares as the identity column it is to be: the warning gives
   * the conversion to run before stamping, which drops the sequence only where it is the column's own.
   */
  private void serialKey(String where, SerialKeys.Serial serial, String shownDefault) {
    String sequence = serial.sequenceSchema() + "." + serial.sequence();
    String declared = "; it is declared @Id(generated = true), an identity column, which check() finds once the"
        + " column is one.";
    String continues = " and continues its values after the larger of the largest value and the sequence's last"
        + " value: ";
    if (!serial.plain()) {
      warn(where, "is generated from the default " + shownDefault + ", more than nextval of the sequence " + sequence
          + declared + " Before stamping, make it an identity column that continues its values (DROP DEFAULT,"
          + " ADD GENERATED BY DEFAULT AS IDENTITY, setval), or declare the column by hand.");
      return;
    }
    SerialKeys.Conversion conversion = SerialKeys.conversion(serial);
    String statements = String.join(" ", conversion.statements());
    if (serial.ownSequence()) {
      conversions.add(conversion);
      warn(where, "is a serial column, generated from the default " + shownDefault + " of its own sequence "
          + sequence + declared + " Before stamping, convert it on each database, in one transaction that drops the"
          + " sequence, gives the identity the sequence's name" + continues + statements
          + " (--conversion-script FILE writes every table's conversion into one file.)");
    } else {
      warn(where, "is generated from the default " + shownDefault + " of the sequence " + sequence + ", "
          + (serial.sharedWith().isEmpty() ? "which the column does not own (no OWNED BY)"
              : "which the default of " + String.join(", ", serial.sharedWith()) + " uses too")
          + declared + " Unless the application calls nextval on the sequence itself, convert it on each database"
          + " before stamping, in one transaction that leaves the sequence" + continues + statements
          + (serial.sharedWith().isEmpty() ? " Then drop the sequence if nothing else uses it." : ""));
    }
  }

  /** A serial column that is not a key Retort makes an identity column of: declared with its default. */
  private void serialColumn(String where, SerialKeys.Serial serial, String shownDefault) {
    warn(where, "is a serial column, generated from the default " + shownDefault + " of the sequence "
        + serial.sequenceSchema() + "." + serial.sequence() + ", which check() sees as an identity column; Retort makes"
        + " an identity column only of a primary key of one short, int or long column, and declares no sequence."
        + " It is declared with its default (defaultExpression), which needs the sequence: for a new database,"
        + " create it before the table in the first migration (schema.execute(\"CREATE SEQUENCE …\")). check()"
        + " reports the column as an identity column until its default is dropped (ALTER TABLE … ALTER COLUMN …"
        + " DROP DEFAULT) and the application sets its values.");
  }

  /** The model type whose spelling in this database is the column's, as the drift check compares types. */
  private Optional<ColumnType> columnType(LiveTable.Column column) {
    if (column.enumValues().isPresent()) {
      String typeName = column.type().replace("\"", "");
      typeName = typeName.substring(typeName.lastIndexOf('.') + 1);
      return enumType(column, typeName, column.enumValues().get());
    }
    Matcher inline = INLINE_ENUM.matcher(column.type().strip());
    if (inline.matches()) {
      List<String> values = new ArrayList<>();
      Matcher value = ENUM_VALUE.matcher(inline.group(1));
      while (value.find()) {
        values.add(value.group(1).replace("''", "'"));
      }
      return enumType(column, SqlNames.snakeCase(JavaNames.memberName(column.name())), values);
    }
    if (checkedEnums.containsKey(column.name())) {
      Optional<ColumnType> checked = enumType(column, SqlNames.snakeCase(JavaNames.memberName(column.name())),
          checkedEnums.get(column.name()));
      if (checked.isPresent()) {
        return checked;
      }
    }
    if (column.identity() && live.dialect().vendor() == Vendor.SQLITE) {
      // SQLite's identity column is its rowid, a 64-bit integer, whatever integer type it is declared.
      return Optional.of(ColumnType.Scalar.BIGINT);
    }
    for (ColumnType candidate : JavaTypes.candidates(column.type())) {
      if (live.matches(column, candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * SQLite's enum columns, as the processor makes them: a text column with an unnamed
   * {@code CHECK (column IN ('A', 'B'))} of string literals only.
   */
  private Map<String, List<String>> checkedEnums(LiveTable table, List<LiveSchema.CheckClause> clauses) {
    Map<String, List<String>> found = new LinkedHashMap<>();
    if (live.dialect().vendor() != Vendor.SQLITE) {
      return found;
    }
    for (LiveSchema.CheckClause clause : clauses) {
      if (clause.name().isEmpty()) {
        enumCheck(table, clause).ifPresent(entry -> found.putIfAbsent(entry.getKey(), entry.getValue()));
      }
    }
    return found;
  }

  /** The column and values of an unnamed SQLite check that makes a text column an enum. */
  private Optional<Map.Entry<String, List<String>>> enumCheck(LiveTable table, LiveSchema.CheckClause clause) {
    if (live.dialect().vendor() != Vendor.SQLITE || clause.name().isPresent()) {
      return Optional.empty();
    }
    Matcher check = ENUM_CHECK.matcher(clause.expression().strip());
    if (!check.matches()) {
      return Optional.empty();
    }
    String columnName = check.group(1) != null ? check.group(1).replace("\"\"", "\"") : check.group(2);
    Optional<LiveTable.Column> column =
        table.columns().stream().filter(c -> c.name().equals(columnName)).findFirst();
    if (column.isEmpty() || !column.get().type().strip().equalsIgnoreCase("TEXT")) {
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    Matcher value = ENUM_VALUE.matcher(check.group(3));
    StringBuilder rest = new StringBuilder();
    int end = 0;
    while (value.find()) {
      rest.append(check.group(3), end, value.start());
      end = value.end();
      values.add(value.group(1).replace("''", "'"));
    }
    rest.append(check.group(3).substring(end));
    if (values.isEmpty() || !rest.toString().replaceAll("[\\s,]", "").isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Map.entry(columnName, values));
  }

  /**
   * The Java enum for an enum column, where its values are Java identifiers that are not
   * keywords and the processor takes them as constants; the same enum for each column of one
   * PostgreSQL type, and for columns whose derived name and values are the same.
   */
  private Optional<JavaEnum> javaEnum(String table, LiveTable.Column column, ColumnType.Enumerated type) {
    Set<String> folded = new HashSet<>();
    for (String value : type.values()) {
      if (!SourceVersion.isIdentifier(value) || SourceVersion.isKeyword(value) || value.equals("_")
          || SqlNames.identifierBytes(value) > SqlNames.MAX_IDENTIFIER_BYTES || !folded.add(value.toLowerCase(Locale.ROOT))) {
        return Optional.empty();
      }
    }
    String where = table + "." + column.name();
    if (column.enumValues().isPresent()) {
      // The database keeps the type's name: the enum is named so that the processor derives it.
      for (JavaEnum known : enums) {
        if (known.databaseType().equals(Optional.of(type.name()))) {
          return Optional.of(known);
        }
      }
      String className = JavaNames.typeName(type.name());
      if (!JavaNames.derives(className, type.name()) || !takenTypeNames.add(className.toLowerCase(Locale.ROOT))) {
        return Optional.empty();
      }
      JavaEnum created = new JavaEnum(className, Optional.of(type.name()), where, "", type.values());
      enums.add(created);
      return Optional.of(created);
    }
    String base = JavaNames.typeName(table + "_" + column.name());
    for (int n = 1; n < 100; n++) {
      String className = n == 1 ? base : base + n;
      String typeName = SqlNames.snakeCase(className);
      Optional<JavaEnum> same = enums.stream().filter(e -> e.className().equals(className)).findFirst();
      if (same.isPresent() && same.get().values().equals(type.values()) && same.get().databaseType().isEmpty()) {
        return same;
      }
      if (same.isPresent() || takenTypeNames.contains(className.toLowerCase(Locale.ROOT))
          || tableNames.contains(typeName) || !JavaNames.derives(className, typeName)
          || SqlNames.identifierBytes(typeName) > SqlNames.MAX_IDENTIFIER_BYTES) {
        continue;
      }
      takenTypeNames.add(className.toLowerCase(Locale.ROOT));
      JavaEnum created = new JavaEnum(className, Optional.empty(), where,
          checkedEnums.containsKey(column.name()) ? "text with a check" : "an inline ENUM", type.values());
      enums.add(created);
      return Optional.of(created);
    }
    return Optional.empty();
  }

  /**
   * The model type that this database spells with the same type name as the column's, as a
   * suggestion: a PostgreSQL {@code varchar} without a length is nearest to {@code varchar(255)}.
   */
  private String nearest(LiveTable.Column column) {
    for (ColumnType candidate : JavaTypes.candidates(column.type() + "(255)")) {
      String spelled = live.dialect().columnType(candidate);
      if (candidate != ColumnType.Scalar.BOOLEAN && (live.sameTypeName(column, candidate)
          || sameLargeObject(column.type(), spelled))) {
        JavaTypes.JavaType java = JavaTypes.of(candidate);
        TypeName type = java.type(column.nullable());
        return " The nearest type Retort has is " + candidate.sql() + " ("
            + (type instanceof ClassName className ? className.simpleName() : type.toString())
            + java.explicitType().map(t -> " with @Column(type = \"" + t + "\")").orElse("") + "), which is "
            + spelled + " here: to declare the column, change it to that type in the database (ALTER TABLE)"
            + " before stamping, and run entities again.";
      }
    }
    return "";
  }

  /**
   * Whether both types are text, or both bytes, of unbounded kinds: MariaDB's and MySQL's
   * {@code text} and {@code mediumtext} are near Retort's {@code LONGTEXT} there.
   */
  private static boolean sameLargeObject(String liveType, String spelled) {
    String live = liveType.strip().toLowerCase(Locale.ROOT);
    String model = spelled.strip().toLowerCase(Locale.ROOT);
    return (live.endsWith("text") && model.endsWith("text")) || (live.endsWith("blob") && model.endsWith("blob"));
  }

  private Optional<ColumnType> enumType(LiveTable.Column column, String name, List<String> values) {
    try {
      ColumnType type = new ColumnType.Enumerated(name, values);
      return live.matches(column, type) ? Optional.of(type) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * A literal default as {@code @Column(defaultValue)} takes it: a boolean as {@code true} or
   * {@code false} (MariaDB shows {@code 1} and {@code 0}), a timestamp's offset with its minutes.
   */
  private static String literal(ColumnType type, String text) {
    if (type == ColumnType.Scalar.BOOLEAN) {
      if (text.equals("1")) {
        return "true";
      }
      if (text.equals("0")) {
        return "false";
      }
    }
    if (ColumnType.Temporal.kindOf(type) == ColumnType.Scalar.TIMESTAMP_TZ) {
      Matcher offset = SHORT_OFFSET.matcher(text);
      if (offset.matches()) {
        return text + ":00";
      }
    }
    return text;
  }

  /**
   * A check's expression for {@code @Check}, which names columns bare or in double quotes:
   * MariaDB's and MySQL's backquoted names in double quotes.
   */
  private String checkExpression(String expression) {
    Vendor vendor = live.dialect().vendor();
    if (vendor != Vendor.MARIADB && vendor != Vendor.MYSQL) {
      return expression;
    }
    StringBuilder out = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (quote == 0 && (c == '\'' || c == '`')) {
        quote = c;
        out.append(c == '`' ? '"' : c);
      } else if (quote == '`' && c == '`') {
        if (i + 1 < expression.length() && expression.charAt(i + 1) == '`') {
          out.append('`');
          i++;
        } else {
          quote = 0;
          out.append('"');
        }
      } else if (quote == '`' && c == '"') {
        out.append("\"\"");
      } else {
        if (quote == '\'' && c == '\'') {
          quote = 0;
        } else if (quote == '\'' && c == '\\' && i + 1 < expression.length()) {
          out.append(c);
          c = expression.charAt(++i);
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The members in the order they declare: the columns' order, but with the primary key's
   * columns, where they are, in the key's order, since {@code @Id} members make the key in
   * declaration order.
   */
  private static List<Entity.Member> inKeyOrder(List<Entity.Member> members, List<String> keyColumns) {
    List<Entity.Member> ordered = new ArrayList<>(members);
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      if (ordered.get(i).id()) {
        positions.add(i);
      }
    }
    List<Entity.Member> keyMembers = new ArrayList<>();
    for (String column : keyColumns) {
      members.stream().filter(m -> m.column().equals(column)).findFirst().ifPresent(keyMembers::add);
    }
    if (keyMembers.size() == positions.size()) {
      for (int i = 0; i < positions.size(); i++) {
        ordered.set(positions.get(i), keyMembers.get(i));
      }
    }
    return ordered;
  }

  private static String unique(String name, Set<String> taken) {
    String candidate = name;
    for (int n = 2; !taken.add(candidate); n++) {
      candidate = name + n;
    }
    return candidate;
  }

  private void warn(String where, String message) {
    warnings.add(new Warning(where, message));
  }
}
