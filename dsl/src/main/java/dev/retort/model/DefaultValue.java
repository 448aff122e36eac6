package dev.retort.model;

import java.util.Objects;

/** A column default: a literal value or a SQL expression. */
public sealed interface DefaultValue permits DefaultValue.Literal, DefaultValue.Expression {

  /** The default in Retort's text syntax: a quoted literal, or {@code expr(…)}. */
  String text();

  /**
   * A literal value, rendered by each dialect as a literal of the column's type
   * ({@code 'draft'}, {@code 0}, {@code TRUE}).
   *
   * @param value the value as text
   */
  record Literal(String value) implements DefaultValue {
    /** Validates the value. */
    public Literal {
      Objects.requireNonNull(value, "value == null");
    }

    @Override
    public String text() {
      return Literals.quote(value);
    }
  }

  /**
   * A SQL expression rendered as written, such as {@code CURRENT_TIMESTAMP}.
   *
   * @param sql the expression
   */
  record Expression(String sql) implements DefaultValue {
    /** Validates the expression. */
    public Expression {
      Objects.requireNonNull(sql, "sql == null");
      if (sql.isBlank()) {
        throw new IllegalArgumentException("default expression is blank");
      }
    }

    @Override
    public String text() {
      return "expr(" + sql + ")";
    }
  }

  /** A literal default. */
  static DefaultValue literal(String value) {
    return new Literal(value);
  }

  /** An expression default. */
  static DefaultValue expression(String sql) {
    return new Expression(sql);
  }
}
