package dev.retort.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Masks passwords in text before it is printed: the passwords given as settings wherever they
 * appear, and any password written into a JDBC URL ({@code password=…} parameters of any
 * driver, {@code user:password@host} authorities).
 */
public final class Secrets {

  /** What a masked password is shown as. */
  public static final String MASK = "****";

  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)\\b(password|passwd|pwd)=([^&;,\\s]*)");
  private static final Pattern AUTHORITY_PASSWORD = Pattern.compile("//([^/:@\\s]+):([^@/\\s]*)@");

  private final List<String> passwords;

  private Secrets(List<String> passwords) {
    this.passwords = List.copyOf(passwords);
  }

  /**
   * Masks the given passwords, and passwords written into URLs.
   *
   * @param passwords the passwords to hide; empty ones are ignored
   * @return the masker
   */
  public static Secrets of(String... passwords) {
    List<String> known = new ArrayList<>();
    for (String password : passwords) {
      if (password != null && !password.isEmpty()) {
        known.add(password);
      }
    }
    // Longest first, so that a password containing another is masked whole.
    known.sort((a, b) -> Integer.compare(b.length(), a.length()));
    return new Secrets(known);
  }

  /**
   * The text with every password masked.
   *
   * @param text any text, such as an error message that quotes a URL
   * @return the text safe to print
   */
  public String mask(String text) {
    Objects.requireNonNull(text, "text == null");
    String masked = maskUrls(text);
    for (String password : passwords) {
      masked = masked.replace(password, MASK);
    }
    return masked;
  }

  /**
   * A JDBC URL (or any text holding one) with the passwords written into it masked.
   *
   * @param text the URL
   * @return the URL safe to print
   */
  public static String maskUrls(String text) {
    Objects.requireNonNull(text, "text == null");
    String masked = PASSWORD_PARAMETER.matcher(text).replaceAll("$1=" + MASK);
    return AUTHORITY_PASSWORD.matcher(masked).replaceAll("//$1:" + MASK + "@");
  }
}
