package dev.retort.runtime.internal.command;

import dev.retort.operation.Vendor;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.SqlScript;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.internal.Advice;
import dev.retort.runtime.internal.VendorNames;
import dev.retort.runtime.internal.graph.LoadedRevision;
import dev.retort.runtime.internal.graph.RevisionGraph;
import dev.retort.runtime.internal.graph.Target;
import dev.retort.runtime.internal.history.VersionTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code sql --stamp}: the offline script of a {@linkplain StampCommand stamp}, for a database
 * that only a database administrator may change. It writes to the version table what
 * {@code stamp} writes, and nothing else: from {@code base}, the table created unless it exists
 * (as in the script from base) and a row for the target and each of its ancestors; from recorded
 * revisions, after a guard that stops the script unless the table records exactly those, the rows
 * of the revisions no longer wanted deleted, those of the new ones inserted, and those kept given
 * their migrations' current checksums, as {@code stamp} gives them. The rows change in one
 * transaction, the table's creation included where DDL is transactional (PostgreSQL, SQLite).
 */
public final class StampScriptCommand {

  private StampScriptCommand() {}

  /**
   * Writes the script.
   *
   * @param context the settings
   * @param fromText what the version table records: {@code base} (nothing, or no table), {@code head}, an id or
   *     a prefix
   * @param targetText the target: {@code head}, {@code base}, an id, a prefix, or {@code +N}/{@code -N} from
   *     {@code fromText}
   * @param vendor the database to write for
   * @return the script; without blocks when it would change nothing (from {@code base} to {@code base})
   */
  public static SqlScript run(Context context, String fromText, String targetText, Vendor vendor) {
    RevisionGraph graph = context.graph();
    Advice advice = context.advice();
    Set<String> from = ScriptCommand.revisionsAt(Target.parse(fromText, graph, advice), graph);
    Target target = Target.parse(targetText, graph, advice);
    if (target instanceof Target.Relative relative && relative.steps() < 0 && from.isEmpty()) {
      throw new RetortException(ErrorCode.TARGET_OUT_OF_RANGE,
          "Cannot stamp " + target + " from base: a script from base starts with no revision recorded. Write it"
              + " from the revision the version table records, or stamp a revision.");
    }
    Set<String> wanted = StampCommand.wanted(target, graph, from, advice);
    Dialect dialect = context.dialect(vendor);
    VersionTable table = new VersionTable(context.schema(), context.versionTable(), dialect);
    Optional<SqlScript.Block> enter = ScriptCommand.enterSchema(context, dialect);
    List<String> rows = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> recorded = new ArrayList<>();
    for (LoadedRevision revision : graph.revisions()) {
      String id = revision.id();
      if (wanted.contains(id) && !from.contains(id)) {
        recorded.add(id);
        rows.add(table.insertLiteral(id, revision.description(), revision.checksum(), revision.sourceChecksum()));
      } else if (!wanted.contains(id) && from.contains(id)) {
        removed.add(0, id);
      }
    }
    List<String> changes = new ArrayList<>();
    removed.forEach(id -> changes.add(table.deleteLiteral(id)));
    changes.addAll(rows);
    for (LoadedRevision revision : graph.revisions()) {
      if (wanted.contains(revision.id()) && from.contains(revision.id())) {
        // Online, stamp rewrites the rows whose checksums differ; offline nothing says which do, and
        // rewriting the others with the values they hold leaves them as they are.
        changes.add(table.updateLiteral(revision.id(), revision.description(), revision.checksum(),
            revision.sourceChecksum()));
      }
    }
    List<String> fromCurrent = DatabaseState.current(graph, from);
    List<String> toCurrent = DatabaseState.current(graph, wanted);
    String fromLabel = fromCurrent.isEmpty() ? "base" : String.join(", ", fromCurrent);
    String toLabel = toCurrent.isEmpty() ? "base" : String.join(", ", toCurrent);
    List<SqlScript.Block> blocks = new ArrayList<>();
    if (changes.isEmpty()) {
      return new SqlScript(vendor, fromLabel, toLabel, blocks);
    }
    dialect.scriptOpening().ifPresent(part -> blocks.add(new SqlScript.Block(part.comment(), part.statements())));
    enter.ifPresent(blocks::add);
    List<String> statements = new ArrayList<>();
    if (from.isEmpty()) {
      String create = "Create the version table " + table.displayName() + " unless it exists";
      if (dialect.transactionalDdl()) {
        statements.add("BEGIN");
        statements.addAll(table.createIfMissingStatements());
      } else {
        blocks.add(new SqlScript.Block(create + " (" + VendorNames.of(vendor) + " commits DDL at once)",
            table.createIfMissingStatements()));
        statements.add("BEGIN");
      }
    } else {
      blocks.add(ScriptCommand.guard(table, from, fromCurrent, advice));
      statements.add("BEGIN");
    }
    statements.addAll(changes);
    statements.add("COMMIT");
    blocks.add(new SqlScript.Block("Stamp " + toLabel + ": record " + (recorded.isEmpty() ? "no revision" : String.join(
        ", ", recorded)) + (removed.isEmpty() ? "" : ", remove " + String.join(", ", removed))
        + " in the version table without running any migration"
        + (from.isEmpty() && dialect.transactionalDdl() ? ", creating the table unless it exists" : ""), statements));
    dialect.scriptClosing().ifPresent(part -> blocks.add(new SqlScript.Block(part.comment(), part.statements())));
    return new SqlScript(vendor, fromLabel, toLabel, blocks);
  }
}
