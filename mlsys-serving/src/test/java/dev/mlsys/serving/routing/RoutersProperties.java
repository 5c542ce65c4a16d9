package dev.mlsys.serving.routing;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.StringLength;

class RoutersProperties {

  @Property
  boolean theEntityHashIsAFunctionOfTheKeyAlone(@ForAll @StringLength(max = 40) String key) {
    return Routers.entityHash(key) == Routers.entityHash(new StringBuilder(key));
  }

  @Property
  boolean widerCanariesContainNarrowerOnes(@ForAll long entityHash, @ForAll @DoubleRange(min = 0, max = 1) double a,
      @ForAll @DoubleRange(min = 0, max = 1) double b) {
    Canary narrow = Routers.canary("c", Math.min(a, b));
    Canary wide = Routers.canary("c", Math.max(a, b));
    return !narrow.route(entityHash, "main").equals("c") || wide.route(entityHash, "main").equals("c");
  }

  @Property
  boolean canariesAtTheEndsRouteEveryoneOneWay(@ForAll long entityHash) {
    return Routers.canary("c", 0).route(entityHash, "main").equals("main")
        && Routers.canary("c", 1).route(entityHash, "main").equals("c");
  }

  @Property
  boolean anAbTestAlwaysPicksOneOfItsArmsAndStaysWithIt(@ForAll long entityHash,
      @ForAll @DoubleRange(min = 0, max = 1) double share) {
    AbTest t = Routers.abTest("a", "b", share);
    String arm = t.route(entityHash, "ignored");
    return (arm.equals("a") || arm.equals("b")) && arm.equals(t.route(entityHash, "other"));
  }

  @Property
  boolean wilsonIntervalsContainTheRateAndStayInTheUnitInterval(@ForAll("counts") long[] c,
      @ForAll @DoubleRange(min = 0.5, max = 0.99) double confidence) {
    AbTestReport r = AbTestReport.of("a", c[0], c[1], "b", c[2], c[3], confidence);
    return contains(r.control()) && contains(r.treatment())
        && r.differenceLow() <= r.difference() + 1e-12 && r.difference() <= r.differenceHigh() + 1e-12
        && r.pValue() >= 0 && r.pValue() <= 1;
  }

  @Property
  boolean higherConfidenceGivesWiderIntervals(@ForAll("counts") long[] c) {
    AbTestReport narrow = AbTestReport.of("a", c[0], c[1], "b", c[2], c[3], 0.9);
    AbTestReport wide = AbTestReport.of("a", c[0], c[1], "b", c[2], c[3], 0.99);
    return wide.control().low() <= narrow.control().low() && wide.control().high() >= narrow.control().high()
        && wide.differenceLow() <= narrow.differenceLow() && wide.differenceHigh() >= narrow.differenceHigh();
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<long[]> counts() {
    return net.jqwik.api.Arbitraries.longs().between(1, 100_000).tuple2().flatMap(n ->
        net.jqwik.api.Combinators.combine(net.jqwik.api.Arbitraries.longs().between(0, n.get1()),
            net.jqwik.api.Arbitraries.longs().between(0, n.get2()))
            .as((k1, k2) -> new long[] {n.get1(), k1, n.get2(), k2}));
  }

  private static boolean contains(ArmSummary a) {
    return a.low() >= 0 && a.high() <= 1 && a.low() <= a.rate() + 1e-12 && a.rate() <= a.high() + 1e-12;
  }
}
