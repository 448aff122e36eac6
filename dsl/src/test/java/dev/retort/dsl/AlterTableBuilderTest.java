package dev.retort.dsl;

import static dev.retort.dsl.ColumnOption.defaultValue;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.ReferentialAction;
import dev.retort.model.CheckModel;
import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.IndexModel;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.UniqueModel;
import dev.retort.operation.AddCheck;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AddForeignKey;
import dev.retort.operation.AddPrimaryKey;
import dev.retort.operation.AddUnique;
import dev.retort.operation.AlterTableComment;
import dev.retort.operation.Change;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.DropCheck;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropForeignKey;
import dev.retort.operation.DropIndex;
import dev.retort.operation.DropPrimaryKey;
import dev.retort.operation.DropTable;
import dev.retort.operation.DropUnique;
import dev.retort.operation.Operation;
import dev.retort.operation.RenameColumn;
import dev.retort.operation.RenamePrimaryKey;
import dev.retort.operation.ValidateConstraint;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class AlterTableBuilderTest {

  private static List<Operation> alter(Consumer<AlterTableBuilder> changes) {
    return new Schema().alterTable("users", changes).operations();
  }

  private static void assertRejected(Consumer<AlterTableBuilder> changes, String message) {
    assertThatThrownBy(() -> alter(changes)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void columnCallsBuildColumnOperations() {
    assertThat(alter(t -> t
        .addColumn("phone", varchar(20))
        .addColumn("plan", varchar(10), notNull(), defaultValue("free"))
        .dropColumn("fax")
        .renameColumn("mail", "email")))
        .containsExactly(
            new AddColumn("users", ColumnModel.of("phone", ColumnType.varchar(20))),
            new AddColumn("users", new ColumnModel("plan", ColumnType.varchar(10), false,
                Optional.of(DefaultValue.literal("free")), false, Optional.empty())),
            new DropColumn("users", "fax"),
            new RenameColumn("users", "mail", "email"));
  }

  @Test
  void constraintCallsBuildConstraintOperations() {
    assertThat(alter(t -> t
        .addPrimaryKey("pk_users", "tenant", "id")
        .dropPrimaryKey("pk_users_old")
        .renamePrimaryKey("pk_people", "pk_users")
        .addUnique("uq_users_email", "email")
        .dropUnique("uq_users_mail")
        .addCheck("ck_users_age", "age >= 0")
        .dropCheck("ck_users_old")
        .addForeignKey("fk_users_team_id", fk -> fk.columns("team_id").references("teams", "id")
            .onDelete(ReferentialAction.SET_NULL).onUpdate(ReferentialAction.CASCADE))
        .dropForeignKey("fk_users_old")))
        .containsExactly(
            new AddPrimaryKey("users", new PrimaryKeyModel("pk_users", List.of("tenant", "id"))),
            new DropPrimaryKey("users", "pk_users_old"),
            new RenamePrimaryKey("users", "pk_people", "pk_users"),
            new AddUnique("users", new UniqueModel("uq_users_email", List.of("email"))),
            new DropUnique("users", "uq_users_mail"),
            new AddCheck("users", new CheckModel("ck_users_age", "age >= 0")),
            new DropCheck("users", "ck_users_old"),
            new AddForeignKey("users", new ForeignKeyModel("fk_users_team_id", List.of("team_id"), "teams",
                List.of("id"), ReferentialAction.SET_NULL, ReferentialAction.CASCADE)),
            new DropForeignKey("users", "fk_users_old"));
  }

  @Test
  void notValidCallsBuildTheAddOperationsMarkedNotValidAndValidateNamesTheConstraint() {
    assertThat(alter(t -> t
        .addCheckNotValid("ck_users_age", "age >= 0")
        .addForeignKeyNotValid("fk_users_team_id", fk -> fk.columns("team_id").references("teams", "id")
            .onDelete(ReferentialAction.CASCADE))
        .validateConstraint("ck_users_age")
        .validateConstraint("fk_users_team_id")))
        .containsExactly(
            new AddCheck("users", new CheckModel("ck_users_age", "age >= 0"), true),
            new AddForeignKey("users", new ForeignKeyModel("fk_users_team_id", List.of("team_id"), "teams",
                List.of("id"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION), true),
            new ValidateConstraint("users", "ck_users_age"),
            new ValidateConstraint("users", "fk_users_team_id"));
  }

  @Test
  void theValidatingCallsBuildOperationsThatAreNotMarkedNotValid() {
    assertThat(alter(t -> t
        .addCheck("ck_users_age", "age >= 0")
        .addForeignKey("fk_users_team_id", fk -> fk.columns("team_id").references("teams", "id"))))
        .allSatisfy(operation -> assertThat(operation).isIn(
            new AddCheck("users", new CheckModel("ck_users_age", "age >= 0"), false),
            new AddForeignKey("users", new ForeignKeyModel("fk_users_team_id", List.of("team_id"), "teams",
                List.of("id"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION), false)));
  }

  @Test
  void rejectsMalformedNotValidCallsNamingTableAndConstraint() {
    assertRejected(t -> t.addCheckNotValid("ck_users", " "),
        "alterTable(\"users\"): check ck_users: check ck_users has a blank expression");
    assertRejected(t -> t.addForeignKeyNotValid("fk_users", fk -> fk.columns().references("teams", "id")),
        "alterTable(\"users\"): foreign key fk_users: columns is empty");
    assertRejected(t -> t.validateConstraint(""), "alterTable(\"users\"): constraint name is blank");
  }

  @Test
  void indexCallsBuildIndexOperations() {
    assertThat(alter(t -> t
        .createIndex("ix_users_name", "last_name", "first_name")
        .createUniqueIndex("ux_users_email", "email")
        .createIndexConcurrently("ix_users_created", "created_at")
        .dropIndex("ix_users_old")
        .dropIndexConcurrently("ix_users_older")))
        .containsExactly(
            new CreateIndex("users", new IndexModel("ix_users_name", List.of("last_name", "first_name"), false), false),
            new CreateIndex("users", new IndexModel("ux_users_email", List.of("email"), true), false),
            new CreateIndex("users", new IndexModel("ix_users_created", List.of("created_at"), false), true),
            new DropIndex("users", "ix_users_old", false),
            new DropIndex("users", "ix_users_older", true));
  }

  @Test
  void commentCallsCarryTheCommentBeforeAndAfter() {
    assertThat(alter(t -> t.setComment("people").changeComment("people", "accounts").dropComment("accounts")))
        .containsExactly(
            new AlterTableComment("users", new Change<>(Optional.empty(), Optional.of("people"))),
            new AlterTableComment("users", new Change<>(Optional.of("people"), Optional.of("accounts"))),
            new AlterTableComment("users", new Change<>(Optional.of("accounts"), Optional.empty())));
  }

  @Test
  void rejectsMalformedColumnCallsNamingTheTable() {
    assertRejected(t -> t.addColumn("", varchar(5)), "alterTable(\"users\"): column name is blank");
    assertRejected(t -> t.addColumn("a", varchar(5), notNull(), notNull()),
        "alterTable(\"users\"): column users.a has notNull() twice");
    assertRejected(t -> t.dropColumn(" "), "alterTable(\"users\"): column name is blank");
    assertRejected(t -> t.renameColumn("email", "email"),
        "alterTable(\"users\"): rename of column users.email to the same name");
    assertRejected(t -> t.renameColumn("email", ""), "alterTable(\"users\"): new column name is blank");
  }

  @Test
  void rejectsAPrimaryKeyRenameToTheSameNameNamingTheTable() {
    assertRejected(t -> t.renamePrimaryKey("pk_users", "pk_users"),
        "alterTable(\"users\"): rename of primary key pk_users on users to the same name");
  }

  @Test
  void rejectsMalformedConstraintCallsNamingTableAndConstraint() {
    assertRejected(t -> t.addPrimaryKey("pk_users"),
        "alterTable(\"users\"): primary key pk_users: primary key columns is empty");
    assertRejected(t -> t.addUnique("uq_users", "a", "a"),
        "alterTable(\"users\"): unique constraint uq_users: unique constraint columns [a, a] repeat a name");
    assertRejected(t -> t.addCheck("ck_users", ""),
        "alterTable(\"users\"): check ck_users: check ck_users has a blank expression");
    assertRejected(t -> t.createIndex("ix_users"), "alterTable(\"users\"): index ix_users: index columns is empty");
    assertRejected(t -> t.createUniqueIndex("ux_users", " "),
        "alterTable(\"users\"): unique index ux_users: index column is blank");
    assertRejected(t -> t.createIndexConcurrently(" ix", "a"),
        "alterTable(\"users\"): index  ix: index name ' ix' has leading or trailing white space");
    assertRejected(t -> t.dropPrimaryKey(""), "alterTable(\"users\"): primary key name is blank");
    assertRejected(t -> t.dropUnique(""), "alterTable(\"users\"): unique constraint name is blank");
    assertRejected(t -> t.dropCheck(""), "alterTable(\"users\"): check constraint name is blank");
    assertRejected(t -> t.dropForeignKey(""), "alterTable(\"users\"): foreign key name is blank");
    assertRejected(t -> t.dropIndex(""), "alterTable(\"users\"): index name is blank");
    assertRejected(t -> t.dropIndexConcurrently(""), "alterTable(\"users\"): index name is blank");
    assertThatThrownBy(() -> alter(t -> t.addUnique("uq_users", (String[]) null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("alterTable(\"users\"): unique constraint uq_users: columns == null");
  }

  @Test
  void rejectsACommentChangeThatChangesNothing() {
    assertRejected(t -> t.changeComment("people", "people"),
        "alterTable(\"users\"): the comment changes from 'people' to the same value");
    assertThatThrownBy(() -> alter(t -> t.setComment(null)))
        .isInstanceOf(NullPointerException.class).hasMessage("alterTable(\"users\"): the new comment == null");
    assertThatThrownBy(() -> alter(t -> t.dropComment(null)))
        .isInstanceOf(NullPointerException.class).hasMessage("alterTable(\"users\"): the comment now == null");
  }

  @Test
  void rejectsAnAddColumnWhoseTypeIsMissing() {
    assertThatThrownBy(() -> alter(t -> t.addColumn("a", null)))
        .isInstanceOf(NullPointerException.class).hasMessage("alterTable(\"users\"): column users.a: type == null");
  }

  @Test
  void aFailedCallRecordsNoneOfTheTablesChanges() {
    Schema schema = new Schema().dropTable("old");

    assertThatThrownBy(() -> schema.alterTable("users", t -> t.dropColumn("a").dropColumn("")))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(schema.operations()).containsExactly(new DropTable("old"));
  }
}
