package dev.retort.processor.scan;

import dev.retort.model.SequenceModel;
import dev.retort.model.ViewModel;
import dev.retort.processor.diagnostics.Message;
import dev.retort.processor.scan.EntityDraft.Origin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Reads the {@code @View} types of the round into views (and the JPA entities with Hibernate's
 * {@code @View(query)}, which Hibernate's schema tools create as views), checking each one's name
 * and query, and that no other view, table, sequence, constraint or index has its name (compared as {@link
 * SqlNames#folded} compares table names). The type's members declare nothing: the view's columns
 * are what its query selects.
 */
final class ViewDeclarations {

  private final Annotations annotations;
  private final Reporter reporter;
  private final Checks checks;
  private final Function<TypeElement, Optional<JpaEntityReader.MappedTable>> mappedTables;

  /**
   * @param mappedTables the table a type maps to as a JPA {@code @Entity}, which names the view
   *     declared on it; empty for a type that is no entity
   */
  ViewDeclarations(Annotations annotations, Reporter reporter, Checks checks,
      Function<TypeElement, Optional<JpaEntityReader.MappedTable>> mappedTables) {
    this.annotations = annotations;
    this.reporter = reporter;
    this.checks = checks;
    this.mappedTables = mappedTables;
  }

  /**
   * Reads the views, in the order of the elements, reporting each problem on the annotation value
   * it is about.
   *
   * @param elements the types annotated {@code @View}
   * @param entities the entities by table name
   * @param sequences the sequences of the schema
   * @param constraints every constraint and index of the schema, with where it is declared
   * @return the valid views; those with a problem are left out
   */
  List<ViewModel> read(List<TypeElement> elements, Map<String, EntityDraft> entities, List<SequenceModel> sequences,
      List<Origin> constraints) {
    Map<String, Taken> taken = new HashMap<>();
    entities.values().forEach(entity -> taken.putIfAbsent(SqlNames.folded(entity.name()),
        new Taken(entity.name(), "table " + entity.name() + " of " + entity.element().getQualifiedName())));
    sequences.forEach(sequence -> taken.putIfAbsent(SqlNames.folded(sequence.name()),
        new Taken(sequence.name(), "sequence " + sequence.name())));
    constraints.forEach(origin -> taken.putIfAbsent(SqlNames.folded(origin.name()),
        new Taken(origin.name(), origin.what() + " " + origin.name())));
    List<ViewModel> views = new ArrayList<>();
    for (TypeElement element : elements) {
      Optional<Annotation> retorts = annotations.find(element, Annotation.VIEW);
      Optional<Annotation> found = retorts.or(() -> annotations.find(element, Annotation.HIBERNATE_VIEW));
      if (found.isEmpty()) {
        continue;
      }
      Annotation annotation = found.get();
      view(element, annotation, retorts.isPresent() ? "value" : "query").ifPresent(view -> {
        Taken other = taken.putIfAbsent(SqlNames.folded(view.name()),
            new Taken(view.name(), "view " + view.name() + " of " + element.getQualifiedName()));
        if (other != null) {
          reporter.report(annotation, annotation.explicit("name") == null ? null : "name", Message.VIEW_NAME_TAKEN,
              view.name(), element.getQualifiedName(),
              other.name().equals(view.name()) ? "is also the name of" : "differs only in case from the name of",
              other.description());
        } else {
          views.add(view);
        }
      });
    }
    return views;
  }

  /** A name already used, and what messages call its owner. */
  private record Taken(String name, String description) {}

  /**
   * The view one annotation declares; empty after reporting what is wrong with it. On a JPA
   * {@code @Entity} the view is named, and put in a schema, as Hibernate names the entity's table,
   * by which it reads the view: a {@code name} or {@code schema} that differs is an error.
   *
   * @param annotation Retort's {@code @View}, or Hibernate's, which has no name or schema of its own
   * @param queryAttribute the attribute that holds the query: Retort's {@code value}, Hibernate's {@code query}
   */
  private Optional<ViewModel> view(TypeElement element, Annotation annotation, String queryAttribute) {
    String label = element.getSimpleName().toString();
    Optional<JpaEntityReader.MappedTable> mapped = mappedTables.apply(element);
    String explicit = annotation.string("name");
    String name;
    if (explicit.isEmpty() && mapped.isPresent()) {
      name = mapped.get().name();
    } else if (explicit.isEmpty()) {
      name = SqlNames.snakeCase(label);
      checks.length("view name", name, element, annotation, null, "name the view with a shorter @View(name = \"...\")");
    } else {
      if (!checks.name(annotation, "name", explicit, label)) {
        return Optional.empty();
      }
      if (mapped.isPresent() && !explicit.equals(mapped.get().name())) {
        reporter.report(annotation, "name", Message.VIEW_NAME_NOT_TABLE, explicit, label, mapped.get().name());
        return Optional.empty();
      }
      checks.length("view name", explicit, element, annotation, "name", "choose a shorter @View(name = \"...\")");
      name = explicit;
    }
    String written = annotation.string("schema");
    if (!written.isEmpty() && !checks.name(annotation, "schema", written, label)) {
      return Optional.empty();
    }
    if (!written.isEmpty() && mapped.isPresent() && !SqlNames.springPhysical(written).equals(mapped.get().schema())) {
      JpaEntityReader.MappedTable table = mapped.get();
      reporter.report(annotation, "schema", Message.VIEW_SCHEMA_NOT_TABLE, written, label, table.schema().isEmpty()
          ? table.name() + " in the connection's own schema" : table.schema() + "." + table.name());
      return Optional.empty();
    }
    // Hibernate's name of the schema: the one it reads the view in.
    String schema = mapped.isPresent() ? mapped.get().schema() : written;
    String query = annotation.string(queryAttribute).strip();
    if (query.isEmpty()) {
      reporter.report(annotation, queryAttribute, Message.VIEW_BLANK_QUERY, label);
      return Optional.empty();
    }
    if (query.endsWith(";")) {
      reporter.report(annotation, queryAttribute, Message.VIEW_SEMICOLON, label);
      return Optional.empty();
    }
    return checks.build(element, label, () -> new ViewModel(name, schema, query));
  }
}
