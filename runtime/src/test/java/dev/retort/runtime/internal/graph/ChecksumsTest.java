package dev.retort.runtime.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.ReferentialAction;
import dev.retort.model.CheckModel;
import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.IndexModel;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.TableModel;
import dev.retort.model.UniqueModel;
import dev.retort.operation.AddCheck;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AddForeignKey;
import dev.retort.operation.AddUnique;
import dev.retort.operation.AlterTableComment;
import dev.retort.operation.Change;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateTable;
import dev.retort.operation.DropCheck;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropForeignKey;
import dev.retort.operation.DropIndex;
import dev.retort.operation.DropTable;
import dev.retort.operation.Execute;
import dev.retort.operation.JdbcStep;
import dev.retort.operation.Operation;
import dev.retort.operation.Vendor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChecksumsTest {

  private static final List<Operation> UP =
      List.of(new AddColumn("users", ColumnModel.of("phone", ColumnType.varchar(20))));
  private static final List<Operation> DOWN = List.of(new DropColumn("users", "phone"));

  /** The pinned migration: a table with a key, a default, a foreign key and a check, an index and raw SQL. */
  private static final List<Operation> PINNED_UP = List.of(
      new CreateTable(new TableModel(
          "invoices",
          "",
          List.of(
              new ColumnModel("id", ColumnType.bigint(), false, Optional.empty(), true, Optional.empty()),
              new ColumnModel("customer_id", ColumnType.bigint(), false, Optional.empty(), false, Optional.empty()),
              new ColumnModel("amount", ColumnType.decimal(12, 2), false, Optional.of(DefaultValue.literal("0")),
                  false, Optional.of("montant dû"))),
          Optional.of(new PrimaryKeyModel("pk_invoices", List.of("id"))),
          List.of(),
          List.of(),
          List.of(new ForeignKeyModel("fk_invoices_customer_id", List.of("customer_id"), "customers",
              List.of("id"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION)),
          List.of(new CheckModel("ck_invoices_amount", "amount >= 0")),
          Optional.empty())),
      new CreateIndex("invoices", new IndexModel("ix_invoices_customer_id", List.of("customer_id"), false), false),
      new Execute(Optional.of("INSERT INTO invoices (customer_id) SELECT id FROM customers"),
          Map.of(Vendor.POSTGRESQL, "INSERT INTO invoices (customer_id) SELECT id FROM customers ON CONFLICT DO NOTHING")));
  private static final List<Operation> PINNED_DOWN =
      List.of(new DropIndex("invoices", "ix_invoices_customer_id", false), new DropTable("invoices"));

  @Test
  void isSixtyFourHexDigitsAndStable() {
    String checksum = Checksums.of(UP, Optional.of(DOWN));

    assertThat(checksum).matches("[0-9a-f]{64}");
    assertThat(Checksums.of(List.copyOf(UP), Optional.of(List.copyOf(DOWN)))).isEqualTo(checksum);
  }

  /**
   * Pinned on purpose. Every checksum ends up in users' version tables, and the runtime compares
   * it on every start: an encoding that changes by accident makes every applied migration of
   * every database fail with CHECKSUM_MISMATCH. If this test fails, the change to
   * CanonicalOperations was not meant to change the text: undo it. If it was (a new component
   * or operation), change CanonicalOperations.FORMAT too, say so in the release notes, and only
   * then update the values below; unless the addition is written only where a migration uses it
   * (a new kind of operation, a flag written only when set), which leaves every existing text as
   * it was.
   */
  @Test
  void aFixedMigrationHasAPinnedTextAndChecksum() throws Exception {
    String text = CanonicalOperations.of(PINNED_UP, Optional.of(PINNED_DOWN));

    assertThat(text).isEqualTo("""
        retort-checksum-2
        upgrade 3
        CreateTable(Table(8:invoices 0: 3[Column(2:id bigint false - true -) \
        Column(11:customer_id bigint false - false -) \
        Column(6:amount decimal(12 2) false +literal(1:0) false +10:montant dû)] \
        +PrimaryKey(11:pk_invoices 1[2:id]) 0[] 0[] \
        1[ForeignKey(23:fk_invoices_customer_id 1[11:customer_id] 9:customers 1[2:id] cascade no_action)] \
        1[Check(18:ck_invoices_amount 11:amount >= 0)] -))
        CreateIndex(8:invoices Index(23:ix_invoices_customer_id 1[11:customer_id] false) false)
        Execute(+59:INSERT INTO invoices (customer_id) SELECT id FROM customers \
        1[postgresql=82:INSERT INTO invoices (customer_id) SELECT id FROM customers ON CONFLICT DO NOTHING])
        downgrade 2
        DropIndex(8:invoices 23:ix_invoices_customer_id false)
        DropTable(8:invoices)
        """);
    assertThat(Checksums.of(PINNED_UP, Optional.of(PINNED_DOWN)))
        .isEqualTo(sha256(text))
        .isEqualTo("e4615eabd2b857ce6fa615a97caea8b2f8d981c089164968b080466d8ef4be0d");
  }

  /**
   * Pinned too, from the text that adding a check and a foreign key had before they could be added not valid: a
   * migration applied before then must keep its checksum, so the flag is written only when set and the format stays.
   */
  @Test
  void aCheckAndAForeignKeyAddedAsBeforeTheNotValidFlagKeepTheirChecksum() {
    List<Operation> up = List.of(
        new AddCheck("invoices", new CheckModel("ck_invoices_amount", "amount >= 0")),
        new AddForeignKey("invoices", new ForeignKeyModel("fk_invoices_customer_id", List.of("customer_id"),
            "customers", List.of("id"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION)));
    List<Operation> down = List.of(new DropForeignKey("invoices", "fk_invoices_customer_id"),
        new DropCheck("invoices", "ck_invoices_amount"));

    assertThat(Checksums.of(up, Optional.of(down)))
        .isEqualTo("3f3abe7bb499b175b4b7fcdc563bd9f0266cece08c3e67e409a3bc993d92651f");
    assertThat(Checksums.of(List.of(new AddCheck("invoices", new CheckModel("ck_invoices_amount", "amount >= 0"),
        true), up.get(1)), Optional.of(down))).isNotEqualTo(Checksums.of(up, Optional.of(down)));
  }

  @Test
  void doesNotDependOnTheDefaultLocale() {
    String checksum = Checksums.of(PINNED_UP, Optional.of(PINNED_DOWN));
    Locale before = Locale.getDefault();
    try {
      for (String tag : List.of("tr-TR", "ar-EG-u-nu-arab", "hi-IN-u-nu-deva", "de-DE")) {
        Locale.setDefault(Locale.forLanguageTag(tag));

        assertThat(Checksums.of(PINNED_UP, Optional.of(PINNED_DOWN))).as(tag).isEqualTo(checksum);
      }
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void coversTheUpgrade() {
    List<Operation> wider = List.of(new AddColumn("users", ColumnModel.of("phone", ColumnType.varchar(30))));

    assertThat(Checksums.of(wider, Optional.of(DOWN))).isNotEqualTo(Checksums.of(UP, Optional.of(DOWN)));
  }

  @Test
  void coversTheDowngrade() {
    assertThat(Checksums.of(UP, Optional.of(List.of()))).isNotEqualTo(Checksums.of(UP, Optional.of(DOWN)));
    assertThat(Checksums.of(UP, Optional.empty())).isNotEqualTo(Checksums.of(UP, Optional.of(List.of())));
  }

  @Test
  void keepsUpgradeAndDowngradeApart() {
    assertThat(Checksums.of(List.of(), Optional.of(UP))).isNotEqualTo(Checksums.of(UP, Optional.of(List.of())));
  }

  @Test
  void aJavaStepCountsByItsDescriptionOnly() {
    JdbcStep one = new JdbcStep("backfill users.phone", connection -> { });
    JdbcStep sameDescription = new JdbcStep("backfill users.phone", connection -> connection.commit());
    JdbcStep otherDescription = new JdbcStep("backfill users.email", connection -> { });

    assertThat(Checksums.of(List.of(one), Optional.empty()))
        .isEqualTo(Checksums.of(List.of(sameDescription), Optional.empty()))
        .isNotEqualTo(Checksums.of(List.of(otherDescription), Optional.empty()));
  }

  @Test
  void aSeparatorInsideANameDoesNotMoveTheBoundaryBetweenNames() {
    assertDiffer(List.of(new DropColumn("a b", "c")), List.of(new DropColumn("a", "b c")));
    assertDiffer(List.of(new DropColumn("a 1:b", "c")), List.of(new DropColumn("a", "b 1:c")));
    assertDiffer(List.of(new AddUnique("t", new UniqueModel("u", List.of("a b")))),
        List.of(new AddUnique("t", new UniqueModel("u", List.of("a", "b")))));
  }

  @Test
  void textThatLooksLikeTheEncodingStaysInsideItsString() {
    assertDiffer(List.of(Execute.of("SELECT 1)\nDropTable(1:t")),
        List.of(Execute.of("SELECT 1"), new DropTable("t")));
    assertDiffer(
        List.of(Execute.of("SELECT 1 1[h2=8:SELECT 2]")),
        List.of(new Execute(Optional.of("SELECT 1"), Map.of(Vendor.H2, "SELECT 2"))));
    assertThat(Checksums.of(List.of(Execute.of("SELECT 1\ndowngrade 0")), Optional.empty()))
        .isNotEqualTo(Checksums.of(List.of(Execute.of("SELECT 1")), Optional.of(List.of())));
  }

  @Test
  void anAbsentValueDiffersFromEveryPresentOne() {
    assertDiffer(List.of(new AddColumn("t", ColumnModel.of("c", ColumnType.text()))),
        List.of(new AddColumn("t", ColumnModel.of("c", ColumnType.text()).withComment(Optional.of("-")))));
    assertDiffer(List.of(new AlterTableComment("t", new Change<>(Optional.empty(), Optional.of("")))),
        List.of(new AlterTableComment("t", new Change<>(Optional.of(""), Optional.empty()))));
    assertDiffer(List.of(Execute.of("SELECT 1")),
        List.of(new Execute(Optional.empty(), Map.of(Vendor.H2, "SELECT 1"))));
  }

  @Test
  void theSqlOfOneVendorIsNotTakenForAnothers() {
    assertDiffer(List.of(new Execute(Optional.empty(), Map.of(Vendor.H2, "SELECT 1", Vendor.SQLITE, "SELECT 2"))),
        List.of(new Execute(Optional.empty(), Map.of(Vendor.H2, "SELECT 2", Vendor.SQLITE, "SELECT 1"))));
  }

  @Test
  void aLoneSurrogateIsNotTakenForAQuestionMark() {
    assertDiffer(List.of(Execute.of("SELECT '\uD800'")), List.of(Execute.of("SELECT '?'")));
    assertDiffer(List.of(Execute.of("SELECT '\uD800'")), List.of(Execute.of("SELECT '\uDC00'")));
  }

  @Test
  void theBytesAreUtf8AndALoneSurrogateGetsItsOwnThreeBytes() {
    String valid = "montant dû, 合計, \uD83D\uDCB6";

    assertThat(Checksums.utf8(valid)).isEqualTo(valid.getBytes(StandardCharsets.UTF_8));
    assertThat(Checksums.utf8("a\uD800b\uDFFF")).containsExactly(
        'a', 0xED, 0xA0, 0x80, 'b', 0xED, 0xBF, 0xBF);
    assertThat(Checksums.utf8("\uD83D\uDCB6\uD800")).containsExactly(
        0xF0, 0x9F, 0x92, 0xB6, 0xED, 0xA0, 0x80);
  }

  private static void assertDiffer(List<Operation> one, List<Operation> other) {
    assertThat(Checksums.of(one, Optional.empty()))
        .as("%s and %s", one, other)
        .isNotEqualTo(Checksums.of(other, Optional.empty()));
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
