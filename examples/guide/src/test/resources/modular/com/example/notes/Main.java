package com.example.notes;

import dev.retort.runtime.Retort;

/** Applies the migrations to the database whose JDBC URL is the first argument, then checks it. */
public final class Main {

  private Main() {}

  /**
   * Runs the sample.
   *
   * @param args the JDBC URL
   */
  public static void main(String[] args) {
    Retort retort = Retort.builder().url(args[0], "sa", "").build();
    System.out.println("Applied: " + retort.upgrade().after());
    System.out.println("Differences: " + retort.check().differences());
  }
}
