package dev.retort.processor.write;

import com.palantir.javapoet.CodeBlock;
import dev.retort.operation.AlterSequence;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.CreateView;
import dev.retort.operation.CreateTable;
import dev.retort.operation.DropSequence;
import dev.retort.operation.DropView;
import dev.retort.operation.DropTable;
import dev.retort.operation.Operation;
import dev.retort.operation.RenameTable;

/**
 * One statement of a generated {@code upgrade} or {@code downgrade}, such as
 * {@code schema.createTable("users", t -> t ...);}.
 *
 * @param kind what the statement does, which names the helper method holding it in a large
 *     migration
 * @param code the statement with its comments, ending with a line break
 * @param constants what the statement adds to the constant pool of the class it is compiled into
 */
record Statement(Kind kind, CodeBlock code, ConstantCount constants) {

  /** What a statement does. */
  enum Kind {
    /** {@code schema.createTable(...)}. */
    CREATE_TABLES("createTables"),
    /** {@code schema.dropTable(...)}. */
    DROP_TABLES("dropTables"),
    /** {@code schema.renameTable(...)}. */
    RENAME_TABLES("renameTables"),
    /** {@code schema.alterTable(...)}. */
    ALTER_TABLES("alterTables"),
    /** {@code schema.createSequence(...)}, {@code dropSequence(...)} and {@code alterSequence(...)}. */
    SEQUENCES("sequences"),
    /** {@code schema.createView(...)} and {@code dropView(...)}. */
    VIEWS("views");

    private final String methodName;

    Kind(String methodName) {
      this.methodName = methodName;
    }

    /** The name of a helper method holding statements of this kind, before its part number. */
    String methodName() {
      return methodName;
    }

    /** The kind of the statement an operation that is not written inside {@code alterTable} gets. */
    static Kind of(Operation operation) {
      if (operation instanceof CreateTable) {
        return CREATE_TABLES;
      }
      if (operation instanceof DropTable) {
        return DROP_TABLES;
      }
      if (operation instanceof RenameTable) {
        return RENAME_TABLES;
      }
      if (operation instanceof CreateSequence || operation instanceof DropSequence
          || operation instanceof AlterSequence) {
        return SEQUENCES;
      }
      if (operation instanceof CreateView || operation instanceof DropView) {
        return VIEWS;
      }
      throw new IllegalArgumentException(operation.summary() + " is written inside alterTable");
    }
  }
}
