package dev.raftops.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard and alerts under controller-app/deploy/monitoring name metrics the controller exports. */
class MonitoringManifestsTest {

    static final Path MONITORING = Path.of("deploy", "monitoring");
    static TreeSet<String> exported;

    @BeforeAll
    static void scrape() throws Exception {
        exported = ExportedMetricsTour.sampleNames();
    }

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    @SuppressWarnings("unchecked")
    static Map<String, Object> ruleSpec() throws IOException {
        Map<String, Object> rule = SERIALIZATION.unmarshal(Files.readString(MONITORING.resolve("prometheusrule.yaml")),
                Map.class);
        assertThat(rule).containsEntry("apiVersion", "monitoring.coreos.com/v1").containsEntry("kind", "PrometheusRule");
        return (Map<String, Object>) rule.get("spec");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules() throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) ruleSpec().get("groups")) {
            out.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<String> dashboardExpressions() throws IOException {
        Map<String, Object> dashboard = SERIALIZATION.unmarshal(
                Files.readString(MONITORING.resolve("grafana-dashboard.json")), Map.class);
        List<String> out = new ArrayList<>();
        for (Map<String, Object> panel : (List<Map<String, Object>>) dashboard.get("panels")) {
            for (Map<String, Object> target : (List<Map<String, Object>>) panel.get("targets")) {
                out.add((String) target.get("expr"));
            }
        }
        return out;
    }

    static List<String> ruleExpressions() throws IOException {
        return rules().stream().map(r -> String.valueOf(r.get("expr"))).toList();
    }

    static TreeSet<String> metricNames(List<String> expressions) {
        TreeSet<String> names = new TreeSet<>();
        for (String expr : expressions) {
            Matcher m = Pattern.compile("\\b(raftops_[a-z_]+)").matcher(expr);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    @Test
    void everyMetricTheDashboardShowsIsOneTheControllerExports() throws IOException {
        TreeSet<String> used = metricNames(dashboardExpressions());
        assertThat(used).isNotEmpty();
        assertThat(exported).as("sample names the controller exports").containsAll(used);
    }

    @Test
    void everyMetricTheAlertsWatchIsOneTheControllerExports() throws IOException {
        TreeSet<String> used = metricNames(ruleExpressions());
        assertThat(used).isNotEmpty();
        assertThat(exported).as("sample names the controller exports").containsAll(used);
    }

    @Test
    void theAlertsAreTheOnesAPersonActsOnAndEachNamesARunbookThatExists() throws IOException {
        List<String> alerts = new ArrayList<>();
        for (Map<String, Object> rule : rules()) {
            alerts.add((String) rule.get("alert"));
            String runbook = String.valueOf(((Map<?, ?>) rule.get("annotations")).get("runbook_url"));
            assertThat(runbook).as(String.valueOf(rule.get("alert"))).startsWith("docs/runbooks/");
            assertThat(Path.of("..").resolve(runbook)).as(runbook).isRegularFile();
        }
        assertThat(alerts).containsExactlyInAnyOrder("UpgradeStuck", "BackupTooOld", "BackupFailing",
                "LockHeldTooLong", "BreakGlassWaiting", "BackupNeverSucceeded");
    }

    @Test
    void theRulesPassPromtool() throws Exception {
        boolean present = new ProcessBuilder("sh", "-c", "command -v promtool").start().waitFor() == 0;
        if (!present) {
            assertThat("true".equals(System.getenv("CI"))).as("promtool is missing; .ci/run installs it (Debian's prometheus)")
                    .isFalse();
            Assumptions.abort("promtool is not installed (apt-get install prometheus)");
        }
        Path groups = Files.createTempFile("raftops-rules", ".yaml");
        try {
            Files.writeString(groups, SERIALIZATION.asYaml(ruleSpec()));
            Process promtool = new ProcessBuilder("promtool", "check", "rules", groups.toString())
                    .redirectErrorStream(true).start();
            String output = new String(promtool.getInputStream().readAllBytes());
            assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(promtool.exitValue()).as(output).isZero();
            assertThat(output).contains("SUCCESS: 6 rules found");
        } finally {
            Files.deleteIfExists(groups);
        }
    }
}
