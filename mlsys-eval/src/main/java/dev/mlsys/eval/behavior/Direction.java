package dev.mlsys.eval.behavior;

/** Which way a directional expectation expects a probability or value to move. */
public enum Direction {
  /** The perturbation must not lower it (or must raise it by a set amount). */
  UP,
  /** The perturbation must not raise it (or must lower it by a set amount). */
  DOWN
}
