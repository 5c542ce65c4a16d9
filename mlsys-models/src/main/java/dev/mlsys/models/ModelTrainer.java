package dev.mlsys.models;

import java.util.Map;

/**
 * Learns a {@link TrainedModel} from {@link LabeledData}. Trainers are immutable specifications:
 * every {@code with...} call returns a changed copy, so a trainer can be kept in a constant,
 * shared between threads and varied by a search.
 *
 * <pre>{@code
 * ModelTrainer cart = Trainers.cart().maxDepth(6).seed(7);
 * TrainedModel model = cart.fit(data);
 * }</pre>
 *
 * <p>Determinism: a trainer with the same parameters and seed gives the same model on the same
 * data, on every run and for any number of threads.
 *
 * <p>Thread-safety: implementations are immutable; {@link #fit(LabeledData)} may be called from
 * several threads at once.
 */
public interface ModelTrainer {

  /**
   * @param data the training examples
   * @return the trained model
   * @throws IllegalArgumentException if this trainer cannot learn the data's task
   */
  TrainedModel fit(LabeledData data);

  /** @return a short name of the algorithm, such as {@code cart} */
  String name();

  /** @return the parameters in force, by name, including the seed; unmodifiable and ordered */
  Map<String, Object> params();

  /**
   * @param name a parameter name, one of {@link #params()}'s keys
   * @param value its new value (a number for numeric parameters)
   * @return a copy with the parameter set
   * @throws IllegalArgumentException if the trainer has no such parameter or the value breaks its
   *     rule
   */
  ModelTrainer with(String name, Object value);

  /** @return the seed every random choice of this trainer derives from */
  long seed();

  /**
   * @param seed a new seed
   * @return a copy that uses it
   */
  ModelTrainer withSeed(long seed);

  /** @return the name and parameters, as in {@code cart(maxDepth=6, seed=7)} */
  default String describe() {
    StringBuilder sb = new StringBuilder(name()).append('(');
    boolean first = true;
    for (Map.Entry<String, Object> e : params().entrySet()) {
      sb.append(first ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
      first = false;
    }
    return sb.append(')').toString();
  }
}
