package dev.retort.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of the guide leads somewhere: the file exists, and a {@code #fragment}
 * into a Markdown page names one of its headings (by GitHub's rule: lower case, punctuation
 * removed, spaces as hyphens).
 */
class LinksTest {

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*)$");

  @Test
  void everyRelativeLinkFindsItsFileAndHeading() throws IOException {
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (MarkdownPage page : Guide.pages()) {
      List<String> lines = Files.readAllLines(page.path(), StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        Matcher link = LINK.matcher(lines.get(i));
        while (link.find()) {
          String target = link.group(1);
          if (target.contains("://") || target.startsWith("mailto:")) {
            continue;
          }
          checked++;
          String where = Guide.root().relativize(page.path()) + ":" + (i + 1) + ": " + target;
          int hash = target.indexOf('#');
          String file = hash < 0 ? target : target.substring(0, hash);
          Path resolved = file.isEmpty() ? page.path() : page.path().getParent().resolve(file).normalize();
          if (!Files.exists(resolved)) {
            broken.add(where + " (no such file)");
          } else if (hash >= 0 && resolved.toString().endsWith(".md")
              && !anchors(resolved).contains(target.substring(hash + 1))) {
            broken.add(where + " (no such heading)");
          }
        }
      }
    }
    assertThat(broken).as("broken links").isEmpty();
    assertThat(checked).as("links checked").isPositive();
  }

  private static Set<String> anchors(Path page) throws IOException {
    Set<String> anchors = new HashSet<>();
    boolean inCode = false;
    for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
      if (line.startsWith("```")) {
        inCode = !inCode;
        continue;
      }
      Matcher heading = HEADING.matcher(line);
      if (!inCode && heading.matches()) {
        anchors.add(slug(heading.group(1)));
      }
    }
    return anchors;
  }

  /**
   * GitHub's heading anchor: lower case, keeping only letters, digits, spaces, hyphens and
   * underscores, with spaces as hyphens.
   */
  static String slug(String heading) {
    return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
  }
}
