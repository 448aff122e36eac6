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
          Declared first = byName.putIfAbsent(folded, new Declared(sequence, entity, null));
          if (first != null && first.key() == null) {
            reporter.report(annotation, "name", Message.DUPLICATE_SEQUENCE, sequence.name(),
                first.entity().element().getQualifiedName(), SqlNames.writtenAs(sequence.name(), first.sequence().name()),
                entity.element().getQualifiedName(),
                first.sequence().name().equals(sequence.name()) ? "" : ", which databases do not tell apart by case");
          } else if (first != null) {
            mismatch(first, sequence, entity, annotation, "@Sequence(name = \"" + sequence.name() + "\")", "name");
          } else if (!nameTaken(entity, annotation, "name", sequence.name(), tables, objects)) {
            sequences.add(sequence);
          }
        });
      }
      for (EntityDraft.KeySequence key : entity.sequences()) {
        sequence(entity, key).ifPresent(sequence -> {
          // Entities whose keys come from one sequence share it, as Hibernate does.
          Declared first = byName.putIfAbsent(SqlNames.folded(sequence.name()), new Declared(sequence, entity, key));
          String attribute = key.explicit() ? "sequenceName" : null;
          if (first != null) {
            mismatch(first, sequence, entity, key.annotation(), key.declaring(), attribute);
          } else if (!nameTaken(entity, key.annotation(), attribute, sequence.name(), tables, objects)) {
            sequences.add(sequence);
          }
        });
      }
    }
    return sequences;
  }

  /** Reports a sequence declared again with other values than the first time, if it is. */
  private void mismatch(
      Declared first, SequenceModel again, EntityDraft entity, Annotation annotation, String declaring,
      String attribute) {
    SequenceModel sequence = first.sequence();
    if (sequence.start() != again.start() || sequence.increment() != again.increment()
        || !sequence.schema().equals(again.schema())) {
      String firstDeclaring = first.key() == null
          ? "@Sequence on " + first.entity().element().getQualifiedName()
          : first.key().declaring() + " on " + first.entity().element().getQualifiedName();
      reporter.report(annotation, attribute, Message.JPA_SEQUENCE_MISMATCH, declaring, entity.label(), again.name(),
          again.start(), again.increment(), firstDeclaring, sequence.start(), sequence.increment());
    }
  }

  /** The sequence one annotation declares; empty after reporting what is wrong with it. */
  private Optional<SequenceModel> sequence(EntityDraft entity, Annotation annotation) {
    return sequence(entity, annotation, "@Sequence(name = \"" + annotation.string("name") + "\")",
        annotation.string("name"), annotation.string("schema"), annotation.longInteger("start"),
        annotation.longInteger("increment"), new String[] {"name", "schema", "start", "increment"},
        "choose a shorter @Sequence(name = \"...\")");
  }

  /** The sequence a JPA key is generated from; empty after reporting what is wrong with it. */
  private Optional<SequenceModel> sequence(EntityDraft entity, EntityDraft.KeySequence key) {
    String[] attributes = key.explicit()
        ? new String[] {"sequenceName", "schema", "initialValue", "allocationSize"}
        : new String[] {null, null, null, null};
    return sequence(entity, key.annotation(), key.declaring(), key.name(), key.schema(), key.start(), key.increment(),
        attributes, key.explicit()
            ? "choose a shorter @SequenceGenerator(sequenceName = \"...\")"
            : "name the sequence with a shorter @SequenceGenerator(sequenceName = \"...\")");
  }

  /**
   * A sequence, checked.
   *
   * @param declaring what messages call the declaration
   * @param attributes the attributes of the annotation that give the name, schema, start and increment
   *     (null for none: the whole annotation)
   * @param shorter the fix of a name too long
   */
  private Optional<SequenceModel> sequence(EntityDraft entity, Annotation annotation, String declaring, String name,
      String schema, long start, long increment, String[] attributes, String shorter) {
    if (!checks.name(annotation, attributes[0], name, entity.label())) {
      return Optional.empty();
    }
    checks.length("sequence name", name, entity.element(), annotation, attributes[0], shorter);
    if (!schema.isEmpty() && !checks.name(annotation, attributes[1], schema, entity.label())) {
      return Optional.empty();
    }
    boolean valid = true;
    if (start < 1) {
      reporter.report(annotation, attributes[2], Message.INVALID_SEQUENCE, declaring, entity.label(), "start", start,
          "a sequence starts at 1 or more, the smallest value PostgreSQL, H2 and MariaDB give an ascending sequence;"
              + " write " + (attributes[2] == null ? "start" : attributes[2]) + " = 1 or more");
      valid = false;
    }
    if (increment < 1) {
      reporter.report(annotation, attributes[3], Message.INVALID_SEQUENCE, declaring, entity.label(), "increment",
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
  private boolean nameTaken(EntityDraft entity, Annotation annotation, String attribute, String name,
      Map<String, EntityDraft> tables,
      Map<String, Origin> objects) {
    String folded = SqlNames.folded(name);
    EntityDraft table = tables.get(folded);
    if (table != null) {
      reporter.report(annotation, attribute, Message.SEQUENCE_NAME_TAKEN, name, entity.label(),
          table.name().equals(name) ? "is also the name of" : "differs only in case from the name of",
          "table " + table.name() + " of " + table.element().getQualifiedName());
      return true;
    }
    Origin object = objects.get(folded);
    if (object != null) {
      reporter.report(annotation, attribute, Message.SEQUENCE_NAME_TAKEN, name, entity.label(),
          object.name().equals(name) ? "is also the name of" : "differs only in case from the name of",
          object.what() + " " + object.name());
      return true;
    }
    return false;
  }

  /** A sequence and the entity that declared it first, with its JPA key if a key declared it. */
  private record Declared(SequenceModel sequence, EntityDraft entity, EntityDraft.KeySequence key) {}
}
