package dev.retort.runtime.internal.graph;

import static dev.retort.model.ColumnType.integer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retort.Migration;
import dev.retort.RevisionInfo;
import dev.retort.dsl.Schema;
import dev.retort.operation.Operation;
import dev.retort.runtime.Direction;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The command's thread and the thread describing ahead share the revisions: whichever reaches a
 * revision first describes it, the other gets the same result, and every migration method runs
 * once however the two threads interleave.
 */
class DescribeAheadTest {

  private static final int REVISIONS = 200;

  /** A migration that counts the calls of its methods. */
  private static final class Counting implements Migration {
    private final String table;
    private final AtomicInteger upgrades;
    private final AtomicInteger downgrades;

    Counting(String table, AtomicInteger upgrades, AtomicInteger downgrades) {
      this.table = table;
      this.upgrades = upgrades;
      this.downgrades = downgrades;
    }

    @Override
    public void upgrade(Schema schema) {
      upgrades.incrementAndGet();
      schema.alterTable(table, t -> t.addColumn("extra", integer()));
    }

    @Override
    public void downgrade(Schema schema) {
      downgrades.incrementAndGet();
      schema.alterTable(table, t -> t.dropColumn("extra"));
    }
  }

  @RepeatedTest(20)
  void everyMigrationMethodRunsOnceWhileBothThreadsDescribe() {
    List<AtomicInteger> upgrades = new ArrayList<>();
    List<AtomicInteger> downgrades = new ArrayList<>();
    AtomicInteger created = new AtomicInteger();
    List<LoadedRevision> revisions = new ArrayList<>();
    for (int i = 0; i < REVISIONS; i++) {
      AtomicInteger up = new AtomicInteger();
      AtomicInteger down = new AtomicInteger();
      upgrades.add(up);
      downgrades.add(down);
      String table = "t" + i;
      revisions.add(new LoadedRevision(new RevisionInfo("r" + i, i == 0 ? List.of() : List.of("r" + (i - 1)), "", "",
          () -> {
            created.incrementAndGet();
            return new Counting(table, up, down);
          })));
    }

    DescribeAhead.start(List.of(), revisions, Direction.UPGRADE);
    List<List<Operation>> described = new ArrayList<>();
    for (LoadedRevision revision : revisions) {
      described.add(revision.upgradeOperations());
      revision.checksum();
    }

    assertThat(created).hasValue(REVISIONS);
    assertThat(upgrades).allSatisfy(count -> assertThat(count).hasValue(1));
    assertThat(downgrades).allSatisfy(count -> assertThat(count).hasValue(1));
    for (int i = 0; i < REVISIONS; i++) {
      assertThat(revisions.get(i).upgradeOperations()).isSameAs(described.get(i));
    }
  }

  @Test
  void aMigrationThatFailsIsReportedOnTheCommandsThreadAndStopsTheDescriber() throws InterruptedException {
    AtomicInteger earlierCreated = new AtomicInteger();
    List<LoadedRevision> revisions = List.of(
        new LoadedRevision(new RevisionInfo("r1", List.of(), "", "", () -> {
          earlierCreated.incrementAndGet();
          return new Counting("a", new AtomicInteger(), new AtomicInteger());
        })),
        new LoadedRevision(new RevisionInfo("r2", List.of("r1"), "", "", () -> new Migration() {
          @Override
          public void upgrade(Schema schema) {
            throw new IllegalStateException("broken on purpose");
          }

          @Override
          public void downgrade(Schema schema) {}
        })),
        new LoadedRevision(new RevisionInfo("r3", List.of("r2"), "", "", () -> new Counting("c", new AtomicInteger(),
            new AtomicInteger()))));

    Optional<Thread> describer = DescribeAhead.start(List.of(), revisions, Direction.UPGRADE);
    assumeTrue(describer.isPresent(), "describing ahead needs two processors");
    describer.get().join(10_000);

    assertThat(describer.get().isAlive()).isFalse();
    assertThat(earlierCreated).as("the describer, going back to front, stops at the failing revision").hasValue(0);
    assertThatThrownBy(() -> revisions.get(1).upgradeOperations())
        .isInstanceOf(RetortException.class)
        .hasMessageContaining("r2")
        .hasMessageContaining("broken on purpose")
        .extracting(e -> ((RetortException) e).code()).isEqualTo(ErrorCode.INVALID_MIGRATION);
  }

  /** A migration class whose initialisation fails; only the test below creates it. */
  public static final class FailsToInitialise implements Migration {
    static {
      if (Boolean.parseBoolean("true")) {
        throw new IllegalStateException("static initialiser broken on purpose");
      }
    }

    @Override
    public void upgrade(Schema schema) {}

    @Override
    public void downgrade(Schema schema) {}
  }

  @Test
  void aClassThatFailsToInitialiseOnTheDescriberIsReportedWithThatFailureOnTheCommandsThread()
      throws InterruptedException {
    List<LoadedRevision> revisions = List.of(
        new LoadedRevision(new RevisionInfo("r1", List.of(), "", "", FailsToInitialise::new)),
        new LoadedRevision(new RevisionInfo("r2", List.of("r1"), "", "", () -> new Counting("b",
            new AtomicInteger(), new AtomicInteger()))));

    Optional<Thread> describer = DescribeAhead.start(List.of(), revisions, Direction.UPGRADE);
    assumeTrue(describer.isPresent(), "describing ahead needs two processors");
    describer.get().join(10_000);

    assertThatThrownBy(() -> revisions.get(0).upgradeOperations())
        .isInstanceOf(RetortException.class)
        .hasMessageContaining("Cannot create the migration of revision r1: java.lang.ExceptionInInitializerError")
        .hasRootCauseMessage("static initialiser broken on purpose");
  }

