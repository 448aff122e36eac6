package dev.retort.processor.scan;

import dev.retort.model.CheckModel;
import dev.retort.model.ColumnModel;
import dev.retort.model.RenameHints;
import dev.retort.model.SchemaModel;
import dev.retort.model.TableModel;
import dev.retort.processor.diagnostics.Diagnostics;
import dev.retort.processor.diagnostics.Message;
import dev.retort.processor.options.EntitySource;
import dev.retort.processor.options.SequenceNaming;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Reads the {@code @Table} entities of a round into a {@link SchemaModel} and validates them,
 * reporting every problem through {@link Diagnostics} on the element (and annotation value) it is
 * about. Bad input never throws.
 *
 * <p>What maps to what:
 *
 * <ul>
 *   <li>Each {@code @Table} class or record is a table, named by {@code @Table(name)} or else its
 *       simple name in snake_case (see {@link SqlNames} for the exact rule and the names derived
 *       for constraints and indexes).
 *   <li>Record components are columns; so are the instance fields of a class and of its
 *       superclasses (base-class columns first; the base class need not be an entity), except
 *       {@code transient} and {@code @Transient} fields.
 *   <li>Column types come from {@code @Column(type)} or else from the Java type (see {@link
 *       TypeMapping} for the table).
 *   <li>Nullability: {@code @Column(nullable)} wins; otherwise {@code @Id} members are NOT NULL,
 *       {@code Optional} members nullable, members annotated with any annotation whose simple name
 *       is {@code NotNull} or {@code NonNull} NOT NULL, primitives NOT NULL and other types
 *       nullable.
 *   <li>{@code @Id} members form the primary key {@code pk_<table>}, in member order;
 *       {@code @Id(generated = true)} makes a single integral key an identity column.
 *   <li>{@code @Column(unique)}, {@code @Unique}, {@code @Index}, {@code @Check} and {@code @References} add
 *       constraints and indexes, and {@code @ForeignKey} foreign keys of several columns ({@link
 *       ForeignKeys}); {@code @RenamedFrom} adds {@link RenameHints}.
 *   <li>{@code @Sequence} on an entity declares a sequence of the schema ({@link SequenceDeclarations}).
 *   <li>{@code @View} on a type declares a view of the schema ({@link ViewDeclarations}), whatever
 *       the entities are read from; on a JPA {@code @Entity}, named as Hibernate names its table.
 * </ul>
 *
 * <p>With {@code -Aretort.entities=jpa} the JPA {@code @Entity} classes are read instead, by {@link
 * JpaEntityReader}, into the same drafts; everything after the reading is shared.
 */
public final class EntityScanner {

  private final ProcessingEnvironment env;
  private final Diagnostics diagnostics;

  /**
   * Creates a scanner.
   *
   * @param env the processing environment, for element and type utilities
   * @param diagnostics where problems are reported
   */
  public EntityScanner(ProcessingEnvironment env, Diagnostics diagnostics) {
    this.env = Objects.requireNonNull(env, "env == null");
    this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics == null");
  }

  /**
   * Scans every {@code @Table} element of the round. Problems are reported, never thrown; if any is
   * an error, {@link Diagnostics#hasErrors()} is true and the schema is empty.
   *
   * @param tableElements the elements annotated {@code @Table}, in a stable order (messages about
   *     duplicates are reported on the later element)
   * @return the schema they declare, the renames, and the elements behind each table and column
   * @throws IllegalArgumentException if an element is not annotated {@code @Table}
   */
  public ScanResult scan(Collection<? extends Element> tableElements) {
    return scan(tableElements, EntitySource.RETORT);
  }

