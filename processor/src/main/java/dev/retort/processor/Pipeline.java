package dev.retort.processor;

import dev.retort.index.RevisionIndexFile;
import dev.retort.model.RenameHints;
import dev.retort.operation.Operation;
import dev.retort.processor.diagnostics.Diagnostics;
import dev.retort.processor.diagnostics.Message;
import dev.retort.processor.history.ComputedSnapshot;
import dev.retort.processor.history.History;
import dev.retort.processor.history.HistoryReader;
import dev.retort.processor.history.MissingSnapshots;
import dev.retort.processor.history.OrphanedSnapshots;
import dev.retort.processor.layout.LayoutResolver;
import dev.retort.processor.layout.ProjectLayout;
import dev.retort.processor.options.EntitySource;
import dev.retort.processor.options.LockFindings;
import dev.retort.processor.options.Mode;
import dev.retort.processor.options.ProcessorOptions;
import dev.retort.processor.plan.Finding;
import dev.retort.processor.plan.MigrationPlan;
import dev.retort.processor.plan.Planner;
import dev.retort.processor.plan.RevisionIds;
import dev.retort.processor.revision.RevisionNode;
import dev.retort.processor.revision.RevisionReader;
import dev.retort.processor.revision.Revisions;
import dev.retort.processor.scan.EntityScanner;
import dev.retort.processor.scan.ScanResult;
import dev.retort.processor.write.Outputs;
import dev.retort.processor.write.SourceChecksums;
import dev.retort.snapshot.SnapshotCodec;
import dev.retort.snapshot.SnapshotFormatException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * One run of the processor over the entities and revisions of a compilation, as typed phases:
 * options → revision graph → entity scan → project layout → committed history → difference →
 * migration, snapshot and index. Each phase returns a new value; a phase that reports an error
 * ends the run, so nothing is written after a problem.
 *
 * <p>Most builds change no entity. They are recognised before the history is parsed: the
 * snapshot text of the entities' schema equals the committed head snapshot, so there is
 * nothing to diff.
 */
final class Pipeline {

  private final ProcessingEnvironment env;
  private final Diagnostics diagnostics;

  Pipeline(ProcessingEnvironment env) {
    this.env = Objects.requireNonNull(env, "env == null");
    this.diagnostics = new Diagnostics(env.getMessager());
  }

  /**
   * Runs every phase. An unexpected exception is a bug; it is reported as an error rather
   * than left to javac, which would print it as a processor crash.
   *
   * @param entities the entity classes: {@code @Table} ones, or with {@code -Aretort.entities=jpa} the
   *     {@code @Entity} ones (and any {@code @Table} ones, which the scan reports)
   * @param revisionClasses the {@code @Revision} classes
   */
  void run(List<TypeElement> entities, List<TypeElement> revisionClasses) {
    try {
      runPhases(entities, revisionClasses);
    } catch (RuntimeException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      diagnostics.report(null, Message.INTERNAL_ERROR, trace);
    }
  }

