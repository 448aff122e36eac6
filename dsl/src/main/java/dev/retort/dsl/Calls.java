package dev.retort.dsl;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Puts the DSL call in front of a model or operation validation message, so that
 * {@code index columns is empty} reaches the user as
 * {@code alterTable("users"): index ix_users_phone: index columns is empty}.
 */
final class Calls {

  private Calls() {}

  /**
   * Runs a constructor; its {@link IllegalArgumentException} or {@link NullPointerException}
   * is thrown again, of the same kind, with {@code context} in front of its message.
   */
  static <T> T build(String context, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(context + ": " + e.getMessage(), e);
    } catch (NullPointerException e) {
      NullPointerException withContext = new NullPointerException(context + ": " + e.getMessage());
      withContext.initCause(e);
      throw withContext;
    }
  }

  /**
   * Copies the names of a varargs call, saying which is null if one is. Whether the list may
   * be empty or repeat a name is for the model to decide.
   *
   * @param what what the names are, such as {@code "columns"}
   * @param names the names as passed
   */
  static List<String> names(String what, String... names) {
    Objects.requireNonNull(names, what + " == null");
    for (int i = 0; i < names.length; i++) {
      if (names[i] == null) {
        throw new NullPointerException(what + " has null at position " + (i + 1) + " of " + names.length);
      }
    }
    return List.copyOf(Arrays.asList(names));
  }

  /** Fails with {@code context: problem}. */
  static IllegalArgumentException fail(String context, String problem) {
    return new IllegalArgumentException(context + ": " + problem);
  }
}
