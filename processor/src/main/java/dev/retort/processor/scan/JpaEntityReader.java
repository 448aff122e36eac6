package dev.retort.processor.scan;

import dev.retort.ReferentialAction;
import dev.retort.model.CheckModel;
import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.model.IndexModel;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.UniqueModel;
import dev.retort.processor.diagnostics.Message;
import dev.retort.processor.options.SequenceNaming;
import dev.retort.processor.scan.EntityDraft.ColumnDraft;
import dev.retort.processor.scan.EntityDraft.Origin;
import dev.retort.processor.scan.EntityReader.Member;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Reads one JPA {@code @Entity} class into an {@link EntityDraft}, the draft {@link EntityReader}
 * makes of a {@code @Table} entity, so that everything after the scan treats both alike. The JPA
 * annotations are read by name, of package {@code jakarta.persistence} or {@code javax.persistence}
 * (the entity's {@code @Entity} tells which): the processor does not depend on JPA.
 *
 * <p>The names are those Spring Boot's Hibernate gives ({@link SqlNames#springPhysical}), the
 * types those Hibernate 6 gives, so that {@code ddl-auto=validate} accepts the schema. What Retort
 * cannot declare is an error on the element that asks for it, never a schema that differs from
 * Hibernate's. The mapping is documented in {@code docs/jpa.md}.
 */
final class JpaEntityReader {

  /** Hibernate 6's precision of a {@code BigDecimal} column without one. */
  static final int DEFAULT_PRECISION = 38;

  /** Hibernate's scale of a {@code BigDecimal} column without a precision. */
  static final int DEFAULT_SCALE = 2;

  /** Hibernate's length of a string or binary column without one. */
  static final int DEFAULT_LENGTH = 255;

  /**
   * The digits of a second that Retort's time and timestamp columns keep on every database, and
   * Hibernate's default {@code secondPrecision}.
   */
  static final int TIME_PRECISION = 6;

  /** The digits of the second Hibernate 7 gives a {@code LocalTime} column without a {@code secondPrecision}. */
  static final int HIBERNATE_TIME_PRECISION = 0;

  /** Hibernate's {@code @Subselect}: the entity maps to a query, not a table. */
  private static final String SUBSELECT = "org.hibernate.annotations.Subselect";

  /** A SQL number literal, as a {@code @ColumnDefault} holds one: {@code 0}, {@code -12.50}, {@code .5}. */
  private static final Pattern SQL_NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");

  /** Class-level annotations that declare a mapping Retort does not read, with the way out. */
  private static final Map<String, String> UNSUPPORTED_ON_CLASS = unsupportedOnClass();

  /** Member annotations that declare a mapping Retort does not read, with the way out. */
  private static final Map<String, String> UNSUPPORTED_ON_MEMBER = unsupportedOnMember();


  /** The annotations that make JPA use property access when they are on a getter. */
  private static final List<String> MAPPING_ANNOTATIONS = List.of(
      "Id", "Column", "Basic", "Lob", "Enumerated", "Version", "GeneratedValue", "Embedded", "EmbeddedId",
      "ManyToOne", "OneToOne", "OneToMany", "ManyToMany", "JoinColumn");

  private final Types types;
  private final Annotations annotations;
  private final Reporter reporter;
  private final Checks checks;
  private final EntityReader shared;
  private final UniqueConstraints uniqueConstraints;
  private final Collection<? extends Element> entities;
  private final SequenceNaming sequenceNaming;
  /** The named sequence generators of the build, by name; read when first needed. */
  private Map<String, List<Annotation>> globalGenerators;

  /**
   * Creates a reader.
   *
   * @param entities the entities of the build, whose {@code @SequenceGenerator}s (and their
   *     packages') Hibernate resolves generator names against
   * @param sequenceNaming how Hibernate names the sequence of a key without a generator naming one
   */
  JpaEntityReader(Types types, Annotations annotations, Reporter reporter, Collection<? extends Element> entities,
      SequenceNaming sequenceNaming) {
    this.types = types;
    this.annotations = annotations;
    this.reporter = reporter;
    this.entities = entities;
    this.sequenceNaming = sequenceNaming;
    this.checks = new Checks(reporter);
    this.shared = new EntityReader(types, annotations, reporter, "columnDefinition");
    this.uniqueConstraints = new UniqueConstraints(annotations, reporter, checks, new ColumnLists(reporter));
  }

  /**
   * The package of the JPA annotations on an entity, {@code jakarta.persistence.} or {@code
   * javax.persistence.}, if it is annotated {@code @Entity}.
   */
  Optional<String> jpaPackage(Element element) {
    for (String candidate : List.of("jakarta.persistence.", "javax.persistence.")) {
      if (annotations.find(element, candidate + "Entity").isPresent()) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * The table a JPA entity maps to, as Hibernate names it ({@code @Table(name)}, else {@code
   * @Entity(name)}, else the simple class name, through Spring Boot's naming) and its {@code
   * @Table(schema)}: the names of the view that a {@code @View} on the entity declares, so that
   * Hibernate reads the view Retort creates. Problems of the names are reported on the JPA
   * annotations.
   *
   * @param type a type
   * @return the table; empty if the type is not annotated {@code @Entity}
   */
  Optional<MappedTable> mappedTable(TypeElement type) {
    Optional<String> jpa = jpaPackage(type);
    if (jpa.isEmpty()) {
      return Optional.empty();
    }
    Jpa on = new Jpa(jpa.get());
    Annotation entity = on.find(type, "Entity").orElseThrow();
    Optional<Annotation> table = on.find(type, "Table");
    String schema = table.map(t -> t.string("schema")).map(SqlNames::springPhysical).orElse("");
    return Optional.of(new MappedTable(tableName(type, entity, table), schema));
  }

  /**
   * The table an entity maps to.
   *
   * @param name the table's name
   * @param schema its schema; empty for the connection's own
   */
  record MappedTable(String name, String schema) {}

  /**
   * Whether an entity maps to no table: a {@code @Subselect} entity, which Hibernate reads through
   * its query, and an entity that is a view (Retort's {@code @View} or Hibernate's). Neither has a table a foreign key could
   * reference.
   */
  private boolean mapsNoTable(Element type) {
    return annotations.find(type, SUBSELECT).isPresent() || annotations.find(type, Annotation.VIEW).isPresent()
        || annotations.find(type, Annotation.HIBERNATE_VIEW).isPresent();
  }

  /**
   * Reads an entity.
   *
   * @param element an element annotated {@code @Entity}
   * @return the entity's draft, then the drafts of the join tables of its owning {@code
   *     @ManyToMany} fields; none if the entity cannot be read at all (reported), or if it is a
   *     Hibernate {@code @Subselect} entity, which maps to a query rather than a table: Hibernate's
   *     schema tools create nothing for it
   */
  List<EntityDraft> read(Element element) {
    String jpa = jpaPackage(element)
        .orElseThrow(() -> new IllegalArgumentException(element + " is not annotated @Entity"));
    if (annotations.find(element, SUBSELECT).isPresent()) {
      return List.of();
    }
    Jpa on = new Jpa(jpa);
    Annotation entity = on.find(element, "Entity").orElseThrow();
    if (element.getKind() != ElementKind.CLASS) {
      reporter.report(entity, null, Message.JPA_UNSUPPORTED, "@Entity", element.getSimpleName(),
          "JPA entities are classes, and a " + element.getKind().toString().toLowerCase(Locale.ROOT)
              + " is none; make it a class");
      return List.of();
    }
    TypeElement type = (TypeElement) element;
    String label = type.getSimpleName().toString();
    Optional<Annotation> tableAnnotation = on.find(type, "Table");
    Annotation table = tableAnnotation.orElse(entity);
    String name = tableName(type, entity, tableAnnotation);
    String schema = tableAnnotation.map(t -> t.string("schema")).map(SqlNames::springPhysical).orElse("");
    if (!schema.isEmpty() && checks.name(table, "schema", schema, label)) {
      checks.length("schema name", schema, type, table, "schema", "choose a shorter schema name");
    }
    tableAnnotation.filter(t -> !t.string("catalog").isEmpty()).ifPresent(t -> reporter.report(t, "catalog",
        Message.JPA_UNSUPPORTED, "@Table(catalog = \"" + t.string("catalog") + "\")", label,
        "Retort declares tables in the connection's database, or in a schema of it; remove the catalog, or use"
            + " schema"));
    UNSUPPORTED_ON_CLASS.forEach((annotation, fix) -> on.find(type, annotation).ifPresent(found ->
        reporter.report(found, null, Message.JPA_UNSUPPORTED, "@" + annotation, label, fix)));
    on.find(type, "Access")
        .filter(access -> access.enumConstant("value").orElse("").equals("PROPERTY"))
        .ifPresent(access -> reporter.report(access, "value", Message.JPA_PROPERTY_ACCESS,
            "@Access(AccessType.PROPERTY)", label, "remove it, and put the mapping annotations on the fields"));

    List<TypeElement> classes = mappedHierarchy(type, on);
    checkMethods(classes, on);
    List<ColumnDraft> columns = new ArrayList<>();
    Map<String, ColumnDraft> byName = new HashMap<>();
    DeclaredType entityType = (DeclaredType) type.asType();
    List<EntityDraft> joinTables = new ArrayList<>();
    for (TypeElement declaring : classes) {
      for (VariableElement field : ElementFilter.fieldsIn(declaring.getEnclosedElements())) {
        Member member = shared.member(declaring, field, shared.memberType(entityType, field),
            declaring.getSimpleName() + "." + field.getSimpleName(), jpa + "Transient");
        Optional<Annotation> manyToMany = on.find(field, "ManyToMany");
        if (member.exclusion() == null && manyToMany.isPresent()) {
          // The inverse side (mappedBy) has no table: the owning side declares it.
          if (manyToMany.get().string("mappedBy").isEmpty()) {
            joinTable(type, entity, name, member, on, manyToMany.get()).ifPresent(joinTables::add);
          }
        } else if (member.exclusion() == null) {
          columns(type, member, on, Map.of(), "", new ArrayList<>())
              .forEach(column -> addColumn(columns, byName, column, name));
        }
      }
    }
    if (columns.isEmpty()) {
      reporter.report(type, Message.NO_COLUMNS, label, name);
    }
    shared.checkColumnRenames(columns);
    // Retort's @RenamedFrom, which JPA has no word for, turns a drop and an add into a rename.
    Optional<Annotation> renamedFrom = annotations.find(type, Annotation.RENAMED_FROM)
        .filter(rename -> shared.checkRenamedFrom(rename, name, "table", label));

    List<Origin> constraints = new ArrayList<>();
    Optional<PrimaryKeyModel> primaryKey = shared.primaryKey(type, table, name, columns, constraints);
    List<ColumnLists.Listed> uniqueLists = new ArrayList<>();
    List<ColumnLists.Listed> indexLists = new ArrayList<>();
    tableAnnotation.ifPresent(t -> {
      for (Annotation unique : annotations.nested(t, "uniqueConstraints")) {
        ColumnLists.Listed written = ColumnLists.Listed.of(unique, "columnNames");
        uniqueLists.add(new ColumnLists.Listed(unique, "columnNames",
            written.names().stream().map(SqlNames::springPhysical).toList(), written.written()));
      }
      for (Annotation index : annotations.nested(t, "indexes")) {
        indexColumns(index, label).ifPresent(indexLists::add);
      }
    });
    // Retort's own @Unique and @Index, which list columns by their names in the table, as on a @Table entity.
    annotations.findRepeated(type, Annotation.UNIQUE).stream().map(ColumnLists.Listed::of).forEach(uniqueLists::add);
    annotations.findRepeated(type, Annotation.INDEX).stream().map(ColumnLists.Listed::of).forEach(indexLists::add);
    List<UniqueModel> uniques =
        new ArrayList<>(uniqueConstraints.read(type, name, columns, primaryKey, constraints, uniqueLists));
    uniques.addAll(oneToOneUniques(type, name, columns, on, constraints));
    List<IndexModel> indexes = shared.indexes(type, name, columns, constraints, indexLists);
    List<EntityDraft.KeySequence> sequences = new ArrayList<>();
    for (ColumnDraft column : columns) {
      keySequence(type, name, column, on).ifPresent(sequences::add);
    }
    List<CheckModel> checkModels = checkConstraints(type, name, tableAnnotation, columns, constraints);
    checkModels.addAll(shared.checks(type, constraints));
    Optional<String> comment = tableAnnotation.flatMap(t -> comment(t, label, "table"));
    List<EntityDraft> drafts = new ArrayList<>();
    drafts.add(new EntityDraft(type, table, name, schema, comment, columns, primaryKey, uniques,
        indexes, checkModels, renamedFrom, constraints, sequences));
    drafts.addAll(joinTables);
    return drafts;
  }

  /**
   * The join table of an owning {@code @ManyToMany}, as Hibernate declares it with Spring Boot's
   * naming: named by {@code @JoinTable(name)}, else {@code <table>_<field>}; a column referencing
   * this entity's {@code @Id}, named by {@code @JoinTable(joinColumns)}, else {@code
   * <inverse field>_<id>} where the target maps the association back with {@code mappedBy}, else
   * {@code <entity name>_<id>}; a column referencing the target's {@code @Id}, named by {@code
   * @JoinTable(inverseJoinColumns)}, else {@code <field>_<id>}; both NOT NULL, with a foreign key
   * each ({@code @JoinTable(foreignKey, inverseForeignKey)} name them) and, for a {@code Set}, the
   * primary key of both (Hibernate declares none for a {@code List} or {@code Collection}).
   *
   * @param entity the owning entity's {@code @Entity}, whose {@code name} is the entity name
   */
  private Optional<EntityDraft> joinTable(
      TypeElement owner, Annotation entity, String ownerTable, Member member, Jpa on, Annotation manyToMany) {
    Optional<TypeMirror> targetType = manyToMany.type("targetEntity")
        .filter(t -> t.getKind() == TypeKind.DECLARED)
        .or(() -> elementType(member.type()));
    if (targetType.isEmpty() || on.find(((DeclaredType) targetType.get()).asElement(), "Entity").isEmpty()) {
      reporter.report(manyToMany, null, Message.JPA_UNSUPPORTED, "@ManyToMany", member.label(),
          member.type() + " is no collection of a JPA @Entity; declare a Set or List of an entity class");
      return Optional.empty();
    }
    TypeElement target = (TypeElement) ((DeclaredType) targetType.get()).asElement();
    Optional<Annotation> joinTable = on.find(member.element(), "JoinTable");
    List<Annotation> joinColumns = joinTable.map(t -> annotations.nested(t, "joinColumns")).orElse(List.of());
    List<Annotation> inverseColumns =
        joinTable.map(t -> annotations.nested(t, "inverseJoinColumns")).orElse(List.of());
    if (joinColumns.size() > 1 || inverseColumns.size() > 1) {
      reporter.report(joinTable.get(), null, Message.JPA_UNSUPPORTED, "@JoinTable with several join columns",
          member.label(), "reference entities with a single @Id column");
      return Optional.empty();
    }
    Optional<Member> ownerId = referencedMember(owner, on, "");
    Optional<Member> targetId = referencedMember(target, on, "");
    if (ownerId.isEmpty() || targetId.isEmpty()) {
      reporter.report(manyToMany, null, Message.JPA_UNSUPPORTED, "@ManyToMany", member.label(),
          "both entities need a single @Id column for the join table to reference");
      return Optional.empty();
    }
    String written = joinTable.map(t -> t.string("name")).orElse("");
    String name = SqlNames.springPhysical(written.isEmpty() ? ownerTable + "_" + member.name() : written);
    Annotation declaring = joinTable.orElse(manyToMany);
    if (!written.isEmpty() && checks.name(declaring, "name", name, member.label())) {
      checks.length("table name", name, member.element(), declaring, "name", "choose a shorter @JoinTable(name)");
    } else if (written.isEmpty()) {
      checks.length("table name", name, member.element(), declaring, null,
          "name the join table with a shorter @JoinTable(name = \"...\")");
    }
    String schema = joinTable.map(t -> t.string("schema")).map(SqlNames::springPhysical).orElse("");
    String entityName = entity.string("name").isEmpty() ? owner.getSimpleName().toString() : entity.string("name");
    String ownerPrefix = inverseField(target, on, member.name()).orElse(entityName);
    boolean keyed = types.erasure(member.type()).toString().matches("java\\.util\\.(Sorted|Navigable)?Set");
    List<ColumnDraft> columns = new ArrayList<>();
    columns.add(joinTableColumn(member, on, owner, ownerId.get(), joinColumns, ownerPrefix,
        joinTable.flatMap(t -> annotations.nested(t, "foreignKey").stream().findFirst()).orElse(manyToMany),
        keyed ? manyToMany : null));
    columns.add(joinTableColumn(member, on, target, targetId.get(), inverseColumns, member.name(),
        joinTable.flatMap(t -> annotations.nested(t, "inverseForeignKey").stream().findFirst()).orElse(manyToMany),
        keyed ? manyToMany : null));
    if (columns.get(0).name().equals(columns.get(1).name())) {
      reporter.report(declaring, null, Message.JPA_UNSUPPORTED, "@ManyToMany", member.label(),
          "both columns of its join table would be named " + columns.get(0).name() + "; name them with"
              + " @JoinTable(joinColumns = @JoinColumn(name = \"...\"), inverseJoinColumns = ...)");
      return Optional.empty();
    }
    List<Origin> constraints = new ArrayList<>();
    Optional<PrimaryKeyModel> primaryKey = shared.primaryKey(owner, declaring, name, columns, constraints);
    List<CheckModel> checkModels = checkConstraints(owner, name, joinTable, columns, constraints);
    Optional<String> comment = joinTable.flatMap(t -> comment(t, member.label(), "table"));
    return Optional.of(new EntityDraft(owner, declaring, name, schema, comment, columns, primaryKey,
        List.of(), List.of(), checkModels, Optional.empty(), constraints, List.of()));
  }

  /**
   * One column of a join table, referencing an entity's {@code @Id}.
   *
   * @param written the {@code @JoinColumn}s given for it, at most one
   * @param prefix the name before {@code _<id>} when none is given
   * @param foreignKey the annotation naming its foreign key in {@code name}
   * @param key the annotation that makes it part of the primary key, or null
   */
  private ColumnDraft joinTableColumn(Member member, Jpa on, TypeElement referenced, Member id,
      List<Annotation> written, String prefix, Annotation foreignKey, Annotation key) {
    Optional<Annotation> joinColumn = written.stream().findFirst();
    joinColumn.filter(j -> !j.string("referencedColumnName").isEmpty()).ifPresent(j -> reporter.report(j,
        "referencedColumnName", Message.JPA_UNSUPPORTED, "@JoinColumn(referencedColumnName = \""
            + j.string("referencedColumnName") + "\")", member.label(), "a join table's columns reference the @Id"
            + " of each side; remove referencedColumnName"));
    String givenName = joinColumn.map(j -> j.string("name")).orElse("");
    String name = SqlNames.springPhysical(givenName.isEmpty() ? prefix + "_" + logicalColumnName(id, on) : givenName);
    Optional<String> comment = joinColumn.flatMap(j -> comment(j, member.label(), "column"));
    Optional<ColumnModel> model = columnType(referenced, id, on, on.find(id.element(), "Column").orElse(null))
        .flatMap(t -> checks.build(member.element(), member.label(),
            () -> new ColumnModel(name, t, false, Optional.empty(), false, comment)));
    Annotation declaring = joinColumn.orElse(foreignKey);
    ForeignKeys.Reference reference = new ForeignKeys.Reference(declaring, Optional.of(referenced.asType()), null,
        "@ManyToMany join table column to " + referenced.getSimpleName(), "", declaring, "referencedColumnName",
        foreignKey, ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
    return new ColumnDraft(member.element(), member.label() + " (" + name + ")", name, model,
        Optional.ofNullable(key), joinColumn, Optional.of(reference), Optional.empty());
  }

  /** The field of the target that maps a many-to-many back with {@code mappedBy = field}, by name. */
  private Optional<String> inverseField(TypeElement target, Jpa on, String field) {
    for (TypeElement declaring : mappedHierarchy(target, on)) {
      for (VariableElement candidate : ElementFilter.fieldsIn(declaring.getEnclosedElements())) {
        if (on.find(candidate, "ManyToMany").filter(m -> m.string("mappedBy").equals(field)).isPresent()) {
          return Optional.of(candidate.getSimpleName().toString());
        }
      }
    }
    return Optional.empty();
  }

  /** The element type of a collection type, such as {@code Tag} of {@code Set<Tag>}. */
  private static Optional<TypeMirror> elementType(TypeMirror collection) {
    if (collection.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) collection).getTypeArguments();
    return arguments.size() == 1 && arguments.get(0).getKind() == TypeKind.DECLARED
        ? Optional.of(arguments.get(0))
        : Optional.empty();
  }

  /**
   * Adds a column as {@link EntityReader#addColumn} does, except where a column of that name is
   * read-only ({@code insertable = false, updatable = false} on its {@code @Column} or {@code
   * @JoinColumn}): JPA maps a column both as a plain field and as an association that way, and the
   * one the application writes declares it.
   */
  private void addColumn(List<ColumnDraft> columns, Map<String, ColumnDraft> byName, ColumnDraft column,
      String table) {
    ColumnDraft first = byName.get(SqlNames.folded(column.name()));
    if (first != null && first.name().equals(column.name()) && (readOnly(first) || readOnly(column))) {
      if (readOnly(first) && !readOnly(column)) {
        columns.set(columns.indexOf(first), column);
        byName.put(SqlNames.folded(column.name()), column);
      }
      return;
    }
    shared.addColumn(columns, byName, column, table);
  }

  private static boolean readOnly(ColumnDraft column) {
    return column.column().map(c -> !c.bool("insertable") && !c.bool("updatable")).orElse(false);
  }

  /**
   * The table name: {@code @Table(name)}, else {@code @Entity(name)}, else the simple class name,
   * as Spring Boot's naming turns it into a physical name.
   */
  private String tableName(TypeElement type, Annotation entity, Optional<Annotation> table) {
    String label = type.getSimpleName().toString();
    String written = table.map(t -> t.string("name")).orElse("");
    Annotation annotation = table.orElse(entity);
    if (written.isEmpty()) {
      written = entity.string("name");
      annotation = entity;
    }
    if (written.isEmpty()) {
      String derived = SqlNames.springPhysical(label);
      checks.length("table name", derived, type, table.orElse(entity), null,
          "name the table with a shorter @Table(name = \"...\")");
      return derived;
    }
    String name = SqlNames.springPhysical(written);
    if (checks.name(annotation, "name", name, label)) {
      checks.length("table name", name, type, annotation, "name", "choose a shorter @Table(name = \"...\")");
    }
    return name;
  }

  /**
   * The classes whose fields are the entity's columns, base first: the entity and its
   * {@code @MappedSuperclass} superclasses. Other superclasses hold no persistent state in JPA; an
   * {@code @Entity} superclass would make this entity part of an inheritance mapping, which is
   * reported.
   */
  private List<TypeElement> mappedHierarchy(TypeElement type, Jpa on) {
    List<TypeElement> classes = new ArrayList<>();
    for (TypeElement declaring : EntityReader.hierarchy(type)) {
      if (declaring.equals(type) || on.find(declaring, "MappedSuperclass").isPresent()) {
        classes.add(declaring);
      } else if (on.find(declaring, "Entity").isPresent()) {
        reporter.report(type, Message.JPA_UNSUPPORTED, "extending the entity " + declaring.getSimpleName(),
            type.getSimpleName(), "entity inheritance maps several classes to one or more tables, which Retort does"
                + " not read; make " + declaring.getSimpleName() + " a @MappedSuperclass, or map each class to"
                + " a table of its own without extending an entity");
      }
    }
    return classes;
  }

  /** Reports mapping annotations on methods: they would make JPA use property access. */
  private void checkMethods(List<TypeElement> classes, Jpa on) {
    for (TypeElement declaring : classes) {
      for (ExecutableElement method : ElementFilter.methodsIn(declaring.getEnclosedElements())) {
        if (method.getAnnotationMirrors().isEmpty()) {
          continue;
        }
        for (String name : MAPPING_ANNOTATIONS) {
          on.find(method, name).ifPresent(annotation -> reporter.report(annotation, null,
              Message.JPA_PROPERTY_ACCESS, "@" + name, declaring.getSimpleName() + "." + method.getSimpleName()
                  + "()", "move the mapping annotations from the getters to the fields"));
        }
      }
    }
  }

  /**
   * The columns of a field: none for a collection, one for a basic value, those of the embeddable
   * for an embedded one.
   *
   * @param overrides the {@code @Column} of each {@code @AttributeOverride} of the enclosing embedded
   *     fields, by attribute path within the field's embeddable
   * @param path the path of the field's embeddable within the entity, such as {@code address.}; empty
   *     for a field of the entity
   * @param embedding the embeddable classes the field is within, to report a cycle
   */
  private List<ColumnDraft> columns(
      TypeElement entity, Member member, Jpa on, Map<String, Annotation> overrides, String path,
      List<TypeElement> embedding) {
    for (Map.Entry<String, String> unsupported : UNSUPPORTED_ON_MEMBER.entrySet()) {
      Optional<Annotation> found = on.find(member.element(), unsupported.getKey());
      if (found.isPresent()) {
        reporter.report(found.get(), null, Message.JPA_UNSUPPORTED, "@" + unsupported.getKey(), member.label(),
            unsupported.getValue());
        return List.of();
      }
    }
    Optional<Annotation> oneToMany = on.find(member.element(), "OneToMany");
    if (oneToMany.isPresent()) {
      // The inverse side: the @ManyToOne of the other entity holds the key. Without mappedBy,
      // Hibernate keeps the association in a join table, or with @JoinColumn in a column of the
      // other entity's table, that no entity declares.
      if (oneToMany.get().string("mappedBy").isEmpty()) {
        reporter.report(oneToMany.get(), null, Message.JPA_UNSUPPORTED, "@OneToMany without mappedBy",
            member.label(), "Hibernate would keep it in a join table, or in a column of the other entity's table,"
                + " that no entity declares; map the other side with a @ManyToOne and name it here with mappedBy");
      }
      return List.of();
    }
    for (String association : List.of("ManyToOne", "OneToOne")) {
      Optional<Annotation> found = on.find(member.element(), association);
      if (found.isPresent()) {
        // The inverse side of a one-to-one (mappedBy) has no column: the owning side holds the key.
        return found.get().string("mappedBy").isEmpty()
            ? association(member, on, found.get()).map(List::of).orElse(List.of())
            : List.of();
      }
    }
    Optional<TypeElement> embeddable = embeddable(member, on);
    if (embeddable.isPresent()) {
      return embedded(entity, member, embeddable.get(), on, overrides, path, embedding);
    }
    return List.of(basic(entity, member, on, overrides.get(path + member.name())));
  }

  /**
   * The join column of a {@code @ManyToOne} or owning {@code @OneToOne}: named by {@code
   * @JoinColumn(name)} or else {@code <field>_<referenced column>}, of the type of the referenced
   * column (the target's {@code @Id}, or {@code @JoinColumn(referencedColumnName)}), NOT NULL when
   * {@code optional = false} or {@code @JoinColumn(nullable = false)}; with a foreign key to that
   * column, named by {@code @JoinColumn(foreignKey = @ForeignKey(name))}, that {@link ForeignKeys}
   * checks as it checks {@code @References}. A one-to-one's column is also unique (see {@link
   * #oneToOneUniques}).
   */
  private Optional<ColumnDraft> association(Member member, Jpa on, Annotation association) {
    String kind = "@" + association.simpleName();
    if (on.find(member.element(), "JoinColumns").isPresent() || on.findAll(member.element(), "JoinColumn").size() > 1) {
      reporter.report(association, null, Message.JPA_UNSUPPORTED, kind + " with several join columns",
          member.label(), "reference an entity with a single @Id column");
      return Optional.empty();
    }
    if (on.find(member.element(), "JoinTable").isPresent()) {
      reporter.report(on.find(member.element(), "JoinTable").get(), null, Message.JPA_UNSUPPORTED, "@JoinTable",
          member.label(), "declare the join table as an entity of its own, with a @ManyToOne to each side");
      return Optional.empty();
    }
    Optional<TypeMirror> targetType = association.type("targetEntity")
        .filter(t -> t.getKind() == TypeKind.DECLARED)
        .or(() -> Optional.of(member.type()));
    if (targetType.get().getKind() != TypeKind.DECLARED
        || on.find(((DeclaredType) targetType.get()).asElement(), "Entity").isEmpty()) {
      reporter.report(association, null, Message.JPA_UNSUPPORTED, kind, member.label(),
          targetType.get() + " is not a JPA @Entity; reference an entity class");
      return Optional.empty();
    }
    TypeElement target = (TypeElement) ((DeclaredType) targetType.get()).asElement();
    Optional<Annotation> joinColumn = on.find(member.element(), "JoinColumn");
    String referencedName = joinColumn.map(j -> j.string("referencedColumnName")).orElse("");
    Optional<Member> referenced = referencedMember(target, on, SqlNames.springPhysical(referencedName));
    String written = joinColumn.map(j -> j.string("name")).orElse("");
    String name;
    if (!written.isEmpty()) {
      name = SqlNames.springPhysical(written);
    } else {
      // JPA's default: the field's name, an underscore, and the referenced column's logical name.
      String referencedLogical = !referencedName.isEmpty()
          ? referencedName
          : referenced.map(r -> logicalColumnName(r, on)).orElse("id");
      name = SqlNames.springPhysical(member.name() + "_" + referencedLogical);
    }
    boolean usableName = written.isEmpty() || checks.name(joinColumn.get(), "name", name, member.label());
    if (usableName) {
      checks.length("column name", name, member.element(), joinColumn.filter(j -> !written.isEmpty()).orElse(null),
          "name", written.isEmpty()
              ? "name the column with a shorter @JoinColumn(name = \"...\")"
              : "choose a shorter @JoinColumn(name = \"...\")");
    }
    Optional<Annotation> id = on.find(member.element(), "Id");
    boolean nullable = id.isEmpty()
        && association.bool("optional")
        && joinColumn.map(j -> j.bool("nullable")).orElse(true)
        && !EntityReader.annotatedNotNull(member);
    // The type of the referenced column as the target reads it; a referenced column the target does
    // not have is reported by ForeignKeys, against the target's draft.
    Optional<ColumnType> type = referenced.flatMap(r ->
        columnType(target, r, on, on.find(r.element(), "Column").orElse(null)));
    Optional<String> comment = joinColumn.flatMap(j -> comment(j, member.label(), "column"));
    Optional<ColumnModel> model = type.filter(t -> usableName).flatMap(t -> checks.build(member.element(),
        member.label(), () -> new ColumnModel(name, t, nullable, Optional.empty(), false, comment)));
    Optional<Annotation> foreignKey = joinColumn.flatMap(j -> annotations.nested(j, "foreignKey").stream().findFirst());
    // No constraint where the join column says so, or where the target has no table to reference: a
    // @Subselect entity, whose foreign keys Hibernate's schema tools leave out too (not a physical
    // table), or a view, which no database lets a foreign key reference.
    boolean unconstrained = foreignKey.flatMap(f -> f.enumConstant("value")).orElse("").equals("NO_CONSTRAINT")
        || mapsNoTable(target);
    Annotation declaring = joinColumn.orElse(association);
    Optional<ForeignKeys.Reference> reference = unconstrained
        ? Optional.empty()
        : Optional.of(new ForeignKeys.Reference(declaring, targetType, null,
            kind + " to " + target.getSimpleName(), SqlNames.springPhysical(referencedName), declaring,
            "referencedColumnName", foreignKey.orElse(association),
            onDelete(member, on), ReferentialAction.NO_ACTION));
    return Optional.of(new ColumnDraft(member.element(), member.label(), name, model, id, joinColumn, reference,
        renamedFrom(member, name)));
  }

  /**
   * The field of the target entity that a join column references: the one whose column has that
   * name, or with an empty name the single {@code @Id} field; empty if there is none (reported by
   * {@link ForeignKeys}).
   */
  private Optional<Member> referencedMember(TypeElement target, Jpa on, String columnName) {
    DeclaredType targetType = (DeclaredType) target.asType();
    List<Member> ids = new ArrayList<>();
    for (TypeElement declaring : mappedHierarchy(target, on)) {
      for (VariableElement field : ElementFilter.fieldsIn(declaring.getEnclosedElements())) {
        Member member = shared.member(declaring, field, shared.memberType(targetType, field),
            declaring.getSimpleName() + "." + field.getSimpleName(), on.name("Transient"));
        if (member.exclusion() != null) {
          continue;
        }
        if (columnName.isEmpty() && on.find(field, "Id").isPresent()) {
          ids.add(member);
        } else if (!columnName.isEmpty()
            && SqlNames.springPhysical(logicalColumnName(member, on)).equals(columnName)) {
          return Optional.of(member);
        }
      }
    }
    return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
  }

  /** A basic field's logical column name: {@code @Column(name)}, or the field's name. */
  private static String logicalColumnName(Member member, Jpa on) {
    String written = on.find(member.element(), "Column").map(c -> c.string("name")).orElse("");
    return written.isEmpty() ? member.name() : written;
  }

  /**
   * The action on delete that Hibernate's {@code @OnDelete(action = ...)} declares; JPA itself
   * declares none.
   */
  private ReferentialAction onDelete(Member member, Jpa on) {
    return annotations.find(member.element(), "org.hibernate.annotations.OnDelete")
        .flatMap(d -> d.enumConstant("action"))
        .flatMap(action -> Arrays.stream(ReferentialAction.values())
            .filter(known -> known.name().equals(action))
            .findFirst())
        .orElse(ReferentialAction.NO_ACTION);
  }

  /**
   * The unique constraint Hibernate gives the join column of each owning {@code @OneToOne}: a
   * one-to-one is many-to-one with at most one row per target. None where the column is already the
   * key or declared unique.
   */
  private List<UniqueModel> oneToOneUniques(
      TypeElement type, String table, List<ColumnDraft> columns, Jpa on, List<Origin> constraints) {
    List<UniqueModel> uniques = new ArrayList<>();
    for (ColumnDraft column : columns) {
      Optional<Annotation> oneToOne = on.find(column.member(), "OneToOne");
      if (oneToOne.isEmpty() || column.id().isPresent() || column.column().map(c -> c.bool("unique")).orElse(false)
          || !oneToOne.get().string("mappedBy").isEmpty()) {
        continue;
      }
      String name = SqlNames.unique(table, List.of(column.name()));
      checks.length("unique constraint name", name, column.member(), oneToOne.get(), null,
          "name the join column with a shorter @JoinColumn(name = \"...\")");
      constraints.add(new Origin(name, "a unique constraint", column.member(), oneToOne.get(), null, true));
      checks.build(type, column.label(), () -> new UniqueModel(name, List.of(column.name()))).ifPresent(uniques::add);
    }
    return uniques;
  }

  /** The embeddable class of an {@code @Embedded} field, or of a field whose class is {@code @Embeddable}. */
  private Optional<TypeElement> embeddable(Member member, Jpa on) {
    if (member.type().getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    TypeElement type = (TypeElement) ((DeclaredType) member.type()).asElement();
    boolean embedded = on.find(member.element(), "Embedded").isPresent();
    if (on.find(type, "Embeddable").isPresent()) {
      return Optional.of(type);
    }
    if (embedded) {
      reporter.report(on.find(member.element(), "Embedded").get(), null, Message.JPA_UNSUPPORTED, "@Embedded",
          member.label(), type.getSimpleName() + " is not annotated @Embeddable; annotate it");
    }
    return Optional.empty();
  }

  /**
   * The columns of an embedded field: the embeddable's fields, named as JPA names them by default
   * (the embeddable's attribute names, without a prefix) unless an {@code @AttributeOverride}
   * gives another {@code @Column}.
   */
  private List<ColumnDraft> embedded(
      TypeElement entity, Member member, TypeElement embeddable, Jpa on, Map<String, Annotation> outer,
      String path, List<TypeElement> embedding) {
    if (embedding.contains(embeddable)) {
      reporter.report(member.element(), Message.JPA_UNSUPPORTED, "embedding " + embeddable.getSimpleName(),
          member.label(), "it embeds itself; break the cycle");
      return List.of();
    }
    String inner = path + member.name() + ".";
    Map<String, Annotation> overrides = new HashMap<>(outer);
    List<Annotation> written = new ArrayList<>(on.findAll(member.element(), "AttributeOverride"));
    on.find(member.element(), "AttributeOverrides")
        .ifPresent(container -> written.addAll(annotations.nested(container, "value")));
    for (Annotation override : written) {
      annotations.nested(override, "column").stream().findFirst()
          .ifPresent(column -> overrides.putIfAbsent(inner + override.string("name"), column));
    }
    List<TypeElement> within = new ArrayList<>(embedding);
    within.add(embeddable);
    DeclaredType embeddableType = (DeclaredType) member.type();
    List<ColumnDraft> columns = new ArrayList<>();
    for (TypeElement declaring : mappedHierarchy(embeddable, on)) {
      for (VariableElement field : ElementFilter.fieldsIn(declaring.getEnclosedElements())) {
        Member part = shared.member(declaring, field, shared.memberType(embeddableType, field),
            member.label() + "." + field.getSimpleName(), on.name("Transient"));
        if (part.exclusion() == null) {
          columns.addAll(columns(entity, part, on, overrides, inner, within));
        }
      }
    }
    return columns;
  }

  /**
   * The column of a basic field.
   *
   * @param override the {@code @Column} an {@code @AttributeOverride} gives the field, or null
   */
  private ColumnDraft basic(TypeElement entity, Member member, Jpa on, Annotation override) {
    Optional<Annotation> column = override == null ? on.find(member.element(), "Column") : Optional.of(override);
    Optional<Annotation> id = on.find(member.element(), "Id");
    String written = column.map(c -> c.string("name")).orElse("");
    String name = SqlNames.springPhysical(written.isEmpty() ? member.name() : written);
    boolean usableName = written.isEmpty() || checks.name(column.get(), "name", name, member.label());
    if (usableName) {
      checks.length("column name", name, member.element(), written.isEmpty() ? null : column.get(), "name",
          written.isEmpty()
              ? "name the column with a shorter @Column(name = \"...\")"
              : "choose a shorter @Column(name = \"...\")");
    }
    Optional<ColumnType> type = columnType(entity, member, on, column.orElse(null))
        .flatMap(t -> secondPrecision(column, member, t));
    boolean identity = type.isPresent() && identity(member, on, type.get());
    boolean nullable = id.isEmpty()
        && !member.type().getKind().isPrimitive()
        && column.map(c -> c.bool("nullable")).orElse(true)
        && on.find(member.element(), "Basic").map(b -> b.bool("optional")).orElse(true)
        && !EntityReader.annotatedNotNull(member);
    Optional<String> comment = column.flatMap(c -> comment(c, member.label(), "column"));
    Optional<DefaultValue> defaultValue = type.flatMap(t -> columnDefault(member, t));
    Optional<ColumnModel> model = type.filter(t -> usableName).flatMap(t -> checks.build(member.element(),
        member.label(), () -> new ColumnModel(name, t, nullable, defaultValue, identity, comment)));
    return new ColumnDraft(member.element(), member.label(), name, model, id, column, Optional.empty(),
        renamedFrom(member, name));
  }

  /**
   * The default that Hibernate's {@code @ColumnDefault} gives the column, if written and usable (else
   * reported). Its value is SQL, which Hibernate's DDL writes after {@code default}: a quoted string, a
   * number or {@code true}/{@code false} is a literal, checked against the column type as
   * {@code @Column(defaultValue)} is, so that the migration writes it in each database's own syntax;
   * anything else is an expression, written as it is.
   */
  private Optional<DefaultValue> columnDefault(Member member, ColumnType type) {
    Optional<Annotation> annotation = annotations.find(member.element(), Annotation.HIBERNATE_COLUMN_DEFAULT);
    if (annotation.isEmpty()) {
      return Optional.empty();
    }
    String written = annotation.get().string("value");
    String sql = written.strip();
    if (sql.isEmpty()) {
      reporter.report(annotation.get(), "value", Message.JPA_COLUMN_DEFAULT, written, member.label(), "is empty");
      return Optional.empty();
    }
    Optional<String> literal = sqlLiteral(sql);
    if (literal.isEmpty()) {
      return checks.build(member.element(), member.label(), () -> DefaultValue.expression(sql));
    }
    Optional<String> problem = DefaultLiterals.problem(type, literal.get());
    if (problem.isPresent()) {
      reporter.report(annotation.get(), "value", Message.JPA_COLUMN_DEFAULT, written, member.label(),
          "is not a value of column type " + type.sql() + ": " + problem.get());
      return Optional.empty();
    }
    return Optional.of(DefaultValue.literal(literal.get()));
  }

  /** The value of a SQL literal: a quoted string (quotes doubled inside), a number, or a boolean. */
  private static Optional<String> sqlLiteral(String sql) {
    if (sql.length() >= 2 && sql.startsWith("'") && sql.endsWith("'")) {
      String inner = sql.substring(1, sql.length() - 1);
      return inner.replace("''", "").contains("'") ? Optional.empty() : Optional.of(inner.replace("''", "'"));
    }
    if (SQL_NUMBER.matcher(sql).matches()) {
      return Optional.of(sql);
    }
    String lower = sql.toLowerCase(Locale.ROOT);
    return lower.equals("true") || lower.equals("false") ? Optional.of(lower) : Optional.empty();
  }

  /** The member's {@code @RenamedFrom}, if it is usable (else reported). */
  private Optional<Annotation> renamedFrom(Member member, String column) {
    return annotations.find(member.element(), Annotation.RENAMED_FROM)
        .filter(rename -> shared.checkRenamedFrom(rename, column, "column", member.label()));
  }

  /**
   * The comment of Jakarta Persistence 3.2 on a {@code @Table}, {@code @JoinTable}, {@code @Column} or
   * {@code @JoinColumn}, if one is written and usable (else reported).
   *
   * @param kind {@code table} or {@code column}
   */
  private Optional<String> comment(Annotation annotation, String label, String kind) {
    return EntityReader.nonEmpty(annotation.string("comment")).filter(text -> checks.comment(annotation, text, label,
        kind, kind.equals("table") ? EntityReader.MAX_TABLE_COMMENT : EntityReader.MAX_COLUMN_COMMENT));
  }

  /**
   * The type with the digits of the second Hibernate 7 gives a time or timestamp column: those of
   * {@code @Column(secondPrecision)} (Jakarta Persistence 3.2), 0 to 6 as Retort's time types keep
   * ({@code timestamp(3)}); without it, 6 for a timestamp and 0 for a time ({@code time(0)}), as
   * Hibernate declares them on H2, PostgreSQL and MariaDB. A type written in
   * {@code columnDefinition} is kept as written. Empty, reported, for more digits or on another
   * type.
   */
  private Optional<ColumnType> secondPrecision(Optional<Annotation> column, Member member, ColumnType type) {
    boolean written = column.map(c -> !c.string("columnDefinition").isBlank()).orElse(false);
    int precision = column.filter(c -> c.explicit("secondPrecision") != null)
        .map(c -> c.integer("secondPrecision")).orElse(-1);
    boolean temporal = ColumnType.Temporal.isTime(type);
    if (precision == -1) {
      return Optional.of(type == ColumnType.Scalar.TIME && !written ? ColumnType.time(HIBERNATE_TIME_PRECISION) : type);
    }
    if (temporal && precision >= 0 && precision <= TIME_PRECISION) {
      return Optional.of(ColumnType.Temporal.of((ColumnType.Scalar) ColumnType.Temporal.kindOf(type), precision));
    }
    reporter.report(column.get(), "secondPrecision", Message.JPA_UNSUPPORTED,
        "@Column(secondPrecision = " + precision + ")", member.label(), temporal
            ? "Retort's time and timestamp columns keep at most " + TIME_PRECISION + " digits of the second,"
                + " microseconds, as MariaDB and MySQL do; give 0 to " + TIME_PRECISION + ", and round the"
                + " values in the application if more digits matter"
            : "a precision of seconds applies to time and timestamp columns, and the column is " + type.sql()
                + "; remove secondPrecision");
    return Optional.empty();
  }

  /**
   * The check constraints of Jakarta Persistence 3.2: those of the {@code @Table} (or {@code @JoinTable}),
   * then those of each column's {@code @Column} or {@code @JoinColumn}, as table checks. Hibernate declares
   * a check without a name without one, and the database names it its own way; Retort names it {@code
   * ck_<table>} on the table and {@code ck_<table>_<column>} on a column, with {@code _2}, {@code _3}, … for
   * the second and further unnamed checks of one table or column. Hibernate does not validate checks.
   *
   * @param declaring the {@code @Table} or {@code @JoinTable}, if written
   */
  private List<CheckModel> checkConstraints(TypeElement type, String table, Optional<Annotation> declaring,
      List<ColumnDraft> columns, List<Origin> constraints) {
    List<CheckModel> found = new ArrayList<>();
    declaring.ifPresent(t -> checkConstraints(type, t, "ck_" + table, found, constraints));
    for (ColumnDraft column : columns) {
      column.column().ifPresent(c -> checkConstraints(type, c, "ck_" + table + "_" + column.name(), found,
          constraints));
    }
    return found;
  }

  /** Adds the checks of one annotation's {@code check}, naming the unnamed ones after the prefix. */
  private void checkConstraints(TypeElement type, Annotation declaring, String prefix, List<CheckModel> found,
      List<Origin> constraints) {
    String label = type.getSimpleName().toString();
    int unnamed = 0;
    for (Annotation check : annotations.nested(declaring, "check")) {
      String written = check.string("name");
      if (!written.isEmpty() && !checks.name(check, "name", written, label)) {
        continue;
      }
      String expression = check.string("constraint");
      if (expression.isBlank()) {
        reporter.report(check, "constraint", Message.JPA_CHECK_CONSTRAINT,
            written.isEmpty() ? "@CheckConstraint" : "@CheckConstraint(name = \"" + written + "\")", label);
        continue;
      }
      unnamed += written.isEmpty() ? 1 : 0;
      String name = !written.isEmpty() ? written : unnamed == 1 ? prefix : prefix + "_" + unnamed;
      checks.length("check name", name, type, check, written.isEmpty() ? null : "name", written.isEmpty()
          ? "name the check with a shorter @CheckConstraint(name = \"...\")"
          : "choose a shorter @CheckConstraint(name = \"...\")");
      constraints.add(new Origin(name, "a check", check.element(), check, written.isEmpty() ? null : "name", false));
      checks.build(type, label, () -> new CheckModel(name, expression)).ifPresent(found::add);
    }
  }

  /**
   * The column type of a basic field: {@code columnDefinition} when written, else from {@code @Lob},
   * {@code @Enumerated} or the Java type, with Hibernate's sizes.
   */
  private Optional<ColumnType> columnType(TypeElement entity, Member member, Jpa on, Annotation column) {
    String definition = column == null ? "" : column.string("columnDefinition").strip();
    TypeMapping.Sizes sizes = sizes(member, column);
    if (!definition.isEmpty()) {
      try {
        ColumnType.parse(definition);
      } catch (IllegalArgumentException e) {
        reporter.report(column, "columnDefinition", Message.JPA_COLUMN_DEFINITION, definition, member.label(),
            e.getMessage());
        return Optional.empty();
      }
      return shared.columnType(entity, member, column, TypeMapping.Sizes.NONE, definition);
    }
    Optional<Annotation> lob = on.find(member.element(), "Lob");
    if (lob.isPresent()) {
      String javaType = member.type().toString();
      if (javaType.equals("java.lang.String") || javaType.equals("char[]")) {
        return Optional.of(ColumnType.text());
      }
      if (javaType.equals("byte[]")) {
        return Optional.of(ColumnType.blob());
      }
      reporter.report(lob.get(), null, Message.JPA_UNSUPPORTED, "@Lob", member.label(),
          "Retort maps @Lob on a String (to text) or a byte[] (to blob) only; remove it");
      return Optional.empty();
    }
    Optional<Annotation> enumerated = on.find(member.element(), "Enumerated");
    if (TypeMapping.enumElement(member.type()).isPresent()) {
      boolean string = enumerated.flatMap(e -> e.enumConstant("value")).orElse("ORDINAL").equals("STRING");
      // Hibernate 6 stores an enum by name in a varchar of the column's length, by ordinal in a
      // small integer.
      return Optional.of(string
          ? ColumnType.varchar(sizes.length() == 0 ? DEFAULT_LENGTH : sizes.length())
          : ColumnType.smallint());
    }
    if (enumerated.isPresent()) {
      reporter.report(enumerated.get(), null, Message.JPA_UNSUPPORTED, "@Enumerated", member.label(),
          member.type() + " is not an enum; remove it");
      return Optional.empty();
    }
    if (member.type().toString().equals("byte[]") && sizes.length() == 0) {
      // Hibernate maps a byte[] without @Lob to a varbinary of the column's length.
      sizes = new TypeMapping.Sizes(DEFAULT_LENGTH, sizes.precision(), sizes.scale());
    }
    return shared.columnType(entity, member, column, sizes, "");
  }

  /**
   * The sizes written on a JPA {@code @Column}, as {@link TypeMapping.Sizes} has them, with
   * Hibernate's for a {@code BigDecimal} without: a precision of {@value #DEFAULT_PRECISION} and a
   * scale of {@value #DEFAULT_SCALE}. Hibernate reads {@code scale} only with a {@code precision}, so
   * a scale alone is reported.
   */
  private TypeMapping.Sizes sizes(Member member, Annotation column) {
    if (column == null) {
      return isDecimal(member)
          ? new TypeMapping.Sizes(0, DEFAULT_PRECISION, DEFAULT_SCALE)
          : TypeMapping.Sizes.NONE;
    }
    int length = column.explicit("length") == null ? 0 : column.integer("length");
    // JPA's precision 0 is its default, "none": Hibernate reads it so.
    int precision = column.explicit("precision") == null || column.integer("precision") == 0
        ? TypeMapping.Sizes.NOT_GIVEN
        : column.integer("precision");
    int scale = column.explicit("scale") == null ? TypeMapping.Sizes.NOT_GIVEN : column.integer("scale");
    boolean time = TypeMapping.map(member.type()).filter(m -> m.sizing() == TypeMapping.Sizing.PRECISION).isPresent();
    if (time && precision != TypeMapping.Sizes.NOT_GIVEN) {
      reporter.report(column, "precision", Message.JPA_UNSUPPORTED, "@Column(precision = " + precision + ")",
          member.label(), "Hibernate ignores a precision on a time or timestamp and declares its own digits of"
              + " the second; write @Column(secondPrecision = " + precision + ") for " + precision + " digits");
      precision = TypeMapping.Sizes.NOT_GIVEN;
    }
    if (isDecimal(member)) {
      if (precision == TypeMapping.Sizes.NOT_GIVEN && scale != TypeMapping.Sizes.NOT_GIVEN) {
        reporter.report(column, "scale", Message.JPA_UNSUPPORTED, "@Column(scale = " + scale + ")", member.label(),
            "Hibernate ignores a scale without a precision and gives the column a scale of " + DEFAULT_SCALE
                + "; give the precision too");
      }
      return precision == TypeMapping.Sizes.NOT_GIVEN
          ? new TypeMapping.Sizes(length, DEFAULT_PRECISION, DEFAULT_SCALE)
          : new TypeMapping.Sizes(length, precision, Math.max(scale, 0));
    }
    return new TypeMapping.Sizes(length, precision, scale);
  }

  private static boolean isDecimal(Member member) {
    return member.type().toString().equals("java.math.BigDecimal");
  }

  /**
   * Whether the column is an identity column: {@code @GeneratedValue(strategy = IDENTITY)}. A key from
   * a sequence ({@code SEQUENCE}, {@code AUTO} or no strategy, on an integer) is a plain column, whose
   * sequence {@link #keySequence} declares; one from a table of keys is reported.
   */
  private boolean identity(Member member, Jpa on, ColumnType type) {
    Optional<Annotation> generated = on.find(member.element(), "GeneratedValue");
    if (generated.isEmpty()) {
      return false;
    }
    String strategy = generated.get().enumConstant("strategy").orElse("AUTO");
    String written = strategyText(generated.get());
    if (strategy.equals("UUID") || (type == ColumnType.Scalar.UUID && strategy.equals("AUTO"))) {
      // Hibernate makes UUIDs itself: a plain column.
      return false;
    }
    if (strategy.equals("TABLE")) {
      reporter.report(generated.get(), "strategy", Message.JPA_GENERATED_VALUE, written, member.label(),
          "from a table of keys", "Retort declares no such table: use GenerationType.SEQUENCE (or IDENTITY)");
      return false;
    }
    if (!ColumnModel.identityType(type)) {
      reporter.report(generated.get(), written.isEmpty() ? null : "strategy", Message.JPA_GENERATED_TYPE, written,
          member.label(), type.sql(), strategy.equals("IDENTITY") ? "from an identity column" : "from a sequence");
      return false;
    }
    return strategy.equals("IDENTITY");
  }

  /** {@code (strategy = GenerationType.X)} as written on a {@code @GeneratedValue}, or nothing. */
  private static String strategyText(Annotation generated) {
    return generated.explicit("strategy") == null
        ? ""
        : "(strategy = GenerationType." + generated.enumConstant("strategy").orElse("?") + ")";
  }

  /**
   * The sequence the key of a column is generated from, as Hibernate 7 resolves it, for {@code
   * SEQUENCE}, {@code AUTO} or no strategy on an integer key:
   *
   * <ul>
   *   <li>with {@code generator = "g"}: the {@code @SequenceGenerator(name = "g")} on the field, the
   *       entity class, the class declaring the field or that class's package ({@code
   *       package-info.java}), the first found in that order; else a {@code @SequenceGenerator} without
   *       a name found there; else the {@code @SequenceGenerator(name = "g")} of the package of another
   *       entity of the build, which Hibernate registers for the whole persistence unit. Hibernate 7
   *       registers the generators of entity classes so only with {@code
   *       hibernate.jpa.compliance.global_id_generators}, and otherwise takes the keys from a sequence
   *       named {@code g}: such a generator is reported, with the way out;
   *   <li>without a generator: the first {@code @SequenceGenerator} found on the field, the entity class,
   *       the class declaring the field or its package, whatever its name (Jakarta Persistence 3.2);
   *       else Hibernate's implicit sequence ({@link SequenceNaming}).
   * </ul>
   *
   * <p>A generator's sequence is its {@code sequenceName}, else its {@code name}, else the implicit
   * sequence's name, with its {@code initialValue} and {@code allocationSize}; it is in its {@code
   * schema}, else in the connection's schema, not the table's, as is the implicit sequence. Problems
   * are reported.
   *
   * @param table the table name
   */
  private Optional<EntityDraft.KeySequence> keySequence(TypeElement type, String table, ColumnDraft column, Jpa on) {
    Optional<Annotation> found = on.find(column.member(), "GeneratedValue");
    // Hibernate generates the values of an @Id only; other types than integers are reported already.
    if (found.isEmpty() || column.id().isEmpty()
        || !column.model().map(c -> ColumnModel.identityType(c.type())).orElse(false)) {
      return Optional.empty();
    }
    Annotation generated = found.get();
    String strategy = generated.enumConstant("strategy").orElse("AUTO");
    if (!strategy.equals("SEQUENCE") && !strategy.equals("AUTO")) {
      return Optional.empty();
    }
    String generator = generated.string("generator");
    Optional<Annotation> sequenceGenerator = localGenerator(column.member(), type, on, generator);
    if (sequenceGenerator.isEmpty() && !generator.isEmpty()) {
      sequenceGenerator = globalGenerator(generated, generator, column.label(), on);
      if (sequenceGenerator.isEmpty()) {
        return Optional.empty();
      }
    }
    String implicit = SqlNames.springPhysical(sequenceNaming.implicitSequence(table));
    if (sequenceGenerator.isEmpty()) {
      return Optional.of(new EntityDraft.KeySequence(implicit, "", 1, sequenceNaming.implicitIncrement(),
          "@GeneratedValue" + strategyText(generated), generated, false));
    }
    Annotation declared = sequenceGenerator.get();
    if (!declared.string("catalog").isEmpty()) {
      reporter.report(declared, "catalog", Message.JPA_UNSUPPORTED,
          "@SequenceGenerator(catalog = \"" + declared.string("catalog") + "\")", column.label(),
          "Retort declares sequences in the connection's database, or in a schema of it; remove the catalog, or use"
              + " schema");
      return Optional.empty();
    }
    String name = declared.string("name");
    String sequenceName = !declared.string("sequenceName").isEmpty()
        ? SqlNames.springPhysical(declared.string("sequenceName"))
        : name.isEmpty() ? implicit : SqlNames.springPhysical(name);
    String sequenceSchema = SqlNames.springPhysical(declared.string("schema"));
    return Optional.of(new EntityDraft.KeySequence(sequenceName, sequenceSchema,
        declared.integer("initialValue"), declared.integer("allocationSize"),
        name.isEmpty() ? "@SequenceGenerator" : "@SequenceGenerator(name = \"" + name + "\")", declared, true));
  }

  /**
   * The {@code @SequenceGenerator} Hibernate finds beside a key, as its {@code
   * GeneratorAnnotationHelper.findLocalizedMatch} looks: on the field, the entity class, the class
   * declaring the field and that class's package, in that order. With a name, the first of that name,
   * else the first without a name; without a name, the first of any name.
   */
  private Optional<Annotation> localGenerator(Element field, TypeElement entity, Jpa on, String name) {
    TypeElement declaring = (TypeElement) field.getEnclosingElement();
    Optional<Annotation> unnamed = Optional.empty();
    for (Element element : List.of(field, entity, declaring, packageOf(declaring))) {
      for (Annotation generator : sequenceGenerators(element, on)) {
        String given = generator.string("name");
        if (name.isEmpty() || given.equals(name)) {
          return Optional.of(generator);
        }
        if (given.isEmpty() && unnamed.isEmpty()) {
          unnamed = Optional.of(generator);
        }
      }
    }
    return unnamed;
  }

  /**
   * The {@code @SequenceGenerator} of that name that another class or package of the build declares,
   * where Hibernate looks when the key's own do not name it; empty after reporting that there is none,
   * or several that differ.
   */
  private Optional<Annotation> globalGenerator(Annotation generated, String name, String label, Jpa on) {
    List<Annotation> candidates = globalGenerators(on).getOrDefault(name, List.of()).stream()
        .filter(generator -> generator.element() instanceof PackageElement)
        .toList();
    Optional<Annotation> onAnEntity = globalGenerators(on).getOrDefault(name, List.of()).stream()
        .filter(generator -> !(generator.element() instanceof PackageElement))
        .findFirst();
    if (candidates.isEmpty() && onAnEntity.isPresent()) {
      reporter.report(generated, "generator", Message.JPA_GENERATED_VALUE, "(generator = \"" + name + "\")",
          label, "from generator " + name, "@SequenceGenerator(name = \"" + name + "\") is on "
              + onAnEntity.get().element() + ", another class, where Hibernate 7 does not look (unless"
              + " hibernate.jpa.compliance.global_id_generators is true), and would take the keys from a sequence "
              + SqlNames.springPhysical(name) + " that nothing declares; move the @SequenceGenerator to"
              + " package-info.java, or declare it beside this key too");
      return Optional.empty();
    }
    if (candidates.isEmpty()) {
      reporter.report(generated, "generator", Message.JPA_GENERATED_VALUE, "(generator = \"" + name + "\")",
          label, "from generator " + name, "Retort finds no @SequenceGenerator(name = \"" + name + "\") on the"
              + " field, the entity class, the class declaring the field, its package or the package of another"
              + " entity, and Hibernate would take them from a sequence " + SqlNames.springPhysical(name)
              + " that nothing declares; declare the @SequenceGenerator beside the key or in package-info.java");
      return Optional.empty();
    }
    List<List<Object>> definitions = candidates.stream().map(JpaEntityReader::definition).distinct().toList();
    if (definitions.size() > 1) {
      List<String> places = candidates.stream().map(c -> c.element().toString()).distinct().toList();
      reporter.report(generated, "generator", Message.JPA_GENERATED_VALUE, "(generator = \"" + name + "\")",
          label, "from generator " + name, "@SequenceGenerator(name = \"" + name + "\") is declared differently on "
              + String.join(" and ", places) + ", and Retort cannot tell which one Hibernate takes; give the"
              + " generators different names, or declare the one for this key beside it");
      return Optional.empty();
    }
    return Optional.of(candidates.get(0));
  }

  /** What a {@code @SequenceGenerator} declares: its sequence, schema, catalog, start and increment. */
  private static List<Object> definition(Annotation generator) {
    return List.of(generator.string("sequenceName"), generator.string("schema"), generator.string("catalog"),
        generator.integer("initialValue"), generator.integer("allocationSize"));
  }

  /**
   * The named {@code @SequenceGenerator}s of the build by name, in the order met: those of each entity
   * class, of its mapped superclasses and of their packages. Hibernate registers those of the packages
   * for the whole persistence unit; those of the classes are kept to say where a generator is that
   * Hibernate does not find.
   */
  private Map<String, List<Annotation>> globalGenerators(Jpa on) {
    if (globalGenerators == null) {
      globalGenerators = new LinkedHashMap<>();
      List<Element> declaring = new ArrayList<>();
      for (Element entity : entities) {
        if (entity instanceof TypeElement type && on.find(type, "Entity").isPresent()) {
          for (TypeElement mapped : EntityReader.hierarchy(type)) {
            if (mapped.equals(type) || on.find(mapped, "MappedSuperclass").isPresent()) {
              declaring.add(mapped);
              declaring.add(packageOf(mapped));
            }
          }
        }
      }
      declaring.stream().distinct().forEach(element -> sequenceGenerators(element, on).stream()
          .filter(generator -> !generator.string("name").isEmpty())
          .forEach(generator -> globalGenerators
              .computeIfAbsent(generator.string("name"), n -> new ArrayList<>()).add(generator)));
    }
    return globalGenerators;
  }

  /** The {@code @SequenceGenerator}s on an element, alone, repeated or within {@code @SequenceGenerators}. */
  private List<Annotation> sequenceGenerators(Element element, Jpa on) {
    List<Annotation> declared = new ArrayList<>(on.findAll(element, "SequenceGenerator"));
    on.find(element, "SequenceGenerators").ifPresent(all -> declared.addAll(annotations.nested(all, "value")));
    return declared;
  }

  /** The package of a class, nested or not. */
  private static PackageElement packageOf(Element element) {
    Element enclosing = element;
    while (!(enclosing instanceof PackageElement)) {
      enclosing = enclosing.getEnclosingElement();
    }
    return (PackageElement) enclosing;
  }

  /**
   * The columns of a JPA {@code @Index(columnList = "a, b ASC")}: each item a column name, optionally
   * followed by {@code ASC}. {@code DESC} is reported: Retort's indexes are ascending.
   */
  private Optional<ColumnLists.Listed> indexColumns(Annotation index, String label) {
    String list = index.string("columnList");
    List<String> names = new ArrayList<>();
    for (String item : list.split(",", -1)) {
      String[] words = item.strip().split("\\s+");
      if (words.length == 1 && words[0].isEmpty() && list.isBlank()) {
        break;
      }
      boolean ascending = words.length == 1 || (words.length == 2 && words[1].equalsIgnoreCase("ASC"));
      if (words[0].isEmpty() || !ascending) {
        String problem = words.length == 2 && words[1].equalsIgnoreCase("DESC")
            ? "Retort's indexes are ascending, and " + words[0] + " DESC would make the database's index differ"
                + " from the model; remove DESC"
            : "\"" + item.strip() + "\" is not a column name optionally followed by ASC; list the columns as"
                + " \"a, b\"";
        reporter.report(index, "columnList", Message.JPA_INDEX_COLUMN_LIST, list, label, problem);
        return Optional.empty();
      }
      names.add(SqlNames.springPhysical(words[0]));
    }
    return Optional.of(new ColumnLists.Listed(index, "columnList", names, "\"" + list + "\""));
  }

  private static Map<String, String> unsupportedOnClass() {
    Map<String, String> fixes = new LinkedHashMap<>();
    fixes.put("Inheritance", "entity inheritance maps several classes to one or more tables, which Retort does not"
        + " read; share columns through a @MappedSuperclass instead");
    fixes.put("SecondaryTable", "split the entity into one entity per table");
    fixes.put("SecondaryTables", "split the entity into one entity per table");
    fixes.put("IdClass", "give the entity a single @Id column, and declare the natural key with"
        + " @Table(uniqueConstraints = ...)");
    return fixes;
  }

  private static Map<String, String> unsupportedOnMember() {
    Map<String, String> fixes = new LinkedHashMap<>();
    fixes.put("EmbeddedId", "give the entity a single @Id column, and declare the natural key with"
        + " @Table(uniqueConstraints = ...)");
    fixes.put("Convert", "Retort cannot tell which column type an AttributeConverter gives; store a type Retort"
        + " maps (convert in the getter and setter), or exclude the field with @Transient");
    fixes.put("ManyToMany", "within an embeddable; map the association on the entity");
    fixes.put("AssociationOverride", "map the association on the entity rather than in the embeddable");
    fixes.put("AssociationOverrides", "map the association on the entity rather than in the embeddable");
    fixes.put("ElementCollection", "Hibernate keeps the collection in a table of its own, which no entity declares;"
        + " declare that table as an entity with a @ManyToOne to this one");
    fixes.put("MapsId", "give the entity an @Id of its own, and a @ManyToOne to the other entity");
    return fixes;
  }

  /** Finds the JPA annotations of one package, {@code jakarta.persistence.} or {@code javax.persistence.}. */
  private final class Jpa {

    private final String prefix;

    Jpa(String prefix) {
      this.prefix = prefix;
    }

    String name(String simpleName) {
      return prefix + simpleName;
    }

    Optional<Annotation> find(Element element, String simpleName) {
      return annotations.find(element, prefix + simpleName);
    }

    List<Annotation> findAll(Element element, String simpleName) {
      return annotations.findRepeated(element, prefix + simpleName);
    }
  }
}