  private void runPhases(List<TypeElement> entities, List<TypeElement> revisionClasses) {
    Optional<ProcessorOptions> parsedOptions = ProcessorOptions.parse(env.getOptions(), diagnostics);
    if (parsedOptions.isEmpty()) {
      return;
    }
    ProcessorOptions options = parsedOptions.get();
    Instant now = options.clock().instant();
    RevisionReader revisionReader =
        new RevisionReader(env.getElementUtils(), env.getTypeUtils(), diagnostics, RevisionIds.format(now));
    Optional<Revisions> readRevisions = revisionReader.read(revisionClasses);
    if (readRevisions.isEmpty()) {
      return;
    }
    Revisions revisions = readRevisions.get();
    List<Element> originating = new ArrayList<>(entities);
    originating.addAll(revisionClasses);
    Outputs outputs = new Outputs(env.getFiler(), env.getElementUtils(), diagnostics, !Kapt.runs(env));
    HistoryReader historyReader = new HistoryReader(diagnostics);

    if (options.mode() == Mode.OFF) {
      Optional<ProjectLayout> layout = resolveLayout(options, revisions, entities);
      layout.ifPresent(l -> writeIndex(outputs, l, revisions, historyReader.snapshotResources(revisions, l),
          historyReader, Optional.empty(), originating));
      return;
    }

    EntityScanner scanner = new EntityScanner(env, diagnostics);
    Optional<ScanResult> scan = entities.isEmpty()
        ? Optional.empty()
        : Optional.of(scanner.scan(entities, options.entities(), options.jpaSequenceNaming()));
    if (diagnostics.hasErrors()) {
      return;
    }
    Optional<ProjectLayout> resolved = resolveLayout(options, revisions, entities);
    if (resolved.isEmpty()) {
      return;
    }
    ProjectLayout layout = resolved.get();
    // Before anything is written: the snapshots this build writes are not there yet to be taken for orphans.
    new OrphanedSnapshots(diagnostics).check(revisions, layout);
    if (!new MissingSnapshots(env, diagnostics).check(revisions, layout)) {
      return;
    }
    if (scan.isPresent() && matchesCommittedHead(scan.get(), revisions, layout, historyReader)) {
      writeIndex(outputs, layout, revisions, historyReader.snapshotResources(revisions, layout), historyReader,
          Optional.empty(), originating);
      return;
    }
    Optional<History> readHistory = historyReader.read(revisions, layout, options.mode() == Mode.GENERATE);
    if (readHistory.isEmpty()) {
      return;
    }
    History history = readHistory.get();

    Optional<MigrationPlan> plan = scan.isPresent()
        ? plan(options, scanner, scan.get(), history, revisions, layout, now)
        : Optional.empty();
    if (diagnostics.hasErrors()) {
      return;
    }
    if (options.mode() == Mode.GENERATE && !write(outputs, history, plan, layout, scan, revisions, originating, options.lockFindings())) {
      return;
    }
    writeIndex(outputs, layout, revisions, history.snapshotResources(), historyReader, plan, originating);
  }

  /**
   * Diffs the head schema and the entities' schema. In check mode a difference is reported as
   * an error; otherwise it becomes the plan of the next migration.
   */
  private Optional<MigrationPlan> plan(
      ProcessorOptions options,
      EntityScanner scanner,
      ScanResult scan,
      History history,
      Revisions revisions,
      ProjectLayout layout,
      Instant now) {
    RenameHints hints = scanner.checkRenames(scan, history.headSchema());
    scanner.checkCheckColumns(scan, history.headSchema(), hints);
    scanner.checkCaseOnlyChanges(scan, history.headSchema(), hints);
    if (diagnostics.hasErrors()) {
      return Optional.empty();
    }
    List<Operation> upgrade = Planner.upgrade(history.headSchema(), scan.schema(), hints);
    if (upgrade.isEmpty()) {
      return Optional.empty();
    }
    if (options.mode() == Mode.CHECK) {
      reportDrift(options, history, upgrade);
      return Optional.empty();
    }
    return Optional.of(Planner.plan(history.headSchema(), scan.schema(), hints, upgrade,
        history.head().map(RevisionNode::id), revisions.graph().ids(), layout, now));
  }

  /** Writes the computed merge snapshots and the new migration, and warns about its risky operations. */
  private boolean write(
      Outputs outputs,
      History history,
      Optional<MigrationPlan> plan,
      ProjectLayout layout,
      Optional<ScanResult> scan,
      Revisions revisions,
      List<Element> originating,
      LockFindings lockFindings) {
    for (ComputedSnapshot snapshot : history.computedSnapshots()) {
      if (!outputs.writeMergeSnapshot(snapshot, originating)) {
        return false;
      }
    }
    if (plan.isPresent()) {
      if (!outputs.writeMigration(plan.get(), layout, originating)) {
        return false;
      }
      reportFindings(plan.get(), scan.orElseThrow(), revisions, lockFindings);
    }
    return true;
  }

  /**
   * Whether the entities declare exactly the committed head schema, decided without parsing
   * the snapshot or diffing: the text they would snapshot to, with the source checksum the
   * committed one records, equals the committed text. This is every build that changes no
   * entity; any other outcome takes the full path.
   */
  private static boolean matchesCommittedHead(
      ScanResult scan, Revisions revisions, ProjectLayout layout, HistoryReader historyReader) {
    Optional<String> committed = historyReader.committedHeadSnapshot(revisions, layout);
    if (committed.isEmpty()) {
      return false;
    }
    String recorded;
    try {
      recorded = SnapshotCodec.sourceChecksum(committed.get(), "the head snapshot").orElse("");
    } catch (SnapshotFormatException e) {
      return false;
    }
    return committed.get().equals(SnapshotCodec.write(scan.schema(), recorded));
  }

