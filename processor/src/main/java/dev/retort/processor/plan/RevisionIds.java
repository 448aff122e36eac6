package dev.retort.processor.plan;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Makes revision ids: the UTC time as {@code yyyyMMdd_HHmmss}, so that ids sort in the order
 * revisions were made, moved on by a second as often as needed to stay unique and to come
 * after every existing id of this form.
 */
public final class RevisionIds {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);
  private static final Pattern TIMESTAMP_ID = Pattern.compile("\\d{8}_\\d{6}");

  private RevisionIds() {}

  /** The id for a time, without looking at other ids: {@code 20261121_153000}. */
  public static String format(Instant time) {
    return FORMAT.format(time);
  }

  /**
   * The id of a new revision.
   *
   * @param now the current time
   * @param existing the ids of the existing revisions
   * @param taken says whether an id is unusable for another reason, such as a file of that
   *     name already existing
   * @return an id not in {@code existing}, not taken, later than every existing timestamp id
   */
  public static String next(Instant now, Collection<String> existing, Predicate<String> taken) {
    Objects.requireNonNull(now, "now == null");
    Objects.requireNonNull(existing, "existing == null");
    Objects.requireNonNull(taken, "taken == null");
    Instant candidate = now.truncatedTo(ChronoUnit.SECONDS);
    for (String id : existing) {
      if (TIMESTAMP_ID.matcher(id).matches()) {
        Instant time = parse(id);
        if (time != null && !candidate.isAfter(time)) {
          candidate = time.plusSeconds(1);
        }
      }
    }
    while (existing.contains(format(candidate)) || taken.test(format(candidate))) {
      candidate = candidate.plusSeconds(1);
    }
    return format(candidate);
  }

  private static Instant parse(String id) {
    try {
      return Instant.from(FORMAT.parse(id));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
