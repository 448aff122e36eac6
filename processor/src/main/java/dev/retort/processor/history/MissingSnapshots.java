package dev.retort.processor.history;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.retort.processor.SourceTrees;
import dev.retort.processor.diagnostics.Diagnostics;
import dev.retort.processor.diagnostics.Message;
import dev.retort.processor.layout.ProjectLayout;
import dev.retort.processor.revision.RevisionGraph;
import dev.retort.processor.revision.RevisionNode;
import dev.retort.processor.revision.Revisions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;

/**
 * Finds the revisions whose schema the processor would take from their parent although they
 * change it: a revision without a snapshot of its own has its parent's schema, which is right
 * for a data migration written by hand, and wrong for a migration whose snapshot was not
 * committed or was deleted. Diffing the entities against the parent's schema would generate
 * that migration's changes a second time (a first migration's whole schema), and a merge
 * computed from it would lack them, so such a revision is an error.
 *
 * <p>A revision changes the schema when its class calls one of {@link #SCHEMA_CHANGES} anywhere,
 * helper methods and nested classes included, as generated migrations of many statements are
 * laid out. The calls are found by name in javac's trees, which need no attribution; with
 * another compiler there are no trees and nothing is reported.
 */
public final class MissingSnapshots {

  /** The methods of {@code Schema} that change the schema; {@code execute} and {@code run} change data. */
  static final Set<String> SCHEMA_CHANGES = Set.of("createTable", "dropTable", "renameTable", "alterTable", "addColumn",
      "dropColumn", "createSequence", "dropSequence", "alterSequence", "createView", "dropView");

  private final Trees trees;
  private final Diagnostics diagnostics;

  /**
   * Creates the check.
   *
   * @param env the processing environment, for javac's trees
   * @param diagnostics where a missing snapshot is reported
   */
  public MissingSnapshots(ProcessingEnvironment env, Diagnostics diagnostics) {
    this.trees = SourceTrees.of(env).orElse(null);
    this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics == null");
  }

  /**
   * Reports each revision that changes the schema and has no snapshot, among those whose parent's
   * schema reading the history would take ({@link #readThroughParent}): reading the head's schema,
   * and each merge's that has no snapshot, since the history computes every one of those.
   *
   * @param revisions the history
   * @param layout where snapshots live
   * @return whether none was found
   */
  public boolean check(Revisions revisions, ProjectLayout layout) {
    RevisionGraph graph = revisions.graph();
    Predicate<RevisionNode> hasSnapshot = revision -> Files.isRegularFile(layout.snapshotFile(revision.className()));
    List<RevisionNode> starts = new ArrayList<>();
    graph.head().ifPresent(starts::add);
    for (RevisionNode revision : graph.topologicalOrder()) {
      if (revision.isMerge() && !hasSnapshot.test(revision)) {
        starts.add(revision);
      }
    }
    boolean complete = true;
    for (RevisionNode revision : readThroughParent(graph, starts, hasSnapshot)) {
      TypeElement type = revisions.elements().get(revision.id());
      Optional<String> change = schemaChange(type);
      if (change.isPresent()) {
        diagnostics.report(
            type, Message.SNAPSHOT_MISSING, revision.label(), change.get(), layout.snapshotFile(revision.className()));
        complete = false;
      }
    }
    return complete;
  }

  /**
   * The revisions whose schema reading the schemas of {@code starts} takes from their first
   * parent, since they have no snapshot of their own. A revision without a snapshot is read
   * through its first parent, and a merge without one through each parent and the nearest common
   * ancestor of its first parent with each other one, as {@link BranchMerge} merges them; reading
   * stops at a revision with a snapshot. Independent of javac, so that the command line's
   * {@code merge} checks the revisions its merged snapshot is computed from as the processor does.
   *
   * @param graph the history
   * @param starts the revisions whose schemas are read
   * @param hasSnapshot whether a revision has a snapshot of its own
   * @return those revisions, not merges, each once, in the order reached
   */
  public static List<RevisionNode> readThroughParent(
      RevisionGraph graph, Collection<RevisionNode> starts, Predicate<RevisionNode> hasSnapshot) {
    Deque<RevisionNode> pending = new ArrayDeque<>(starts);
    Set<String> seen = new HashSet<>();
    List<RevisionNode> found = new ArrayList<>();
    while (!pending.isEmpty()) {
      RevisionNode revision = pending.removeFirst();
      if (!seen.add(revision.id()) || hasSnapshot.test(revision)) {
        continue;
      }
      if (revision.isMerge()) {
        String first = revision.parents().get(0);
        pending.add(node(graph, first));
        for (String other : revision.parents().subList(1, revision.parents().size())) {
          pending.add(node(graph, other));
          graph.nearestCommonAncestor(first, other).ifPresent(pending::add);
        }
      } else {
        found.add(revision);
        if (!revision.parents().isEmpty()) {
          pending.add(node(graph, revision.parents().get(0)));
        }
      }
    }
    return found;
  }

  private static RevisionNode node(RevisionGraph graph, String id) {
    return graph.find(id).orElseThrow(() -> new IllegalStateException("revision " + id + " is not in the graph"));
  }

  /** The first schema-changing method the class calls, if any. */
  private Optional<String> schemaChange(TypeElement type) {
    if (trees == null || type == null) {
      return Optional.empty();
    }
    ClassTree tree = trees.getTree(type);
    return tree == null ? Optional.empty() : schemaChange(tree);
  }

  /**
   * The first method of {@link #SCHEMA_CHANGES} that a class calls anywhere, found by name.
   *
   * @param tree the class, as javac parsed it
   * @return the method's name, or empty if the class calls none
   */
  public static Optional<String> schemaChange(ClassTree tree) {
    String[] found = new String[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree invocation, Void unused) {
        if (found[0] == null && invocation.getMethodSelect() instanceof MemberSelectTree select
            && SCHEMA_CHANGES.contains(select.getIdentifier().toString())) {
          found[0] = select.getIdentifier().toString();
        }
        return super.visitMethodInvocation(invocation, unused);
      }
    }.scan(tree, null);
    return Optional.ofNullable(found[0]);
  }
}
