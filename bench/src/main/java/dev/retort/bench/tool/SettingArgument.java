package dev.retort.bench.tool;

import java.util.List;

/**
 * The optional last argument of a tool's main that turns on the one setting the {@link Tool}
 * measures beside the tool's defaults, such as {@code singleTransaction} for Retort.
 */
final class SettingArgument {

  private SettingArgument() {}

  /**
   * Whether the setting is turned on.
   *
   * @param args the main's arguments
   * @param position where the setting may follow the arguments that the main always takes
   * @param setting the setting's name
   * @return true when the arguments end with the setting, false when they end before it
   * @throws IllegalArgumentException for any other argument there
   */
  static boolean isOn(String[] args, int position, String setting) {
    if (args.length == position) {
      return false;
    }
    if (args.length == position + 1 && args[position].equals(setting)) {
      return true;
    }
    throw new IllegalArgumentException("expected " + position + " arguments, optionally followed by '" + setting
        + "', but got " + List.of(args));
  }
}
