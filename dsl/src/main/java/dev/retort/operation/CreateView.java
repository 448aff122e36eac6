package dev.retort.operation;

import dev.retort.model.ViewModel;
import java.util.Objects;

/**
 * Creates a view: {@code CREATE VIEW name AS query}, the query run as written.
 *
 * @param view the whole view
 */
public record CreateView(ViewModel view) implements Operation {
  /** Validates the view. */
  public CreateView {
    Objects.requireNonNull(view, "view == null");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.createView(this);
  }

  @Override
  public String summary() {
    return "create view " + view.name();
  }
}
