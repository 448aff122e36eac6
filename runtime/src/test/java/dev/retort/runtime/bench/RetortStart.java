package dev.retort.runtime.bench;

/**
 * A whole application start with Retort: upgrade a database that is already at head. Arguments:
 * JDBC URL, user, password.
 */
public final class RetortStart {

  private RetortStart() {}

  /**
   * Runs the start.
   *
   * @param args URL, user, password
   */
  public static void main(String[] args) {
    if (BenchHistory.retort(args[0], args[1], args[2]).upgrade().changed()) {
      throw new IllegalStateException("the database was not at head");
    }
  }
}
