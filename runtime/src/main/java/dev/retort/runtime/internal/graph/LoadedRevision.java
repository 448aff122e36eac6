package dev.retort.runtime.internal.graph;

import dev.retort.IrreversibleMigrationException;
import dev.retort.Migration;
import dev.retort.RevisionInfo;
import dev.retort.dsl.Schema;
import dev.retort.operation.Operation;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One revision of the history with its migration, created on first use. The operations and
 * the checksum are computed once; the migration's methods only describe operations, so
 * calling them has no effect on any database.
 *
 * <p>Thread-safe: one {@link dev.retort.runtime.Retort} may serve several threads.
 */
public final class LoadedRevision {

  private final RevisionInfo info;
  private final String className;
  private final Optional<String> sourceChecksum;
  private final boolean snapshotMatchesSource;
  private Migration migration;
  /**
   * Why the class could not be loaded or initialised: the JVM reports that only the first time,
   * perhaps on the thread describing ahead, and a plain "Could not initialize class" after.
   */
  private LinkageError linkageFailure;
  private List<Operation> upgrade;
  private Optional<List<Operation>> downgrade;
  private String irreversibleReason;
  private String checksum;

  /**
   * Wraps a revision given by hand, whose class is known only once it is created.
   *
   * @param info the revision
   */
  public LoadedRevision(RevisionInfo info) {
    this(info, null, "", false);
  }

  /**
   * Wraps a revision of the revision index.
   *
   * @param info the revision
   * @param className the migration's class name; null if it is known only once created
   * @param sourceChecksum the checksum of the migration's source file; empty if unknown
   * @param snapshotMatchesSource whether the revision's own snapshot records that source checksum
   *     ({@link dev.retort.index.RevisionIndexFile.Entry#snapshotMatchesSource()})
   */
  public LoadedRevision(RevisionInfo info, String className, String sourceChecksum, boolean snapshotMatchesSource) {
    this.info = Objects.requireNonNull(info, "info == null");
    this.className = className;
    this.sourceChecksum = sourceChecksum.isEmpty() ? Optional.empty() : Optional.of(sourceChecksum);
    this.snapshotMatchesSource = snapshotMatchesSource && !sourceChecksum.isEmpty()
        && !info.snapshotResource().isBlank();
  }

  /** The revision id. */
  public String id() {
    return info.id();
  }

  /** The parent ids. */
  public List<String> parents() {
    return info.parents();
  }

  /** The index entry. */
  public RevisionInfo info() {
    return info;
  }

  /** What the revision does: the index's description, or the class's simple name without one. */
  public String description() {
    return info.description().isBlank() ? migration().getClass().getSimpleName() : info.description();
  }

  /** The name of the migration class, from the index if it has it, else from the created migration. */
  public String migrationClass() {
    return className != null ? className : migration().getClass().getName();
  }

  /**
   * The checksum of the migration's source file as the processor saw it; empty for a revision
   * given by hand or compiled without javac's trees. Equal source checksums stand for equal
   * operations, which spares loading the class to verify an applied revision.
   */
  public Optional<String> sourceChecksum() {
    return sourceChecksum;
  }

  /**
   * Whether the revision's snapshot was written together with its migration source as it is
   * now, which the index tells: the migration is unchanged since it was generated from that
   * schema. Such a snapshot is the schema that the revision's upgrade, applied after its
   * parents', gives, provided that theirs give their own snapshots.
   */
  public boolean snapshotMatchesSource() {
    return snapshotMatchesSource;
  }

  /** This revision as messages name it: id and class. */
  public String label() {
    return id() + " (" + migrationClass() + ")";
  }

  /**
   * The operations of {@code upgrade}.
   *
   * @throws RetortException {@link ErrorCode#INVALID_MIGRATION} if the method throws
   */
  public synchronized List<Operation> upgradeOperations() {
    if (upgrade == null) {
      Migration instance = migration();
      Schema schema = new Schema();
      try {
        instance.upgrade(schema);
      } catch (RuntimeException e) {
        throw new RetortException(ErrorCode.INVALID_MIGRATION,
            "The upgrade(Schema) method of revision " + label() + " failed while describing its operations: "
                + e.getMessage() + ". Fix the migration class; nothing was run.", e);
      }
      upgrade = schema.operations();
    }
    return upgrade;
  }

  /**
   * The operations of {@code downgrade}.
   *
   * @return the operations, or empty if the migration cannot be undone
   * @throws RetortException {@link ErrorCode#INVALID_MIGRATION} if the method throws anything
   *     but {@link IrreversibleMigrationException}
   */
  public synchronized Optional<List<Operation>> downgradeOperations() {
    if (downgrade == null) {
      Migration instance = migration();
      Schema schema = new Schema();
      try {
        instance.downgrade(schema);
        downgrade = Optional.of(schema.operations());
      } catch (IrreversibleMigrationException e) {
        downgrade = Optional.empty();
        irreversibleReason = e.getMessage();
      } catch (RuntimeException e) {
        throw new RetortException(ErrorCode.INVALID_MIGRATION,
            "The downgrade(Schema) method of revision " + label() + " failed while describing its operations: "
                + e.getMessage() + ". Fix the migration class; nothing was run.", e);
      }
    }
    return downgrade;
  }

  /**
   * The downgrade operations, for a downgrade that is about to run.
   *
   * @return the operations
   * @throws RetortException {@link ErrorCode#IRREVERSIBLE_MIGRATION} naming the class if the
   *     migration cannot be undone
   */
  public List<Operation> requireDowngrade() {
    Optional<List<Operation>> operations = downgradeOperations();
    if (operations.isEmpty()) {
      throw new RetortException(ErrorCode.IRREVERSIBLE_MIGRATION,
          "Cannot downgrade through revision " + label() + ": " + irreversibleReason()
              + " Nothing was run.");
    }
    return operations.get();
  }

  private synchronized String irreversibleReason() {
    return irreversibleReason;
  }

  /** The checksum of the upgrade and downgrade operations, 64 hexadecimal digits. */
  public synchronized String checksum() {
    if (checksum == null) {
      checksum = Checksums.of(upgradeOperations(), downgradeOperations());
    }
    return checksum;
  }

  private synchronized Migration migration() {
    if (migration == null) {
      if (linkageFailure != null) {
        throw cannotCreate(linkageFailure);
      }
      Migration created;
      try {
        created = info.migration().get();
      } catch (LinkageError e) {
        linkageFailure = e;
        throw cannotCreate(e);
      } catch (RetortException e) {
        throw e;
      } catch (RuntimeException e) {
        throw cannotCreate(e);
      }
      if (created == null) {
        throw new RetortException(ErrorCode.INVALID_MIGRATION,
            "The index entry of revision " + info.id() + " created no migration (null). Rebuild the project"
                + " so that the processor regenerates the index.");
      }
      migration = created;
    }
    return migration;
  }

  private RetortException cannotCreate(Throwable cause) {
    return new RetortException(ErrorCode.INVALID_MIGRATION,
        "Cannot create the migration of revision " + info.id() + ": " + cause
            + ". Check that the class is public with a public no-argument constructor.", cause);
  }

  @Override
  public String toString() {
    return info.id();
  }
}
