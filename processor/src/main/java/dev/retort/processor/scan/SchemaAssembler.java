package dev.retort.processor.scan;

import dev.retort.internal.limits.InnoDbSizes;
import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.IndexModel;
import dev.retort.model.RenameHints;
import dev.retort.model.SchemaModel;
import dev.retort.model.SequenceModel;
import dev.retort.model.TableModel;
import dev.retort.model.UniqueModel;
import dev.retort.model.ViewModel;
import dev.retort.processor.diagnostics.Message;
import dev.retort.processor.scan.EntityDraft.ColumnDraft;
import dev.retort.processor.scan.EntityDraft.Origin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Puts the entity drafts of a round together into one schema, checking what spans entities: table
 * names, foreign keys, enum types, renames, index and constraint names (unique across the
 * schema), sequences and views.
 */
final class SchemaAssembler {

  private final Reporter reporter;
  private final Checks checks;
  private final ForeignKeys foreignKeyReader;
  private final SequenceDeclarations sequenceReader;
  private final ViewDeclarations viewReader;

  /**
   * @param mappedTables the table a type maps to as a JPA {@code @Entity}, which names a view
   *     declared on it; empty for a type that is no entity
   */
  SchemaAssembler(Annotations annotations, Reporter reporter,
      Function<TypeElement, Optional<JpaEntityReader.MappedTable>> mappedTables) {
    this.reporter = reporter;
    this.checks = new Checks(reporter);
    this.foreignKeyReader = new ForeignKeys(annotations, reporter, checks);
    this.sequenceReader = new SequenceDeclarations(annotations, reporter, checks);
    this.viewReader = new ViewDeclarations(annotations, reporter, checks, mappedTables);
  }

  /**
   * Assembles the drafts.
   *
   * @param drafts the entities of the round, as read
   * @param viewElements the types of the round that declare a view
   * @return the schema, or an empty schema if this scan reported an error
   */
  ScanResult assemble(List<EntityDraft> drafts, List<TypeElement> viewElements) {
    Map<String, EntityDraft> byTable = tables(drafts);
    Map<String, EntityDraft> byClass = new HashMap<>();
    drafts.forEach(d -> byClass.putIfAbsent(d.element().getQualifiedName().toString(), d));

    checkEnums(byTable);
    byTable.values().forEach(this::checkInnoDbSizes);
    List<Origin> constraints = new ArrayList<>();
    Map<String, List<ForeignKeyModel>> foreignKeys = new HashMap<>();
    for (EntityDraft entity : byTable.values()) {
      constraints.addAll(entity.constraints());
      foreignKeys.put(entity.name(), foreignKeyReader.read(entity, byClass, constraints));
    }
    checkConstraintNames(constraints, byTable.values());
    List<SequenceModel> sequences = sequenceReader.read(byTable, constraints);
    List<ViewModel> views = viewReader.read(viewElements, byTable, sequences, constraints);
    RenameHints hints = hints(byTable.values());

    Map<String, TypeElement> tableElements = new LinkedHashMap<>();
    Map<String, Map<String, Element>> columnElements = new LinkedHashMap<>();
    for (EntityDraft entity : byTable.values()) {
      tableElements.put(entity.name(), entity.element());
      Map<String, Element> members = new LinkedHashMap<>();
      entity.columns().forEach(c -> members.put(c.name(), c.member()));
      columnElements.put(entity.name(), members);
    }
    SchemaModel schema =
        reporter.hasErrors() ? SchemaModel.empty() : schema(byTable.values(), foreignKeys, sequences, views,
            viewElements);
    return new ScanResult(schema, hints, tableElements, columnElements);
  }

  /**
   * The entities by table name; a second entity for one name, or for one that differs only in
   * case, is reported and left out.
   */
  private Map<String, EntityDraft> tables(List<EntityDraft> drafts) {
    Map<String, EntityDraft> byTable = new LinkedHashMap<>();
    Map<String, EntityDraft> byFolded = new HashMap<>();
    for (EntityDraft entity : drafts) {
      EntityDraft first = byFolded.putIfAbsent(SqlNames.folded(entity.name()), entity);
      if (first == null) {
        byTable.put(entity.name(), entity);
      } else {
        boolean caseOnly = !first.name().equals(entity.name());
        reporter.report(
            entity.table(),
            "name",
            Message.DUPLICATE_TABLE,
            entity.name(),
            first.element().getQualifiedName(),
            SqlNames.writtenAs(entity.name(), first.name()),
            entity.element().getQualifiedName(),
            caseOnly
                ? "SQLite, and MariaDB and MySQL on Windows and macOS, do not tell names apart by case: "
                : "");
      }
    }
    return byTable;
  }

