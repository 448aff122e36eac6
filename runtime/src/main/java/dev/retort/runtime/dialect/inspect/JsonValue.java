package dev.retort.runtime.dialect.inspect;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads JSON text into a value that equals another exactly when both texts are the same JSON:
 * objects as maps whatever the order of their members (the last of repeated names wins, as in
 * PostgreSQL's {@code jsonb}), numbers by value, white space ignored. PostgreSQL keeps a
 * {@code jsonb} default in its own order and spacing, so a default compares as JSON, not as
 * text.
 */
final class JsonValue {

  /** JSON's {@code null}, which a map or list cannot hold as Java's. */
  private static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  private final String text;
  private int at;

  private JsonValue(String text) {
    this.text = text;
  }

  /**
   * The value of a JSON text.
   *
   * @param text the text
   * @return the value, comparable with {@code equals}; empty if the text is not JSON
   */
  static Optional<Object> parse(String text) {
    JsonValue reader = new JsonValue(text);
    try {
      Object value = reader.value();
      reader.space();
      return reader.at == text.length() ? Optional.of(value) : Optional.empty();
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  private Object value() {
    space();
    char c = text.charAt(at);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return word("true", Boolean.TRUE);
      case 'f':
        return word("false", Boolean.FALSE);
      case 'n':
        return word("null", NULL);
      default:
        return number();
    }
  }

  private Map<String, Object> object() {
    Map<String, Object> members = new TreeMap<>();
    at++;
    space();
    if (text.charAt(at) == '}') {
      at++;
      return members;
    }
    while (true) {
      space();
      String name = string();
      space();
      expect(':');
      members.put(name, value());
      space();
      if (text.charAt(at) == '}') {
        at++;
        return members;
      }
      expect(',');
    }
  }

  private List<Object> array() {
    List<Object> items = new ArrayList<>();
    at++;
    space();
    if (text.charAt(at) == ']') {
      at++;
      return items;
    }
    while (true) {
      items.add(value());
      space();
      if (text.charAt(at) == ']') {
        at++;
        return items;
      }
      expect(',');
    }
  }

  private String string() {
    expect('"');
    StringBuilder value = new StringBuilder();
    while (true) {
      char c = text.charAt(at++);
      if (c == '"') {
        return value.toString();
      }
      if (c != '\\') {
        value.append(c);
        continue;
      }
      char escaped = text.charAt(at++);
      switch (escaped) {
        case 'b':
          value.append('\b');
          break;
        case 'f':
          value.append('\f');
          break;
        case 'n':
          value.append('\n');
          break;
        case 'r':
          value.append('\r');
          break;
        case 't':
          value.append('\t');
          break;
        case 'u':
          value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          at += 4;
          break;
        default:
          value.append(escaped);
      }
    }
  }

  private BigDecimal number() {
    int start = at;
    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    BigDecimal number = new BigDecimal(text.substring(start, at));
    return number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
  }

  private Object word(String word, Object value) {
    if (!text.startsWith(word, at)) {
      throw new IllegalArgumentException("not JSON at " + at);
    }
    at += word.length();
    return value;
  }

  private void expect(char c) {
    if (text.charAt(at) != c) {
      throw new IllegalArgumentException("expected " + c + " at " + at);
    }
    at++;
  }

  private void space() {
    while (at < text.length() && " \t\n\r".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
  }
}
