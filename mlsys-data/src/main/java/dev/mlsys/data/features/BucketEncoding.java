package dev.mlsys.data.features;

import java.util.Locale;

/** How a bucketed numeric feature is written into the feature vector. */
public enum BucketEncoding {
  /** One value: the bucket's index, 0 for the lowest bucket. */
  ORDINAL,
  /** One column per bucket, 1 in the value's bucket and 0 elsewhere. */
  ONE_HOT;

  String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
