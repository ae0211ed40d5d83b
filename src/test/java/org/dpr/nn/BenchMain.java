package org.dpr.nn;

/** Manual benchmark entry (not a test): java -cp ... org.dpr.nn.BenchMain small|paper batch... */
final class BenchMain {
    public static void main(String[] args) {
        DprConfig c = DprConfig.of(DprPreset.fromId(args[0]));
        int[] batches = new int[args.length - 1];
        for (int i = 1; i < args.length; i++) {
            batches[i - 1] = Integer.parseInt(args[i]);
        }
        for (BenchmarkRecord r : ModelBenchmark.withDefaults().withWarmupRuns(Integer.getInteger("warmup", 3)).withTimedRuns(Integer.getInteger("runs", 10)).measure(c, batches)) {
            System.out.println(r.toRow());
        }
    }
}
