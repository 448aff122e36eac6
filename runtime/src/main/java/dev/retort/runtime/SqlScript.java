package dev.retort.runtime;

import dev.retort.operation.Vendor;
import dev.retort.runtime.internal.command.ScriptText;
import java.util.List;
import java.util.Objects;

/**
 * An offline migration script for a database administrator to review and run: what
 * {@link Retort#sql(String, String, Vendor)} and {@link Retort#stampSql(String, String, Vendor)}
 * return. It holds every statement, the version table's included, with values written as
 * literals.
 *
 * @param vendor the database the script is written for
 * @param from the revision the database is at before the script ({@code base} for none)
 * @param to the revision it is at after ({@code base} for none)
 * @param blocks the script, one block per migration (and one creating the version table when
 *     {@code from} is base, one checking that the database is at {@code from} when it is not);
 *     for a stamp, the block of the version table's rows
 */
public record SqlScript(Vendor vendor, String from, String to, List<Block> blocks) {

  /** Validates and copies the components. */
  public SqlScript {
    Objects.requireNonNull(vendor, "vendor == null");
    Objects.requireNonNull(from, "from == null");
    Objects.requireNonNull(to, "to == null");
    blocks = List.copyOf(blocks);
  }

  /**
   * A part of the script with a heading comment.
   *
   * @param comment one line saying what the statements do
   * @param statements the statements, without terminating semicolons
   */
  public record Block(String comment, List<String> statements) {
    /** Validates and copies the components. */
    public Block {
      Objects.requireNonNull(comment, "comment == null");
      if (comment.contains("\n") || comment.contains("\r")) {
        throw new IllegalArgumentException("a block comment is one line: " + comment);
      }
      statements = List.copyOf(statements);
    }
  }

  /** Every statement, in order, without comments. */
  public List<String> statements() {
    return blocks.stream().flatMap(block -> block.statements().stream()).toList();
  }

  /**
   * The script as text, for the database's own command-line tool: each block's comment, then its
   * statements, each ended by a semicolon. A statement whose last line may end in a comment gets
   * its semicolon on a line of its own, so that the comment cannot swallow it; for MySQL and
   * MariaDB a statement holding semicolons of its own (a trigger's {@code BEGIN … END}) stands
   * between {@code DELIMITER} commands. Write it out as UTF-8, the encoding the PostgreSQL and
   * MySQL scripts declare to the client.
   */
  public String text() {
    return ScriptText.of(this);
  }
}
