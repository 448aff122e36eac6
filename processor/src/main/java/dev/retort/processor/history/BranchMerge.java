package dev.retort.processor.history;

import dev.retort.model.SchemaDiff;
import dev.retort.model.SchemaException;
import dev.retort.model.SchemaModel;
import dev.retort.processor.revision.RevisionGraph;
import dev.retort.processor.revision.RevisionNode;
import java.util.Optional;

/**
 * The schema of a merge revision that has no snapshot of its own: its parents' schemas merged
 * three ways, one branch at a time into the first parent's. Each branch's changes since the
 * nearest common ancestor are applied to what is merged so far, and the other way round; the
 * two results must agree, or the merge is a {@link Conflict}.
 *
 * <p>Independent of javac, so that the processor and the command line's {@code merge} compute
 * the same schema; each reports a conflict in its own way.
 */
public final class BranchMerge {

  private BranchMerge() {}

  /**
   * Gives the schema as of a revision.
   *
   * @param <E> what the source throws when it cannot read a snapshot
   */
  @FunctionalInterface
  public interface SchemaSource<E extends Exception> {
    /**
     * Returns the schema as of the revision.
     *
     * @param revision the revision
     * @return its schema
     * @throws E if its snapshot cannot be read
     */
    SchemaModel schemaOf(RevisionNode revision) throws E;
  }

  /**
   * Merges the parents of a merge revision.
   *
   * @param graph the revision graph
   * @param revision the merge revision
   * @param schemas the schema of each parent and ancestor
   * @param <E> what {@code schemas} throws
   * @return the merged schema
   * @throws Conflict if two branches cannot both be applied, or the result depends on the order
   * @throws E if a schema cannot be read
   */
  public static <E extends Exception> SchemaModel merge(
      RevisionGraph graph, RevisionNode revision, SchemaSource<E> schemas) throws Conflict, E {
    RevisionNode first = node(graph, revision.parents().get(0));
    SchemaModel merged = schemas.schemaOf(first);
    String mergedLabel = first.label();
    for (String parentId : revision.parents().subList(1, revision.parents().size())) {
      RevisionNode branch = node(graph, parentId);
      Optional<RevisionNode> ancestor = graph.nearestCommonAncestor(first.id(), branch.id());
      SchemaModel base = ancestor.isPresent() ? schemas.schemaOf(ancestor.get()) : SchemaModel.empty();
      String baseLabel = ancestor.map(RevisionNode::label).orElse("the empty schema");
      SchemaModel theirs = schemas.schemaOf(branch);
      SchemaModel oneWay = combine(merged, base, theirs, branch.label(), baseLabel, mergedLabel);
      SchemaModel otherWay = combine(theirs, base, merged, mergedLabel, baseLabel, branch.label());
      if (!oneWay.equals(otherWay)) {
        throw new Conflict(branch.label(), baseLabel, mergedLabel, "the result depends on which branch is applied first");
      }
      merged = oneWay;
      mergedLabel = mergedLabel + " and " + branch.label();
    }
    return merged;
  }

  /** {@code onto} with the changes from {@code base} to {@code changed} applied. */
  private static SchemaModel combine(
      SchemaModel onto, SchemaModel base, SchemaModel changed, String changedLabel, String baseLabel,
      String ontoLabel) throws Conflict {
    try {
      return onto.applyAll(SchemaDiff.diff(base, changed));
    } catch (SchemaException | IllegalArgumentException e) {
      throw new Conflict(changedLabel, baseLabel, ontoLabel, e.getMessage());
    }
  }

  private static RevisionNode node(RevisionGraph graph, String id) {
    return graph.find(id).orElseThrow(() -> new IllegalStateException("revision " + id + " is not in the graph"));
  }

  /** Two branches of a merge cannot be combined. */
  public static final class Conflict extends Exception {

    private static final long serialVersionUID = 1L;

    private final String changedLabel;
    private final String baseLabel;
    private final String ontoLabel;
    private final String why;

    Conflict(String changedLabel, String baseLabel, String ontoLabel, String why) {
      super("applying the changes of " + changedLabel + " since " + baseLabel + " to " + ontoLabel + " fails: " + why);
      this.changedLabel = changedLabel;
      this.baseLabel = baseLabel;
      this.ontoLabel = ontoLabel;
      this.why = why;
    }

    /** The branch whose changes were being applied. */
    public String changedLabel() {
      return changedLabel;
    }

    /** The nearest common ancestor the changes are counted from. */
    public String baseLabel() {
      return baseLabel;
    }

    /** What the changes were applied to. */
    public String ontoLabel() {
      return ontoLabel;
    }

    /** Why it failed. */
    public String why() {
      return why;
    }
  }
}
