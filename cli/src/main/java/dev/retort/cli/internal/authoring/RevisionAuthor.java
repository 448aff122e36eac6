package dev.retort.cli.internal.authoring;

import com.palantir.javapoet.ClassName;
import dev.retort.index.RevisionIndexFile;
import dev.retort.model.SchemaModel;
import dev.retort.processor.history.MissingSnapshots;
import dev.retort.processor.layout.ProjectLayout;
import dev.retort.processor.plan.RevisionIds;
import dev.retort.processor.revision.GraphProblem;
import dev.retort.processor.revision.RevisionGraph;
import dev.retort.processor.revision.RevisionNode;
import dev.retort.processor.write.MigrationSource;
import dev.retort.snapshot.SnapshotCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;

/**
 * Starts revisions that a person writes rather than the processor: an empty revision after the
 * head, for a data-only change (Alembic's {@code revision -m}), and a merge revision joining the
 * heads of a history that branched (Alembic's {@code merge}). Each is written into the source
 * tree beside the other migrations, with the processor's code generator, together with its
 * schema snapshot (unless the history has no snapshots), so that the next build, even in check
 * mode, accepts it. Files are only ever created, never replaced.
 */
public final class RevisionAuthor {

  /** The longest summary part of a class name, as for generated migrations. */
  private static final int MAX_SUMMARY = 48;

  private final Layout layout;
  private final SettingNames names;
  private final Clock clock;

  /**
   * Where the project keeps its migrations. Empty values are found from the newest revision,
   * as the processor finds them: its source directory, the {@code resources} directory beside a
   * source directory named {@code java}, and its package.
   *
   * @param sourceRoots the project's source directories, read for {@code @Revision} classes
   * @param sourceDir the directory new migrations go under, if set
   * @param resourceDir the directory snapshots are read from and written to, if set
   * @param migrationPackage the package of new migrations, if set
   */
  public record Layout(
      List<Path> sourceRoots, Optional<Path> sourceDir, Optional<Path> resourceDir,
      Optional<String> migrationPackage) {

    /** Validates and copies the components. */
    public Layout {
      sourceRoots = List.copyOf(sourceRoots);
      Objects.requireNonNull(sourceDir, "sourceDir == null");
      Objects.requireNonNull(resourceDir, "resourceDir == null");
      Objects.requireNonNull(migrationPackage, "migrationPackage == null");
      if (migrationPackage.isPresent() && !SourceVersion.isName(migrationPackage.get())) {
        throw new IllegalArgumentException("'" + migrationPackage.get() + "' is not a Java package name");
      }
    }
  }