  private Optional<ProjectLayout> resolveLayout(
      ProcessorOptions options, Revisions revisions, List<TypeElement> entities) {
    return new LayoutResolver(env, diagnostics).resolve(options, revisions.headElement(), entities);
  }

  private void reportDrift(ProcessorOptions options, History history, List<Operation> upgrade) {
    StringBuilder list = new StringBuilder();
    for (Operation operation : upgrade) {
      list.append(list.length() == 0 ? "" : String.format("%n")).append("  - ").append(operation.summary());
    }
    String head = history.head().map(RevisionNode::label).orElse("the empty history (there is no revision yet)");
    String entities = options.entities() == EntitySource.JPA ? "JPA @Entity classes" : "@Table entities";
    diagnostics.report(null, Message.SCHEMA_DRIFT, entities, head, list);
  }

  /**
   * Warns about each risky operation, on the entity or column it comes from; about one that locks a
   * table, as {@code lockFindings} says.
   */
  private void reportFindings(MigrationPlan plan, ScanResult scan, Revisions revisions, LockFindings lockFindings) {
    Element newestRevision = revisions.headElement().orElse(null);
    for (Finding finding : plan.findings()) {
      Element element = finding.column()
          .map(column -> scan.columnElements().getOrDefault(finding.table(), Map.of()).get(column))
          .orElse(null);
      if (element == null) {
        element = scan.tableElements().get(finding.table());
      }
      if (element == null) {
        element = newestRevision;
      }
      switch (finding.risk()) {
        case DESTROYS_DATA ->
            diagnostics.report(element, Message.DESTROYS_DATA, plan.className().simpleName(), finding.text());
        case FAILS_ON_DATA ->
            diagnostics.report(element, Message.FAILS_ON_DATA, plan.className().simpleName(), finding.text());
        case LOCKS_TABLE -> {
          if (lockFindings == LockFindings.WARNING) {
            diagnostics.report(element, Message.LOCKS_TABLE, plan.className().simpleName(), finding.text());
          } else if (lockFindings == LockFindings.NOTE) {
            diagnostics.note(element, Message.LOCKS_TABLE, plan.className().simpleName(), finding.text());
          }
        }
      }
    }
  }

  /**
   * Emits the index of every revision, the planned one last, and makes sure the class output
   * holds every committed snapshot the index names.
   */
  private void writeIndex(
      Outputs outputs,
      ProjectLayout layout,
      Revisions revisions,
      Map<String, String> snapshotResources,
      HistoryReader historyReader,
      Optional<MigrationPlan> plan,
      List<Element> originating) {
    SourceChecksums sources = new SourceChecksums(env);
    Map<String, String> snapshotSources = historyReader.snapshotSourceChecksums(revisions, layout);
    List<RevisionIndexFile.Entry> entries = new ArrayList<>();
    for (RevisionNode revision : revisions.graph().topologicalOrder()) {
      entries.add(new RevisionIndexFile.Entry(revision.id(), revision.className().reflectionName(),
          snapshotResources.get(revision.id()), sources.of(revisions.elements().get(revision.id())),
          snapshotSources.get(revision.id()), revision.description(), revision.parents()));
    }
    // A plan reaches the index only once it is written: the text in the source tree, which the next
    // compilation reads back. Its snapshot records the checksum of that text.
    plan.ifPresent(p -> {
      String written = outputs.writtenSourceChecksum(p.className());
      entries.add(new RevisionIndexFile.Entry(p.id(), p.className().reflectionName(),
          ProjectLayout.snapshotResource(p.className()), written, written, p.description(), p.parents()));
    });
    if (entries.isEmpty() || !outputs.writeIndex(entries, originating)) {
      return;
    }
    Map<String, Path> snapshots = new TreeMap<>();
    for (RevisionNode revision : revisions.graph().topologicalOrder()) {
      Path file = layout.snapshotFile(revision.className());
      if (Files.isRegularFile(file)) {
        snapshots.put(ProjectLayout.snapshotResource(revision.className()), file);
      }
    }
    outputs.restoreSnapshots(snapshots, originating);
  }
}
