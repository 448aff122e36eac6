package dev.retort.processor.write;

import java.util.HashSet;
import java.util.Set;

/**
 * An upper bound on the constant pool entries that generated code needs in the class file it is
 * compiled into. A class file holds at most 65,535 constants, so a migration creating thousands of
 * tables must spread its statements over several classes.
 *
 * <p>What grows with the number of statements is counted: each distinct string literal (a
 * {@code String} and a {@code Utf8} entry), each int too large for {@code sipush}, and each lambda
 * (an {@code InvokeDynamic} entry, the method handle, method reference, name-and-type and name of
 * its synthetic method). What does not grow, the DSL's classes and methods, is a fixed reserve in
 * {@link MigrationSource}. The count reads the code as JavaPoet writes it: string literals in
 * double quotes with backslash escapes, {@code //} comments, lambdas as {@code ->}.
 */
final class ConstantCount {

  /** The entries of one lambda, rounded up from the five javac creates. */
  static final int LAMBDA_ENTRIES = 6;
  /** The entries of one string literal. */
  static final int STRING_ENTRIES = 2;
  /** The largest int javac pushes without a constant ({@code sipush}). */
  private static final int LARGEST_INLINE_INT = Short.MAX_VALUE;

  /** Each distinct literal as written, strings in quotes and large ints as digits. */
  private final Set<String> literals = new HashSet<>();
  private int literalEntries;
  private int lambdas;

  private ConstantCount() {}

  /** Nothing counted yet. */
  static ConstantCount none() {
    return new ConstantCount();
  }

  /** Counts the constants of generated code. */
  static ConstantCount of(String code) {
    ConstantCount count = new ConstantCount();
    int i = 0;
    while (i < code.length()) {
      char c = code.charAt(i);
      if (c == '"') {
        int end = i + 1;
        while (code.charAt(end) != '"') {
          end += code.charAt(end) == '\\' ? 2 : 1;
        }
        count.addLiteral(code.substring(i, end + 1), STRING_ENTRIES);
        i = end + 1;
      } else if (code.startsWith("//", i)) {
        int end = code.indexOf('\n', i);
        i = end < 0 ? code.length() : end;
      } else if (code.startsWith("->", i)) {
        count.lambdas++;
        i += 2;
      } else if (Character.isDigit(c) && (i == 0 || !Character.isJavaIdentifierPart(code.charAt(i - 1)))) {
        int end = i;
        while (end < code.length() && Character.isDigit(code.charAt(end))) {
          end++;
        }
        String digits = code.substring(i, end);
        if (digits.length() > 5 || Integer.parseInt(digits) > LARGEST_INLINE_INT) {
          count.addLiteral(digits, 1);
        }
        i = end;
      } else {
        i++;
      }
    }
    return count;
  }

  /** Adds what another count holds; a literal both hold is counted once. */
  void add(ConstantCount other) {
    for (String literal : other.literals) {
      addLiteral(literal, literal.startsWith("\"") ? STRING_ENTRIES : 1);
    }
    lambdas += other.lambdas;
  }

  /** The entries counted. */
  int entries() {
    return literalEntries + lambdas * LAMBDA_ENTRIES;
  }

  private void addLiteral(String literal, int cost) {
    if (literals.add(literal)) {
      literalEntries += cost;
    }
  }
}
