package dev.retort.processor.plan;

import dev.retort.model.ColumnType;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.Change;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropSequence;
import dev.retort.operation.DropTable;
import dev.retort.operation.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the generated operations a reviewer must look at twice: those that destroy data
 * ({@link Operation#destroysData()}: dropped tables, columns and sequences, narrowed types) and those
 * that fail on a table that has rows (a NOT NULL column added without a default, a column
 * made NOT NULL), and those that lock a table that has rows for as long as they read or rewrite it
 * ({@link TableLocks}).
 */
public final class Lint {

  private Lint() {}

  /**
   * Checks an upgrade.
   *
   * @param upgrade the operations, in order
   * @return the findings, in operation order; for one operation, what it risks for the data before
   *     what it locks
   */
  public static List<Finding> check(List<Operation> upgrade) {
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < upgrade.size(); i++) {
      Operation operation = upgrade.get(i);
      if (operation instanceof DropTable drop) {
        findings.add(new Finding(i, drop, Finding.Risk.DESTROYS_DATA, drop.table(), Optional.empty(),
            "drops table " + drop.table() + " and all its rows; make sure nothing reads it and that it is backed up"));
      } else if (operation instanceof DropColumn drop) {
        findings.add(new Finding(i, drop, Finding.Risk.DESTROYS_DATA, drop.table(), Optional.of(drop.column()),
            "drops column " + drop.table() + "." + drop.column()
                + " and its data; make sure nothing reads it and that it is backed up"));
      } else if (operation instanceof DropSequence drop) {
        findings.add(new Finding(i, drop, Finding.Risk.DESTROYS_DATA, "", Optional.empty(),
            "drops sequence " + drop.name() + " and the value it has reached; created again, it would start over"
                + " and hand out ids that rows already hold: make sure nothing takes values from it"));
      } else if (operation instanceof AlterColumn alter) {
        alter(i, alter, findings);
      } else if (operation instanceof AddColumn add) {
        boolean needsValue = !add.column().nullable() && add.column().defaultValue().isEmpty() && !add.column().identity();
        if (needsValue) {
          findings.add(new Finding(i, add, Finding.Risk.FAILS_ON_DATA, add.table(), Optional.of(add.column().name()),
              "adds NOT NULL column " + add.table() + "." + add.column().name()
                  + " without a default, which fails on a table that has rows; give the entity's member a default"
                  + " (@Column(defaultValue), or Hibernate's @ColumnDefault on a JPA entity), which the snapshot"
                  + " then has too, or add it nullable, fill it, then make it NOT NULL"));
        }
      } else if (operation.destroysData()) {
        findings.add(new Finding(i, operation, Finding.Risk.DESTROYS_DATA, "", Optional.empty(),
            operation.summary() + ", which can lose data; make sure nothing needs what it removes and that it is"
                + " backed up"));
      }
    }
    findings.addAll(TableLocks.check(upgrade));
    findings.sort(Comparator.comparingInt(Finding::index));
    return List.copyOf(findings);
  }

  private static void alter(int index, AlterColumn alter, List<Finding> findings) {
    String column = alter.table() + "." + alter.column();
    if (alter.narrowsType()) {
      Change<ColumnType> type = alter.type().orElseThrow();
      findings.add(new Finding(index, alter, Finding.Risk.DESTROYS_DATA, alter.table(), Optional.of(alter.column()),
          "narrows column " + column + " from " + type.from().sql() + " to " + type.to().sql()
              + "; make sure every stored value fits, or values are cut or the migration fails"));
    }
    if (alter.nullable().isPresent() && !alter.nullable().get().to()) {
      findings.add(new Finding(index, alter, Finding.Risk.FAILS_ON_DATA, alter.table(), Optional.of(alter.column()),
          "makes column " + column + " NOT NULL, which fails while any row holds NULL there; fill those rows first"));
    }
  }
}
