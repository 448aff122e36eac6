package dev.retort.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The names of database objects that no migration manages, such as the tables a job scheduler or a session store
 * creates for itself: glob patterns ({@code *} any run of characters, {@code ?} one character), compared without
 * regard to case. A pattern without a dot matches an object's name in any schema ({@code qrtz_*}); one with a dot
 * matches the schema and the name ({@code batch.*}).
 */
public final class Unmanaged {

  private static final Unmanaged NONE = new Unmanaged(List.of(), List.of());

  private final List<String> patterns;
  private final List<Qualified> globs;

  /**
   * One pattern, compiled.
   *
   * @param glob the pattern
   * @param qualified whether it names the schema too ({@code batch.*}), having a dot
   */
  private record Qualified(Glob glob, boolean qualified) {}

  private Unmanaged(List<String> patterns, List<Qualified> globs) {
    this.patterns = patterns;
    this.globs = globs;
  }

  /** No object is unmanaged. */
  public static Unmanaged none() {
    return NONE;
  }

  /**
   * Reads patterns.
   *
   * @param patterns the patterns, such as {@code qrtz_*}
   * @return the unmanaged objects
   * @throws IllegalArgumentException if a pattern is blank, or holds a character that a name it could match does not
   *     (a space, a quote)
   */
  public static Unmanaged of(List<String> patterns) {
    Objects.requireNonNull(patterns, "patterns == null");
    if (patterns.isEmpty()) {
      return NONE;
    }
    List<String> texts = new ArrayList<>();
    List<Qualified> globs = new ArrayList<>();
    for (String pattern : patterns) {
      Objects.requireNonNull(pattern, "pattern == null");
      String text = pattern.strip();
      if (text.isEmpty()) {
        throw new IllegalArgumentException("an unmanaged-object pattern is blank; give a name or a glob such as"
            + " qrtz_* (the tables of Quartz)");
      }
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.isWhitespace(c) || c == '"' || c == '`' || c == '\'' || c == ',') {
          throw new IllegalArgumentException("unmanaged-object pattern '" + text + "' holds '" + c + "'; give one"
              + " name or glob per pattern, unquoted, such as qrtz_* or batch.*");
        }
      }
      texts.add(text);
      globs.add(new Qualified(Glob.of(text), text.indexOf('.') >= 0));
    }
    return new Unmanaged(List.copyOf(texts), List.copyOf(globs));
  }

  /** The patterns as given, stripped. */
  public List<String> patterns() {
    return patterns;
  }

  /** Whether there are no patterns. */
  public boolean isEmpty() {
    return patterns.isEmpty();
  }

  /**
   * Whether an object is unmanaged.
   *
   * @param schema the object's schema, such as the connection's own; empty when not known, which only patterns
   *     without a dot match then
   * @param name the object's name
   * @return whether a pattern matches it
   */
  public boolean matches(String schema, String name) {
    Objects.requireNonNull(schema, "schema == null");
    Objects.requireNonNull(name, "name == null");
    for (Qualified glob : globs) {
      if (glob.qualified()
          ? !schema.isEmpty() && glob.glob().matches(schema + "." + name)
          : glob.glob().matches(name)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return String.join(", ", patterns);
  }
}
