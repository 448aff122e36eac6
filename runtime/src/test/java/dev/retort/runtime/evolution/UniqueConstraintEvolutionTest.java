package dev.retort.runtime.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.Retort;
import dev.retort.runtime.testdb.TestDatabase;
import dev.retort.runtime.testing.MigrationCycle;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code @Unique} end to end: entities declaring unique constraints over several columns are
 * built with the real processor three times (created; a column of one renamed and a named one
 * added; one removed and the other's columns changed), and the migrations the processor wrote
 * are applied revision by revision, up and down, on each database, with the live schema as
 * {@code check()} expects it after each step: the constraints are unique constraints there,
 * not unique indexes, and follow the renames.
 */
class UniqueConstraintEvolutionTest {

  private static final Instant CLOCK = Instant.parse("2026-11-21T15:30:00Z");
  private static final String ENTITY = Entities.PACKAGE.replace('.', '/') + "/Coupon.java";

  @TempDir Path root;

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theMigrationsWrittenForUniqueChangesApplyAndLeaveTheSchemaTheEntitiesDeclare(TestDatabase.Kind kind)
      throws IOException {
    Project project = new Project(root);
    assertThat(build(project, CLOCK, """
        @Unique(columns = {"customer_id", "code"})
        public record Coupon(@Id long id, long customerId, @Column(length = 20) String code) {}
        """)).contains("unique(\"uq_coupons_customer_id_code\", \"customer_id\", \"code\")");
    assertThat(build(project, CLOCK.plusSeconds(60), """
        @Unique(columns = {"customer_id", "voucher_code"})
        @Unique(name = "coupon_issue", columns = {"issued_on", "voucher_code"})
        public record Coupon(
            @Id long id,
            long customerId,
            @RenamedFrom("code") @Column(length = 20) String voucherCode,
            LocalDate issuedOn) {}
        """)).contains(".dropUnique(\"uq_coupons_customer_id_code\")", ".renameColumn(\"code\", \"voucher_code\")",
            ".addUnique(\"uq_coupons_customer_id_voucher_code\", \"customer_id\", \"voucher_code\")",
            ".addUnique(\"coupon_issue\", \"issued_on\", \"voucher_code\")");
    assertThat(build(project, CLOCK.plusSeconds(120), """
        @Unique(name = "coupon_issue", columns = {"customer_id", "issued_on", "voucher_code"})
        public record Coupon(
            @Id long id,
            long customerId,
            @Column(length = 20) String voucherCode,
            LocalDate issuedOn) {}
        """)).contains(".dropUnique(\"uq_coupons_customer_id_voucher_code\")", ".dropUnique(\"coupon_issue\")",
            ".addUnique(\"coupon_issue\", \"customer_id\", \"issued_on\", \"voucher_code\")");
    // A build without changes writes nothing and gives the class path with all three migrations.
    Project.Build last = project.build(CLOCK.plusSeconds(180));
    assertThat(last.succeeded()).as(last.log()).isTrue();

    try (TestDatabase db = TestDatabase.create(kind); URLClassLoader loader = last.classLoader()) {
      Retort retort = Retort.builder().url(db.url(), db.user(), db.password()).classLoader(loader).build();
      MigrationCycle.verifyEachStep(retort);
      assertThat(retort.check().differences()).isEmpty();
    }
  }

  /**
   * Writes the entity (its annotations below {@code @Table} and its declaration), builds, and
   * returns the one migration the build wrote.
   */
  private static String build(Project project, Instant clock, String declaration) {
    project.writeEntities(Map.of(ENTITY, """
        package %s;

        import dev.retort.*;
        import java.time.LocalDate;

        @Table(name = "coupons")
        %s""".formatted(Entities.PACKAGE, declaration)));
    Map<Path, String> before = project.tree();
    Project.Build build = project.build(clock);
    assertThat(build.succeeded()).as(build.log()).isTrue();
    List<String> written = project.tree().entrySet().stream()
        .filter(file -> !before.containsKey(file.getKey()) && file.getKey().toString().endsWith(".java"))
        .map(Map.Entry::getValue)
        .toList();
    assertThat(written).as("migrations written").hasSize(1);
    return written.get(0);
  }
}
