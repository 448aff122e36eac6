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
import dev.retort.processor.revision.RevisionNode;
import dev.retort.processor.revision.Revisions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;

/**
 * Finds the revisions whose schema the processor would take from their parent although they
 * change it: a revision without a snapshot of its own has its parent's schema, which is right
 * for a data migration written by hand, and wrong for a migration whose snapshot was not
 * committed or was deleted. Diffing the entities against the parent's schema would generate
 * that migration's changes a second time (a first migration's whole schema), so such a
 * revision is an error.
 *
 * <p>A revision changes the schema when its class calls one of {@link #SCHEMA_CHANGES} anywhere,
 * helper methods and nested classes included, as generated migrations of many statements are
 * laid out. The calls are found by name in javac's trees, which need no attribution; with
 * another compiler there are no trees and nothing is reported.
 */
public final class MissingSnapshots {

  /** The methods of {@code Schema} that change the schema; {@code execute} and {@code run} change data. */
  static final Set<String> SCHEMA_CHANGES = Set.of("createTable", "dropTable", "renameTable", "alterTable");

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
   * Reports each revision that the head's schema would be read through although it changes the
   * schema and has no snapshot: the head and its first-parent ancestors up to the nearest one
   * with a snapshot or a merge (whose missing snapshot is computed).
   *
   * @param revisions the history
   * @param layout where snapshots live
   * @return whether none was found
   */
  public boolean check(Revisions revisions, ProjectLayout layout) {
    boolean complete = true;
    Optional<RevisionNode> next = revisions.graph().head();
    while (next.isPresent() && !next.get().isMerge()) {
      RevisionNode revision = next.get();
      Path snapshot = layout.snapshotFile(revision.className());
      if (Files.isRegularFile(snapshot)) {
        break;
      }
      TypeElement type = revisions.elements().get(revision.id());
      Optional<String> change = schemaChange(type);
      if (change.isPresent()) {
        diagnostics.report(type, Message.SNAPSHOT_MISSING, revision.label(), change.get(), snapshot);
        complete = false;
      }
      next = revision.parents().isEmpty() ? Optional.empty() : revisions.graph().find(revision.parents().get(0));
    }
    return complete;
  }

  /** The first schema-changing method the class calls, if any. */
  private Optional<String> schemaChange(TypeElement type) {
    if (trees == null || type == null) {
      return Optional.empty();
    }
    ClassTree tree = trees.getTree(type);
    if (tree == null) {
      return Optional.empty();
    }
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
