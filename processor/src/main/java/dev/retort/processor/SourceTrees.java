package dev.retort.processor;

import com.sun.source.util.Trees;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;

/** javac's syntax trees, which the processor reads where the language model says too little. */
public final class SourceTrees {

  private SourceTrees() {}

  /**
   * The trees of a compilation, when javac runs the processor.
   *
   * @param env the processing environment
   * @return the trees; empty under another compiler, or an environment that wraps javac's
   */
  public static Optional<Trees> of(ProcessingEnvironment env) {
    try {
      return Optional.of(Trees.instance(env));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