  /**
   * Reports a row and the keys that are longer than MariaDB and MySQL hold: they refuse such a
   * table, primary key or index on several columns, and MariaDB silently indexes a prefix of a
   * single long column and enforces a long unique key with a hash, which the model does not say.
   */
  private void checkInnoDbSizes(EntityDraft entity) {
    if (entity.columns().stream().anyMatch(c -> c.model().isEmpty())) {
      return;
    }
    Map<String, ColumnModel> byName = new LinkedHashMap<>();
    entity.columns().forEach(c -> byName.put(c.name(), c.model().get()));
    List<ColumnModel> columns = List.copyOf(byName.values());
    int row = InnoDbSizes.rowBytes(columns);
    if (row > InnoDbSizes.MAX_ROW_BYTES) {
      reporter.report(
          entity.table(),
          null,
          Message.ROW_TOO_LARGE,
          entity.name(),
          row,
          InnoDbSizes.MAX_ROW_BYTES,
          String.join(", ", InnoDbSizes.largestInRow(columns, 3)));
    }
    Map<String, Origin> origins = new HashMap<>();
    entity.constraints().forEach(o -> origins.putIfAbsent(o.name(), o));
    entity.primaryKey().ifPresent(key ->
        checkKeyLength(entity, origins.get(key.name()), "primary key", key.name(), key.columns(), byName,
            "declare a shorter surrogate key with @Id"));
    for (UniqueModel unique : entity.uniques()) {
      Origin origin = origins.get(unique.name());
      boolean onColumn = origin != null && origin.annotation() != null && origin.annotation().simpleName().equals("Column");
      checkKeyLength(entity, origin, "unique constraint", unique.name(), unique.columns(),
          byName, onColumn ? "drop unique = true" : "remove the @Unique");
    }
    for (IndexModel index : entity.indexes()) {
      checkKeyLength(entity, origins.get(index.name()), index.unique() ? "unique index" : "index", index.name(),
          index.columns(), byName, "remove the @Index");
    }
  }

  private void checkKeyLength(EntityDraft entity, Origin origin, String what, String name, List<String> keyColumns,
      Map<String, ColumnModel> byName, String orElse) {
    List<ColumnModel> columns = keyColumns.stream().map(byName::get).toList();
    OptionalInt bytes = InnoDbSizes.keyBytes(columns);
    if (bytes.isEmpty() || bytes.getAsInt() <= InnoDbSizes.MAX_KEY_BYTES) {
      return;
    }
    String types = columns.stream().map(c -> c.name() + " " + c.type().sql())
        .collect(Collectors.joining(", ", "(", ")"));
    reporter.report(
        origin == null ? entity.element() : origin.element(),
        origin == null ? null : origin.annotation(),
        origin == null ? null : origin.attribute(),
        Message.KEY_TOO_LONG,
        what,
        name,
        entity.name(),
        types,
        bytes.getAsInt(),
        InnoDbSizes.MAX_KEY_BYTES,
        orElse);
  }

  /**
   * Reports two Java enums that map to one enum type name with different values, and an enum type
   * named like a table: PostgreSQL gives every table a composite type of the table's name.
   */
  private void checkEnums(Map<String, EntityDraft> byTable) {
    Map<String, ColumnDraft> firstByEnum = new HashMap<>();
    for (EntityDraft entity : byTable.values()) {
      for (ColumnDraft column : entity.columns()) {
        if (column.model().isEmpty()
            || !(column.model().get().type() instanceof ColumnType.Enumerated type)) {
          continue;
        }
        EntityDraft table = byTable.get(type.name());
        if (table != null) {
          reporter.report(
              column.member(),
              Message.ENUM_NAME_TAKEN,
              column.label(),
              type.name(),
              table.name(),
              table.element().getQualifiedName());
        }
        ColumnDraft first = firstByEnum.putIfAbsent(type.name(), column);
        if (first != null) {
          ColumnType.Enumerated firstType = (ColumnType.Enumerated) first.model().get().type();
          if (!firstType.equals(type)) {
            reporter.report(
                column.member(),
                Message.ENUM_CONFLICT,
                column.label(),
                type.name(),
                type.values(),
                first.label(),
                firstType.values());
          }
        }
      }
    }
  }

