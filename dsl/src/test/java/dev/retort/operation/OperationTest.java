package dev.retort.operation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.ReferentialAction;
import dev.retort.model.CheckModel;
import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.IndexModel;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.SequenceModel;
import dev.retort.model.ViewModel;
import dev.retort.model.TableModel;
import dev.retort.model.UniqueModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What every kind of operation shares: equality, summary, data loss and visitor dispatch. */
class OperationTest {

  private static final JdbcStep.Body BACKFILL = connection -> { };

  private static TableModel users() {
    return TableModel.of("users", List.of(ColumnModel.of("id", ColumnType.bigint())));
  }

  private static Arguments kind(String visit, String summary, boolean destroysData, Supplier<Operation> operation) {
    return Arguments.of(visit, summary, destroysData, operation);
  }

  /** One example of each kind; the supplier builds a new record from new but equal inputs. */
  static Stream<Arguments> everyKind() {
    return Stream.of(
        kind("createTable", "create table users", false, () -> new CreateTable(users())),
        kind("dropTable", "drop table users", true, () -> new DropTable("users")),
        kind("renameTable", "rename table people to users", false, () -> new RenameTable("people", "users")),
        kind("alterTableComment", "alter comment of table users", false,
            () -> new AlterTableComment("users", new Change<>(Optional.empty(), Optional.of("accounts")))),
        kind("addColumn", "add column users.phone", false,
            () -> new AddColumn("users", ColumnModel.of("phone", ColumnType.varchar(20)))),
        kind("dropColumn", "drop column users.phone", true, () -> new DropColumn("users", "phone")),
        kind("renameColumn", "rename column users.mail to email", false,
            () -> new RenameColumn("users", "mail", "email")),
        kind("alterColumn", "alter column users.email (nullable)", false,
            () -> new AlterColumn("users", "email", Optional.empty(), Optional.of(new Change<>(false, true)),
                Optional.empty(), Optional.empty(), Optional.empty())),
        kind("addPrimaryKey", "add primary key pk_users on users", false,
            () -> new AddPrimaryKey("users", new PrimaryKeyModel("pk_users", new ArrayList<>(List.of("id"))))),
        kind("dropPrimaryKey", "drop primary key pk_users on users", false,
            () -> new DropPrimaryKey("users", "pk_users")),
        kind("renamePrimaryKey", "rename primary key pk_people on users to pk_users", false,
            () -> new RenamePrimaryKey("users", "pk_people", "pk_users")),
        kind("addUnique", "add unique constraint uq_users_email on users", false,
            () -> new AddUnique("users", new UniqueModel("uq_users_email", List.of("email")))),
        kind("dropUnique", "drop unique constraint uq_users_email on users", false,
            () -> new DropUnique("users", "uq_users_email")),
        kind("addCheck", "add check constraint ck_users_age on users", false,
            () -> new AddCheck("users", new CheckModel("ck_users_age", "age >= 0"))),
        kind("dropCheck", "drop check constraint ck_users_age on users", false,
            () -> new DropCheck("users", "ck_users_age")),
        kind("addForeignKey", "add foreign key fk_users_team_id on users", false,
            () -> new AddForeignKey("users", new ForeignKeyModel("fk_users_team_id", List.of("team_id"), "teams",
                List.of("id"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION))),
        kind("addForeignKey", "add foreign key fk_users_team_id on users not valid", false,
            () -> new AddForeignKey("users", new ForeignKeyModel("fk_users_team_id", List.of("team_id"), "teams",
                List.of("id"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION), true)),
        kind("addCheck", "add check constraint ck_users_age on users not valid", false,
            () -> new AddCheck("users", new CheckModel("ck_users_age", "age >= 0"), true)),
        kind("dropForeignKey", "drop foreign key fk_users_team_id on users", false,
            () -> new DropForeignKey("users", "fk_users_team_id")),
        kind("validateConstraint", "validate constraint fk_users_team_id on users", false,
            () -> new ValidateConstraint("users", "fk_users_team_id")),
        kind("createIndex", "create unique index ux_users_name on users [last, first]", false,
            () -> new CreateIndex("users", new IndexModel("ux_users_name", List.of("last", "first"), true), false)),
        kind("dropIndex", "drop index ix_users_name on users", false,
            () -> new DropIndex("users", "ix_users_name", true)),
        kind("createSequence", "create sequence orders_seq", false,
            () -> new CreateSequence(SequenceModel.of("orders_seq", 1, 50))),
        kind("dropSequence", "drop sequence orders_seq", true, () -> new DropSequence("orders_seq")),
        kind("alterSequence", "alter sequence orders_seq (start 1 -> 100, increment 1 -> 50)", false,
            () -> new AlterSequence("orders_seq", Optional.of(new Change<>(1L, 100L)),
                Optional.of(new Change<>(1L, 50L)))),
        kind("createView", "create view active_users", false,
            () -> new CreateView(ViewModel.of("active_users", "SELECT id FROM users WHERE active"))),
        kind("dropView", "drop view active_users", false, () -> new DropView("active_users")),
        kind("execute", "execute UPDATE users SET plan = 'free'", false,
            () -> Execute.of("UPDATE users SET plan = 'free'")),
        kind("jdbcStep", "run backfill users.plan", false, () -> new JdbcStep("backfill users.plan", BACKFILL)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyKind")
  void equalInputsGiveEqualRecords(String visit, String summary, boolean destroysData, Supplier<Operation> make) {
    Operation one = make.get();
    Operation other = make.get();

    assertThat(one).isNotSameAs(other).isEqualTo(other).hasSameHashCodeAs(other);
    assertThat(one.toString()).isEqualTo(other.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyKind")
  void summarisesInOneLine(String visit, String summary, boolean destroysData, Supplier<Operation> make) {
    assertThat(make.get().summary()).isEqualTo(summary).doesNotContain("\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyKind")
  void saysWhetherItDestroysData(String visit, String summary, boolean destroysData, Supplier<Operation> make) {
    assertThat(make.get().destroysData()).isEqualTo(destroysData);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyKind")
  void callsTheVisitorMethodOfItsKind(String visit, String summary, boolean destroysData, Supplier<Operation> make) {
    Operation operation = make.get();

    assertThat(operation.accept(new NamingVisitor(operation))).isEqualTo(visit);
  }

  @Test
  void coversEveryPermittedKind() {
    Set<Class<?>> covered = new HashSet<>();
    everyKind().forEach(a -> covered.add(((Supplier<?>) a.get()[3]).get().getClass()));

    assertThat(covered).containsExactlyInAnyOrder(Operation.class.getPermittedSubclasses());
  }

  @Test
  void differentInputsGiveDifferentRecords() {
    assertThat(new DropIndex("users", "ix", true)).isNotEqualTo(new DropIndex("users", "ix", false));
    assertThat(new CreateIndex("users", new IndexModel("ix", List.of("a"), false), true))
        .isNotEqualTo(new CreateIndex("users", new IndexModel("ix", List.of("a"), false), false));
    CheckModel check = new CheckModel("ck", "a > 0");
    assertThat(new AddCheck("users", check, true)).isNotEqualTo(new AddCheck("users", check));
    assertThat(new AddCheck("users", check, false)).isEqualTo(new AddCheck("users", check));
    ForeignKeyModel key = new ForeignKeyModel("fk", List.of("a"), "teams", List.of("id"), ReferentialAction.NO_ACTION,
        ReferentialAction.NO_ACTION);
    assertThat(new AddForeignKey("users", key, true)).isNotEqualTo(new AddForeignKey("users", key));
    assertThat(new AddForeignKey("users", key, false)).isEqualTo(new AddForeignKey("users", key));
    assertThat(new ValidateConstraint("users", "a")).isNotEqualTo(new ValidateConstraint("users", "b"));
    assertThat(new RenameColumn("users", "a", "b")).isNotEqualTo(new RenameColumn("users", "b", "a"));
    assertThat(new JdbcStep("backfill", BACKFILL)).isNotEqualTo(new JdbcStep("backfill", connection -> { }));
    assertThat(new DropTable("users")).isNotEqualTo(new DropTable("Users"));
  }

  /** Returns the name of the method called, after checking it was called with the operation itself. */
  private static final class NamingVisitor implements Operation.Visitor<String> {
    private final Operation expected;

    NamingVisitor(Operation expected) {
      this.expected = expected;
    }

    private String visited(String name, Operation operation) {
      assertThat(operation).isSameAs(expected);
      return name;
    }

    @Override
    public String createTable(CreateTable operation) {
      return visited("createTable", operation);
    }

    @Override
    public String dropTable(DropTable operation) {
      return visited("dropTable", operation);
    }

    @Override
    public String renameTable(RenameTable operation) {
      return visited("renameTable", operation);
    }

    @Override
    public String alterTableComment(AlterTableComment operation) {
      return visited("alterTableComment", operation);
    }

    @Override
    public String addColumn(AddColumn operation) {
      return visited("addColumn", operation);
    }

    @Override
    public String dropColumn(DropColumn operation) {
      return visited("dropColumn", operation);
    }

    @Override
    public String renameColumn(RenameColumn operation) {
      return visited("renameColumn", operation);
    }

    @Override
    public String alterColumn(AlterColumn operation) {
      return visited("alterColumn", operation);
    }

    @Override
    public String addPrimaryKey(AddPrimaryKey operation) {
      return visited("addPrimaryKey", operation);
    }

    @Override
    public String dropPrimaryKey(DropPrimaryKey operation) {
      return visited("dropPrimaryKey", operation);
    }

    @Override
    public String renamePrimaryKey(RenamePrimaryKey operation) {
      return visited("renamePrimaryKey", operation);
    }

    @Override
    public String addUnique(AddUnique operation) {
      return visited("addUnique", operation);
    }

    @Override
    public String dropUnique(DropUnique operation) {
      return visited("dropUnique", operation);
    }

    @Override
    public String addCheck(AddCheck operation) {
      return visited("addCheck", operation);
    }

    @Override
    public String dropCheck(DropCheck operation) {
      return visited("dropCheck", operation);
    }

    @Override
    public String addForeignKey(AddForeignKey operation) {
      return visited("addForeignKey", operation);
    }

    @Override
    public String dropForeignKey(DropForeignKey operation) {
      return visited("dropForeignKey", operation);
    }

    @Override
    public String validateConstraint(ValidateConstraint operation) {
      return visited("validateConstraint", operation);
    }

    @Override
    public String createIndex(CreateIndex operation) {
      return visited("createIndex", operation);
    }

    @Override
    public String dropIndex(DropIndex operation) {
      return visited("dropIndex", operation);
    }

    @Override
    public String createSequence(CreateSequence operation) {
      return visited("createSequence", operation);
    }

    @Override
    public String dropSequence(DropSequence operation) {
      return visited("dropSequence", operation);
    }

    @Override
    public String alterSequence(AlterSequence operation) {
      return visited("alterSequence", operation);
    }

    @Override
    public String createView(CreateView operation) {
      return visited("createView", operation);
    }

    @Override
    public String dropView(DropView operation) {
      return visited("dropView", operation);
    }

    @Override
    public String execute(Execute operation) {
      return visited("execute", operation);
    }

    @Override
    public String jdbcStep(JdbcStep operation) {
      return visited("jdbcStep", operation);
    }
  }
}