  @Test
  void anInterruptStopsTheDescriberBeforeTheNextRevision() throws InterruptedException {
    CountDownLatch describing = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    AtomicInteger created = new AtomicInteger();
    List<LoadedRevision> revisions = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      revisions.add(new LoadedRevision(new RevisionInfo("r" + i, List.of(), "", "", () -> {
        created.incrementAndGet();
        return new Migration() {
          @Override
          public void upgrade(Schema schema) {
            describing.countDown();
            try {
              never.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }

          @Override
          public void downgrade(Schema schema) {}
        };
      })));
    }

    Optional<Thread> describer = DescribeAhead.start(List.of(), revisions, Direction.UPGRADE);
    assumeTrue(describer.isPresent(), "describing ahead needs two processors");
    describing.await();
    describer.get().interrupt();
    describer.get().join(10_000);

    assertThat(describer.get().isAlive()).isFalse();
    assertThat(created).as("migrations created before the interrupt stopped the describer").hasValue(1);
  }

  @Test
  void aDowngradeDescribesTheDowngrades() {
    AtomicInteger upgrades = new AtomicInteger();
    AtomicInteger downgrades = new AtomicInteger();
    List<LoadedRevision> revisions = new ArrayList<>();
    for (int i = 0; i < REVISIONS; i++) {
      String table = "t" + i;
      revisions.add(new LoadedRevision(new RevisionInfo("r" + i, List.of(), "", "",
          () -> new Counting(table, upgrades, downgrades))));
    }

    DescribeAhead.start(List.of(), revisions, Direction.DOWNGRADE);
    for (LoadedRevision revision : revisions) {
      revision.requireDowngrade();
      revision.checksum();
    }

    assertThat(downgrades).hasValue(REVISIONS);
    assertThat(upgrades).hasValue(REVISIONS);
  }

  @Test
  void aDowngradesDescriberLeavesTheUpgradesAndChecksumsAlone() throws InterruptedException {
    AtomicInteger upgrades = new AtomicInteger();
    AtomicInteger downgrades = new AtomicInteger();
    List<LoadedRevision> revisions = new ArrayList<>();
    for (int i = 0; i < REVISIONS; i++) {
      String table = "t" + i;
      revisions.add(new LoadedRevision(new RevisionInfo("r" + i, List.of(), "", "",
          () -> new Counting(table, upgrades, downgrades))));
    }

    Optional<Thread> describer = DescribeAhead.start(List.of(), revisions, Direction.DOWNGRADE);
    assumeTrue(describer.isPresent(), "describing ahead needs two processors");
    describer.get().join(10_000);

    assertThat(describer.get().isAlive()).isFalse();
    assertThat(downgrades).hasValue(REVISIONS);
    assertThat(upgrades).as("a downgrade records no checksum, so needs no upgrade()").hasValue(0);
  }

  @Test
  void theDescriberGoesBackToFrontWhileThePlannerGoesFrontToBack() throws InterruptedException {
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    List<LoadedRevision> revisions = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String id = "r" + i;
      revisions.add(new LoadedRevision(new RevisionInfo(id, List.of(), "", "", () -> new Migration() {
        @Override
        public void upgrade(Schema schema) {
          order.add(id);
        }

        @Override
        public void downgrade(Schema schema) {}
      })));
    }

    Optional<Thread> describer = DescribeAhead.start(List.of(), revisions, Direction.UPGRADE);
    assumeTrue(describer.isPresent(), "describing ahead needs two processors");
    describer.get().join(10_000);

    assertThat(order).containsExactly("r4", "r3", "r2", "r1", "r0");
  }

  @Test
  void anUpgradeAlsoDescribesTheAppliedRevisionsThePlanStartsFrom() throws InterruptedException {
    AtomicInteger appliedUpgrades = new AtomicInteger();
    AtomicInteger appliedDowngrades = new AtomicInteger();
    AtomicInteger selectedUpgrades = new AtomicInteger();
    AtomicInteger selectedDowngrades = new AtomicInteger();
    List<LoadedRevision> applied = new ArrayList<>();
    List<LoadedRevision> selected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String table = "t" + i;
      applied.add(new LoadedRevision(new RevisionInfo("a" + i, List.of(), "", "",
          () -> new Counting(table, appliedUpgrades, appliedDowngrades))));
      selected.add(new LoadedRevision(new RevisionInfo("s" + i, List.of(), "", "",
          () -> new Counting(table, selectedUpgrades, selectedDowngrades))));
    }

    Optional<Thread> describer = DescribeAhead.start(applied, selected, Direction.UPGRADE);
    assumeTrue(describer.isPresent(), "describing ahead needs two processors");
    describer.get().join(10_000);

    assertThat(appliedUpgrades).hasValue(5);
    assertThat(appliedDowngrades).as("an applied revision is not recorded again, so needs no checksum").hasValue(0);
    assertThat(selectedUpgrades).hasValue(5);
    assertThat(selectedDowngrades).as("the checksums of the revisions about to be recorded").hasValue(5);
  }
}
