package com.example.shop.text;

/** A library module without migrations, which the goals must leave alone. */
public final class Names {
  private Names() {}

  /**
   * A customer's name as shown.
   *
   * @param name the stored name
   * @return the name without surrounding blanks
   */
  public static String shown(String name) {
    return name.strip();
  }
}
