package dev.retort.index;

import java.util.Objects;
import java.util.Optional;

/**
 * Which revision ids the commands can address. A command's target is {@code head}, {@code base},
 * {@code +N} or {@code -N}, or a revision id; {@code mvn retort:stamp -Dretort.target=a,b} splits
 * its target at commas, and every target is stripped of white space. An id that reads as one of
 * those could never be named, so the processor refuses it on the {@code @Revision} class and the
 * runtime refuses it when it loads the history.
 *
 * <p>A prefix of another id is fine: a target equal to an id means that revision before it is
 * read as a prefix. The processor's own ids ({@code 20261121_153000}) always pass.
 */
public final class RevisionIdRule {

  /** The version table's column holds at most this many characters of an id. */
  public static final int MAX_LENGTH = 100;

  private RevisionIdRule() {}

  /**
   * Why commands could not address a revision by this id.
   *
   * @param id the revision id, not blank
   * @return the reason, as a clause that follows the id in a sentence ("which is ..."), or empty
   *     when the id is usable
   */
  public static Optional<String> problem(String id) {
    Objects.requireNonNull(id, "id == null");
    if (id.equals("head") || id.equals("base")) {
      return Optional.of("is the target " + id + ", so a command given " + id + " would never mean this revision");
    }
    if (id.startsWith("+") || id.startsWith("-")) {
      return Optional.of("starts with " + id.charAt(0) + ", as relative targets (+1, -2) and command-line"
          + " options do");
    }
    if (id.indexOf(',') >= 0) {
      return Optional.of("contains a comma, the separator of revisions in mvn retort:stamp -Dretort.target=a,b");
    }
    for (int i = 0; i < id.length(); i++) {
      if (unaddressable(id.charAt(i))) {
        return Optional.of("contains white space or a control character (at index " + i + "), lost when a target"
            + " is stripped or split into command-line arguments");
      }
    }
    if (id.length() > MAX_LENGTH) {
      return Optional.of("is " + id.length() + " characters long, and the version table holds at most " + MAX_LENGTH);
    }
    return Optional.empty();
  }

  /**
   * Whether Java calls the character white space, a space or an ISO control. The runtime checks
   * every id at each start, so ASCII, where that is exactly the controls, the space and DEL, is
   * decided without {@link Character}'s tables.
   */
  private static boolean unaddressable(char c) {
    if (c < 0x80) {
      return c <= ' ' || c == 0x7f;
    }
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
  }
}
