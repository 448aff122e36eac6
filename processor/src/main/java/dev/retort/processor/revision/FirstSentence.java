package dev.retort.processor.revision;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Takes the first sentence of a documentation comment, as plain text, to describe a revision. */
final class FirstSentence {

  private static final Pattern INLINE_TAG = Pattern.compile("\\{@[a-zA-Z]+\\s+([^}]*)}");
  private static final Pattern HTML_TAG = Pattern.compile("<[^>]*>");
  private static final Pattern SENTENCE_END = Pattern.compile("\\.(\\s|$)");
  /** A Markdown code span: {@code `name`} or {@code ``a ` b``}. */
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
  /** A Markdown link: {@code [text]}, {@code [text][reference]} or {@code [text](url)}. */
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)](\\[[^\\]]*]|\\([^)]*\\))?");
  /** Markdown emphasis by asterisks, or by underscores outside a word, so that {@code order_items} stays whole. */
  private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])(\\*\\*|\\*|__|_)(?=\\S)(.+?)(?<=\\S)\\1(?![\\w*])");

  private FirstSentence() {}

  /**
   * Returns the first sentence of a traditional comment ({@code /** ... *}{@code /}): the text up
   * to the first period followed by white space, or the whole first paragraph when there is no
   * such period.
   *
   * @param javadoc the comment's text as {@link javax.lang.model.util.Elements#getDocComment} gives it
   * @return the sentence on one line, or empty when the comment has no text before its block tags
   */
  static String of(String javadoc) {
    return sentence(firstParagraph(javadoc));
  }

  /**
   * Returns the first sentence of a Markdown comment ({@code ///}, JDK 23 and newer), as {@link
   * #of} does, with the code spans, links and emphasis of Markdown reduced to their text.
   *
   * @param markdown the comment's text as {@link javax.lang.model.util.Elements#getDocComment} gives it
   * @return the sentence on one line, or empty when the comment has no text before its block tags
   */
  static String ofMarkdown(String markdown) {
    String paragraph = firstParagraph(markdown);
    String text = EMPHASIS.matcher(LINK.matcher(CODE_SPAN.matcher(paragraph).replaceAll("$2")).replaceAll("$1"))
        .replaceAll("$2");
    return sentence(text);
  }

  /** The lines of the first paragraph, before any block tag, joined by spaces. */
  private static String firstParagraph(String comment) {
    StringBuilder text = new StringBuilder();
    for (String line : comment.strip().split("\\R", -1)) {
      String stripped = line.strip();
      if (stripped.startsWith("@") || (stripped.isEmpty() && text.length() > 0)) {
        break;
      }
      if (stripped.startsWith("<p>") && text.length() > 0) {
        break;
      }
      text.append(stripped).append(' ');
    }
    return text.toString();
  }

  /** The first sentence of a paragraph, without inline tags and HTML. */
  private static String sentence(String paragraph) {
    String plain = HTML_TAG.matcher(INLINE_TAG.matcher(paragraph).replaceAll("$1")).replaceAll("");
    plain = plain.replaceAll("\\s+", " ").strip();
    Matcher end = SENTENCE_END.matcher(plain);
    return end.find() ? plain.substring(0, end.start() + 1) : plain;
  }
}
