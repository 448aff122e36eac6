package dev.retort.operation;

/**
 * One schema change: the single language that the differ emits, the code generator writes,
 * the DSL builds, the runtime renders and executes, and the checksum hashes.
 *
 * <p>Every operation is an immutable record that validates its components; equal inputs
 * give equal records. Operations are dialect-neutral; applying one to a
 * {@link dev.retort.model.SchemaModel} gives the schema after it.
 */
public sealed interface Operation
    permits CreateTable,
        DropTable,
        RenameTable,
        AlterTableComment,
        AddColumn,
        DropColumn,
        RenameColumn,
        AlterColumn,
        AddPrimaryKey,
        DropPrimaryKey,
        RenamePrimaryKey,
        AddUnique,
        DropUnique,
        AddCheck,
        DropCheck,
        AddForeignKey,
        DropForeignKey,
        ValidateConstraint,
        CreateIndex,
        DropIndex,
        CreateSequence,
        DropSequence,
        AlterSequence,
        CreateView,
        DropView,
        Execute,
        JdbcStep {

  /** One line for logs, Javadoc and messages, such as {@code add column users.phone}. */
  String summary();

  /**
   * Calls the visitor's method for this kind of operation. Java 17 has no exhaustive
   * pattern switch; a visitor is how code over operations is made to handle every kind.
   *
   * @param visitor the visitor
   * @param <R> the result type
   * @return the visitor's result
   */
  <R> R accept(Visitor<R> visitor);

  /** Whether this operation can lose stored data (dropping a table or column, or a sequence's value). */
  default boolean destroysData() {
    return false;
  }

  /**
   * One method per kind of operation. Adding an operation adds a method here, so every
   * visitor fails to compile until it handles the new kind.
   *
   * @param <R> the result type
   */
  interface Visitor<R> {
    /**
     * Visits a {@link CreateTable}.
     *
     * @param operation the operation
     * @return the result
     */
    R createTable(CreateTable operation);

    /**
     * Visits a {@link DropTable}.
     *
     * @param operation the operation
     * @return the result
     */
    R dropTable(DropTable operation);

    /**
     * Visits a {@link RenameTable}.
     *
     * @param operation the operation
     * @return the result
     */
    R renameTable(RenameTable operation);

    /**
     * Visits a {@link AlterTableComment}.
     *
     * @param operation the operation
     * @return the result
     */
    R alterTableComment(AlterTableComment operation);

    /**
     * Visits a {@link AddColumn}.
     *
     * @param operation the operation
     * @return the result
     */
    R addColumn(AddColumn operation);

    /**
     * Visits a {@link DropColumn}.
     *
     * @param operation the operation
     * @return the result
     */
    R dropColumn(DropColumn operation);

    /**
     * Visits a {@link RenameColumn}.
     *
     * @param operation the operation
     * @return the result
     */
    R renameColumn(RenameColumn operation);

    /**
     * Visits a {@link AlterColumn}.
     *
     * @param operation the operation
     * @return the result
     */
    R alterColumn(AlterColumn operation);

    /**
     * Visits a {@link AddPrimaryKey}.
     *
     * @param operation the operation
     * @return the result
     */
    R addPrimaryKey(AddPrimaryKey operation);

    /**
     * Visits a {@link DropPrimaryKey}.
     *
     * @param operation the operation
     * @return the result
     */
    R dropPrimaryKey(DropPrimaryKey operation);

    /**
     * Visits a {@link RenamePrimaryKey}.
     *
     * @param operation the operation
     * @return the result
     */
    R renamePrimaryKey(RenamePrimaryKey operation);

    /**
     * Visits a {@link AddUnique}.
     *
     * @param operation the operation
     * @return the result
     */
    R addUnique(AddUnique operation);

    /**
     * Visits a {@link DropUnique}.
     *
     * @param operation the operation
     * @return the result
     */
    R dropUnique(DropUnique operation);

    /**
     * Visits a {@link AddCheck}.
     *
     * @param operation the operation
     * @return the result
     */
    R addCheck(AddCheck operation);

    /**
     * Visits a {@link DropCheck}.
     *
     * @param operation the operation
     * @return the result
     */
    R dropCheck(DropCheck operation);

    /**
     * Visits a {@link AddForeignKey}.
     *
     * @param operation the operation
     * @return the result
     */
    R addForeignKey(AddForeignKey operation);

    /**
     * Visits a {@link DropForeignKey}.
     *
     * @param operation the operation
     * @return the result
     */
    R dropForeignKey(DropForeignKey operation);

    /**
     * Visits a {@link ValidateConstraint}.
     *
     * @param operation the operation
     * @return the result
     */
    R validateConstraint(ValidateConstraint operation);

    /**
     * Visits a {@link CreateIndex}.
     *
     * @param operation the operation
     * @return the result
     */
    R createIndex(CreateIndex operation);

    /**
     * Visits a {@link DropIndex}.
     *
     * @param operation the operation
     * @return the result
     */
    R dropIndex(DropIndex operation);

    /**
     * Visits a {@link CreateSequence}.
     *
     * @param operation the operation
     * @return the result
     */
    R createSequence(CreateSequence operation);

    /**
     * Visits a {@link DropSequence}.
     *
     * @param operation the operation
     * @return the result
     */
    R dropSequence(DropSequence operation);

    /**
     * Visits a {@link AlterSequence}.
     *
     * @param operation the operation
     * @return the result
     */
    R alterSequence(AlterSequence operation);

    /**
     * Visits a {@link CreateView}.
     *
     * @param operation the operation
     * @return the result
     */
    R createView(CreateView operation);

    /**
     * Visits a {@link DropView}.
     *
     * @param operation the operation
     * @return the result
     */
    R dropView(DropView operation);

    /**
     * Visits a {@link Execute}.
     *
     * @param operation the operation
     * @return the result
     */
    R execute(Execute operation);

    /**
     * Visits a {@link JdbcStep}.
     *
     * @param operation the operation
     * @return the result
     */
    R jdbcStep(JdbcStep operation);
  }
}
