package dev.retort.model;

import dev.retort.internal.sql.SqlLexer;
import dev.retort.internal.sql.SqlNames;
import dev.retort.internal.sql.SqlToken;
import dev.retort.operation.AddCheck;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AddForeignKey;
import dev.retort.operation.AddPrimaryKey;
import dev.retort.operation.AddUnique;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.AlterSequence;
import dev.retort.operation.AlterTableComment;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.CreateTable;
import dev.retort.operation.CreateView;
import dev.retort.operation.DropCheck;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropForeignKey;
import dev.retort.operation.DropIndex;
import dev.retort.operation.DropPrimaryKey;
import dev.retort.operation.DropSequence;
import dev.retort.operation.DropTable;
import dev.retort.operation.DropUnique;
import dev.retort.operation.DropView;
import dev.retort.operation.Execute;
import dev.retort.operation.JdbcStep;
import dev.retort.operation.Operation;
import dev.retort.operation.RenameColumn;
import dev.retort.operation.RenamePrimaryKey;
import dev.retort.operation.RenameTable;
import dev.retort.operation.ValidateConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts the views of a diff around its other operations: the views that go or change, and those
 * that read a table the other operations change, are dropped first, and the views that are new
 * or were dropped are created last.
 *
 * <p>A view reads a table (or another view) when the name appears in its query as an
 * identifier, outside string literals and comments, in any case, quoted or not, bare or
 * schema-qualified ({@link SqlNames}). A keyword that spells a table's name counts as well: such
 * a false match only drops the view and creates it again. A view that reads a dropped view is
 * dropped too. Views are dropped each before the dropped views it reads, and created each after
 * the created views it reads; among views free to go, the smallest name goes first.
 */
final class ViewChanges {

  private final SchemaModel from;
  private final SchemaModel to;
  private final Map<String, List<SqlToken>> tokens = new HashMap<>();

  private ViewChanges(SchemaModel from, SchemaModel to) {
    this.from = from;
    this.to = to;
  }

  /**
   * The operations with the views' drops before them and the views' creations after them.
   *
   * @param from the schema now
   * @param to the wanted schema
   * @param tableOperations the diff's operations on tables and sequences, in order
   * @return the whole diff
   */
  static List<Operation> around(SchemaModel from, SchemaModel to, List<Operation> tableOperations) {
    if (from.views().isEmpty() && to.views().isEmpty()) {
      return tableOperations;
    }
    return new ViewChanges(from, to).operations(tableOperations);
  }

  private List<Operation> operations(List<Operation> tableOperations) {
    Set<String> changedTables = new HashSet<>();
    TablesTouched touched = new TablesTouched();
    for (Operation operation : tableOperations) {
      operation.accept(touched).forEach(name -> changedTables.add(SqlNames.folded(name)));
    }
    Map<String, ViewModel> dropped = new HashMap<>();
    for (ViewModel view : from.views()) {
      if (!to.view(view.name()).filter(view::equals).isPresent() || SqlNames.uses(tokens(view), changedTables)) {
        dropped.put(view.name(), view);
      }
    }
    boolean more = !dropped.isEmpty();
    while (more) {
      more = false;
      Set<String> droppedNames = folded(dropped.keySet());
      for (ViewModel view : from.views()) {
        if (!dropped.containsKey(view.name()) && SqlNames.uses(tokens(view), droppedNames)) {
          dropped.put(view.name(), view);
          more = true;
        }
      }
    }
    Map<String, ViewModel> created = new HashMap<>();
    for (ViewModel view : to.views()) {
      if (from.view(view.name()).isEmpty() || dropped.containsKey(view.name())) {
        created.put(view.name(), view);
      }
    }
    List<Operation> operations = new ArrayList<>();
    // A view that reads another goes before it: the other is its prerequisite, reversed.
    Map<String, Set<String>> readBy = new HashMap<>();
    reads(dropped).forEach((reader, read) -> read.forEach(r -> readBy.computeIfAbsent(r, x -> new HashSet<>()).add(reader)));
    DependencyOrder.of(dropped.keySet(), readBy).order().forEach(name -> operations.add(new DropView(name)));
    operations.addAll(tableOperations);
    DependencyOrder.of(created.keySet(), reads(created)).order()
        .forEach(name -> operations.add(new CreateView(created.get(name))));
    return operations;
  }

