package dev.retort.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.ReferentialAction;
import dev.retort.model.ColumnType;
import dev.retort.model.ForeignKeyModel;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every operation record validates itself when built, with a message saying what is wrong. */
class OperationValidationTest {

  private static void assertRejected(Executable construction, String message) {
    assertThatThrownBy(construction::execute).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  private static void assertNull(Executable construction, String message) {
    assertThatThrownBy(construction::execute).isInstanceOf(NullPointerException.class).hasMessage(message);
  }

  @Test
  void tableOperationsRejectBlankAndPaddedNames() {
    assertRejected(() -> new DropTable(""), "table name is blank");
    assertRejected(() -> new DropTable(" users"), "table name ' users' has leading or trailing white space");
    assertNull(() -> new DropTable(null), "table name == null");
    assertRejected(() -> new RenameTable("\t", "users"), "table name is blank");
    assertRejected(() -> new RenameTable("people", "users "), "new table name 'users ' has leading or trailing white space");
    assertRejected(() -> new RenameTable("users", "users"), "rename of table users to the same name");
    assertNull(() -> new CreateTable(null), "table == null");
    assertRejected(() -> new AlterTableComment(" ", new Change<>(Optional.empty(), Optional.of("c"))),
        "table name is blank");
    assertNull(() -> new AlterTableComment("users", null), "comment == null");
  }

  @Test
  void renamesAreCaseSensitive() {
    assertThat(new RenameTable("users", "Users").to()).isEqualTo("Users");
    assertThat(new RenameColumn("users", "email", "EMAIL").to()).isEqualTo("EMAIL");
  }

  @Test
  void columnOperationsRejectBlankNamesAndMissingParts() {
    assertRejected(() -> new AddColumn("", null), "table name is blank");
    assertNull(() -> new AddColumn("users", null), "column == null");
    assertRejected(() -> new DropColumn("users", " "), "column name is blank");
    assertRejected(() -> new RenameColumn("users", "", "b"), "column name is blank");
    assertRejected(() -> new RenameColumn("users", "a", ""), "new column name is blank");
    assertRejected(() -> new RenameColumn("users", "email", "email"), "rename of column users.email to the same name");
  }

  @Test
  void constraintOperationsRejectBlankNamesAndMissingParts() {
    assertNull(() -> new AddPrimaryKey("users", null), "key == null");
    assertNull(() -> new AddUnique("users", null), "unique == null");
    assertNull(() -> new AddCheck("users", null), "check == null");
    assertNull(() -> new AddForeignKey("users", null), "foreignKey == null");
    assertNull(() -> new CreateIndex("users", null, false), "index == null");
    assertRejected(() -> new DropPrimaryKey("users", ""), "primary key name is blank");
    assertRejected(() -> new RenamePrimaryKey("users", "", "pk_users"), "primary key name is blank");
    assertRejected(() -> new RenamePrimaryKey("users", "pk_people", " "), "new primary key name is blank");
    assertRejected(() -> new RenamePrimaryKey("users", "pk_users", "pk_users"),
        "rename of primary key pk_users on users to the same name");
    assertRejected(() -> new DropUnique("users", ""), "unique constraint name is blank");
    assertRejected(() -> new DropCheck("users", ""), "check constraint name is blank");
    assertRejected(() -> new DropForeignKey("users", ""), "foreign key name is blank");
    assertRejected(() -> new DropIndex("users", "", false), "index name is blank");
    assertRejected(() -> new DropIndex("", "ix", false), "table name is blank");
  }

  @Test
  void foreignKeysRejectMismatchedColumnCounts() {
    assertRejected(() -> new ForeignKeyModel("fk", List.of("a", "b"), "t", List.of("x"), ReferentialAction.NO_ACTION,
            ReferentialAction.NO_ACTION),
        "foreign key fk has 2 columns [a, b] but 1 referenced columns [x]");
    assertNull(() -> new ForeignKeyModel("fk", List.of("a"), "t", List.of("x"), null, ReferentialAction.NO_ACTION),
        "onDelete == null");
  }

  @Test
  void changesMustChangeSomething() {
    assertRejected(() -> new Change<>("a", "a"), "change from a to the same value");
    assertRejected(() -> new Change<>(ColumnType.varchar(5), ColumnType.varchar(5)),
        "change from Varchar[length=5] to the same value");
    assertNull(() -> new Change<>(null, "a"), "from == null");
    assertNull(() -> new Change<>("a", null), "to == null");
    assertThat(new Change<>(1, 2).inverse()).isEqualTo(new Change<>(2, 1));
  }

  @Test
  void jdbcStepsNeedADescriptionAndABody() {
    assertRejected(() -> new JdbcStep(" \n", connection -> { }), "a JDBC step needs a description of what it does");
    assertNull(() -> new JdbcStep(null, connection -> { }), "description == null");
    assertNull(() -> new JdbcStep("backfill", null), "body == null");
  }
}
