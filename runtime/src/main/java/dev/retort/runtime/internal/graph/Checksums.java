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
 * The checksum of a migration: SHA-256 over a canonical text of its upgrade and downgrade
 * operations. Operations are records whose text form is deterministic; a {@link JdbcStep}
 * contributes only its description, because its code cannot be hashed.
 */
public final class Checksums {

  /** Changes only if the canonical text changes; every recorded checksum would then differ. */
  private static final String FORMAT = "retort-checksum-1";

  private Checksums() {}

  /**
   * Computes the checksum.
   *
   * @param upgrade the upgrade operations
   * @param downgrade the downgrade operations, or empty if the migration cannot be undone
   * @return 64 lower-case hexadecimal digits
   */
  public static String of(List<Operation> upgrade, Optional<List<Operation>> downgrade) {
    StringBuilder text = new StringBuilder(FORMAT).append("\nupgrade\n");
    for (Operation operation : upgrade) {
      text.append(canonical(operation)).append('\n');
    }
    if (downgrade.isPresent()) {
      text.append("downgrade\n");
      for (Operation operation : downgrade.get()) {
        text.append(canonical(operation)).append('\n');
      }
    } else {
      text.append("irreversible\n");
    }
    return sha256(text.toString());
  }

  private static String canonical(Operation operation) {
    if (operation instanceof JdbcStep step) {
      return "JdbcStep[description=" + step.description() + "]";
    }
    return operation.toString();
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
