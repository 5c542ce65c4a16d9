package dev.mlsys.models.compiled;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Skips a jqwik property unless the {@code long} Maven profile is on ({@code -Plong} sets the
 * system property {@code mlsys.long=true}); JUnit's {@code @EnabledIfSystemProperty} does not
 * reach jqwik's engine.
 */
public final class LongOnly implements SkipExecutionHook {
  @Override
  public SkipResult shouldBeSkipped(LifecycleContext context) {
    return Boolean.getBoolean("mlsys.long") ? SkipResult.doNotSkip() : SkipResult.skip("runs only with -Plong");
  }
}
