package dev.retort.model;

import java.util.ArrayList;
import java.util.List;

/** SQL-style single-quoted string literals, as used in the text forms of the model. */
public final class Literals {

  private Literals() {}

  /**
   * Quotes a string as a SQL literal: {@code it's} becomes {@code 'it''s'}.
   *
   * @param value the string
   * @return the quoted literal
   */
  public static String quote(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /**
   * Reads a comma-separated list of quoted literals, such as {@code 'a','it''s'}.
   *
   * @param text the list
   * @param context the whole text, for the error message
   * @return the values
   * @throws IllegalArgumentException if the list is not well formed
   */
  public static List<String> parseList(String text, String context) {
    List<String> values = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (true) {
      while (i < n && text.charAt(i) == ' ') {
        i++;
      }
      if (i >= n || text.charAt(i) != '\'') {
        throw new IllegalArgumentException("expected a quoted value at position " + i + " of " + context);
      }
      StringBuilder value = new StringBuilder();
      i++;
      while (true) {
        if (i >= n) {
          throw new IllegalArgumentException("unterminated quoted value in " + context);
        }
        char c = text.charAt(i++);
        if (c == '\'') {
          if (i < n && text.charAt(i) == '\'') {
            value.append('\'');
            i++;
          } else {
            break;
          }
        } else {
          value.append(c);
        }
      }
      values.add(value.toString());
      while (i < n && text.charAt(i) == ' ') {
        i++;
      }
      if (i == n) {
        return values;
      }
      if (text.charAt(i) != ',') {
        throw new IllegalArgumentException("expected ',' at position " + i + " of " + context);
      }
      i++;
    }
  }
}
