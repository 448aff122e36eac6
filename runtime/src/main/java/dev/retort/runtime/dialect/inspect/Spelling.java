package dev.retort.runtime.dialect.inspect;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads types and defaults as databases spell them, so that spellings can be compared. */
final class Spelling {

  private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

  private Spelling() {}

  /**
   * A type in a comparable form: lower case and single spaces outside quoted strings, no
   * spaces next to parentheses and commas, no identifier quotes. {@code ENUM('A', 'b')} becomes
   * {@code enum('A','b')}; quoted enum values keep their case.
   */
  static String normalizeType(String spelled) {
    StringBuilder out = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < spelled.length(); i++) {
      char c = spelled.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
        out.append(c);
      } else if (quoted) {
        out.append(c);
      } else if (Character.isWhitespace(c)) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ' && "(,".indexOf(out.charAt(out.length() - 1)) < 0) {
          out.append(' ');
        }
      } else if (c == '(' || c == ')' || c == ',') {
        if (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
          out.setLength(out.length() - 1);
        }
        out.append(c);
      } else if (c != '"' && c != '`') {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString().strip();
  }

  /**
   * A default as the database shows it: a literal (quoted, possibly with a {@code ::type} cast
   * as PostgreSQL shows it, or a bare number or boolean), or anything else as an expression.
   *
   * @param shown the default's text from the metadata
   * @param backslashEscapes whether a backslash escapes the next character in a string literal
   * @return the default
   */
  static Shown parseDefault(String shown, boolean backslashEscapes) {
    String text = unwrap(shown.strip());
    if (text.startsWith("'")) {
      StringBuilder value = new StringBuilder();
      int i = 1;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c == '\\' && backslashEscapes && i + 1 < text.length()) {
          value.append(text.charAt(i + 1));
          i += 2;
        } else if (c == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
          value.append('\'');
          i += 2;
        } else if (c == '\'') {
          String rest = text.substring(i + 1).strip();
          if (rest.isEmpty() || rest.startsWith("::")) {
            return new Shown(true, value.toString());
          }
          break;
        } else {
          value.append(c);
          i++;
        }
      }
      return new Shown(false, shown.strip());
    }
    int cast = text.indexOf("::");
    String head = unwrap(cast >= 0 ? text.substring(0, cast) : text);
    if (NUMBER.matcher(head).matches()) {
      return new Shown(true, head);
    }
    if (head.equalsIgnoreCase("true") || head.equalsIgnoreCase("false")) {
      return new Shown(true, head.toLowerCase(Locale.ROOT));
    }
    return new Shown(false, shown.strip());
  }

  /**
   * Whether a literal default of the model and one shown by the database are the same value:
   * equal text, equal numbers ({@code 1.50} and {@code 1.5}) or equal booleans ({@code true}
   * and {@code 1}).
   */
  static boolean sameLiteral(String model, String shown) {
    if (model.equals(shown)) {
      return true;
    }
    Optional<BigDecimal> a = number(model);
    Optional<BigDecimal> b = number(shown);
    if (a.isPresent() && b.isPresent()) {
      return a.get().compareTo(b.get()) == 0;
    }
    Optional<Boolean> x = bool(model);
    Optional<Boolean> y = bool(shown);
    return x.isPresent() && x.equals(y);
  }

  private static Optional<BigDecimal> number(String text) {
    return NUMBER.matcher(text).matches() ? Optional.of(new BigDecimal(text.startsWith("+") ? text.substring(1) : text))
        : Optional.empty();
  }

  private static Optional<Boolean> bool(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true":
      case "1":
        return Optional.of(true);
      case "false":
      case "0":
        return Optional.of(false);
      default:
        return Optional.empty();
    }
  }

  /** Removes parentheses around the whole text, as in {@code (0)} or {@code ('a')}. */
  private static String unwrap(String text) {
    String result = text;
    while (result.startsWith("(") && result.endsWith(")") && wraps(result)) {
      result = result.substring(1, result.length() - 1).strip();
    }
    return result;
  }

  private static boolean wraps(String text) {
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
        if (depth == 0 && i < text.length() - 1) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * A default as shown by a database.
   *
   * @param literal whether it is a literal value
   * @param text the literal's value, or the expression as shown
   */
  record Shown(boolean literal, String text) {}
}
