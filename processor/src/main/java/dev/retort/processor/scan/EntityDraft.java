package dev.retort.processor.scan;

import dev.retort.model.CheckModel;
import dev.retort.model.ColumnModel;
import dev.retort.model.IndexModel;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.UniqueModel;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * One entity as {@link EntityReader} read it, with everything that can be checked within the entity
 * already checked; what spans entities (table names, foreign keys, enum types, names across the
 * schema) is left to {@link SchemaAssembler}.
 *
 * @param element the entity
 * @param table its {@code @Table}
 * @param name the table name
 * @param schema the database schema, empty for the connection's
 * @param comment the table comment
 * @param columns the columns, base-class columns first
 * @param primaryKey the primary key, if the entity has {@code @Id} members
 * @param uniques the unique constraints from {@code @Column(unique = true)} and {@code @Unique}
 * @param indexes the indexes from {@code @Index}
 * @param checks the checks from {@code @Check}
 * @param renamedFrom the entity's {@code @RenamedFrom}, if any
 * @param constraints the names of the primary key, uniques, indexes and checks, with where each is
 *     declared
 * @param sequences the sequences the keys of a JPA entity are generated from
 */
record EntityDraft(
    TypeElement element,
    Annotation table,
    String name,
    String schema,
    Optional<String> comment,
    List<ColumnDraft> columns,
    Optional<PrimaryKeyModel> primaryKey,
    List<UniqueModel> uniques,
    List<IndexModel> indexes,
    List<CheckModel> checks,
    Optional<Annotation> renamedFrom,
    List<Origin> constraints,
    List<KeySequence> sequences) {

  /** The entity's simple name, for messages. */
  String label() {
    return element.getSimpleName().toString();
  }

  /** The column of that name, if the entity has one. */
  Optional<ColumnDraft> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  /** The column names, in order. */
  List<String> columnNames() {
    return columns.stream().map(ColumnDraft::name).toList();
  }

  /**
   * One column as read from its member.
   *
   * @param member the field (for a record, the component's field, which javac can point at)
   * @param label the member as messages name it, such as {@code User.email}
   * @param name the column name
   * @param model the column, or empty if its declaration has an error already reported
   * @param id the member's {@code @Id}, if any
   * @param column the member's {@code @Column}, if any
   * @param references the foreign key the member declares ({@code @References}, or a JPA
   *     association), if any
   * @param renamedFrom the member's {@code @RenamedFrom}, if any
   */
  record ColumnDraft(
      Element member,
      String label,
      String name,
      Optional<ColumnModel> model,
      Optional<Annotation> id,
      Optional<Annotation> column,
      Optional<ForeignKeys.Reference> references,
      Optional<Annotation> renamedFrom) {}

  /**
   * A constraint or index name and where it is declared.
   *
   * @param name the constraint or index name
   * @param what what it is, for messages ("index", "primary key")
   * @param element the element declaring it
   * @param annotation the annotation declaring it, or null when it is the element itself
   * @param attribute the attribute to point at, or null for the whole annotation
   * @param indexed whether databases store it as an index (a primary key, unique constraint or
   *     index), whose name PostgreSQL and SQLite take from the names of tables
   */
  record Origin(
      String name,
      String what,
      Element element,
      Annotation annotation,
      String attribute,
      boolean indexed) {}

  /**
   * A sequence a JPA key is generated from, as Hibernate uses it: the {@code @SequenceGenerator} it
   * names, or Hibernate's default sequence of the entity.
   *
   * @param name the sequence name, before its checks
   * @param schema the schema, empty for the connection's
   * @param start the first value
   * @param increment the increment, Hibernate's allocation size
   * @param declaring what messages call its declaration, such as {@code @SequenceGenerator(name = "ids")}
   * @param annotation the annotation to report on ({@code @SequenceGenerator} or {@code @GeneratedValue})
   * @param explicit whether the annotation is a {@code @SequenceGenerator}, whose attributes
   *     ({@code sequenceName}, {@code initialValue}, {@code allocationSize}) problems point at
   */
  record KeySequence(
      String name,
      String schema,
      long start,
      long increment,
      String declaring,
      Annotation annotation,
      boolean explicit) {}
}
