package dev.retort.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.operation.AlterColumn;
import dev.retort.operation.DropPrimaryKey;
import dev.retort.operation.Operation;
import dev.retort.operation.RenameColumn;
import dev.retort.operation.RenameTable;
import dev.retort.testing.PropertyTest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The differ's contract over generated pairs of valid schemas: a random schema and a random
 * change of it, with rename hints for most renames and a few stale hints. Each case is one
 * seed (see {@link PropertyTest}); {@link SchemaPairs} draws the pair and shrinks a failing one.
 */
class SchemaDiffPropertyTest {

  @PropertyTest(tries = 1500)
  void applyingTheDiffGivesTheTarget(long seed) {
    SchemaPairs.check(seed, (from, to) -> {
      List<Operation> upgrade = SchemaDiff.diff(from, to.schema(), to.hints());

      assertThat(from.applyAll(upgrade)).isEqualTo(to.schema());
    });
  }

  @PropertyTest(tries = 1500)
  void applyingTheDiffWithInvertedHintsGivesTheSourceBack(long seed) {
    SchemaPairs.check(seed, (from, to) -> {
      List<Operation> downgrade = SchemaDiff.diff(to.schema(), from, to.hints().inverse());

      assertThat(to.schema().applyAll(downgrade)).isEqualTo(from);
    });
  }

  @PropertyTest(tries = 1000)
  void theDowngradeRenamesBackExactlyWhatTheUpgradeRenames(long seed) {
    SchemaPairs.check(seed, (from, to) -> {
      List<Operation> upgrade = SchemaDiff.diff(from, to.schema(), to.hints());
      List<Operation> downgrade = SchemaDiff.diff(to.schema(), from, to.hints().inverse());

      Map<String, String> tableRenames = new HashMap<>();
      Set<List<String>> upgradeRenames = new HashSet<>();
      for (Operation operation : upgrade) {
        if (operation instanceof RenameTable rename) {
          tableRenames.put(rename.from(), rename.to());
          upgradeRenames.add(List.of(rename.from(), rename.to()));
        } else if (operation instanceof RenameColumn rename) {
          upgradeRenames.add(List.of(rename.table(), rename.from(), rename.to()));
        }
      }
      Set<List<String>> downgradeRenamesUndone = new HashSet<>();
      for (Operation operation : downgrade) {
        if (operation instanceof RenameTable rename) {
          downgradeRenamesUndone.add(List.of(rename.to(), rename.from()));
        } else if (operation instanceof RenameColumn rename) {
          String table = tableRenames.getOrDefault(rename.table(), rename.table());
          downgradeRenamesUndone.add(List.of(table, rename.to(), rename.from()));
        }
      }
      assertThat(downgradeRenamesUndone).isEqualTo(upgradeRenames);
    });
  }

  @PropertyTest(tries = 1000)
  void everyRenameComesFromAHint(long seed) {
    SchemaPairs.check(seed, (from, to) -> {
      RenameHints hints = to.hints();
      Map<String, String> sourceNames = new HashMap<>();

      for (Operation operation : SchemaDiff.diff(from, to.schema(), hints)) {
        if (operation instanceof RenameTable rename) {
          assertThat(hints.tables()).containsEntry(rename.to(), rename.from());
          sourceNames.put(rename.to(), rename.from());
        } else if (operation instanceof RenameColumn rename) {
          String source = sourceNames.getOrDefault(rename.table(), rename.table());
          assertThat(hints.columnsOf(source, rename.table())).containsEntry(rename.to(), rename.from());
        }
      }
    });
  }

  /**
   * Besides the one alteration, an identity may stop before its key is dropped and start after
   * its key is added, each in an alteration of its own (see {@link SchemaDiff}).
   */
  @PropertyTest(tries = 1000)
  void eachColumnIsAlteredAtMostOnceBesidesItsIdentityAroundItsKey(long seed) {
    SchemaPairs.check(seed, (from, to) -> {
      Set<List<String>> altered = new HashSet<>();

      for (Operation operation : SchemaDiff.diff(from, to.schema(), to.hints())) {
        if (operation instanceof AlterColumn alter && !identityOnly(alter)) {
          assertThat(altered.add(List.of(alter.table(), alter.column())))
              .as("a second alteration of %s.%s", alter.table(), alter.column())
              .isTrue();
        }
      }
    });
  }

  /**
   * SQLite and MySQL keep an identity column only as a key: no step drops a key while one of
   * its columns is an identity, and a column that the target has as an identity in its key
   * becomes an identity only once that key is there.
   */
  @PropertyTest(tries = 1000)
  void anIdentityColumnOfAKeyIsNeverWithoutItsKey(long seed) {
    SchemaPairs.check(seed, (from, to) -> {
      SchemaModel schema = from;
      for (Operation operation : SchemaDiff.diff(from, to.schema(), to.hints())) {
        if (operation instanceof DropPrimaryKey drop) {
          TableModel table = schema.table(drop.table()).orElseThrow();
          assertThat(table.primaryKey().orElseThrow().columns())
              .as("key columns that are identities when %s", drop.summary())
              .noneMatch(c -> table.column(c).orElseThrow().identity());
        }
        if (operation instanceof AlterColumn alter && alter.identity().filter(c -> c.to()).isPresent()
            && keyHas(to.schema(), alter.table(), alter.column())) {
          assertThat(keyHas(schema, alter.table(), alter.column()))
              .as("whether the key is there when %s", alter.summary()).isTrue();
        }
        schema = schema.apply(operation);
      }
    });
  }

  private static boolean keyHas(SchemaModel schema, String table, String column) {
    return schema.table(table).flatMap(TableModel::primaryKey).filter(k -> k.columns().contains(column)).isPresent();
  }

  private static boolean identityOnly(AlterColumn alter) {
    return alter.identity().isPresent() && alter.type().isEmpty() && alter.nullable().isEmpty()
        && alter.defaultValue().isEmpty() && alter.comment().isEmpty();
  }

  @PropertyTest(tries = 1000)
  void aSchemaDiffedWithItselfGivesNoOperationsWhateverTheHints(long seed) {
    SchemaPairs.check(seed, (model, changed) -> {
      RenameHints hints = changed.hints();

      assertThat(SchemaDiff.diff(model, model, hints)).isEmpty();
      assertThat(SchemaDiff.diff(model, model, hints.inverse())).isEmpty();
    });
  }
}