  /**
   * Reports an index or constraint name used twice in the schema, or two that differ only in case,
   * on the second use; and an index, primary key or unique constraint named like a table (PostgreSQL
   * and SQLite keep indexes among the tables' names).
   */
  private void checkConstraintNames(List<Origin> constraints, Iterable<EntityDraft> entities) {
    Map<Element, String> tableOf = new HashMap<>();
    Map<String, EntityDraft> tablesByName = new HashMap<>();
    entities.forEach(entity -> tablesByName.put(SqlNames.folded(entity.name()), entity));
    Map<String, Origin> byName = new HashMap<>();
    for (Origin origin : constraints) {
      EntityDraft table = origin.indexed() ? tablesByName.get(SqlNames.folded(origin.name())) : null;
      if (table != null) {
        boolean caseOnly = !table.name().equals(origin.name());
        reporter.report(
            origin.element(),
            origin.annotation(),
            origin.attribute(),
            Message.NAME_TAKEN_BY_TABLE,
            origin.name(),
            origin.what(),
            tableOf(origin.element(), entities, tableOf),
            caseOnly ? "differs only in case from the name of" : "is also the name of",
            table.name(),
            table.element().getQualifiedName(),
            caseOnly ? ", and SQLite ignores case" : "");
      }
      Origin first = byName.putIfAbsent(SqlNames.folded(origin.name()), origin);
      if (first != null) {
        reporter.report(
            origin.element(),
            origin.annotation(),
            origin.attribute(),
            Message.DUPLICATE_CONSTRAINT_NAME,
            origin.name(),
            origin.what(),
            tableOf(origin.element(), entities, tableOf),
            first.what(),
            tableOf(first.element(), entities, tableOf),
            SqlNames.writtenAs(origin.name(), first.name()),
            origin.name().equals(first.name())
                ? ""
                : ", and SQLite, MariaDB and MySQL do not tell them apart by case");
      }
    }
  }

  /**
   * The table whose constraint an element declares: an entity's, or a member's (of the first
   * entity that has it, for a base-class member). The map is filled when first needed, since most
   * builds have no name to report.
   */
  private static String tableOf(
      Element element, Iterable<EntityDraft> entities, Map<Element, String> tables) {
    if (tables.isEmpty()) {
      for (EntityDraft entity : entities) {
        tables.put(entity.element(), entity.name());
        entity.columns().forEach(c -> tables.putIfAbsent(c.member(), entity.name()));
      }
    }
    return tables.get(element);
  }

  /** The rename hints; a second entity renamed from one old table name is reported. */
  private RenameHints hints(Iterable<EntityDraft> entities) {
    Map<String, String> tables = new LinkedHashMap<>();
    Map<String, EntityDraft> byOldName = new HashMap<>();
    Map<String, Map<String, String>> columns = new LinkedHashMap<>();
    EntityDraft firstWithColumnRenames = null;
    for (EntityDraft entity : entities) {
      if (entity.renamedFrom().isPresent()) {
        Annotation rename = entity.renamedFrom().get();
        String oldName = rename.string("value");
        EntityDraft first = byOldName.putIfAbsent(oldName, entity);
        if (first == null) {
          tables.put(entity.name(), oldName);
        } else {
          reporter.report(
              rename,
              "value",
              Message.RENAMED_FROM_DUPLICATE,
              oldName,
              first.label(),
              entity.label());
        }
      }
      Map<String, String> renames = new LinkedHashMap<>();
      for (ColumnDraft column : entity.columns()) {
        if (column.renamedFrom().isPresent()) {
          String oldName = column.renamedFrom().get().string("value");
          if (!renames.containsValue(oldName)) {
            renames.put(column.name(), oldName);
          }
        }
      }
      if (!renames.isEmpty()) {
        columns.put(entity.name(), renames);
        firstWithColumnRenames = firstWithColumnRenames == null ? entity : firstWithColumnRenames;
      }
    }
    if (tables.isEmpty() && columns.isEmpty()) {
      return RenameHints.none();
    }
    Element renamed =
        byOldName.isEmpty()
            ? firstWithColumnRenames.element()
            : byOldName.values().iterator().next().element();
    return checks
        .build(renamed, "the @RenamedFrom annotations", () -> new RenameHints(tables, columns))
        .orElse(RenameHints.none());
  }

  private SchemaModel schema(Iterable<EntityDraft> entities, Map<String, List<ForeignKeyModel>> foreignKeys,
      List<SequenceModel> sequences, List<ViewModel> views, List<TypeElement> viewElements) {
    List<TableModel> tables = new ArrayList<>();
    EntityDraft any = null;
    for (EntityDraft entity : entities) {
      any = entity;
      TableModel.Builder table =
          new TableModel.Builder(entity.name())
              .schema(entity.schema())
              .comment(entity.comment())
              .primaryKey(entity.primaryKey());
      // Without errors every column has its model: a missing one was reported.
      entity.columns().forEach(c -> table.column(c.model().orElseThrow()));
      table.uniques().addAll(entity.uniques());
      table.indexes().addAll(entity.indexes());
      table.foreignKeys().addAll(foreignKeys.get(entity.name()));
      table.checks().addAll(entity.checks());
      checks.build(entity.element(), entity.label(), table::build).ifPresent(tables::add);
    }
    Element where = any != null ? any.element() : viewElements.isEmpty() ? null : viewElements.get(0);
    if (where == null) {
      return SchemaModel.empty();
    }
    return checks
        .build(where, any != null ? "the @Table entities" : "the @View types", () -> new SchemaModel(tables, sequences, views))
        .filter(s -> !reporter.hasErrors())
        .orElse(SchemaModel.empty());
  }
}
