package dev.retort.processor.revision;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Takes the first sentence of a Javadoc comment, as plain text, to describe a revision. */
final class FirstSentence {

  private static final Pattern INLINE_TAG = Pattern.compile("\\{@[a-zA-Z]+\\s+([^}]*)}");
  private static final Pattern HTML_TAG = Pattern.compile("<[^>]*>");
  private static final Pattern SENTENCE_END = Pattern.compile("\\.(\\s|$)");

  private FirstSentence() {}

  /**
   * Returns the first sentence: the text up to the first period followed by white space, or
   * the whole first paragraph when there is no such period.
   *
   * @param javadoc the comment's text as {@link javax.lang.model.util.Elements#getDocComment} gives it
   * @return the sentence on one line, or empty when the comment has no text before its block tags
   */
  static String of(String javadoc) {
    StringBuilder text = new StringBuilder();
    for (String line : javadoc.strip().split("\\R", -1)) {
      String stripped = line.strip();
      if (stripped.startsWith("@") || (stripped.isEmpty() && text.length() > 0)) {
        break;
      }
      if (stripped.startsWith("<p>") && text.length() > 0) {
        break;
      }
      text.append(stripped).append(' ');
    }
    String plain = HTML_TAG.matcher(INLINE_TAG.matcher(text).replaceAll("$1")).replaceAll("");
    plain = plain.replaceAll("\\s+", " ").strip();
    Matcher end = SENTENCE_END.matcher(plain);
    return end.find() ? plain.substring(0, end.start() + 1) : plain;
  }
}
