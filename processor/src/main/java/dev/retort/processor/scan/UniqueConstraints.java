package dev.retort.processor.scan;

import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.UniqueModel;
import dev.retort.processor.diagnostics.Message;
import dev.retort.processor.scan.EntityDraft.ColumnDraft;
import dev.retort.processor.scan.EntityDraft.Origin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * Reads an entity's unique constraints: {@code @Column(unique = true)} on a member, a constraint on
 * that column alone, and {@code @Unique} on the class, a constraint on the columns it lists. Both
 * derive the name {@code uq_<table>_<columns>}, so {@code @Unique(columns = "email")} and
 * {@code @Column(unique = true)} on {@code email} declare the same constraint.
 *
 * <p>A {@code @Unique} over the columns of the primary key or of an earlier unique constraint, in
 * any order, makes nothing unique that is not already: it is reported, as declaring one constraint
 * both ways is.
 */
final class UniqueConstraints {

  private final Annotations annotations;
  private final Reporter reporter;
  private final Checks checks;
  private final ColumnLists columnLists;

  UniqueConstraints(Annotations annotations, Reporter reporter, Checks checks, ColumnLists columnLists) {
    this.annotations = annotations;
    this.reporter = reporter;
    this.checks = checks;
    this.columnLists = columnLists;
  }

  /**
   * Reads the unique constraints, those of members first, and adds their names to the
   * constraints.
   *
   * @param type the entity
   * @param tableName the table
   * @param columns the table's columns
   * @param primaryKey the primary key, if the entity has one
   * @param constraints the entity's constraint names so far, with where each is declared
   * @return the unique constraints
   */
  List<UniqueModel> read(
      TypeElement type,
      String tableName,
      List<ColumnDraft> columns,
      Optional<PrimaryKeyModel> primaryKey,
      List<Origin> constraints) {
    List<ColumnLists.Listed> declared = annotations.findRepeated(type, Annotation.UNIQUE).stream()
        .map(ColumnLists.Listed::of)
        .toList();
    return read(type, tableName, columns, primaryKey, constraints, declared);
  }

  /**
   * Reads the unique constraints, those of members first and then the class-level ones given, and
   * adds their names to the constraints.
   *
   * @param type the entity
   * @param tableName the table
   * @param columns the table's columns
   * @param primaryKey the primary key, if the entity has one
   * @param constraints the entity's constraint names so far, with where each is declared
   * @param classLevel the columns of each class-level unique constraint ({@code @Unique}, or JPA's
   *     {@code @UniqueConstraint}), whose annotation may give a {@code name}
   * @return the unique constraints
   */
  List<UniqueModel> read(
      TypeElement type,
      String tableName,
      List<ColumnDraft> columns,
      Optional<PrimaryKeyModel> primaryKey,
      List<Origin> constraints,
      List<ColumnLists.Listed> classLevel) {
    List<UniqueModel> uniques = new ArrayList<>();
    // What each unique constraint read so far is, for a message about a @Unique that repeats it.
    Map<UniqueModel, String> declared = new LinkedHashMap<>();
    for (ColumnDraft column : columns) {
      Optional<Annotation> annotation = column.column().filter(c -> c.bool("unique"));
      if (annotation.isEmpty()) {
        continue;
      }
      String name = SqlNames.unique(tableName, List.of(column.name()));
      checks.length(
          "unique constraint name",
          name,
          column.member(),
          annotation.get(),
          "unique",
          "name the constraint with @Unique(name = \"...\", columns = \""
              + column.name()
              + "\") on the entity, instead of unique = true");
      constraints.add(
          new Origin(name, "a unique constraint", column.member(), annotation.get(), "unique", true));
      checks
          .build(
              column.member(), column.label(), () -> new UniqueModel(name, List.of(column.name())))
          .ifPresent(unique -> {
            uniques.add(unique);
            declared.put(unique, "the unique constraint " + name + " of @Column(unique = true) on " + column.label());
          });
    }
    String label = type.getSimpleName().toString();
    for (ColumnLists.Listed listed : classLevel) {
      Annotation annotation = listed.annotation();
      if (!columnLists.valid(listed, label, tableName, columns)) {
        continue;
      }
      List<String> names = listed.names();
      if (repeats(listed, label, names, primaryKey, declared)) {
        continue;
      }
      Optional<String> name = name(type, annotation, tableName, names, label);
      if (name.isEmpty()) {
        continue;
      }
      String explicit = annotation.string("name");
      constraints.add(new Origin(
          name.get(), "a unique constraint", type, annotation, explicit.isEmpty() ? null : "name", true));
      checks.build(type, label, () -> new UniqueModel(name.get(), names)).ifPresent(unique -> {
        uniques.add(unique);
        declared.put(unique, "the unique constraint " + name.get() + " of " + ColumnLists.describe(listed));
      });
    }
    return uniques;
  }

  /**
   * Whether the {@code @Unique} is over the columns of the primary key or of an earlier unique
   * constraint; reported if so.
   */
  private boolean repeats(ColumnLists.Listed listed, String label, List<String> columns,
      Optional<PrimaryKeyModel> primaryKey, Map<UniqueModel, String> declared) {
    Annotation annotation = listed.annotation();
    Optional<PrimaryKeyModel> key = primaryKey.filter(k -> sameColumns(k.columns(), columns));
    if (key.isPresent()) {
      reporter.report(annotation, listed.attribute(), Message.DUPLICATE_UNIQUE, ColumnLists.describe(listed), label,
          "the primary key " + key.get().name(), columns, "remove the @" + annotation.simpleName());
      return true;
    }
    Optional<String> earlier = declared.entrySet().stream()
        .filter(entry -> sameColumns(entry.getKey().columns(), columns))
        .map(Map.Entry::getValue)
        .findFirst();
    earlier.ifPresent(unique -> reporter.report(annotation, listed.attribute(), Message.DUPLICATE_UNIQUE,
        ColumnLists.describe(listed), label, unique, columns, "keep one of them"));
    return earlier.isPresent();
  }

  /** The constraint's name, given or derived; empty after reporting a given name that is unusable. */
  private Optional<String> name(
      TypeElement type, Annotation annotation, String tableName, List<String> columns, String label) {
    String explicit = annotation.string("name");
    if (explicit.isEmpty()) {
      String derived = SqlNames.unique(tableName, columns);
      checks.length(
          "unique constraint name",
          derived,
          type,
          annotation,
          null,
          "name the constraint with a shorter @" + annotation.simpleName() + "(name = \"...\")");
      return Optional.of(derived);
    }
    if (!checks.name(annotation, "name", explicit, label)) {
      return Optional.empty();
    }
    checks.length(
        "unique constraint name",
        explicit,
        type,
        annotation,
        "name",
        "choose a shorter @" + annotation.simpleName() + "(name = \"...\")");
    return Optional.of(explicit);
  }

  /** Whether two column lists hold the same columns, in any order: they make the same rows unique. */
  private static boolean sameColumns(List<String> columns, List<String> others) {
    Set<String> set = new HashSet<>(columns);
    return columns.size() == others.size() && set.equals(new HashSet<>(others));
  }
}
