package dev.retort.operation;

import dev.retort.model.Names;

/**
 * Drops a view. A view holds no data: created again, it shows what its query selects.
 *
 * @param name the view name
 */
public record DropView(String name) implements Operation {
  /** Validates the name. */
  public DropView {
    Names.require("view name", name);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.dropView(this);
  }

  @Override
  public String summary() {
    return "drop view " + name;
  }
}
