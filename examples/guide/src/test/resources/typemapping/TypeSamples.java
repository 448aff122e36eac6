package typemapping;

import dev.retort.Column;
import dev.retort.Id;
import dev.retort.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * One member per row of the guide's type mapping table (docs/entities.md), one per line:
 * GeneratedTables compiles this entity with the Retort processor and reads the column types
 * from the snapshot it writes.
 */
@Table(name = "type_samples")
public record TypeSamples(
    @Id long id,
    String string,
    @Column(length = 40) String string40,
    @Column(type = "text") String text,
    char character,
    Character boxedCharacter,
    boolean flag,
    Boolean boxedFlag,
    byte tiny,
    short small,
    Short boxedSmall,
    int number,
    Integer boxedNumber,
    Long boxedLong,
    float real,
    double precise,
    Double boxedPrecise,
    BigDecimal amount,
    @Column(precision = 12, scale = 4) BigDecimal exactAmount,
    UUID uuid,
    LocalDate date,
    LocalTime time,
    LocalDateTime localDateTime,
    Instant instant,
    OffsetDateTime offsetDateTime,
    @Column(precision = 0) LocalTime timeInSeconds,
    @Column(precision = 0) LocalDateTime localDateTimeInSeconds,
    @Column(precision = 3) Instant instantInMilliseconds,
    byte[] bytes,
    @Column(length = 16) byte[] bytes16,
    Mood mood,
    Optional<String> maybeString,
    OptionalInt maybeNumber,
    OptionalLong maybeLong,
    OptionalDouble maybeDouble,
    @Column(type = "json") String document) {

  /** A Java enum, stored as the enum type {@code mood}. */
  public enum Mood {
    HAPPY,
    SAD
  }
}