  /**
   * Scans every entity of the round, read as the source says: {@code @Table} elements, or JPA
   * {@code @Entity} classes (see {@link JpaEntityReader}). Reading JPA entities, a {@code @Table}
   * element among them is reported: the build would otherwise leave it out unseen. Problems are
   * reported, never thrown; if any is an error, {@link Diagnostics#hasErrors()} is true and the
   * schema is empty.
   *
   * @param entityElements the entities, in a stable order (messages about duplicates are reported on
   *     the later element)
   * @param source which annotations declare the entities
   * @return the schema they declare, the renames, and the elements behind each table and column
   * @throws IllegalArgumentException if an element is annotated neither {@code @Table} nor, reading
   *     JPA entities, {@code @Entity}
   */
  public ScanResult scan(Collection<? extends Element> entityElements, EntitySource source) {
    return scan(entityElements, source, SequenceNaming.STANDARD);
  }

  /**
   * Scans every entity of the round as {@link #scan(Collection, EntitySource)} does, with the keys of
   * JPA entities taken from sequences named as Hibernate's {@code
   * hibernate.id.db_structure_naming_strategy} names them.
   *
   * @param entityElements the entities, in a stable order
   * @param source which annotations declare the entities
   * @param sequenceNaming how Hibernate names the sequence of a JPA key without a generator naming one
   * @return the schema they declare, the renames, and the elements behind each table and column
   */
  public ScanResult scan(
      Collection<? extends Element> entityElements, EntitySource source, SequenceNaming sequenceNaming) {
    Objects.requireNonNull(entityElements, "entityElements == null");
    Objects.requireNonNull(source, "source == null");
    Objects.requireNonNull(sequenceNaming, "sequenceNaming == null");
    Reporter reporter = new Reporter(diagnostics);
    Annotations annotations = new Annotations();
    EntityReader reader = new EntityReader(env.getTypeUtils(), annotations, reporter);
    JpaEntityReader jpaReader = new JpaEntityReader(env.getTypeUtils(), annotations, reporter, entityElements, sequenceNaming);
    List<EntityDraft> drafts = new ArrayList<>();
    List<TypeElement> views = new ArrayList<>();
    for (Element element : entityElements) {
      Optional<Annotation> view = annotations.find(element, Annotation.VIEW)
          .or(() -> annotations.find(element, Annotation.HIBERNATE_VIEW));
      if (view.isPresent()) {
        if (annotations.find(element, Annotation.TABLE).isPresent()) {
          reporter.report(view.get(), null, Message.VIEW_ON_TABLE, element.getSimpleName());
        } else {
          views.add((TypeElement) element);
        }
        continue;
      }
      if (source == EntitySource.RETORT) {
        reader.read(element).ifPresent(drafts::add);
      } else if (annotations.find(element, Annotation.TABLE).isPresent()) {
        reporter.report(annotations.find(element, Annotation.TABLE).get(), null, Message.ENTITY_SOURCE_MISMATCH,
            element.getSimpleName());
      } else {
        drafts.addAll(jpaReader.read(element));
      }
    }
    return new SchemaAssembler(annotations, reporter, jpaReader::mappedTable).assemble(drafts, views);
  }

