package dev.retort.processor.scan;

import dev.retort.model.SequenceModel;
import dev.retort.processor.diagnostics.Message;
import dev.retort.processor.scan.EntityDraft.Origin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code @Sequence} annotations of the entities into sequences, checking each one's
 * name, start and increment, and what spans entities: one name for one sequence, and no sequence
 * named like a table, constraint or index (PostgreSQL keeps them all in one namespace, MariaDB
 * sequences and tables). Names are compared as {@link SqlNames#folded} compares table names.
 */
final class SequenceDeclarations {

  private final Annotations annotations;
  private final Reporter reporter;
  private final Checks checks;

  SequenceDeclarations(Annotations annotations, Reporter reporter, Checks checks) {
    this.annotations = annotations;
    this.reporter = reporter;
    this.checks = checks;
  }

  /**
   * Reads the sequences of the entities, in entity order, reporting each problem on the
   * annotation value it is about.
   *
   * @param entities the entities by table name
   * @param constraints every constraint and index of the schema, with where it is declared
   * @return the valid sequences; those with a problem are left out
   */
  List<SequenceModel> read(Map<String, EntityDraft> entities, List<Origin> constraints) {
    Map<String, EntityDraft> tables = new HashMap<>();
    entities.values().forEach(entity -> tables.put(SqlNames.folded(entity.name()), entity));
    Map<String, Origin> objects = new HashMap<>();
    constraints.forEach(origin -> objects.putIfAbsent(SqlNames.folded(origin.name()), origin));
    Map<String, Declared> byName = new HashMap<>();
    List<SequenceModel> sequences = new ArrayList<>();
    for (EntityDraft entity : entities.values()) {
      for (Annotation annotation : annotations.findRepeated(entity.element(), Annotation.SEQUENCE)) {
        sequence(entity, annotation).ifPresent(sequence -> {
          String folded = SqlNames.folded(sequence.name());
          Declared first = byName.putIfAbsent(folded, new Declared(sequence, entity));
          if (first != null) {
            reporter.report(annotation, "name", Message.DUPLICATE_SEQUENCE, sequence.name(),
                first.entity().element().getQualifiedName(), SqlNames.writtenAs(sequence.name(), first.sequence().name()),
                entity.element().getQualifiedName(),
                first.sequence().name().equals(sequence.name()) ? "" : ", which databases do not tell apart by case");
          } else if (!nameTaken(entity, annotation, sequence.name(), tables, objects)) {
            sequences.add(sequence);
          }
        });
      }
    }
    return sequences;
  }

  /** The sequence one annotation declares; empty after reporting what is wrong with it. */
  private Optional<SequenceModel> sequence(EntityDraft entity, Annotation annotation) {
    String name = annotation.string("name");
    if (!checks.name(annotation, "name", name, entity.label())) {
      return Optional.empty();
    }
    checks.length("sequence name", name, entity.element(), annotation, "name",
        "choose a shorter @Sequence(name = \"...\")");
    String schema = annotation.string("schema");
    if (!schema.isEmpty() && !checks.name(annotation, "schema", schema, entity.label())) {
      return Optional.empty();
    }
    long start = annotation.longInteger("start");
    long increment = annotation.longInteger("increment");
    boolean valid = true;
    if (start < 1) {
      reporter.report(annotation, "start", Message.INVALID_SEQUENCE, name, entity.label(), "start", start,
          "a sequence starts at 1 or more, the smallest value PostgreSQL, H2 and MariaDB give an ascending sequence;"
              + " write start = 1 or more");
      valid = false;
    }
    if (increment < 1) {
      reporter.report(annotation, "increment", Message.INVALID_SEQUENCE, name, entity.label(), "increment",
          increment, "the increment is 1 or more (descending sequences differ between databases); write the"
              + " allocationSize Hibernate uses, 50 unless @SequenceGenerator says otherwise");
      valid = false;
    }
    if (!valid) {
      return Optional.empty();
    }
    return checks.build(entity.element(), entity.label(), () -> new SequenceModel(name, schema, start, increment));
  }

  /** Whether a table, constraint or index has the sequence's name; reported if so. */
  private boolean nameTaken(EntityDraft entity, Annotation annotation, String name, Map<String, EntityDraft> tables,
      Map<String, Origin> objects) {
    String folded = SqlNames.folded(name);
    EntityDraft table = tables.get(folded);
    if (table != null) {
      reporter.report(annotation, "name", Message.SEQUENCE_NAME_TAKEN, name, entity.label(),
          table.name().equals(name) ? "is also the name of" : "differs only in case from the name of",
          "table " + table.name() + " of " + table.element().getQualifiedName());
      return true;
    }
    Origin object = objects.get(folded);
    if (object != null) {
      reporter.report(annotation, "name", Message.SEQUENCE_NAME_TAKEN, name, entity.label(),
          object.name().equals(name) ? "is also the name of" : "differs only in case from the name of",
          object.what() + " " + object.name());
      return true;
    }
    return false;
  }

  /** A sequence and the entity that declared it first. */
  private record Declared(SequenceModel sequence, EntityDraft entity) {}
}
