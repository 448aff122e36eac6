package dev.retort;

/** The action of a foreign key when the referenced row is deleted or its key updated. */
public enum ReferentialAction {
  /** Reject the change if rows still refer to it (checked at the end of the statement). */
  NO_ACTION("NO ACTION"),
  /** Reject the change immediately if rows still refer to it. */
  RESTRICT("RESTRICT"),
  /** Delete or update the referring rows too. */
  CASCADE("CASCADE"),
  /** Set the referring columns to NULL. */
  SET_NULL("SET NULL"),
  /** Set the referring columns to their defaults. */
  SET_DEFAULT("SET DEFAULT");

  private final String sql;

  ReferentialAction(String sql) {
    this.sql = sql;
  }

  /** The SQL keywords of this action, such as {@code SET NULL}. */
  public String sql() {
    return sql;
  }
}
