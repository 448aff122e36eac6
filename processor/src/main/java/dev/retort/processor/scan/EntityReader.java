package dev.retort.processor.scan;

import dev.retort.internal.limits.DecimalScales;
import dev.retort.internal.limits.InnoDbSizes;
import dev.retort.model.CheckModel;
import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.model.IndexModel;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.UniqueModel;
import dev.retort.processor.Kapt;
import dev.retort.processor.diagnostics.Message;
import dev.retort.processor.scan.EntityDraft.ColumnDraft;
import dev.retort.processor.scan.EntityDraft.Origin;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.AnnotatedConstruct;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Reads one {@code @Table} entity into an {@link EntityDraft}, reporting every problem that can be
 * seen within the entity.
 *
 * <p>Columns come from record components, or from the instance fields of a class and its
 * superclasses (base-class fields first) that are neither {@code transient} nor {@code @Transient},
 * nor the delegate of a Kotlin property declared with {@code by}. Nullability:
 * {@code @Column(nullable = ...)} wins; otherwise {@code @Id} members are NOT NULL, {@code Optional}
 * types nullable, members annotated with any annotation whose simple name is {@code NotNull} or
 * {@code NonNull} (on the member or its type, or on a Kotlin property's getter) NOT NULL,
 * primitives NOT NULL and everything else nullable.
 */
final class EntityReader {

  private static final Set<String> NOT_NULL_ANNOTATIONS = Set.of("NotNull", "NonNull");

  /** The longest column comment MariaDB and MySQL take, in characters. */
  static final int MAX_COLUMN_COMMENT = 1024;

  /** The longest table comment MariaDB and MySQL take, in characters. */
  static final int MAX_TABLE_COMMENT = 2048;

  private final Types types;
  private final Annotations annotations;
  private final Reporter reporter;
  private final Checks checks;
  private final ColumnLists columnLists;
  private final UniqueConstraints uniqueConstraints;
  /** The attribute of the column annotation that gives a column type, for messages. */
  private final String typeAttribute;

  EntityReader(Types types, Annotations annotations, Reporter reporter) {
    this(types, annotations, reporter, "type");
  }

  /**
   * A reader whose messages name the attribute that gives a column type as {@code typeAttribute}:
   * {@code type} on Retort's {@code @Column}, {@code columnDefinition} on JPA's.
   */
  EntityReader(Types types, Annotations annotations, Reporter reporter, String typeAttribute) {
    this.typeAttribute = typeAttribute;
    this.types = types;
    this.annotations = annotations;
    this.reporter = reporter;
    this.checks = new Checks(reporter);
    this.columnLists = new ColumnLists(reporter);
    this.uniqueConstraints = new UniqueConstraints(annotations, reporter, checks, columnLists);
  }

  /**
   * A field or record component that may map to a column.
   *
   * @param element the element to read annotations from and report on
   * @param name the Java name
   * @param type the Java type as seen from the entity
   * @param label the member as messages name it
   * @param annotated what can carry an annotation saying NotNull: the member, its type, and for a
   *     record component also the component and its accessor
   * @param exclusion why the member maps to no column, or null if it maps to one
   */
  record Member(
      Element element,
      String name,
      TypeMirror type,
      String label,
      List<AnnotatedConstruct> annotated,
      Exclusion exclusion) {}

  /** Why a field maps to no column, and how to make it map to one. */
  enum Exclusion {
    STATIC("static", "make it an instance field"),
    TRANSIENT("transient", "remove the transient modifier"),
    ANNOTATED("@Transient", "remove @Transient"),
    /** A Kotlin property declared with {@code by}, whose field holds the delegate, not the value. */
    DELEGATE("a Kotlin property delegate", "declare the property without a delegate (by)");

    private final String description;
    private final String fix;

    Exclusion(String description, String fix) {
      this.description = description;
      this.fix = fix;
    }
  }

  /**
   * Reads an entity.
   *
   * @param element an element annotated {@code @Table}
   * @return the draft, or empty if the element is not a class or record (reported)
   */
  Optional<EntityDraft> read(Element element) {
    Annotation table =
        annotations.find(element, Annotation.TABLE)
            .orElseThrow(() -> new IllegalArgumentException(element + " is not annotated @Table"));
    if (element.getKind() != ElementKind.CLASS && element.getKind() != ElementKind.RECORD) {
      reporter.report(
          table,
          null,
          Message.TABLE_NOT_A_CLASS,
          kindName(element.getKind()),
          element.getSimpleName());
      return Optional.empty();
    }
    TypeElement type = (TypeElement) element;
    String label = type.getSimpleName().toString();
    String name = tableName(type, table);
    String schema = table.string("schema");
    if (!schema.isEmpty() && checks.name(table, "schema", schema, label)) {
      checks.length("schema name", schema, type, table, "schema", "choose a shorter schema name");
    }

    // Javac builds a new list of enclosed elements on every call: read each class's once.
    Map<TypeElement, List<? extends Element>> hierarchy = new LinkedHashMap<>();
    hierarchy(type).forEach(t -> hierarchy.put(t, t.getEnclosedElements()));
    checkMethods(type, hierarchy);
    checkInterfaces(type, hierarchy.keySet());
    List<ColumnDraft> columns = columns(type, hierarchy, name);
    if (columns.isEmpty()) {
      reporter.report(type, Message.NO_COLUMNS, label, name);
    }
    checkColumnRenames(columns);
    Optional<Annotation> renamedFrom =
        annotations.find(type, Annotation.RENAMED_FROM)
            .filter(rename -> checkRenamedFrom(rename, name, "table", label));

    List<Origin> constraints = new ArrayList<>();
    Optional<PrimaryKeyModel> primaryKey = primaryKey(type, table, name, columns, constraints);
    List<UniqueModel> uniques = uniqueConstraints.read(type, name, columns, primaryKey, constraints);
    List<IndexModel> indexes = indexes(type, name, columns, constraints);
    List<CheckModel> checkModels = checks(type, constraints);
    return Optional.of(
        new EntityDraft(
            type,
            table,
            name,
            schema,
            nonEmpty(table.string("comment"))
                .filter(comment -> checks.comment(table, comment, label, "table", MAX_TABLE_COMMENT)),
            columns,
            primaryKey,
            uniques,
            indexes,
            checkModels,
            renamedFrom,
            constraints,
            List.of()));
  }

  private String tableName(TypeElement type, Annotation table) {
    String explicit = table.string("name");
    String label = type.getSimpleName().toString();
    if (!explicit.isEmpty()) {
      if (checks.name(table, "name", explicit, label)) {
        checks.length(
            "table name", explicit, type, table, "name", "choose a shorter @Table(name = \"...\")");
      }
      return explicit;
    }
    String derived = SqlNames.snakeCase(label);
    checks.length(
        "table name",
        derived,
        type,
        table,
        null,
        "name the table with a shorter @Table(name = \"...\")");
    return derived;
  }

  /** The entity and its superclasses up to (not including) {@code Object}, base first. */
  static List<TypeElement> hierarchy(TypeElement type) {
    Deque<TypeElement> chain = new ArrayDeque<>();
    TypeElement current = type;
    while (true) {
      chain.addFirst(current);
      TypeMirror superclass = current.getSuperclass();
      if (superclass.getKind() != TypeKind.DECLARED) {
        break;
      }
      TypeElement next = (TypeElement) ((DeclaredType) superclass).asElement();
      if (next.getQualifiedName().contentEquals("java.lang.Object")
          || next.getQualifiedName().contentEquals("java.lang.Record")) {
        break;
      }
      current = next;
    }
    return List.copyOf(chain);
  }

  /**
   * The members that may map to columns.
   *
   * @param hierarchy the entity and its superclasses, base first, with the elements each encloses
   */
  private List<Member> members(TypeElement type, Map<TypeElement, List<? extends Element>> hierarchy) {
    List<Member> members = new ArrayList<>();
    if (type.getKind() == ElementKind.RECORD) {
      List<? extends Element> enclosed = hierarchy.get(type);
      Map<String, VariableElement> fields = new HashMap<>();
      for (VariableElement field : ElementFilter.fieldsIn(enclosed)) {
        if (field.getModifiers().contains(Modifier.STATIC)) {
          members.add(member(type, field, field.asType()));
        } else {
          fields.put(field.getSimpleName().toString(), field);
        }
      }
      for (RecordComponentElement component : ElementFilter.recordComponentsIn(enclosed)) {
        members.add(
            recordMember(type, component, fields.get(component.getSimpleName().toString())));
      }
      return members;
    }
    DeclaredType entity = (DeclaredType) type.asType();
    hierarchy.forEach((declaring, enclosed) -> {
      for (VariableElement field : ElementFilter.fieldsIn(enclosed)) {
        members.add(member(declaring, field, memberType(entity, field)));
      }
    });
    return members;
  }

  /** The field's type as seen from the entity, so that a base class's type variables resolve. */
  TypeMirror memberType(DeclaredType entity, VariableElement field) {
    try {
      return types.asMemberOf(entity, field);
    } catch (IllegalArgumentException e) {
      return field.asType();
    }
  }

  /**
   * A field of a {@code @Table} class. Of a Kotlin class, the field of a property declared with
   * {@code by} maps to no column. (A JPA entity's maps to one, as Hibernate maps it.)
   */
  private Member member(TypeElement declaring, VariableElement field, TypeMirror type) {
    Member member = member(declaring, field, type, declaring.getSimpleName() + "." + field.getSimpleName(),
        Annotation.TRANSIENT);
    if (member.exclusion() == null && Kapt.isPropertyDelegate(declaring, field)) {
      return new Member(member.element(), member.name(), member.type(), member.label(), member.annotated(),
          Exclusion.DELEGATE);
    }
    return member;
  }

  /**
   * A field. Of a Kotlin class, the getter of the property it backs can say NotNull too.
   *
   * @param label the member as messages name it
   * @param transientAnnotation the qualified name of the annotation that excludes a field
   */
  Member member(
      TypeElement declaring, VariableElement field, TypeMirror type, String label, String transientAnnotation) {
    List<AnnotatedConstruct> annotated = new ArrayList<>(List.of(field, field.asType()));
    Kapt.getter(declaring, field).ifPresent(annotated::add);
    Exclusion exclusion = null;
    if (field.getModifiers().contains(Modifier.STATIC)) {
      exclusion = Exclusion.STATIC;
    } else if (field.getModifiers().contains(Modifier.TRANSIENT)) {
      exclusion = Exclusion.TRANSIENT;
    } else if (annotations.find(field, transientAnnotation).isPresent()) {
      exclusion = Exclusion.ANNOTATED;
    }
    return new Member(field, field.getSimpleName().toString(), type, label, List.copyOf(annotated), exclusion);
  }

  /**
   * A record component. Javac cannot point a message at a record component, but it can at the
   * component's private field, which carries the same Retort annotations (they all target fields);
   * the component and its accessor are consulted for NotNull annotations that do not.
   */
  private Member recordMember(
      TypeElement record, RecordComponentElement component, VariableElement field) {
    Element element = field == null ? component : field;
    List<AnnotatedConstruct> annotated = new ArrayList<>(List.of(element, component, component.asType()));
    if (component.getAccessor() != null) {
      annotated.add(component.getAccessor());
    }
    String name = component.getSimpleName().toString();
    Exclusion exclusion =
        annotations.find(element, Annotation.TRANSIENT).isPresent() ? Exclusion.ANNOTATED : null;
    return new Member(
        element,
        name,
        component.asType(),
        record.getSimpleName() + "." + name,
        annotated,
        exclusion);
  }

  private List<ColumnDraft> columns(
      TypeElement type, Map<TypeElement, List<? extends Element>> hierarchy, String table) {
    List<ColumnDraft> columns = new ArrayList<>();
    Map<String, ColumnDraft> byName = new HashMap<>();
    for (Member member : members(type, hierarchy)) {
      if (member.exclusion() != null) {
        checkExcluded(member);
        continue;
      }
      addColumn(columns, byName, column(type, member), table);
    }
    return columns;
  }

  /**
   * Adds a column to the table's columns, unless it has the name of one already there, even but for
   * case: that is reported.
   *
   * @param byName the columns so far by {@link SqlNames#folded} name
   */
  void addColumn(List<ColumnDraft> columns, Map<String, ColumnDraft> byName, ColumnDraft column, String table) {
    ColumnDraft first = byName.putIfAbsent(SqlNames.folded(column.name()), column);
    if (first == null) {
      columns.add(column);
    } else {
      reporter.report(
          column.member(),
          column.column().filter(c -> !c.string("name").isEmpty()).orElse(null),
          "name",
          Message.DUPLICATE_COLUMN,
          first.label(),
          SqlNames.writtenAs(column.name(), first.name()),
          column.label(),
          column.name(),
          table,
          first.name().equals(column.name())
              ? ""
              : "SQLite, MariaDB and MySQL do not tell column names apart by case: ");
    }
  }

  private void checkExcluded(Member member) {
    for (String type : Annotation.MEMBER_ANNOTATIONS) {
      annotations.find(member.element(), type)
          .ifPresent(
              annotation ->
                  reporter.report(
                      annotation,
                      null,
                      Message.EXCLUDED_MEMBER_ANNOTATED,
                      member.label(),
                      member.exclusion().description,
                      annotation.simpleName(),
                      annotation.simpleName(),
                      member.exclusion().fix));
    }
  }

  private ColumnDraft column(TypeElement entity, Member member) {
    Optional<Annotation> column = annotations.find(member.element(), Annotation.COLUMN);
    Optional<Annotation> id = annotations.find(member.element(), Annotation.ID);
    String explicitName = column.map(c -> c.string("name")).orElse("");
    boolean usableName =
        explicitName.isEmpty() || checks.name(column.get(), "name", explicitName, member.label());
    String name = explicitName.isEmpty() ? SqlNames.snakeCase(member.name()) : explicitName;
    if (usableName) {
      checks.length(
          "column name",
          name,
          member.element(),
          explicitName.isEmpty() ? null : column.get(),
          "name",
          explicitName.isEmpty()
              ? "name the column with a shorter @Column(name = \"...\")"
              : "choose a shorter @Column(name = \"...\")");
    }
    Optional<ColumnType> type = columnType(entity, member, column.orElse(null));
    boolean nullable = nullable(member, column.orElse(null), id.isPresent());
    Optional<DefaultValue> defaultValue = column.flatMap(c -> defaultValue(member, c, type));
    boolean identity = identity(member, id.orElse(null), column.orElse(null), type, defaultValue);
    Optional<String> comment = column.flatMap(c -> nonEmpty(c.string("comment"))
        .filter(text -> checks.comment(c, text, member.label(), "column", MAX_COLUMN_COMMENT)));
    Optional<ColumnModel> model =
        type.filter(t -> usableName)
            .flatMap(
                t ->
                    checks.build(
                        member.element(),
                        member.label(),
                        () -> new ColumnModel(name, t, nullable, defaultValue, identity, comment)));
    return new ColumnDraft(
        member.element(),
        member.label(),
        name,
        model,
        id,
        column,
        annotations.find(member.element(), Annotation.REFERENCES).map(ForeignKeys.Reference::of),
        annotations.find(member.element(), Annotation.RENAMED_FROM)
            .filter(rename -> checkRenamedFrom(rename, name, "column", member.label())));
  }

  /**
   * The column type of a member.
   *
   * @param entity the entity being read, whose type arguments may give an inherited member its type
   */
  private Optional<ColumnType> columnType(TypeElement entity, Member member, Annotation column) {
    TypeMapping.Sizes sizes =
        column == null
            ? TypeMapping.Sizes.NONE
            : new TypeMapping.Sizes(
                column.integer("length"),
                // precision = 0 is given: whole seconds of a time or timestamp.
                column.explicit("precision") == null ? TypeMapping.Sizes.NOT_GIVEN : column.integer("precision"),
                column.integer("scale"));
    return columnType(entity, member, column, sizes, column == null ? "" : column.string("type"));
  }

  /**
   * The column type of a member, from the type written on its column annotation or else from its
   * Java type and the sizes given.
   *
   * @param entity the entity being read, whose type arguments may give an inherited member its type
   * @param column the annotation giving the sizes and the type, whose {@code type} attribute messages
   *     point at (JPA's {@code @Column} calls it {@code columnDefinition}); null if there is none
   * @param sizes the sizes written, as {@link TypeMapping.Sizes} has them when none is
   * @param explicit the column type written, or empty
   */
  Optional<ColumnType> columnType(
      TypeElement entity, Member member, Annotation column, TypeMapping.Sizes sizes, String explicit) {
    Map<String, Integer> givenSizes = givenSizes(sizes);
    if (!explicit.isEmpty()) {
      givenSizes
          .keySet()
          .forEach(
              size ->
                  reporter.report(
                      column, size, Message.SIZE_WITH_TYPE, member.label(), size, size));
      if (!givenSizes.isEmpty()) {
        return Optional.empty();
      }
      ColumnType type;
      try {
        type = ColumnType.parse(explicit);
      } catch (IllegalArgumentException e) {
        reporter.report(column, typeAttribute, Message.INVALID_TYPE, member.label(), e.getMessage());
        return Optional.empty();
      }
      if (type instanceof ColumnType.Enumerated enumerated) {
        checks.length(
            "enum type name",
            enumerated.name(),
            member.element(),
            column,
            typeAttribute,
            "choose a shorter enum type name in @Column(" + typeAttribute + " = \"...\")");
        checkEnumValues(member, column, enumerated);
      }
      Optional<String> tooLong = longerThanMariaDbHolds(type);
      if (tooLong.isPresent()) {
        reporter.report(column, typeAttribute, Message.INVALID_TYPE, member.label(),
            type.sql() + " is longer than MariaDB and MySQL hold: " + tooLong.get() + ", and they refuse a longer"
                + " one; give a length of at most " + maxLength(type) + ", or for longer "
                + (type instanceof ColumnType.Varchar ? "text" : "data") + " the unbounded type \""
                + (type instanceof ColumnType.Varchar ? "text" : "blob") + "\"");
        return Optional.empty();
      }
      if (scaleBeyondMySql(type)) {
        reporter.report(column, typeAttribute, Message.INVALID_TYPE, member.label(),
            type.sql() + " has more digits after the point than MySQL keeps: at most " + DecimalScales.MYSQL
                + " (MariaDB " + DecimalScales.MARIADB + "), and it refuses more; give a scale of at most "
                + DecimalScales.MYSQL);
        return Optional.empty();
      }
      return Optional.of(type);
    }
    Optional<TypeMapping.Mapped> mapped = TypeMapping.map(member.type());
    TypeMirror declared = member.element().asType();
    if (mapped.isEmpty() && !types.isSameType(declared, member.type())) {
      // The entity's type arguments (or its raw superclass) gave the inherited member its type.
      Name base = member.element().getEnclosingElement().getSimpleName();
      reporter.report(
          entity,
          Message.UNSUPPORTED_TYPE_ARGUMENT,
          member.label(),
          declared,
          member.type(),
          entity.getSimpleName(),
          base,
          entity.getSimpleName(),
          TypeMapping.supportedTypes());
      return Optional.empty();
    }
    if (mapped.isEmpty()) {
      reporter.report(
          member.element(),
          Message.UNSUPPORTED_TYPE,
          member.label(),
          member.type(),
          unmappedTypeAdvice(member.type()),
          TypeMapping.supportedTypes());
      return Optional.empty();
    }
    Optional<TypeElement> enumElement = TypeMapping.enumElement(member.type());
    if (enumElement.isPresent()
        && ElementFilter.fieldsIn(enumElement.get().getEnclosedElements()).stream()
            .noneMatch(f -> f.getKind() == ElementKind.ENUM_CONSTANT)) {
      reporter.report(
          member.element(), Message.ENUM_EMPTY, member.label(), enumElement.get().getSimpleName());
      return Optional.empty();
    }
    boolean applicable = true;
    for (Map.Entry<String, Integer> size : givenSizes.entrySet()) {
      TypeMapping.Sizing sizing = mapped.get().sizing();
      boolean accepted = switch (size.getKey()) {
        case "length" -> sizing == TypeMapping.Sizing.LENGTH;
        case "precision" -> sizing == TypeMapping.Sizing.PRECISION_SCALE || sizing == TypeMapping.Sizing.PRECISION;
        default -> sizing == TypeMapping.Sizing.PRECISION_SCALE;
      };
      if (!accepted) {
        applicable = false;
        reporter.report(
            column,
            size.getKey(),
            Message.SIZE_NOT_APPLICABLE,
            size.getKey(),
            size.getValue(),
            member.label(),
            member.type());
      }
    }
    if (!applicable) {
      return Optional.empty();
    }
    ColumnType type;
    try {
      type = mapped.get().columnType().apply(sizes);
    } catch (IllegalArgumentException e) {
      // Only sizes can make a mapped type invalid (an enum without constants was reported above).
      Map.Entry<String, Integer> size = givenSizes.entrySet().iterator().next();
      boolean time = mapped.get().sizing() == TypeMapping.Sizing.PRECISION;
      reporter.report(
          column,
          size.getKey(),
          Message.INVALID_SIZE,
          size.getKey(),
          size.getValue(),
          member.label(),
          e.getMessage() + (time ? "; give the digits of the second to keep, from 0 (whole seconds) to 6"
              + " (microseconds, the precision without one)" : ""));
      return Optional.empty();
    }
    if (type instanceof ColumnType.Enumerated enumerated) {
      checks.length(
          "enum type name",
          enumerated.name(),
          member.element(),
          null,
          null,
          "rename the Java enum, or give the column type with @Column(" + typeAttribute + " = \"enum"
              + " shorter_name('A','B')\")");
      checkEnumValues(member, null, enumerated);
    }
    Optional<String> tooLong = longerThanMariaDbHolds(type);
    if (tooLong.isPresent()) {
      reporter.report(
          column,
          "length",
          Message.INVALID_SIZE,
          "length",
          sizes.length(),
          member.label(),
          "MariaDB and MySQL hold " + tooLong.get() + " and refuse a longer one; give a length of at most "
              + maxLength(type) + ", or for longer " + (type instanceof ColumnType.Varchar ? "text" : "data")
              + " the unbounded type with @Column(" + typeAttribute + " = \""
              + (type instanceof ColumnType.Varchar ? "text" : "blob") + "\")");
      return Optional.empty();
    }
    if (scaleBeyondMySql(type)) {
      reporter.report(
          column,
          "scale",
          Message.INVALID_SIZE,
          "scale",
          sizes.scale(),
          member.label(),
          "MySQL keeps at most " + DecimalScales.MYSQL + " digits after the point (MariaDB " + DecimalScales.MARIADB
              + ") and refuses more; give a scale of at most " + DecimalScales.MYSQL);
      return Optional.empty();
    }
    return Optional.of(type);
  }

  /**
   * Whether the type is a decimal with more digits after the point than MySQL keeps, which it
   * refuses (as MariaDB refuses more than {@value DecimalScales#MARIADB}, error 1425).
   */
  private static boolean scaleBeyondMySql(ColumnType type) {
    return type instanceof ColumnType.Decimal decimal && decimal.scale() > DecimalScales.MYSQL;
  }

  /**
   * What MariaDB and MySQL hold at most, if the type is a varchar or varbinary longer than that:
   * every supported database takes the same entities, and they refuse a longer one (error 1074;
   * outside strict mode they make it a text or blob instead, which the model would not match).
   * A varchar counts characters of up to 4 bytes (utf8mb4), and a row holds 65535 bytes.
   */
  private static Optional<String> longerThanMariaDbHolds(ColumnType type) {
    if (type instanceof ColumnType.Varchar varchar && varchar.length() > InnoDbSizes.MAX_VARCHAR_CHARS) {
      return Optional.of("at most " + InnoDbSizes.MAX_VARCHAR_CHARS + " characters in a varchar (of utf8mb4 text)");
    }
    if (type instanceof ColumnType.Varbinary varbinary && varbinary.length() > InnoDbSizes.MAX_VARBINARY_BYTES) {
      return Optional.of("at most " + InnoDbSizes.MAX_VARBINARY_BYTES + " bytes in a varbinary");
    }
    return Optional.empty();
  }

  private static int maxLength(ColumnType type) {
    return type instanceof ColumnType.Varchar ? InnoDbSizes.MAX_VARCHAR_CHARS : InnoDbSizes.MAX_VARBINARY_BYTES;
  }

  /**
   * Reports enum values that a database refuses or changes: longer than PostgreSQL keeps, equal but
   * for case (MariaDB and MySQL refuse the type), or ending with a space (which they remove).
   *
   * @param column the {@code @Column} whose type lists the values, or null for a Java enum's constants
   */
  private void checkEnumValues(Member member, Annotation column, ColumnType.Enumerated type) {
    String fix =
        column == null
            ? "the Java enum constant, or give the column type with @Column(" + typeAttribute + " = \"...\")"
            : "the value in @Column(" + typeAttribute + " = \"...\")";
    Map<String, String> byFolded = new HashMap<>();
    for (String value : type.values()) {
      int bytes = SqlNames.identifierBytes(value);
      if (bytes > SqlNames.MAX_IDENTIFIER_BYTES) {
        reportEnumValue(member, column, type, "the enum value '" + value + "'",
            "is " + bytes + " bytes long, and PostgreSQL keeps enum values of at most "
                + SqlNames.MAX_IDENTIFIER_BYTES + " bytes: shorten " + fix);
      }
      if (value.endsWith(" ")) {
        reportEnumValue(member, column, type, "the enum value '" + value + "'",
            "ends with a space, which MariaDB and MySQL remove: remove it from @Column(" + typeAttribute
                + " = \"...\")");
      }
      String first = byFolded.putIfAbsent(SqlNames.folded(value), value);
      if (first != null) {
        reportEnumValue(member, column, type, "the enum values '" + first + "' and '" + value + "'",
            "differ only in case, which MariaDB and MySQL do not tell apart: rename one of "
                + (column == null
                    ? "the Java enum constants, or give the column type with @Column(" + typeAttribute + " = \"...\")"
                    : "the values in @Column(" + typeAttribute + " = \"...\")"));
      }
    }
  }

  private void reportEnumValue(
      Member member, Annotation column, ColumnType.Enumerated type, String values, String problem) {
    reporter.report(
        member.element(),
        column,
        typeAttribute,
        Message.ENUM_VALUE_INVALID,
        values,
        member.label(),
        type.name(),
        problem);
  }

  /** The sizes written on {@code @Column}, by attribute name, in attribute order. */
  private static Map<String, Integer> givenSizes(TypeMapping.Sizes sizes) {
    Map<String, Integer> given = new LinkedHashMap<>();
    if (sizes.length() != 0) {
      given.put("length", sizes.length());
    }
    if (sizes.precision() != TypeMapping.Sizes.NOT_GIVEN) {
      given.put("precision", sizes.precision());
    }
    if (sizes.scale() != TypeMapping.Sizes.NOT_GIVEN) {
      given.put("scale", sizes.scale());
    }
    return given;
  }

  /**
   * Whether the member or its type carries an annotation whose simple name is {@code NotNull} or
   * {@code NonNull}, of any package.
   */
  static boolean annotatedNotNull(Member member) {
    boolean notNull = false;
    for (AnnotatedConstruct construct : member.annotated()) {
      for (AnnotationMirror mirror : construct.getAnnotationMirrors()) {
        notNull |= NOT_NULL_ANNOTATIONS.contains(
            mirror.getAnnotationType().asElement().getSimpleName().toString());
      }
    }
    return notNull;
  }

  private boolean nullable(Member member, Annotation column, boolean id) {
    String explicit =
        column == null ? "DERIVED" : column.enumConstant("nullable").orElse("DERIVED");
    if (explicit.equals("NULLABLE")) {
      if (id) {
        reporter.report(column, "nullable", Message.ID_NULLABLE, member.label());
        return false;
      }
      return true;
    }
    if (explicit.equals("NOT_NULL") || id) {
      return false;
    }
    if (TypeMapping.isOptional(member.type())) {
      return true;
    }
    if (member.type().getKind().isPrimitive()) {
      return false;
    }
    return !annotatedNotNull(member);
  }

  private Optional<DefaultValue> defaultValue(
      Member member, Annotation column, Optional<ColumnType> type) {
    String value = column.string("defaultValue");
    String expression = column.string("defaultExpression");
    if (!value.isEmpty() && !expression.isEmpty()) {
      reporter.report(column, "defaultExpression", Message.DEFAULT_CONFLICT, member.label());
      return Optional.empty();
    }
    if (!value.isEmpty()) {
      Optional<String> problem = type.flatMap(t -> DefaultLiterals.problem(t, value));
      if (problem.isPresent()) {
        reporter.report(
            column,
            "defaultValue",
            Message.DEFAULT_VALUE_INVALID,
            value,
            member.label(),
            type.get().sql(),
            problem.get());
      }
      return Optional.of(DefaultValue.literal(value));
    }
    if (!expression.isEmpty()) {
      return checks.build(
          member.element(), member.label(), () -> DefaultValue.expression(expression));
    }
    return Optional.empty();
  }

  /** Whether the column is an identity column; false after reporting why it cannot be one. */
  private boolean identity(
      Member member,
      Annotation id,
      Annotation column,
      Optional<ColumnType> type,
      Optional<DefaultValue> defaultValue) {
    if (id == null || !id.bool("generated")) {
      return false;
    }
    if (type.isPresent() && !ColumnModel.identityType(type.get())) {
      reporter.report(id, "generated", Message.GENERATED_ID_TYPE, member.label(), type.get().sql());
      return false;
    }
    if (defaultValue.isPresent()) {
      String attribute =
          column.string("defaultValue").isEmpty() ? "defaultExpression" : "defaultValue";
      reporter.report(column, attribute, Message.GENERATED_ID_DEFAULT, member.label());
      return false;
    }
    return true;
  }

  Optional<PrimaryKeyModel> primaryKey(
      TypeElement type,
      Annotation table,
      String tableName,
      List<ColumnDraft> columns,
      List<Origin> constraints) {
    List<ColumnDraft> ids = columns.stream().filter(c -> c.id().isPresent()).toList();
    String explicit = table.string("primaryKey");
    if (ids.isEmpty()) {
      if (!explicit.isEmpty()) {
        reporter.report(
            table,
            "primaryKey",
            Message.PRIMARY_KEY_NAME_WITHOUT_ID,
            explicit,
            type.getSimpleName(),
            tableName);
      }
      return Optional.empty();
    }
    List<String> names = ids.stream().map(ColumnDraft::name).toList();
    if (ids.size() > 1) {
      for (ColumnDraft id : ids) {
        if (id.id().get().bool("generated")) {
          reporter.report(
              id.id().get(),
              "generated",
              Message.GENERATED_ID_COMPOSITE,
              id.label(),
              tableName,
              names);
        }
      }
    }
    // An unusable given name is reported, and the derived name stands in for it so that the
    // entities that reference this one report nothing more.
    boolean given = !explicit.isEmpty();
    boolean usable = given && checks.name(table, "primaryKey", explicit, type.getSimpleName().toString());
    String name = usable ? explicit : SqlNames.primaryKey(tableName);
    if (!given) {
      checks.length(
          "primary key name",
          name,
          type,
          table,
          "name",
          "shorten the table name, from which the primary key name pk_<table> is derived, or name"
              + " the key with @Table(primaryKey = \"...\")");
    } else if (usable) {
      checks.length(
          "primary key name",
          name,
          type,
          table,
          "primaryKey",
          "choose a shorter @Table(primaryKey = \"...\")");
    }
    constraints.add(
        new Origin(name, "the primary key", type, table, given ? "primaryKey" : null, true));
    return checks.build(
        type, type.getSimpleName().toString(), () -> new PrimaryKeyModel(name, names));
  }

  private List<IndexModel> indexes(
      TypeElement type, String tableName, List<ColumnDraft> columns, List<Origin> constraints) {
    List<ColumnLists.Listed> declared = annotations.findRepeated(type, Annotation.INDEX).stream()
        .map(ColumnLists.Listed::of)
        .toList();
    return indexes(type, tableName, columns, constraints, declared);
  }

  /**
   * The indexes of an entity.
   *
   * @param declared the columns of each index, whose annotation gives its {@code name} and whether
   *     it is {@code unique}
   */
  List<IndexModel> indexes(
      TypeElement type,
      String tableName,
      List<ColumnDraft> columns,
      List<Origin> constraints,
      List<ColumnLists.Listed> declared) {
    List<IndexModel> indexes = new ArrayList<>();
    String label = type.getSimpleName().toString();
    for (ColumnLists.Listed listed : declared) {
      Annotation index = listed.annotation();
      List<String> names = listed.names();
      boolean unique = index.bool("unique");
      String explicit = index.string("name");
      if (!columnLists.valid(listed, label, tableName, columns)) {
        continue;
      }
      String name;
      if (explicit.isEmpty()) {
        name = SqlNames.index(tableName, names, unique);
        checks.length(
            "index name",
            name,
            type,
            index,
            null,
            "name the index with a shorter @Index(name = \"...\")");
      } else {
        if (!checks.name(index, "name", explicit, label)) {
          continue;
        }
        name = explicit;
        checks.length(
            "index name", name, type, index, "name", "choose a shorter @Index(name = \"...\")");
      }
      constraints.add(
          new Origin(name, "an index", type, index, explicit.isEmpty() ? null : "name", true));
      checks.build(type, label, () -> new IndexModel(name, names, unique)).ifPresent(indexes::add);
    }
    return indexes;
  }

  /** The checks of Retort's {@code @Check} annotations on the entity, their names added to the constraints. */
  List<CheckModel> checks(TypeElement type, List<Origin> constraints) {
    List<CheckModel> found = new ArrayList<>();
    String label = type.getSimpleName().toString();
    for (Annotation check : annotations.findRepeated(type, Annotation.CHECK)) {
      String name = check.string("name");
      String expression = check.string("expression");
      if (!checks.name(check, "name", name, label)) {
        continue;
      }
      if (expression.isBlank()) {
        reporter.report(check, "expression", Message.CHECK_EXPRESSION_BLANK, name, label);
        continue;
      }
      checks.length(
          "check name", name, type, check, "name", "choose a shorter @Check(name = \"...\")");
      constraints.add(new Origin(name, "a check", type, check, "name", false));
      checks.build(type, label, () -> new CheckModel(name, expression)).ifPresent(found::add);
    }
    return found;
  }

  /** Reports two columns renamed from one old name. */
  void checkColumnRenames(List<ColumnDraft> columns) {
    Map<String, ColumnDraft> byOldName = new HashMap<>();
    for (ColumnDraft column : columns) {
      if (column.renamedFrom().isEmpty()) {
        continue;
      }
      Annotation rename = column.renamedFrom().get();
      ColumnDraft first = byOldName.putIfAbsent(rename.string("value"), column);
      if (first != null) {
        reporter.report(
            rename,
            "value",
            Message.RENAMED_FROM_DUPLICATE,
            rename.string("value"),
            first.label(),
            column.label());
      }
    }
  }

  /** Checks a {@code @RenamedFrom} on its own; false after reporting a problem. */
  boolean checkRenamedFrom(
      Annotation rename, String currentName, String what, String label) {
    String oldName = rename.string("value");
    if (!checks.name(rename, "value", oldName, label)) {
      return false;
    }
    if (oldName.equals(currentName)) {
      reporter.report(rename, "value", Message.RENAMED_FROM_SAME, oldName, label, what);
      return false;
    }
    return true;
  }

  /**
   * Reports Retort member annotations in the interfaces the entity and its superclasses implement,
   * directly or through other interfaces: an interface's methods and constants map to no column,
   * so an annotation there would be ignored.
   */
  private void checkInterfaces(TypeElement type, Set<TypeElement> classes) {
    Map<TypeElement, List<? extends Element>> interfaces = new LinkedHashMap<>();
    Deque<TypeMirror> pending = new ArrayDeque<>();
    classes.forEach(c -> pending.addAll(c.getInterfaces()));
    while (!pending.isEmpty()) {
      TypeMirror next = pending.removeFirst();
      if (next.getKind() == TypeKind.DECLARED) {
        TypeElement element = (TypeElement) ((DeclaredType) next).asElement();
        if (!interfaces.containsKey(element)) {
          interfaces.put(element, element.getEnclosedElements());
          pending.addAll(element.getInterfaces());
        }
      }
    }
    interfaces.forEach((declaring, enclosed) -> {
      for (VariableElement constant : ElementFilter.fieldsIn(enclosed)) {
        checkExcluded(member(declaring, constant, constant.asType()));
      }
    });
    checkMethods(type, interfaces);
  }

  /**
   * Reports Retort member annotations on methods: Retort maps fields and record components only. A
   * record's accessor carries its component's annotations by propagation; those are fine.
   *
   * @param type the entity, whose record components excuse its own accessors
   * @param declarations the classes or interfaces whose methods to check, with their members
   */
  private void checkMethods(TypeElement type, Map<TypeElement, List<? extends Element>> declarations) {
    Map<String, RecordComponentElement> components = new HashMap<>();
    for (RecordComponentElement component
        : ElementFilter.recordComponentsIn(declarations.getOrDefault(type, List.of()))) {
      components.put(component.getSimpleName().toString(), component);
    }
    List<String> types = new ArrayList<>(Annotation.MEMBER_ANNOTATIONS);
    types.add(Annotation.TRANSIENT);
    declarations.forEach((declaring, enclosed) -> {
      for (ExecutableElement method : ElementFilter.methodsIn(enclosed)) {
        if (method.getAnnotationMirrors().isEmpty()) {
          continue;
        }
        RecordComponentElement component =
            method.getParameters().isEmpty()
                ? components.get(method.getSimpleName().toString())
                : null;
        for (String annotationType : types) {
          Optional<Annotation> annotation = annotations.find(method, annotationType);
          if (annotation.isPresent()
              && (component == null || annotations.find(component, annotationType).isEmpty())) {
            reporter.report(
                annotation.get(),
                null,
                Message.ANNOTATION_ON_METHOD,
                annotation.get().simpleName(),
                declaring.getSimpleName() + "." + method.getSimpleName() + "()",
                Kapt.isKotlin(declaring)
                    ? " (in Kotlin, write @" + annotation.get().simpleName() + " or @field:"
                        + annotation.get().simpleName() + " on the property, not @get:" + annotation.get().simpleName() + ")"
                    : "");
          }
        }
      }
    });
  }


  static Optional<String> nonEmpty(String text) {
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  private static String kindName(ElementKind kind) {
    return switch (kind) {
      case INTERFACE -> "interface";
      case ENUM -> "enum";
      case ANNOTATION_TYPE -> "annotation type";
      default -> kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    };
  }

  /**
   * What to do about a Java type Retort does not map: for the older date and time classes and
   * {@code ZonedDateTime}, the {@code java.time} type that Retort maps; for others, a column type
   * of its own.
   */
  private String unmappedTypeAdvice(TypeMirror type) {
    String name = type.toString();
    switch (name) {
      case "java.util.Date", "java.sql.Timestamp", "java.util.Calendar", "java.util.GregorianCalendar",
          "java.time.ZonedDateTime":
        return "use Instant or OffsetDateTime (a timestamp with time zone) or LocalDateTime (one without), or declare"
            + " the column type with @Column(" + typeAttribute + " = \"timestamp with time zone\")";
      case "java.sql.Date":
        return "use LocalDate, or declare the column type with @Column(" + typeAttribute + " = \"date\")";
      case "java.sql.Time":
        return "use LocalTime, or declare the column type with @Column(" + typeAttribute + " = \"time\")";
      default:
        return "declare the column type with @Column(" + typeAttribute + " = \"...\") (such as \"json\" or \"text\")";
    }
  }
}
