package dev.raftops.benchmarks.elections;

import dev.raftops.benchmarks.endtoend.RunOptions;
import dev.raftops.simulator.run.RunResult;
import dev.raftops.simulator.run.ScenarioRunner;
import dev.raftops.simulator.world.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Leader elections per rolling upgrade in the deterministic simulator (the real decisions and
 * service, the simulator's one StatefulSet and Raft model, no faults), next to the model of
 * docs/performance.md: the starting leader uniform over the ordinals (seeded), re-election uniform
 * among the other voters, a step-down when the roll reaches the leader. For each cluster size, in the
 * partition order ({@code RollingUpdate}) and the deleting order ({@code OnDelete}, adopted).
 *
 * <pre>
 * java -cp benchmarks/target/raftops-benchmarks.jar dev.raftops.benchmarks.elections.ElectionsRun upgrades=1000
 * </pre>
 */
public final class ElectionsRun {

    private ElectionsRun() {
    }

    public static void main(String[] args) {
        RunOptions o = new RunOptions(args);
        int upgrades = o.integer("upgrades", 1000);
        long seed = o.integer("seed", 1);
        String sizes = o.string("sizes", "3,5,7");
        // true: also the partition order with the starting leader at each ordinal in turn, against the model's figure for it
        boolean byLeader = Boolean.parseBoolean(o.string("byLeader", "false"));
        o.begin();
        System.out.println("order replicas upgrades | elections per upgrade (95% CI) | model | step-down Jobs"
                + " | of a pod not leading | elections onto a pod still to roll");
        for (boolean onDelete : new boolean[] {false, true}) {
            for (String size : sizes.split(",")) {
                int replicas = Integer.parseInt(size.trim());
                Random random = new Random(seed * 1_000_003L + replicas);
                List<UpgradeElections> runs = new ArrayList<>();
                for (int i = 0; i < upgrades; i++) {
                    Scenario upgrade = Scenario.upgrade(replicas, "2.4.1", "2.5.0", random.nextInt(replicas),
                            random.nextLong()).withAdoptedOnDelete(onDelete);
                    RunResult run = new ScenarioRunner().run(upgrade);
                    if (!run.converged() || !run.safe()) {
                        throw new IllegalStateException("not a clean upgrade: " + run.summary());
                    }
                    runs.add(UpgradeElections.of(run));
                }
                print(onDelete ? "OnDelete" : "RollingUpdate", replicas, runs, onDelete ? 1.0 : model(replicas));
            }
        }
        if (byLeader) {
            byLeader(sizes, upgrades, seed);
        }
        System.out.println("machine-end " + dev.raftops.benchmarks.endtoend.MachineLine.now());
    }

    /**
     * The model's elections per upgrade for {@code n} members: g(m) = 1 + (1/m) Σ_{k<m} (k/(n-1)) g(k)
     * with the leader among m pods still to roll, which solves to ((n-1)/n)((n/(n-1))^n - 1).
     */
    static double model(int n) {
        if (n == 1) {
            return 1.0; // the one voter's restart is the one election
        }
        double r = n / (double) (n - 1);
        return (n - 1) / (double) n * (Math.pow(r, n) - 1);
    }

    /** RollingUpdate with the starting leader at each ordinal: the model gives 1 + ((n-i)/(n-1)) g(n-i) for the i-th rolled. */
    private static void byLeader(String sizes, int upgrades, long seed) {
        for (String size : sizes.split(",")) {
            int n = Integer.parseInt(size.trim());
            StringBuilder line = new StringBuilder("RollingUpdate " + n + " by starting leader (measured/model):");
            for (int leader = 0; leader < n; leader++) {
                Random random = new Random(seed * 7_919L + 31L * n + leader);
                double sum = 0;
                for (int i = 0; i < upgrades; i++) {
                    sum += UpgradeElections.of(new ScenarioRunner().run(Scenario.upgrade(n, "2.4.1", "2.5.0", leader,
                            random.nextLong()))).elections();
                }
                int remaining = leader; // rolled (n - leader)-th: the ordinals below it still to roll
                line.append(String.format(" ordinal %d %.3f/%.3f", leader, sum / upgrades,
                        1 + remaining / (double) (n - 1) * still(remaining, n)));
            }
            System.out.println(line);
        }
    }

    /** g(m): elections still to come with the leader uniform among the m pods still to roll, of n. */
    static double still(int m, int n) {
        double h = 0; // h(m) = m g(m) = 1 + h(m-1) n/(n-1)
        for (int k = 1; k <= m; k++) {
            h = 1 + h * n / (n - 1);
        }
        return m == 0 ? 0 : h / m;
    }

    private static void print(String order, int replicas, List<UpgradeElections> runs, double model) {
        double mean = runs.stream().mapToInt(UpgradeElections::elections).average().orElse(0);
        double var = runs.stream().mapToDouble(r -> (r.elections() - mean) * (r.elections() - mean)).sum()
                / Math.max(1, runs.size() - 1);
        double half = 1.96 * Math.sqrt(var / runs.size());
        System.out.printf("%s %d %d | %.3f (%.3f-%.3f) | %.3f | %.3f | %d | %.3f%n", order, replicas, runs.size(), mean,
                mean - half, mean + half, model, runs.stream().mapToInt(UpgradeElections::stepDownJobs).average().orElse(0),
                runs.stream().mapToInt(UpgradeElections::stepDownsOfAFollower).sum(),
                runs.stream().mapToInt(UpgradeElections::ontoAPodStillToRoll).average().orElse(0));
    }
}
