package dev.retort.model;

import java.util.HashSet;
import java.util.List;

/** Argument checks shared by the model and operation records. */
public final class Names {

  private Names() {}

  /**
   * Checks that {@code name} is a usable identifier: not null, not blank, no surrounding
   * white space. Reserved words are allowed; the runtime quotes every identifier.
   *
   * @param what what the name names, for the message ("column name")
   * @param name the name
   * @return {@code name}
   */
  public static String require(String what, String name) {
    // Called for every name of every model object: the message is built only when it is thrown.
    if (name == null) {
      throw new NullPointerException(what + " == null");
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException(what + " is blank");
    }
    if (!name.strip().equals(name)) {
      throw new IllegalArgumentException(what + " '" + name + "' has leading or trailing white space");
    }
    return name;
  }

  /**
   * Checks a non-empty list of distinct names and returns an immutable copy.
   *
   * @param what what the names name, for the message ("index columns")
   * @param each what one name names, for the message ("index column")
   * @param names the names
   * @return an immutable copy
   */
  public static List<String> requireList(String what, String each, List<String> names) {
    if (names == null) {
      throw new NullPointerException(what + " == null");
    }
    List<String> copy = List.copyOf(names);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException(what + " is empty");
    }
    for (String name : copy) {
      require(each, name);
    }
    if (copy.size() > 1 && new HashSet<>(copy).size() != copy.size()) {
      throw new IllegalArgumentException(what + " " + copy + " repeat a name");
    }
    return copy;
  }
}
