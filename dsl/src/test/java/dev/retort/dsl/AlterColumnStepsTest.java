package dev.retort.dsl;

import static dev.retort.model.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.Change;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AlterColumnStepsTest {

  private static AlterColumn alter(Function<AlterColumnStart, AlterColumnChanges> changes) {
    return (AlterColumn) new Schema().alterTable("users", t -> t.alterColumn("email", changes)).operations().get(0);
  }

  private static void assertRejected(Function<AlterColumnStart, AlterColumnChanges> changes, String message) {
    assertThatThrownBy(() -> alter(changes)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  private static AlterColumn only(
      Optional<Change<ColumnType>> type,
      Optional<Change<Boolean>> nullable,
      Optional<Change<Optional<DefaultValue>>> defaultValue,
      Optional<Change<Optional<String>>> comment,
      Optional<Change<Boolean>> identity) {
    return new AlterColumn("users", "email", type, nullable, defaultValue, comment, identity);
  }

  @Test
  void typeCarriesTheTypeBeforeAndAfter() {
    assertThat(alter(c -> c.type(varchar(100), varchar(255)))).isEqualTo(only(
        Optional.of(new Change<>(ColumnType.varchar(100), ColumnType.varchar(255))),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
  }

  @Test
  void nullabilitySteps() {
    assertThat(alter(AlterColumnStart::setNotNull).nullable()).contains(new Change<>(true, false));
    assertThat(alter(AlterColumnStart::dropNotNull).nullable()).contains(new Change<>(false, true));
  }

  @Test
  void defaultSteps() {
    DefaultValue none = DefaultValue.literal("none");
    DefaultValue now = DefaultValue.expression("CURRENT_TIMESTAMP");

    assertThat(alter(c -> c.setDefault(none)).defaultValue())
        .contains(new Change<>(Optional.empty(), Optional.of(none)));
    assertThat(alter(c -> c.changeDefault(none, now)).defaultValue())
        .contains(new Change<>(Optional.of(none), Optional.of(now)));
    assertThat(alter(c -> c.dropDefault(now)).defaultValue())
        .contains(new Change<>(Optional.of(now), Optional.empty()));
  }

  @Test
  void commentSteps() {
    assertThat(alter(c -> c.setComment("login")).comment())
        .contains(new Change<>(Optional.empty(), Optional.of("login")));
    assertThat(alter(c -> c.changeComment("login", "contact")).comment())
        .contains(new Change<>(Optional.of("login"), Optional.of("contact")));
    assertThat(alter(c -> c.dropComment("contact")).comment())
        .contains(new Change<>(Optional.of("contact"), Optional.empty()));
  }

  @Test
  void identitySteps() {
    assertThat(alter(AlterColumnStart::addIdentity).identity()).contains(new Change<>(false, true));
    assertThat(alter(AlterColumnStart::dropIdentity).identity()).contains(new Change<>(true, false));
  }

  @Test
  void oneAlterColumnCarriesEveryKindOfChange() {
    AlterColumn all = alter(c -> c
        .type(ColumnType.integer(), ColumnType.bigint())
        .setNotNull()
        .setDefault(DefaultValue.literal("0"))
        .setComment("counter")
        .addIdentity());

    assertThat(all).isEqualTo(only(
        Optional.of(new Change<>(ColumnType.integer(), ColumnType.bigint())),
        Optional.of(new Change<>(true, false)),
        Optional.of(new Change<>(Optional.empty(), Optional.of(DefaultValue.literal("0")))),
        Optional.of(new Change<>(Optional.empty(), Optional.of("counter"))),
        Optional.of(new Change<>(false, true))));
  }

  @Test
  void rejectsAKindOfChangeMadeTwice() {
    assertRejected(c -> c.setNotNull().dropNotNull(),
        "alterTable(\"users\"): alterColumn(\"email\"): changes the nullability twice; make each change once per"
            + " alterColumn");
    assertRejected(c -> c.type(varchar(1), varchar(2)).type(varchar(2), varchar(3)),
        "alterTable(\"users\"): alterColumn(\"email\"): changes the type twice; make each change once per alterColumn");
    assertRejected(c -> c.setDefault(DefaultValue.literal("a")).dropDefault(DefaultValue.literal("a")),
        "alterTable(\"users\"): alterColumn(\"email\"): changes the default twice; make each change once per"
            + " alterColumn");
    assertRejected(c -> c.setComment("a").changeComment("a", "b"),
        "alterTable(\"users\"): alterColumn(\"email\"): changes the comment twice; make each change once per"
            + " alterColumn");
    assertRejected(c -> c.addIdentity().dropIdentity(),
        "alterTable(\"users\"): alterColumn(\"email\"): changes the identity twice; make each change once per"
            + " alterColumn");
  }

  @Test
  void rejectsAChangeToTheSameValue() {
    assertRejected(c -> c.type(varchar(20), varchar(20)),
        "alterTable(\"users\"): alterColumn(\"email\"): the type changes from varchar(20) to the same value;"
            + " leave out a change that changes nothing");
    assertRejected(c -> c.changeDefault(DefaultValue.literal("a"), DefaultValue.literal("a")),
        "alterTable(\"users\"): alterColumn(\"email\"): the default changes from 'a' to the same value;"
            + " leave out a change that changes nothing");
    assertRejected(c -> c.changeComment("x", "x"),
        "alterTable(\"users\"): alterColumn(\"email\"): the comment changes from 'x' to the same value;"
            + " leave out a change that changes nothing");
  }

  @Test
  void rejectsALambdaThatReturnsAnotherStepOrNull() {
    AtomicReference<AlterColumnChanges> other = new AtomicReference<>();
    new Schema().alterTable("users", t -> t.alterColumn("name", c -> {
      other.set(c.setNotNull());
      return other.get();
    }));

    assertRejected(c -> {
      c.dropNotNull();
      return other.get();
    }, "alterTable(\"users\"): alterColumn(\"email\"): the lambda returned a step of another alterColumn;"
        + " return the step it was given, as in c -> c.setNotNull()");
    assertRejected(c -> null,
        "alterTable(\"users\"): alterColumn(\"email\"): the lambda returned null;"
            + " return the step it was given, as in c -> c.setNotNull()");
  }

  @Test
  void rejectsAnAlterationWithoutChange() {
    assertRejected(c -> (AlterColumnChanges) c,
        "alterTable(\"users\"): alterColumn(\"email\"): alter column users.email changes nothing");
  }

  @Test
  void rejectsNullValuesNamingTheStep() {
    assertThatThrownBy(() -> alter(c -> c.type(null, varchar(2))))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("alterTable(\"users\"): alterColumn(\"email\"): the type now == null");
    assertThatThrownBy(() -> alter(c -> c.setDefault(null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("alterTable(\"users\"): alterColumn(\"email\"): the new default == null");
    assertThatThrownBy(() -> alter(c -> c.changeComment("a", null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("alterTable(\"users\"): alterColumn(\"email\"): the new comment == null");
    assertThatThrownBy(() -> new Schema().alterTable("users", t -> t.alterColumn("email", null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("alterTable(\"users\"): alterColumn(\"email\"): the changes == null");
  }

  @Test
  void rejectsABlankColumnName() {
    assertThatThrownBy(() -> new Schema().alterTable("users", t -> t.alterColumn(" ", c -> c.setNotNull())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alterTable(\"users\"): column name is blank");
  }
}
