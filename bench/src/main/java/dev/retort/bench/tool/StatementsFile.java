package dev.retort.bench.tool;

import dev.retort.bench.workload.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the plain-JDBC statements file that {@link Fixtures#jdbcStatements} writes. */
public final class StatementsFile {

  /**
   * One revision's statements.
   *
   * @param number the revision's number, from 1
   * @param statements its statements, in order
   */
  public record Revision(int number, List<String> statements) {}

  private StatementsFile() {}

  /**
   * Reads the revisions in the file's order.
   *
   * @param file the statements file
   * @return the revisions
   * @throws IOException if the file cannot be read
   */
  public static List<Revision> read(Path file) throws IOException {
    List<Revision> revisions = new ArrayList<>();
    List<String> statements = null;
    StringBuilder statement = new StringBuilder();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (statement.length() == 0 && line.startsWith(Fixtures.REVISION_START)) {
        statements = new ArrayList<>();
        revisions.add(new Revision(Integer.parseInt(line.substring(Fixtures.REVISION_START.length())), statements));
      } else if (line.strip().equals(Fixtures.STATEMENT_END)) {
        statements.add(statement.toString());
        statement.setLength(0);
      } else {
        statement.append(statement.length() == 0 ? "" : "\n").append(line);
      }
    }
    return revisions;
  }
}
