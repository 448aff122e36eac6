package dev.retort.examples.guide;

import dev.retort.operation.Vendor;
import dev.retort.runtime.Retort;
import java.util.List;
import java.util.Locale;

/**
 * Offline scripts of the bookshop's history, as the guide shows them: {@code Retort.sql} run
 * on the bookshop's migrations, which are on the test class path. Writing a script does not
 * connect, so the database URL is never opened.
 */
final class OfflineScripts {

  private static final String STAMP = "stamp:";

  private OfflineScripts() {}

  /**
   * Renders a script.
   *
   * @param argument {@code FROM..TO@VENDOR}, such as {@code base..head@POSTGRESQL}; with the prefix
   *     {@code stamp:}, the stamp script of {@code TO} from {@code FROM} ({@code Retort.stampSql})
   * @return the script's lines
   * @throws IllegalArgumentException if the argument is malformed
   */
  static List<String> render(String argument) {
    boolean stamp = argument.startsWith(STAMP);
    if (stamp) {
      argument = argument.substring(STAMP.length());
    }
    int range = argument.indexOf("..");
    int at = argument.lastIndexOf('@');
    if (range < 0 || at < range) {
      throw new IllegalArgumentException(
          "'" + argument + "' is not FROM..TO@VENDOR, such as base..head@POSTGRESQL");
    }
    String from = argument.substring(0, range);
    String to = argument.substring(range + 2, at);
    Vendor vendor = Vendor.valueOf(argument.substring(at + 1).toUpperCase(Locale.ROOT));
    Retort retort = Retort.builder().url("jdbc:h2:mem:never-opened", "sa", "").build();
    return (stamp ? retort.stampSql(from, to, vendor) : retort.sql(from, to, vendor)).text().lines().toList();
  }
}
