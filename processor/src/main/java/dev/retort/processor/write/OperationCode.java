package dev.retort.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.retort.ReferentialAction;
import dev.retort.dsl.ColumnOption;
import dev.retort.dsl.TableElement;
import dev.retort.model.CheckModel;
import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.IndexModel;
import dev.retort.model.SequenceModel;
import dev.retort.model.ViewModel;
import dev.retort.model.TableModel;
import dev.retort.model.UniqueModel;
import dev.retort.operation.AddCheck;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AddForeignKey;
import dev.retort.operation.AddPrimaryKey;
import dev.retort.operation.AddUnique;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.AlterSequence;
import dev.retort.operation.AlterTableComment;
import dev.retort.operation.Change;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.CreateView;
import dev.retort.operation.CreateTable;
import dev.retort.operation.DropCheck;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropForeignKey;
import dev.retort.operation.DropIndex;
import dev.retort.operation.DropSequence;
import dev.retort.operation.DropView;
import dev.retort.operation.DropPrimaryKey;
import dev.retort.operation.DropTable;
import dev.retort.operation.DropUnique;
import dev.retort.operation.Execute;
import dev.retort.operation.JdbcStep;
import dev.retort.operation.Operation;
import dev.retort.operation.RenameColumn;
import dev.retort.operation.RenamePrimaryKey;
import dev.retort.operation.RenameTable;
import dev.retort.operation.ValidateConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes operations as calls of the migration DSL, the way a person would: one statement per
 * table, one table element or chained call per line, static imports for column types, options
 * and table elements. The code links no lambda where the DSL has a form without one (a new
 * table's elements, a single added or dropped column), which keeps applying many migrations
 * in a cold JVM cheap.
 *
 * <pre>{@code
 * schema.createTable("users",
 *     column("id", bigint(), notNull()),
 *     primaryKey("pk_users", "id"));
 * schema.addColumn("users", "phone", varchar(20));
 * }</pre>
 */
final class OperationCode implements Operation.Visitor<OperationCode.Call> {

  /** Lines longer than this become chains of one call per line. */
  static final int LINE_WIDTH = 100;
  /** The indentation of a statement in a method body. */
  private static final int BODY_INDENT = 4;
  /** The indentation of a call chained on its own line. */
  private static final int CHAIN_INDENT = 8;
  private static final String CONTINUATION = "    ";
  private static final int COMMENT_WIDTH = 90;

  private static final ClassName COLUMN_TYPE = ClassName.get(ColumnType.class);
  private static final ClassName COLUMN_OPTION = ClassName.get(ColumnOption.class);
  private static final ClassName DEFAULT_VALUE = ClassName.get(DefaultValue.class);
  private static final ClassName REFERENTIAL_ACTION = ClassName.get(ReferentialAction.class);
  private static final ClassName TABLE_ELEMENT = ClassName.get(TableElement.class);

  private final StaticImports imports;

  OperationCode(StaticImports imports) {
    this.imports = imports;
  }

  /**
   * Writes the statements of a method body: one per operation, except that consecutive
   * operations on one table share one {@code alterTable} statement.
   *
   * @param operations the operations in order
   * @param comments for each operation index, the lines of the {@code // Retort:} comments
   *     to write above it; may be empty
   * @return the statements in order
   */
  List<Statement> statements(List<Operation> operations, List<List<String>> comments) {
    if (comments.size() != operations.size()) {
      throw new IllegalArgumentException(comments.size() + " comment lists for " + operations.size() + " operations");
    }
    List<Call> calls = new ArrayList<>(operations.size());
    operations.forEach(operation -> calls.add(operation.accept(this)));
    List<Statement> statements = new ArrayList<>();
    int i = 0;
    while (i < calls.size()) {
      Call call = calls.get(i);
      CodeBlock.Builder statement = CodeBlock.builder();
      if (call.table().isEmpty()) {
        comments.get(i).forEach(line -> statement.add("$L\n", line));
        statement.add("$L;\n", call.code());
        statements.add(new Statement(Statement.Kind.of(operations.get(i)), statement.build(),
            ConstantCount.of(call.code())));
        i++;
      } else {
        int end = i + 1;
        while (end < calls.size() && calls.get(end).table().equals(call.table())) {
          end++;
        }
        String code = alterTable(call.table().get(), calls.subList(i, end), comments.subList(i, end));
        statement.add("$L", code);
        statements.add(new Statement(Statement.Kind.ALTER_TABLES, statement.build(), ConstantCount.of(code)));
        i = end;
      }
    }
    return statements;
  }

  /**
   * One {@code alterTable} statement, with its comments, ending with a line break; a single
   * change that {@code Schema} has a method for, such as {@code schema.addColumn(…)}, is that
   * call when it fits on the line.
   */
  private static String alterTable(String table, List<Call> calls, List<List<String>> comments) {
    String start = "schema.alterTable(" + literal(table) + ", t -> t";
    if (calls.size() == 1) {
      String line = calls.get(0).direct().orElse(start + "." + calls.get(0).code() + ")");
      if (BODY_INDENT + line.length() + 1 <= LINE_WIDTH && !line.contains("\n")) {
        StringBuilder statement = new StringBuilder();
        comments.get(0).forEach(comment -> statement.append(comment).append('\n'));
        return statement.append(line).append(";\n").toString();
      }
    }
    StringBuilder chain = new StringBuilder(start);
    for (int i = 0; i < calls.size(); i++) {
      for (String comment : comments.get(i)) {
        chain.append('\n').append(CONTINUATION).append(comment);
      }
      chain.append('\n').append(CONTINUATION).append('.').append(calls.get(i).code());
    }
    return chain.append(");\n").toString();
  }

  /**
   * A call whose last argument is a lambda of builder steps, {@code s -> s.a().b()}: on one line
   * when the statement fits, else one step a line, as {@code alterTable} chains its changes.
   *
   * @param head the call up to the lambda, such as {@code schema.createSequence("s", }
   * @param steps the steps, without their leading dots
   */
  private static String lambdaCall(String head, List<String> steps) {
    String line = head + "s -> s." + String.join(".", steps) + ")";
    if (BODY_INDENT + line.length() + 1 <= LINE_WIDTH) {
      return line;
    }
    StringBuilder chain = new StringBuilder(head).append("s -> s");
    steps.forEach(step -> chain.append('\n').append(CONTINUATION).append('.').append(step));
    return chain.append(')').toString();
  }

  /**
   * Breaks a {@code // Retort:} comment into lines that fit.
   *
   * @param text the text after {@code Retort: }
   * @return the comment lines
   */
  static List<String> comment(String text) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder("// Retort:");
    for (String word : text.split(" ")) {
      if (line.length() + 1 + word.length() > COMMENT_WIDTH && line.length() > 3) {
        lines.add(line.toString());
        line = new StringBuilder("//");
      }
      line.append(' ').append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  @Override
  public Call createTable(CreateTable operation) {
    TableModel table = operation.table();
    List<String> elements = new ArrayList<>();
    for (ColumnModel column : table.columns()) {
      elements.add(element("column") + "(" + literal(column.name()) + ", " + type(column.type()) + options(column) + ")");
    }
    table.primaryKey().ifPresent(key ->
        elements.add(element("primaryKey") + "(" + literal(key.name()) + ", " + literals(key.columns()) + ")"));
    for (UniqueModel unique : table.uniques()) {
      elements.add(element("unique") + "(" + literal(unique.name()) + ", " + literals(unique.columns()) + ")");
    }
    for (ForeignKeyModel key : table.foreignKeys()) {
      elements.add(foreignKeyElement(key));
    }
    for (CheckModel check : table.checks()) {
      elements.add(element("check") + "(" + literal(check.name()) + ", " + literal(check.expression()) + ")");
    }
    for (IndexModel index : table.indexes()) {
      elements.add(element(index.unique() ? "uniqueIndex" : "index") + "(" + literal(index.name()) + ", "
          + literals(index.columns()) + ")");
    }
    table.comment().ifPresent(comment -> elements.add(element("tableComment") + "(" + literal(comment) + ")"));
    if (!table.schema().isEmpty()) {
      elements.add(element("inSchema") + "(" + literal(table.schema()) + ")");
    }
    StringBuilder code = new StringBuilder("schema.createTable(" + literal(table.name()));
    elements.forEach(element -> code.append(",\n").append(CONTINUATION).append(element));
    return Call.statement(code.append(')').toString());
  }

  /** A static method of {@link TableElement}, imported. */
  private String element(String method) {
    return imports.use(TABLE_ELEMENT, method);
  }

  /**
   * A foreign key element, {@code foreignKey("fk_books_author_id", "author_id").references("authors",
   * "id")}: on one line when it fits, else one step per line.
   */
  private String foreignKeyElement(ForeignKeyModel key) {
    String start = element("foreignKey") + "(" + literal(key.name()) + ", " + literals(key.columns()) + ")";
    List<String> steps = new ArrayList<>();
    steps.add("references(" + literal(key.referencedTable()) + ", " + literals(key.referencedColumns()) + ")");
    if (key.onDelete() != ReferentialAction.NO_ACTION) {
      steps.add("onDelete(" + imports.use(REFERENTIAL_ACTION, key.onDelete().name()) + ")");
    }
    if (key.onUpdate() != ReferentialAction.NO_ACTION) {
      steps.add("onUpdate(" + imports.use(REFERENTIAL_ACTION, key.onUpdate().name()) + ")");
    }
    String inline = start + "." + String.join(".", steps);
    if (fitsInChain(inline)) {
      return inline;
    }
    StringBuilder broken = new StringBuilder(start);
    steps.forEach(step -> broken.append('\n').append(CONTINUATION).append(CONTINUATION).append('.').append(step));
    return broken.toString();
  }

  @Override
  public Call dropTable(DropTable operation) {
    return Call.statement("schema.dropTable(" + literal(operation.table()) + ")");
  }

  @Override
  public Call renameTable(RenameTable operation) {
    return Call.statement("schema.renameTable(" + literal(operation.from()) + ", " + literal(operation.to()) + ")");
  }

  @Override
  public Call alterTableComment(AlterTableComment operation) {
    Change<Optional<String>> change = operation.comment();
    String call;
    if (change.from().isEmpty()) {
      call = "setComment(" + literal(change.to().orElseThrow()) + ")";
    } else if (change.to().isEmpty()) {
      call = "dropComment(" + literal(change.from().get()) + ")";
    } else {
      call = "changeComment(" + literal(change.from().get()) + ", " + literal(change.to().get()) + ")";
    }
    return Call.on(operation.table(), call);
  }

  @Override
  public Call addColumn(AddColumn operation) {
    ColumnModel column = operation.column();
    String arguments = literal(column.name()) + ", " + type(column.type()) + options(column);
    return Call.on(operation.table(), "addColumn(" + arguments + ")",
        "schema.addColumn(" + literal(operation.table()) + ", " + arguments + ")");
  }

  @Override
  public Call dropColumn(DropColumn operation) {
    return Call.on(operation.table(), "dropColumn(" + literal(operation.column()) + ")",
        "schema.dropColumn(" + literal(operation.table()) + ", " + literal(operation.column()) + ")");
  }

  @Override
  public Call renameColumn(RenameColumn operation) {
    return Call.on(
        operation.table(), "renameColumn(" + literal(operation.from()) + ", " + literal(operation.to()) + ")");
  }

  @Override
  public Call alterColumn(AlterColumn operation) {
    List<String> changes = new ArrayList<>();
    operation.type().ifPresent(c -> changes.add("type(" + type(c.from()) + ", " + type(c.to()) + ")"));
    operation.nullable().ifPresent(c -> changes.add(c.to() ? "dropNotNull()" : "setNotNull()"));
    operation.defaultValue().ifPresent(c -> changes.add(defaultChange(c)));
    operation.comment().ifPresent(c -> changes.add(commentChange(c)));
    operation.identity().ifPresent(c -> changes.add(c.to() ? "addIdentity()" : "dropIdentity()"));
    String start = "alterColumn(" + literal(operation.column()) + ", c -> c";
    String inline = start + "." + String.join(".", changes) + ")";
    if (fitsInChain(inline)) {
      return Call.on(operation.table(), inline);
    }
    String stepIndent = CONTINUATION + CONTINUATION;
    StringBuilder broken = new StringBuilder(start);
    for (int i = 0; i < changes.size(); i++) {
      String change = changes.get(i);
      boolean typeTooLong = i == 0 && operation.type().isPresent()
          && CHAIN_INDENT + stepIndent.length() + 1 + change.length() + 3 > LINE_WIDTH;
      if (typeTooLong) {
        String argumentIndent = stepIndent + CONTINUATION;
        change = "type(\n" + argumentIndent + type(operation.type().get().from()) + ",\n" + argumentIndent
            + type(operation.type().get().to()) + ")";
      }
      broken.append('\n').append(stepIndent).append('.').append(change);
    }
    return Call.on(operation.table(), broken.append(')').toString());
  }

  @Override
  public Call addPrimaryKey(AddPrimaryKey operation) {
    return Call.on(
        operation.table(),
        "addPrimaryKey(" + literal(operation.key().name()) + ", " + literals(operation.key().columns()) + ")");
  }

  @Override
  public Call dropPrimaryKey(DropPrimaryKey operation) {
    return Call.on(operation.table(), "dropPrimaryKey(" + literal(operation.name()) + ")");
  }

  @Override
  public Call renamePrimaryKey(RenamePrimaryKey operation) {
    return Call.on(
        operation.table(), "renamePrimaryKey(" + literal(operation.from()) + ", " + literal(operation.to()) + ")");
  }

  @Override
  public Call addUnique(AddUnique operation) {
    return Call.on(
        operation.table(),
        "addUnique(" + literal(operation.unique().name()) + ", " + literals(operation.unique().columns()) + ")");
  }

  @Override
  public Call dropUnique(DropUnique operation) {
    return Call.on(operation.table(), "dropUnique(" + literal(operation.name()) + ")");
  }

  @Override
  public Call addCheck(AddCheck operation) {
    return Call.on(
        operation.table(),
        (operation.notValid() ? "addCheckNotValid(" : "addCheck(") + literal(operation.check().name()) + ", "
            + literal(operation.check().expression()) + ")");
  }

  @Override
  public Call dropCheck(DropCheck operation) {
    return Call.on(operation.table(), "dropCheck(" + literal(operation.name()) + ")");
  }

  @Override
  public Call addForeignKey(AddForeignKey operation) {
    return Call.on(operation.table(),
        foreignKeyCall(operation.notValid() ? "addForeignKeyNotValid" : "addForeignKey", operation.foreignKey()));
  }

  @Override
  public Call dropForeignKey(DropForeignKey operation) {
    return Call.on(operation.table(), "dropForeignKey(" + literal(operation.name()) + ")");
  }

  @Override
  public Call validateConstraint(ValidateConstraint operation) {
    return Call.on(operation.table(), "validateConstraint(" + literal(operation.name()) + ")");
  }

  @Override
  public Call createIndex(CreateIndex operation) {
    IndexModel index = operation.index();
    String method;
    if (operation.concurrently()) {
      if (index.unique()) {
        throw new IllegalArgumentException(
            "the DSL has no call for " + operation.summary() + " built concurrently; the differ never emits one");
      }
      method = "createIndexConcurrently";
    } else {
      method = index.unique() ? "createUniqueIndex" : "createIndex";
    }
    return Call.on(operation.table(), method + "(" + literal(index.name()) + ", " + literals(index.columns()) + ")");
  }

  @Override
  public Call dropIndex(DropIndex operation) {
    String method = operation.concurrently() ? "dropIndexConcurrently" : "dropIndex";
    return Call.on(operation.table(), method + "(" + literal(operation.name()) + ")");
  }

  @Override
  public Call createSequence(CreateSequence operation) {
    SequenceModel sequence = operation.sequence();
    List<String> steps = new ArrayList<>();
    steps.add("startWith(" + number(sequence.start()) + ")");
    steps.add("incrementBy(" + number(sequence.increment()) + ")");
    if (!sequence.schema().isEmpty()) {
      steps.add("inSchema(" + literal(sequence.schema()) + ")");
    }
    return Call.statement(lambdaCall("schema.createSequence(" + literal(sequence.name()) + ", ", steps));
  }

  @Override
  public Call dropSequence(DropSequence operation) {
    return Call.statement("schema.dropSequence(" + literal(operation.name()) + ")");
  }

  @Override
  public Call alterSequence(AlterSequence operation) {
    List<String> steps = new ArrayList<>();
    operation.start().ifPresent(c -> steps.add("startWith(" + number(c.from()) + ", " + number(c.to()) + ")"));
    operation.increment().ifPresent(c -> steps.add("incrementBy(" + number(c.from()) + ", " + number(c.to()) + ")"));
    return Call.statement(lambdaCall("schema.alterSequence(" + literal(operation.name()) + ", ", steps));
  }

  /**
   * {@code schema.createView(name, query)}; a query of several lines is written as a text block,
   * one line of the query per line of code, unless the text block would not read back as the
   * query (see {@link QueryCode#of}).
   */
  @Override
  public Call createView(CreateView operation) {
    ViewModel view = operation.view();
    String schemaPart = view.schema().isEmpty() ? "" : ", v -> v.inSchema(" + literal(view.schema()) + ")";
    return Call.statement("schema.createView(" + literal(view.name()) + ", " + QueryCode.of(view.query()) + schemaPart + ")");
  }

  @Override
  public Call dropView(DropView operation) {
    return Call.statement("schema.dropView(" + literal(operation.name()) + ")");
  }

  @Override
  public Call execute(Execute operation) {
    throw new IllegalArgumentException(
        "a generated migration never runs raw SQL, but the differ emitted " + operation.summary());
  }

  @Override
  public Call jdbcStep(JdbcStep operation) {
    throw new IllegalArgumentException(
        "a generated migration never runs Java steps, but the differ emitted " + operation.summary());
  }

  private String type(ColumnType type) {
    if (type instanceof ColumnType.Scalar scalar) {
      return imports.use(COLUMN_TYPE, scalarFactory(scalar)) + "()";
    }
    if (type instanceof ColumnType.Decimal decimal) {
      return imports.use(COLUMN_TYPE, "decimal") + "(" + decimal.precision() + ", " + decimal.scale() + ")";
    }
    if (type instanceof ColumnType.Char fixed) {
      return imports.use(COLUMN_TYPE, "fixedChar") + "(" + fixed.length() + ")";
    }
    if (type instanceof ColumnType.Varchar varchar) {
      return imports.use(COLUMN_TYPE, "varchar") + "(" + varchar.length() + ")";
    }
    if (type instanceof ColumnType.Binary binary) {
      return imports.use(COLUMN_TYPE, "binary") + "(" + binary.length() + ")";
    }
    if (type instanceof ColumnType.Varbinary varbinary) {
      return imports.use(COLUMN_TYPE, "varbinary") + "(" + varbinary.length() + ")";
    }
    if (type instanceof ColumnType.Temporal temporal) {
      return imports.use(COLUMN_TYPE, scalarFactory(temporal.kind())) + "(" + temporal.precision() + ")";
    }
    ColumnType.Enumerated enumerated = (ColumnType.Enumerated) type;
    return imports.use(COLUMN_TYPE, "enumType") + "(" + literal(enumerated.name()) + ", "
        + literals(enumerated.values()) + ")";
  }

  private static String scalarFactory(ColumnType.Scalar scalar) {
    return switch (scalar) {
      case SMALLINT -> "smallint";
      case INTEGER -> "integer";
      case BIGINT -> "bigint";
      case BOOLEAN -> "bool";
      case REAL -> "real";
      case DOUBLE -> "doublePrecision";
      case TEXT -> "text";
      case DATE -> "date";
      case TIME -> "time";
      case TIMESTAMP -> "timestamp";
      case TIMESTAMP_TZ -> "timestampTz";
      case UUID -> "uuid";
      case BLOB -> "blob";
      case JSON -> "json";
    };
  }

  /** The column options after the type, each preceded by a comma. */
  private String options(ColumnModel column) {
    StringBuilder options = new StringBuilder();
    if (column.identity()) {
      options.append(", ").append(imports.use(COLUMN_OPTION, "identity")).append("()");
    } else if (!column.nullable()) {
      options.append(", ").append(imports.use(COLUMN_OPTION, "notNull")).append("()");
    }
    column.defaultValue().ifPresent(value -> {
      if (value instanceof DefaultValue.Literal literal) {
        options.append(", ").append(imports.use(COLUMN_OPTION, "defaultValue")).append('(')
            .append(literal(literal.value())).append(')');
      } else {
        options.append(", ").append(imports.use(COLUMN_OPTION, "defaultExpression")).append('(')
            .append(literal(((DefaultValue.Expression) value).sql())).append(')');
      }
    });
    column.comment().ifPresent(comment ->
        options.append(", ").append(imports.use(COLUMN_OPTION, "comment")).append('(').append(literal(comment)).append(')'));
    return options.toString();
  }

  /**
   * A call adding a foreign key in {@code alterTable}, such as {@code addForeignKey("fk_books_author_id",
   * fk -> fk.columns("author_id").references("authors", "id"))}: on one line when it fits in a chain,
   * else one step per line.
   */
  private String foreignKeyCall(String method, ForeignKeyModel key) {
    List<String> steps = new ArrayList<>();
    steps.add("columns(" + literals(key.columns()) + ")");
    steps.add("references(" + literal(key.referencedTable()) + ", " + literals(key.referencedColumns()) + ")");
    if (key.onDelete() != ReferentialAction.NO_ACTION) {
      steps.add("onDelete(" + imports.use(REFERENTIAL_ACTION, key.onDelete().name()) + ")");
    }
    if (key.onUpdate() != ReferentialAction.NO_ACTION) {
      steps.add("onUpdate(" + imports.use(REFERENTIAL_ACTION, key.onUpdate().name()) + ")");
    }
    String start = method + "(" + literal(key.name()) + ", fk -> fk";
    String inline = start + "." + String.join(".", steps) + ")";
    if (fitsInChain(inline)) {
      return inline;
    }
    StringBuilder broken = new StringBuilder(start);
    steps.forEach(step -> broken.append('\n').append(CONTINUATION).append(CONTINUATION).append('.').append(step));
    return broken.append(')').toString();
  }

  /** Whether a call fits on one line of a chain, with room for the parentheses that close the statement. */
  private static boolean fitsInChain(String call) {
    return CHAIN_INDENT + 1 + call.length() + 2 <= LINE_WIDTH;
  }

  private String defaultChange(Change<Optional<DefaultValue>> change) {
    if (change.from().isEmpty()) {
      return "setDefault(" + defaultValue(change.to().orElseThrow()) + ")";
    }
    if (change.to().isEmpty()) {
      return "dropDefault(" + defaultValue(change.from().get()) + ")";
    }
    return "changeDefault(" + defaultValue(change.from().get()) + ", " + defaultValue(change.to().get()) + ")";
  }

  private String defaultValue(DefaultValue value) {
    if (value instanceof DefaultValue.Literal literal) {
      return imports.use(DEFAULT_VALUE, "literal") + "(" + literal(literal.value()) + ")";
    }
    return imports.use(DEFAULT_VALUE, "expression") + "(" + literal(((DefaultValue.Expression) value).sql()) + ")";
  }

  private static String commentChange(Change<Optional<String>> change) {
    if (change.from().isEmpty()) {
      return "setComment(" + literal(change.to().orElseThrow()) + ")";
    }
    if (change.to().isEmpty()) {
      return "dropComment(" + literal(change.from().get()) + ")";
    }
    return "changeComment(" + literal(change.from().get()) + ", " + literal(change.to().get()) + ")";
  }

  /** A {@code long} argument: a plain int literal where it fits one, else with the {@code L} a long literal needs. */
  private static String number(long value) {
    return value <= Integer.MAX_VALUE ? Long.toString(value) : value + "L";
  }

  /** A Java string literal. */
  static String literal(String value) {
    return CodeBlock.of("$S", value).toString();
  }

  private static String literals(List<String> values) {
    List<String> literals = new ArrayList<>(values.size());
    values.forEach(v -> literals.add(literal(v)));
    return String.join(", ", literals);
  }

  /**
   * One operation as code.
   *
   * @param table for an operation inside {@code alterTable}, its table; empty for a statement
   *     of its own
   * @param code the call on the table builder (without the leading dot), or the whole
   *     statement (without the semicolon)
   * @param direct for a call inside {@code alterTable}, the statement (without the semicolon)
   *     that makes the same change alone, if {@code Schema} has a method for it
   */
  record Call(Optional<String> table, String code, Optional<String> direct) {
    static Call statement(String code) {
      return new Call(Optional.empty(), code, Optional.empty());
    }

    static Call on(String table, String code) {
      return new Call(Optional.of(table), code, Optional.empty());
    }

    /** A call inside {@code alterTable} that, alone, is the {@code Schema} call {@code direct}. */
    static Call on(String table, String code, String direct) {
      return new Call(Optional.of(table), code, Optional.of(direct));
    }
  }
}
