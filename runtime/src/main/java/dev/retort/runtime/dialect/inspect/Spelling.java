package dev.retort.runtime.dialect.inspect;

import dev.retort.internal.sql.SqlLexer;
import dev.retort.internal.sql.SqlToken;
import dev.retort.model.ColumnType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads types and defaults as databases spell them, so that spellings can be compared. */
final class Spelling {

  private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
  /** The length of a date, {@code 2024-01-31}. */
  private static final int DATE_LENGTH = 10;
  /** The length of {@code JSON }, before the quoted text of a JSON literal as H2 shows one. */
  private static final int JSON_PREFIX = 5;
  private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");
  private static final Pattern HEX_BYTES = Pattern.compile("([0-9A-Fa-f]{2})*");
  /**
   * A date, its time if it has one, and its offset if it has one: {@code Z}, {@code +01},
   * {@code +0100} or {@code +01:00}.
   */
  private static final Pattern OFFSET =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2}(?:[ T][0-9:.]+)?)\\s*(Z|[-+]\\d{2}(?::?\\d{2})?)?");

  private Spelling() {}

  /**
   * A type in a comparable form: lower case and single spaces outside quoted strings, no
   * spaces next to parentheses and commas, no identifier quotes. {@code ENUM('A', 'b')} becomes
   * {@code enum('A','b')}; quoted enum values keep their case.
   */
  static String normalizeType(String spelled) {
    StringBuilder out = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < spelled.length(); i++) {
      char c = spelled.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
        out.append(c);
      } else if (quoted) {
        out.append(c);
      } else if (Character.isWhitespace(c)) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ' && "(,".indexOf(out.charAt(out.length() - 1)) < 0) {
          out.append(' ');
        }
      } else if (c == '(' || c == ')' || c == ',') {
        if (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
          out.setLength(out.length() - 1);
        }
        out.append(c);
      } else if (c != '"' && c != '`') {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString().strip();
  }

  /**
   * A default as the database shows it: a literal (quoted, possibly with a {@code ::type} cast
   * as PostgreSQL shows it, or in the Unicode-escaped form {@code U&'caf\\00e9'} that H2 shows
   * for text beyond printable ASCII, or H2's JSON literal {@code JSON '{"a":1}'}, or a bare
   * number or boolean, each possibly in
   * {@code CAST(… AS type)} as H2 shows some), or anything else as an expression.
   *
   * @param shown the default's text from the metadata
   * @param backslashEscapes whether a backslash escapes the next character in a string literal,
   *     as in MySQL ({@code \\n} is a line feed)
   * @return the default
   */
  static Shown parseDefault(String shown, boolean backslashEscapes) {
    String text = unwrap(shown.strip());
    Optional<String> operand = castOperand(text);
    if (operand.isPresent()) {
      Shown cast = parseDefault(operand.get(), backslashEscapes);
      return cast.literal() ? cast : new Shown(false, shown.strip());
    }
    if (text.regionMatches(true, 0, "JSON '", 0, JSON_PREFIX + 1)) {
      return quoted(text.substring(JSON_PREFIX), false).map(value -> new Shown(true, value))
          .orElseGet(() -> new Shown(false, shown.strip()));
    }
    boolean unicode = text.regionMatches(true, 0, "U&'", 0, 3);
    if (unicode || text.startsWith("'")) {
      Optional<String> value = quoted(unicode ? text.substring(2) : text, backslashEscapes && !unicode);
      if (unicode) {
        value = value.flatMap(Spelling::unicodeEscapes);
      }
      return value.map(v -> new Shown(true, v)).orElseGet(() -> new Shown(false, shown.strip()));
    }
    int cast = text.indexOf("::");
    String head = unwrap(cast >= 0 ? text.substring(0, cast) : text);
    if (NUMBER.matcher(head).matches()) {
      return new Shown(true, head);
    }
    if (head.equalsIgnoreCase("true") || head.equalsIgnoreCase("false")) {
      return new Shown(true, head.toLowerCase(Locale.ROOT));
    }
    return new Shown(false, shown.strip());
  }

  /**
   * The operand of {@code CAST(operand AS type)} when that is the whole text, as H2 shows a
   * literal of another type than its column's ({@code CAST(1E+2 AS DECFLOAT)}).
   */
  private static Optional<String> castOperand(String text) {
    List<SqlToken> tokens = SqlLexer.plain().tokens(text);
    if (tokens.size() < 5 || !tokens.get(0).isWord("CAST") || !tokens.get(1).isSymbol("(")
        || closingParenthesis(tokens, 1) != tokens.size() - 1) {
      return Optional.empty();
    }
    int depth = 0;
    int as = -1;
    for (int i = 2; i < tokens.size() - 1; i++) {
      SqlToken token = tokens.get(i);
      if (token.isSymbol("(")) {
        depth++;
      } else if (token.isSymbol(")")) {
        depth--;
      } else if (depth == 0 && token.isWord("AS")) {
        as = i;
      }
    }
    return as < 3 ? Optional.empty() : Optional.of(text.substring(tokens.get(2).start(), tokens.get(as - 1).end()));
  }


  /**
   * The value of a string literal that is the whole text but for a {@code ::type} cast after
   * it, or empty if the text is something else.
   */
  private static Optional<String> quoted(String text, boolean backslashEscapes) {
    StringBuilder value = new StringBuilder();
    int i = 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && backslashEscapes && i + 1 < text.length()) {
        value.append(backslashEscape(text.charAt(i + 1)));
        i += 2;
      } else if (c == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
        value.append('\'');
        i += 2;
      } else if (c == '\'') {
        String rest = text.substring(i + 1).strip();
        return rest.isEmpty() || rest.startsWith("::") ? Optional.of(value.toString()) : Optional.empty();
      } else {
        value.append(c);
        i++;
      }
    }
    return Optional.empty();
  }

  /**
   * What MySQL's escape sequence of a backslash and {@code c} stands for: a control character
   * for {@code 0 b n r t Z}, the backslash kept before {@code %} and {@code _} (which escape
   * only in patterns), otherwise {@code c} itself.
   */
  private static String backslashEscape(char c) {
    switch (c) {
      case '0':
        return "\0";
      case 'b':
        return "\b";
      case 'n':
        return "\n";
      case 'r':
        return "\r";
      case 't':
        return "\t";
      case 'Z':
        return "\032";
      case '%':
      case '_':
        return "\\" + c;
      default:
        return String.valueOf(c);
    }
  }

  /**
   * The text of a Unicode-escaped string ({@code U&'…'}) from its body: {@code \\XXXX} and
   * {@code \\+XXXXXX} are code points in hexadecimal, {@code \\\\} is a backslash; empty if an
   * escape is malformed.
   */
  private static Optional<String> unicodeEscapes(String body) {
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c != '\\') {
        text.append(c);
        i++;
        continue;
      }
      if (i + 1 < body.length() && body.charAt(i + 1) == '\\') {
        text.append('\\');
        i += 2;
        continue;
      }
      boolean six = i + 1 < body.length() && body.charAt(i + 1) == '+';
      int start = six ? i + 2 : i + 1;
      int end = start + (six ? 6 : 4);
      if (end > body.length() || !HEX.matcher(body.substring(start, end)).matches()) {
        return Optional.empty();
      }
      int codePoint = Integer.parseInt(body.substring(start, end), 16);
      if (!Character.isValidCodePoint(codePoint)) {
        return Optional.empty();
      }
      text.appendCodePoint(codePoint);
      i = end;
    }
    return Optional.of(text.toString());
  }

  /**
   * Whether a literal default of the model and one shown by the database are the same value
   * of the column's type: numbers by value ({@code 1.50} and {@code 1.5}), booleans by value
   * ({@code true} and {@code 1}), dates, times and timestamps by the moment they name
   * ({@code 12:30:00} and {@code 12:30:00.000000}; with time zone, as instants when both carry
   * an offset, otherwise by their date and time), UUIDs without regard to case, bytes by the
   * bytes ({@code abc} and PostgreSQL's {@code \\x616263}; a {@code binary(n)} value padded
   * with zero bytes to its length), JSON as JSON (members in any order, numbers by value),
   * fixed-length text without trailing spaces; other text and enums by the exact text.
   *
   * @param type the column's type
   * @param model the model's literal
   * @param shown the literal the database shows, read by {@link #parseDefault}
   * @return whether they are the same value
   */
  static boolean sameLiteral(ColumnType type, String model, String shown) {
    if (model.equals(shown)) {
      return true;
    }
    if (type instanceof ColumnType.Decimal || isNumber(type)) {
      Optional<BigDecimal> a = number(model);
      Optional<BigDecimal> b = number(shown);
      return a.isPresent() && b.isPresent() && a.get().compareTo(b.get()) == 0;
    }
    if (type instanceof ColumnType.Binary binary) {
      return Arrays.equals(padded(bytes(model), binary.length()), padded(bytes(shown), binary.length()));
    }
    if (type instanceof ColumnType.Varbinary || type == ColumnType.Scalar.BLOB) {
      return Arrays.equals(bytes(model), bytes(shown));
    }
    if (type instanceof ColumnType.Char) {
      return model.stripTrailing().equals(shown.stripTrailing());
    }
    if (!(ColumnType.Temporal.kindOf(type) instanceof ColumnType.Scalar scalar)) {
      return false;
    }
    switch (scalar) {
      case BOOLEAN:
        Optional<Boolean> x = bool(model);
        return x.isPresent() && x.equals(bool(shown));
      case DATE:
        return same(model, shown, LocalDate::parse);
      case TIME:
        return same(model, shown, LocalTime::parse);
      case TIMESTAMP:
        return same(model, shown, Spelling::localDateTime);
      case TIMESTAMP_TZ:
        return sameMoment(model, shown);
      case UUID:
        return model.equalsIgnoreCase(shown);
      case JSON:
        Optional<Object> json = JsonValue.parse(model);
        return json.isPresent() && json.equals(JsonValue.parse(shown));
      default:
        return false;
    }
  }

  private static boolean isNumber(ColumnType type) {
    return type == ColumnType.Scalar.SMALLINT || type == ColumnType.Scalar.INTEGER || type == ColumnType.Scalar.BIGINT
        || type == ColumnType.Scalar.REAL || type == ColumnType.Scalar.DOUBLE;
  }

  /** Whether both texts parse to equal values; false if either does not parse. */
  private static <T> boolean same(String a, String b, Function<String, T> parser) {
    try {
      return parser.apply(a.strip()).equals(parser.apply(b.strip()));
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** A date and time with a space or {@code T} between them, or a date alone, which is its midnight. */
  private static LocalDateTime localDateTime(String text) {
    String stripped = text.strip();
    return stripped.length() == DATE_LENGTH
        ? LocalDate.parse(stripped).atStartOfDay()
        : LocalDateTime.parse(stripped.replaceFirst(" ", "T"));
  }

  /**
   * Whether two timestamps with time zone name the same moment: the same instant when both
   * carry an offset; otherwise the same date and time, as the database shows a literal written
   * without an offset in the session's time zone.
   */
  private static boolean sameMoment(String model, String shown) {
    Matcher a = OFFSET.matcher(model.strip());
    Matcher b = OFFSET.matcher(shown.strip());
    if (!a.matches() || !b.matches()) {
      return false;
    }
    try {
      LocalDateTime localA = localDateTime(a.group(1));
      LocalDateTime localB = localDateTime(b.group(1));
      if (a.group(2) == null || b.group(2) == null) {
        return localA.equals(localB);
      }
      return localA.toInstant(ZoneOffset.of(a.group(2))).equals(localB.toInstant(ZoneOffset.of(b.group(2))));
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** The bytes a binary literal stands for: PostgreSQL's hexadecimal {@code \\x…} form, or else the text's UTF-8. */
  private static byte[] bytes(String literal) {
    if (literal.startsWith("\\x") && HEX_BYTES.matcher(literal.substring(2)).matches()) {
      return HexFormat.of().parseHex(literal.substring(2));
    }
    return literal.getBytes(StandardCharsets.UTF_8);
  }

  /** Bytes padded with zero bytes to a fixed length, as a {@code binary(n)} column holds them. */
  private static byte[] padded(byte[] bytes, int length) {
    return bytes.length >= length ? bytes : Arrays.copyOf(bytes, length);
  }

  private static Optional<BigDecimal> number(String text) {
    return NUMBER.matcher(text).matches() ? Optional.of(new BigDecimal(text.startsWith("+") ? text.substring(1) : text))
        : Optional.empty();
  }

  private static Optional<Boolean> bool(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true":
      case "1":
        return Optional.of(true);
      case "false":
      case "0":
        return Optional.of(false);
      default:
        return Optional.empty();
    }
  }

  /** Removes parentheses around the whole text, as in {@code (0)} or {@code ('a')}. */
  private static String unwrap(String text) {
    String result = text;
    List<SqlToken> tokens = SqlLexer.plain().tokens(result);
    while (tokens.size() > 1 && tokens.get(0).isSymbol("(") && closingParenthesis(tokens, 0) == tokens.size() - 1) {
      result = result.substring(tokens.get(0).end(), tokens.get(tokens.size() - 1).start()).strip();
      tokens = SqlLexer.plain().tokens(result);
    }
    return result;
  }

  /** The index of the token closing the parenthesis that the token at {@code open} opens; -1 if none. */
  private static int closingParenthesis(List<SqlToken> tokens, int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      if (tokens.get(i).isSymbol("(")) {
        depth++;
      } else if (tokens.get(i).isSymbol(")") && --depth == 0) {
        return i;
      }
    }
    return -1;
  }


  /**
   * A default as shown by a database.
   *
   * @param literal whether it is a literal value
   * @param text the literal's value, or the expression as shown
   */
  record Shown(boolean literal, String text) {}
}