  /**
   * Creates an author.
   *
   * @param layout where the migrations are
   * @param names how the user names the settings and the merge command, for messages
   * @param clock gives the time new revision ids are made from
   */
  public RevisionAuthor(Layout layout, SettingNames names, Clock clock) {
    this.layout = Objects.requireNonNull(layout, "layout == null");
    this.names = Objects.requireNonNull(names, "names == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /**
   * Writes an empty revision whose parent is the head, with the head's snapshot carried over:
   * the start of a data migration.
   *
   * @param message what the revision will do, such as {@code backfill emails}; it names the
   *     class ({@code V<id>_BackfillEmails}) and opens its Javadoc
   * @return the revision written
   * @throws AuthoringException if the history is not one line of revisions, or a file cannot be written
   */
  public NewRevision revision(String message) throws AuthoringException {
    String summary = summary(message);
    String oneLine = message.strip().replaceAll("\\s+", " ");
    List<DeclaredRevision> declared = SourceRevisions.read(layout.sourceRoots());
    RevisionGraph.Check check = RevisionGraph.check(nodes(declared));
    List<GraphProblem> problems = check.problems();
    if (problems.size() == 1 && problems.get(0) instanceof GraphProblem.MultipleHeads heads) {
      throw new AuthoringException("The history has " + heads.heads().size() + " heads: " + labels(heads.heads())
          + ". Join them first with " + names.merge() + ", then start the new revision.");
    }
    requireNoProblems(problems);
    RevisionGraph graph = check.graph().orElseThrow();
    Optional<RevisionNode> head = graph.head();
    ProjectLayout projectLayout = projectLayout(head.map(h -> declaration(declared, h)));
    Snapshots snapshots = new Snapshots(graph, projectLayout.resourceDir());
    Optional<SchemaModel> schema = Optional.empty();
    if (head.isPresent() && snapshots.described(head.get())) {
      requireSnapshotsOfSchemaChanges(graph, head.get(), declared, snapshots);
      schema = Optional.of(snapshots.schemaOf(head.get()));
    }
    List<String> parents = head.map(h -> List.of(h.id())).orElse(List.of());
    String description = sentence(oneLine);
    return write(projectLayout, graph.ids(), parents, summary, description, schema, List.of(
        "Describe the change, such as schema.execute(\"UPDATE ...\") for SQL, or",
        "schema.run(\"" + javaText(oneLine) + "\", connection -> { ... }) for a JDBC step."), List.of(
        "Undo the change. If it cannot be undone, delete this method: a downgrade through this",
        "revision then fails before anything runs."));
  }

  /**
   * Writes a merge revision whose parents are the heads of a branched history, with the merged
   * snapshot.
   *
   * @param message what the merge joins, such as {@code merge inventory and reviews}; empty for
   *     {@code merge heads}
   * @return the revision written
   * @throws AuthoringException if the history has one head, is otherwise invalid, the branches
   *     conflict, or a file cannot be written
   */
  public NewRevision merge(Optional<String> message) throws AuthoringException {
    String summary = summary(message.orElse("merge heads"));
    List<DeclaredRevision> declared = SourceRevisions.read(layout.sourceRoots());
    List<RevisionNode> nodes = nodes(declared);
    RevisionGraph.Check check = RevisionGraph.check(nodes);
    List<RevisionNode> heads;
    if (check.graph().isPresent()) {
      Optional<RevisionNode> only = check.graph().get().head();
      throw new AuthoringException("Nothing to merge: " + (only.isPresent()
          ? "the history has one head, " + only.get().label() : noRevisionYet()) + ".");
    } else if (check.problems().size() == 1 && check.problems().get(0) instanceof GraphProblem.MultipleHeads many) {
      heads = many.heads();
    } else {
      requireNoProblems(check.problems());
      throw new IllegalStateException("a check without a graph reports a problem");
    }
    ProjectLayout projectLayout = projectLayout(Optional.of(declaration(declared, heads.get(heads.size() - 1))));
    List<String> parents = heads.stream().map(RevisionNode::id).toList();
    Set<String> ids = nodes.stream().map(RevisionNode::id).collect(Collectors.toSet());
    String id = nextId(projectLayout, ids, summary);
    ClassName className = projectLayout.migrationClass(className(id, summary));
    RevisionNode merge = new RevisionNode(id, parents, className, className.simpleName());
    List<RevisionNode> withMerge = new ArrayList<>(nodes);
    withMerge.add(merge);
    RevisionGraph graph = RevisionGraph.check(withMerge).graph().orElseThrow(
        () -> new IllegalStateException("a merge of every head leaves one head"));
    // The processor requires a merge revision's snapshot in check mode, so it is always written.
    Snapshots snapshots = new Snapshots(graph, projectLayout.resourceDir());
    requireSnapshotsOfSchemaChanges(graph, merge, declared, snapshots);
    Optional<SchemaModel> schema = Optional.of(snapshots.schemaOf(merge));
    String description = message.map(m -> sentence(m.strip().replaceAll("\\s+", " ")))
        .orElse("Merge " + heads.stream().map(RevisionNode::label).collect(Collectors.joining(" and ")) + ".");
    return write(projectLayout, id, parents, className, description, schema,
        List.of("Nothing to do: applying every parent is the whole change."), List.of("Nothing to undo."));
  }

  private NewRevision write(
      ProjectLayout projectLayout, Set<String> ids, List<String> parents, String summary, String description,
      Optional<SchemaModel> schema, List<String> upgradeComment, List<String> downgradeComment)
      throws AuthoringException {
    String id = nextId(projectLayout, ids, summary);
    ClassName className = projectLayout.migrationClass(className(id, summary));
    return write(projectLayout, id, parents, className, description, schema, upgradeComment, downgradeComment);
  }

  private NewRevision write(
      ProjectLayout projectLayout, String id, List<String> parents, ClassName className, String description,
      Optional<SchemaModel> schema, List<String> upgradeComment, List<String> downgradeComment)
      throws AuthoringException {
    String source = MigrationSource.withoutOperations(id, parents, className, description, upgradeComment,
        downgradeComment).toString();
    Path sourceFile = projectLayout.sourceFile(className);
    Path snapshotFile = projectLayout.snapshotFile(className);
    create(sourceFile, source);
    if (schema.isEmpty()) {
      return new NewRevision(id, parents, className, sourceFile, Optional.empty());
    }
    try {
      // The revision is empty, so its history builds exactly the schema written here, as long as every revision
      // before it builds its own snapshot; the recorded source checksum lets the runtime rely on that until the
      // source is edited.
      create(snapshotFile, SnapshotCodec.write(schema.get(), RevisionIndexFile.sourceChecksum(source)));
    } catch (AuthoringException e) {
      try {
        Files.deleteIfExists(sourceFile);
      } catch (IOException deleting) {
        e.addSuppressed(deleting);
      }
      throw e;
    }
    return new NewRevision(id, parents, className, sourceFile, Optional.of(snapshotFile));
  }

  private String nextId(ProjectLayout projectLayout, Set<String> ids, String summary) {
    return RevisionIds.next(clock.instant(), ids, candidate -> {
      ClassName type = projectLayout.migrationClass(className(candidate, summary));
      return Files.exists(projectLayout.sourceFile(type)) || Files.exists(projectLayout.snapshotFile(type));
    });
  }

  /** The layout: the options, else found from the newest revision's file. */
  private ProjectLayout projectLayout(Optional<DeclaredRevision> newest) throws AuthoringException {
    Optional<Path> sourceDir = layout.sourceDir().or(() -> newest.map(DeclaredRevision::sourceRoot));
    if (sourceDir.isEmpty()) {
      throw new AuthoringException("The directory of new migrations is unknown: " + noRevisionYet() + ". The"
          + " processor writes the first migration when the entities compile; to start with an empty revision,"
          + " name the directory and package (" + names.sourceDir() + ", " + names.migrationPackage() + ").");
    }
    Optional<Path> resourceDir = layout.resourceDir().or(() -> siblingResources(sourceDir.get()));
    if (resourceDir.isEmpty()) {
      throw new AuthoringException("Cannot tell where the snapshots of source directory " + sourceDir.get()
          + " live, since it is not named java; name the directory (" + names.resourceDir() + "), as for the"
          + " processor's -Aretort.resourceDir.");
    }
    Optional<String> migrationPackage =
        layout.migrationPackage().or(() -> newest.map(n -> n.node().className().packageName()));
    if (migrationPackage.isEmpty()) {
      throw new AuthoringException("The package of new migrations is unknown: " + noRevisionYet() + ". The"
          + " processor writes the first migration when the entities compile; to start with an empty revision,"
          + " name the package (" + names.migrationPackage() + ").");
    }
    return new ProjectLayout(sourceDir.get(), resourceDir.get(), migrationPackage.get());
  }

  /** Names the directories searched, so that a user who ran in the wrong directory sees it. */
  private String noRevisionYet() {
    return "there is no @Revision class under " + layout.sourceRoots().stream().map(Path::toString)
        .collect(Collectors.joining(", ")) + " yet";
  }

  private static Optional<Path> siblingResources(Path sourceDir) {
    Path name = sourceDir.getFileName();
    return name != null && name.toString().equals("java")
        ? Optional.of(sourceDir.resolveSibling("resources")) : Optional.empty();
  }

  /**
   * Refuses to write a snapshot computed through a revision that changes the schema but has no
   * snapshot, whose parent's schema it would take, as the processor refuses to build with one
   * ({@code snapshot-missing}): the snapshot written would lack its changes, and the next build
   * would write them again. A data migration without a snapshot passes.
   *
   * @param from the revision whose schema the new snapshot is: the head, or the new merge
   * @throws AuthoringException naming the first such revision and its missing snapshot
   */
  private static void requireSnapshotsOfSchemaChanges(
      RevisionGraph graph, RevisionNode from, List<DeclaredRevision> declared, Snapshots snapshots)
      throws AuthoringException {
    for (RevisionNode revision : MissingSnapshots.readThroughParent(
        graph, List.of(from), node -> Files.isRegularFile(snapshots.file(node)))) {
      Optional<String> change = declared.stream().filter(d -> d.node().id().equals(revision.id())).findFirst()
          .flatMap(DeclaredRevision::schemaChange);
      if (change.isPresent()) {
        throw new AuthoringException(revision.label() + " changes the schema (schema." + change.get() + ") but its"
            + " snapshot " + snapshots.file(revision) + " is missing, so the schema after it is unknown and the new"
            + " revision's snapshot would lack its changes. Restore the snapshot from version control (the"
            + " processor writes it with the migration, and both are committed), then run this again.");
      }
    }
  }

  private static DeclaredRevision declaration(List<DeclaredRevision> declared, RevisionNode node) {
    return declared.stream().filter(d -> d.node().equals(node)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no declaration of " + node.label()));
  }

  private static List<RevisionNode> nodes(List<DeclaredRevision> declared) {
    return declared.stream().map(DeclaredRevision::node).toList();
  }

  private static void requireNoProblems(List<GraphProblem> problems) throws AuthoringException {
    if (problems.isEmpty()) {
      return;
    }
    List<String> descriptions = new ArrayList<>();
    for (GraphProblem problem : problems) {
      descriptions.add(describe(problem));
    }
    throw new AuthoringException("The revisions in the sources do not form one history: "
        + String.join("; ", descriptions) + ". Fix them first; the compiler's errors say the same.");
  }

  private static String describe(GraphProblem problem) {
    if (problem instanceof GraphProblem.DuplicateId duplicate) {
      return "revision id \"" + duplicate.id() + "\" is used by " + labels(duplicate.revisions());
    }
    if (problem instanceof GraphProblem.MissingParent missing) {
      return missing.revision().label() + " follows \"" + missing.parent() + "\", which no revision has";
    }
    if (problem instanceof GraphProblem.Cycle cycle) {
      return "revisions form a cycle: " + labels(cycle.revisions());
    }
    GraphProblem.MultipleHeads heads = (GraphProblem.MultipleHeads) problem;
    return "the history has " + heads.heads().size() + " heads: " + labels(heads.heads());
  }

  private static String labels(List<RevisionNode> nodes) {
    return nodes.stream().map(RevisionNode::label).collect(Collectors.joining(", "));
  }

  /** {@code backfill emails} → {@code BackfillEmails}, at most {@value #MAX_SUMMARY} characters. */
  static String summary(String message) throws AuthoringException {
    StringBuilder summary = new StringBuilder();
    for (String word : Objects.requireNonNull(message, "message == null").split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty() && summary.length() + word.length() <= MAX_SUMMARY) {
        summary.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
      }
    }
    if (summary.length() == 0) {
      throw new AuthoringException("The message '" + message + "' has no letters or digits to name the migration"
          + " class after; say what the revision does, such as \"backfill emails\".");
    }
    return summary.toString();
  }

  private static String className(String id, String summary) {
    return "V" + id.replaceAll("[^A-Za-z0-9_]", "_") + "_" + summary;
  }

  /** {@code backfill emails} → {@code Backfill emails.} */
  private static String sentence(String message) {
    String text = message.strip();
    String capitalized = text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    return capitalized.endsWith(".") ? capitalized : capitalized + ".";
  }

  /** Text safe inside a Java string literal in a comment. */
  private static String javaText(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static void create(Path file, String text) throws AuthoringException {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new AuthoringException("Cannot create " + file + ": " + e + ". No file was replaced.", e);
    }
  }
}
