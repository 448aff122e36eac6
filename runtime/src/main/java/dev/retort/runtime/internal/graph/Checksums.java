package dev.retort.runtime.internal.graph;

import dev.retort.operation.JdbcStep;
import dev.retort.operation.Operation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The checksum of a migration: SHA-256 over the {@linkplain CanonicalOperations canonical text}
 * of its upgrade and downgrade operations, encoded as UTF-8. The text names its format
 * ({@value CanonicalOperations#FORMAT}) and covers every field of every operation; a
 * {@link JdbcStep} contributes only its description, because its code cannot be hashed.
 */
public final class Checksums {

  private Checksums() {}

  /**
   * Computes the checksum.
   *
   * @param upgrade the upgrade operations
   * @param downgrade the downgrade operations, or empty if the migration cannot be undone
   * @return 64 lower-case hexadecimal digits
   */
  public static String of(List<Operation> upgrade, Optional<List<Operation>> downgrade) {
    return sha256(utf8(CanonicalOperations.of(upgrade, downgrade)));
  }

  /**
   * The text as UTF-8, except that a lone surrogate, which UTF-8 cannot hold, is written as
   * the three bytes of its code unit instead of the {@code ?} that {@link String#getBytes}
   * puts in its place: two texts that differ only there must not hash alike.
   */
  static byte[] utf8(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    // Text without lone surrogates, that is every real migration's, comes back unchanged.
    if (new String(bytes, StandardCharsets.UTF_8).equals(text)) {
      return bytes;
    }
    byte[] out = new byte[3 * text.length()];
    int size = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        int codePoint = Character.toCodePoint(c, text.charAt(++i));
        out[size++] = (byte) (0xF0 | codePoint >> 18);
        out[size++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
        out[size++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
        out[size++] = (byte) (0x80 | codePoint & 0x3F);
      } else if (c < 0x80) {
        out[size++] = (byte) c;
      } else if (c < 0x800) {
        out[size++] = (byte) (0xC0 | c >> 6);
        out[size++] = (byte) (0x80 | c & 0x3F);
      } else {
        out[size++] = (byte) (0xE0 | c >> 12);
        out[size++] = (byte) (0x80 | c >> 6 & 0x3F);
        out[size++] = (byte) (0x80 | c & 0x3F);
      }
    }
    byte[] exact = new byte[size];
    System.arraycopy(out, 0, exact, 0, size);
    return exact;
  }

  private static String sha256(byte[] bytes) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