  /**
   * Checks the {@code @RenamedFrom} hints against the committed head schema, and keeps those that
   * rename something in it:
   *
   * <ul>
   *   <li>a hint whose new name is already in the head was applied by an earlier migration (the
   *       annotation may stay): it is dropped silently;
   *   <li>a hint whose old name is in the head is kept, unless another entity or member of the
   *       model still maps to the old name: the rename could not happen (the differ matches by name
   *       first), so that is an error on the annotation;
   *   <li>a hint with neither name in the head renames nothing: it is dropped with a warning on the
   *       annotation.
   * </ul>
   *
   * <p>A column hint is checked against the head table of the same name or, when the table itself
   * is renamed by a kept hint, against the head table of the old name.
   *
   * @param result the scan result
   * @param head the schema of the committed head revision
   * @return the hints that still apply to the head
   */
  public RenameHints checkRenames(ScanResult result, SchemaModel head) {
    Objects.requireNonNull(result, "result == null");
    Objects.requireNonNull(head, "head == null");
    Reporter reporter = new Reporter(diagnostics);
    Map<String, String> tables = new LinkedHashMap<>();
    for (Map.Entry<String, String> hint : result.hints().tables().entrySet()) {
      String newName = hint.getKey();
      String oldName = hint.getValue();
      if (head.table(oldName).isPresent() && head.table(newName).isEmpty()) {
        TypeElement keeper = result.tableElements().get(oldName);
        if (keeper == null) {
          tables.put(newName, oldName);
        } else {
          inUse(reporter, result.tableElements().get(newName), oldName, "table " + oldName, newName,
              keeper.getQualifiedName().toString(), "table " + oldName, "entity");
        }
      } else if (head.table(newName).isEmpty()) {
        warn(
            reporter,
            result.tableElements().get(newName),
            oldName,
            "table " + oldName,
            "table " + newName,
            fix(oldName, "table ", candidate -> head.table(candidate).isPresent()));
      }
    }
    Map<String, Map<String, String>> columns = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, String>> tableHints : result.hints().columns().entrySet()) {
      String table = tableHints.getKey();
      Optional<TableModel> headTable =
          head.table(table).or(() -> Optional.ofNullable(tables.get(table)).flatMap(head::table));
      String headName = headTable.map(TableModel::name).orElse(table);
      Map<String, String> kept = new LinkedHashMap<>();
      for (Map.Entry<String, String> hint : tableHints.getValue().entrySet()) {
        String newName = hint.getKey();
        String oldName = hint.getValue();
        boolean hasOld = headTable.flatMap(t -> t.column(oldName)).isPresent();
        boolean hasNew = headTable.flatMap(t -> t.column(newName)).isPresent();
        Map<String, Element> members = result.columnElements().getOrDefault(table, Map.of());
        if (hasOld && !hasNew && members.containsKey(oldName)) {
          inUse(reporter, members.get(newName), oldName, "column " + headName + "." + oldName, newName,
              label(members.get(oldName)), "column " + oldName, "member");
        } else if (hasOld && !hasNew) {
          kept.put(newName, oldName);
        } else if (!hasNew) {
          warn(
              reporter,
              members.get(newName),
              oldName,
              "column " + headName + "." + oldName,
              "column " + headName + "." + newName,
              fix(oldName, "column " + headName + ".",
                  candidate -> headTable.flatMap(t -> t.column(candidate)).isPresent()));
        }
      }
      if (!kept.isEmpty()) {
        columns.put(table, kept);
      }
    }
    // A subset of valid hints is valid: this cannot throw.
    return new RenameHints(tables, columns);
  }

  /**
   * Reports each {@code @Check} whose expression names a column its table does not have. A
   * column that the committed table has and the entity no longer has, dropped or renamed, is
   * reported as such: the migration could not drop a column that a check still uses, nor add a
   * check on a column that is gone. Any other name is no column at all (a misspelt one, or a
   * capitalised name written bare), and the check would fail on the database. A check names a
   * column as {@link CheckModel#usesColumn} reads it. The committed table is the head table of the
   * same name or, for a table renamed by a kept hint, of the old name, as the differ matches them.
   *
   * @param result the scan result
   * @param head the schema of the committed head revision; empty before the first
   * @param hints the renames that apply to the head, as {@link #checkRenames} returned them
   */
  public void checkCheckColumns(ScanResult result, SchemaModel head, RenameHints hints) {
    Objects.requireNonNull(result, "result == null");
    Objects.requireNonNull(head, "head == null");
    Objects.requireNonNull(hints, "hints == null");
    Reporter reporter = new Reporter(diagnostics);
    for (TableModel table : result.schema().tables()) {
      if (table.checks().isEmpty()) {
        continue;
      }
      Optional<TableModel> headTable = head.table(table.name())
          .or(() -> Optional.ofNullable(hints.tables().get(table.name())).flatMap(head::table));
      Map<String, String> renamedTo = new HashMap<>();
      hints.columns().getOrDefault(table.name(), Map.of()).forEach((to, from) -> renamedTo.put(from, to));
      List<String> columns = table.columns().stream().map(ColumnModel::name).toList();
      TypeElement entity = result.tableElements().get(table.name());
      for (CheckModel check : table.checks()) {
        List<String> removed = new ArrayList<>();
        for (ColumnModel column : headTable.map(TableModel::columns).orElse(List.of())) {
          String name = column.name();
          if (table.column(name).isEmpty() && check.usesColumn(name)) {
            String fate = renamedTo.containsKey(name) ? "it is renamed to " + renamedTo.get(name) : "it is dropped";
            reportCheck(reporter, entity, check, Message.CHECK_REMOVED_COLUMN, name, table.name(), fate);
            removed.add(name);
          }
        }
        List<String> unknown = check.unknownColumns(columns).stream()
            .filter(name -> removed.stream().noneMatch(name::equalsIgnoreCase))
            .toList();
        if (!unknown.isEmpty()) {
          reportCheck(reporter, entity, check, Message.CHECK_UNKNOWN_COLUMN, String.join(", ", unknown), table.name(),
              String.join(", ", columns));
        }
      }
    }
  }

  /**
   * Reports each table and column whose name differs from a committed one only in case, without a
   * {@code @RenamedFrom} hint: the differ would drop the old and add the new, which loses the data
   * and which SQLite, MariaDB and MySQL refuse, since they take the two names as one. A table is
   * matched as {@link #checkCheckColumns} matches it.
   *
   * @param result the scan result
   * @param head the schema of the committed head revision
   * @param hints the renames that apply to the head, as {@link #checkRenames} returned them
   */
  public void checkCaseOnlyChanges(ScanResult result, SchemaModel head, RenameHints hints) {
    Objects.requireNonNull(result, "result == null");
    Objects.requireNonNull(head, "head == null");
    Objects.requireNonNull(hints, "hints == null");
    Reporter reporter = new Reporter(diagnostics);
    SchemaModel model = result.schema();
    for (TableModel table : model.tables()) {
      Optional<TableModel> headTable = head.table(table.name())
          .or(() -> Optional.ofNullable(hints.tables().get(table.name())).flatMap(head::table));
      if (headTable.isEmpty()) {
        head.tables().stream()
            .map(TableModel::name)
            .filter(old -> isCaseOnlyChange(old, table.name(), model.table(old).isPresent(), hints.tables()))
            .findFirst()
            .ifPresent(old -> caseOnly(reporter, result.tableElements().get(table.name()), "table", table.name(),
                table.name(), old));
        continue;
      }
      Map<String, String> renames = hints.columns().getOrDefault(table.name(), Map.of());
      for (ColumnModel column : table.columns()) {
        if (headTable.get().column(column.name()).isPresent() || renames.containsKey(column.name())) {
          continue;
        }
        headTable.get().columns().stream()
            .map(ColumnModel::name)
            .filter(old -> isCaseOnlyChange(old, column.name(), table.column(old).isPresent(), renames))
            .findFirst()
            .ifPresent(old -> caseOnly(reporter,
                result.columnElements().getOrDefault(table.name(), Map.of()).get(column.name()),
                "column", column.name() + " of table " + table.name(), column.name(), old));
      }
    }
  }

  /** Whether a committed name that the model no longer has, nor renames, is the new name but for case. */
  private static boolean isCaseOnlyChange(
      String old, String name, boolean stillInModel, Map<String, String> renames) {
    return !stillInModel
        && !renames.containsValue(old)
        && SqlNames.folded(old).equals(SqlNames.folded(name));
  }

  /** Reports on the name in {@code @Table} or {@code @Column} where there is one, else on the element. */
  private static void caseOnly(
      Reporter reporter, Element element, String kind, String what, String name, String old) {
    if (element == null) {
      reporter.report(null, Message.CASE_ONLY_CHANGE, name, kind, what, old, old, old);
      return;
    }
    Optional<Annotation> naming = new Annotations()
        .find(element, element.getKind().isClass() ? Annotation.TABLE : Annotation.COLUMN);
    reporter.report(element, naming.orElse(null), "name", Message.CASE_ONLY_CHANGE, label(element), kind, what,
        old, old, old);
  }

  /**
   * Reports a message about a check's columns on the {@code @Check} of that name, or on the entity
   * if it is not found there; the message's arguments are the check's name, the entity's (or the
   * table's, without an entity) and then {@code column}, {@code table} and {@code detail}.
   */
  private static void reportCheck(
      Reporter reporter, TypeElement entity, CheckModel check, Message message, String column, String table,
      String detail) {
    if (entity == null) {
      reporter.report(null, message, check.name(), table, column, table, detail);
      return;
    }
    String label = entity.getSimpleName().toString();
    Optional<Annotation> annotation = new Annotations().findRepeated(entity, Annotation.CHECK).stream()
        .filter(a -> a.string("name").equals(check.name()))
        .findFirst();
    reporter.report(entity, annotation.orElse(null), "expression", message, check.name(), label, column, table,
        detail);
  }

  /**
   * Warns on the {@code @RenamedFrom} of the element, or without position for a hand-made result.
   */
  private static void warn(
      Reporter reporter, Element element, String oldName, String oldObject, String newObject, String fix) {
    onRename(reporter, element, newObject, oldName, Message.RENAMED_FROM_UNKNOWN, oldObject, newObject, fix);
  }

  /**
   * The end of the warning on a {@code @RenamedFrom} whose old name the head does not have: the
   * name to write when the old name is a Java name whose SQL name (Retort's or Spring Boot's
   * Hibernate's) the head has, as {@code postCode} for {@code post_code}; else the generic fix.
   */
  private static String fix(String oldName, String prefix, Predicate<String> inHead) {
    return Stream.of(SqlNames.snakeCase(oldName), SqlNames.springPhysical(oldName))
        .filter(candidate -> !candidate.equals(oldName) && inHead.test(candidate))
        .findFirst()
        .map(candidate -> ", but it has " + prefix + candidate + ": write @RenamedFrom(\"" + candidate
            + "\"), the name in the database")
        .orElse("; correct the old name, or remove the annotation");
  }

  /**
   * Reports a rename whose old name an entity or member still maps to: the differ matches tables and
   * columns by name first, so the hint would be ignored and the old name kept.
   *
   * @param keeper the entity or member that still maps to the old name, as messages name it
   * @param kind what the keeper is ("entity", "member")
   */
  private static void inUse(
      Reporter reporter,
      Element element,
      String oldName,
      String oldObject,
      String newName,
      String keeper,
      String keeperObject,
      String kind) {
    onRename(reporter, element, newName, oldName, Message.RENAMED_FROM_IN_USE, oldObject, newName, keeper,
        keeperObject, kind);
  }

  /**
   * Reports on the {@code @RenamedFrom} of the element, or without position for a hand-made result;
   * the message's first two arguments are the old name and the element (or, without one, the
   * fallback), the others follow.
   */
  private static void onRename(
      Reporter reporter,
      Element element,
      String fallback,
      String oldName,
      Message message,
      Object... more) {
    List<Object> args = new ArrayList<>();
    args.add(oldName);
    args.add(element == null ? fallback : label(element));
    args.addAll(List.of(more));
    Optional<Annotation> rename =
        element == null ? Optional.empty() : new Annotations().find(element, Annotation.RENAMED_FROM);
    if (rename.isPresent()) {
      reporter.report(rename.get(), "value", message, args.toArray());
    } else {
      reporter.report(element, message, args.toArray());
    }
  }

  /** An entity's simple name, or a member's as {@code Entity.member}. */
  private static String label(Element element) {
    return element.getKind().isClass()
        ? element.getSimpleName().toString()
        : element.getEnclosingElement().getSimpleName() + "." + element.getSimpleName();
  }
}
