package dev.retort.runtime.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A name pattern as users write one on a command line: {@code *} any run of characters, {@code ?} one character,
 * every other character itself, compared without regard to case. For the unmanaged objects ({@code qrtz_*}) and the
 * tenants' schemas ({@code tenant_*}).
 */
public final class Glob {

  private final String text;
  private final Pattern regex;

  private Glob(String text, Pattern regex) {
    this.text = text;
    this.regex = regex;
  }

  /**
   * Compiles a pattern.
   *
   * @param text the pattern, such as {@code tenant_*}
   * @return the glob
   */
  public static Glob of(String text) {
    Objects.requireNonNull(text, "text == null");
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '*' || c == '?') {
        if (!literal.isEmpty()) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (!literal.isEmpty()) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return new Glob(text,
        Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL));
  }

  /**
   * Whether a text holds a wildcard, and so is a pattern rather than a name.
   *
   * @param text the text
   * @return whether it holds {@code *} or {@code ?}
   */
  public static boolean isPattern(String text) {
    return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
  }

  /**
   * Whether the whole of a name matches, without regard to case.
   *
   * @param name the name
   * @return whether it matches
   */
  public boolean matches(String name) {
    return regex.matcher(Objects.requireNonNull(name, "name == null")).matches();
  }

  @Override
  public String toString() {
    return text;
  }
}