  /** For each of the views, the others among them that it reads. */
  private Map<String, Set<String>> reads(Map<String, ViewModel> views) {
    Map<String, Set<String>> reads = new HashMap<>();
    for (ViewModel reader : views.values()) {
      for (String read : views.keySet()) {
        if (!read.equals(reader.name()) && SqlNames.uses(tokens(reader), Set.of(SqlNames.folded(read)))) {
          reads.computeIfAbsent(reader.name(), x -> new HashSet<>()).add(read);
        }
      }
    }
    return reads;
  }

  private List<SqlToken> tokens(ViewModel view) {
    return tokens.computeIfAbsent(view.query(), SqlLexer.plain()::tokens);
  }

  private static Set<String> folded(Set<String> names) {
    Set<String> folded = new HashSet<>();
    names.forEach(name -> folded.add(SqlNames.folded(name)));
    return folded;
  }

  /** The names of the tables an operation changes, under their names before and after it. */
  private static final class TablesTouched implements Operation.Visitor<List<String>> {

    @Override
    public List<String> createTable(CreateTable operation) {
      return List.of(operation.table().name());
    }

    @Override
    public List<String> dropTable(DropTable operation) {
      return List.of(operation.table());
    }

    @Override
    public List<String> renameTable(RenameTable operation) {
      return List.of(operation.from(), operation.to());
    }

    @Override
    public List<String> alterTableComment(AlterTableComment operation) {
      return List.of(operation.table());
    }

    @Override
    public List<String> addColumn(AddColumn operation) {
      return List.of(operation.table());
    }

    @Override
    public List<String> dropColumn(DropColumn operation) {
      return List.of(operation.table());
    }

    @Override
    public List<String> renameColumn(RenameColumn operation) {
      return List.of(operation.table());
    }

    @Override
    public List<String> alterColumn(AlterColumn operation) {
      return List.of(operation.table());
    }

    @Override
    public List<String> addPrimaryKey(AddPrimaryKey operation) {
      return List.of(operation.table());
    }

    @Override
    public List<String> dropPrimaryKey(DropPrimaryKey operation) {
      return List.of(operation.table());
    }

    @Override
    public List<String> renamePrimaryKey(RenamePrimaryKey operation) {
      return List.of(operation.table());
    }

    @Override
    public List<String> addUnique(AddUnique operation) {
      return List.of(operation.table());
    }

    @Override
    public List<String> dropUnique(DropUnique operation) {
      return List.of(operation.table());
    }

    @Override
    public List<String> addCheck(AddCheck operation) {
      return List.of(operation.table());
    }

    @Override
    public List<String> dropCheck(DropCheck operation) {
      return List.of(operation.table());
    }

    @Override
    public List<String> addForeignKey(AddForeignKey operation) {
      return List.of(operation.table());
    }

    @Override
    public List<String> dropForeignKey(DropForeignKey operation) {
      return List.of(operation.table());
    }

    @Override
    public List<String> validateConstraint(ValidateConstraint operation) {
      return List.of();
    }

    @Override
    public List<String> createIndex(CreateIndex operation) {
      return List.of(operation.table());
    }

    @Override
    public List<String> dropIndex(DropIndex operation) {
      return List.of(operation.table());
    }

    @Override
    public List<String> createSequence(CreateSequence operation) {
      return List.of();
    }

    @Override
    public List<String> dropSequence(DropSequence operation) {
      return List.of();
    }

    @Override
    public List<String> alterSequence(AlterSequence operation) {
      return List.of();
    }

    @Override
    public List<String> createView(CreateView operation) {
      return List.of();
    }

    @Override
    public List<String> dropView(DropView operation) {
      return List.of();
    }

    @Override
    public List<String> execute(Execute operation) {
      return List.of();
    }

    @Override
    public List<String> jdbcStep(JdbcStep operation) {
      return List.of();
    }
  }
}
