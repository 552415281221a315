package io.skillsync.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.openshift.api.model.monitoring.v1.PodMetricsEndpoint;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;

/**
 * What review asks of SkillSync's manifests beyond the schemas, as a list of violations (empty = fine), so
 * a test can also show that each rule fires.
 */
final class ManifestPolicy {

    /**
     * The only API access SkillSync's Role may grant: (apiGroup, resource) to its verbs. The leader-election
     * Lease, with what the Kubernetes client's LeaseLock (fabric8 7.3.1) sends: GET by name, POST to create
     * it, a JSON merge PATCH to renew, take over and release it. No PUT (update), no list, no watch, and no
     * pods: who leads is the Lease alone, readiness plays no part.
     */
    static final Map<String, Set<String>> ALLOWED_RULES = Map.of(
            "coordination.k8s.io/leases", Set.of("get", "create", "patch"));

    private ManifestPolicy() {
    }

    /** The policy of the rendered main kustomization (with or without the monitoring objects). */
    static List<String> check(List<HasMetadata> objects) {
        List<String> v = new ArrayList<>();
        List<Deployment> deployments = of(objects, Deployment.class);
        if (deployments.isEmpty()) {
            v.add("no Deployment");
        }
        for (Deployment d : deployments) {
            deployment(d, objects, v);
        }
        rbac(objects, v);
        for (Secret s : of(objects, Secret.class)) {
            v.add("Secret/" + name(s) + " is applied by the kustomization: secrets are created by hand from the "
                    + "templates, applying them would blank the live values");
        }
        for (ConfigMap c : of(objects, ConfigMap.class)) {
            String service = c.getData() == null ? null : c.getData().get("SKILLSYNC_CLUSTER_SERVICE");
            if (service != null && !Set.of("kubernetes", "file", "none").contains(service)) {
                v.add("ConfigMap/" + name(c) + ": SKILLSYNC_CLUSTER_SERVICE=" + service
                        + " is not one of kubernetes, file, none");
            }
        }
        return v;
    }

    /** The policy of the monitoring kustomization, against the main one's Deployment. */
    static List<String> checkMonitoring(List<HasMetadata> monitoring, List<HasMetadata> base) {
        List<String> v = new ArrayList<>();
        List<PodMonitor> monitors = of(monitoring, PodMonitor.class);
        if (monitors.isEmpty()) {
            v.add("no PodMonitor");
        }
        for (PodMonitor m : monitors) {
            String where = "PodMonitor/" + name(m);
            for (Deployment d : of(base, Deployment.class)) {
                if (!selects(m.getSpec().getSelector(), d.getSpec().getTemplate().getMetadata().getLabels())) {
                    v.add(where + ": its selector does not select the pods of Deployment/" + name(d));
                }
                Set<String> ports = containers(d.getSpec().getTemplate().getSpec())
                        .flatMap(c -> c.getPorts() == null ? Stream.empty() : c.getPorts().stream())
                        .map(ContainerPort::getName).filter(Objects::nonNull).collect(Collectors.toSet());
                for (PodMetricsEndpoint e : m.getSpec().getPodMetricsEndpoints()) {
                    if (!ports.contains(e.getPort())) {
                        v.add(where + ": port " + e.getPort() + " is not a named container port of Deployment/" + name(d));
                    }
                    if (!"/q/metrics".equals(e.getPath())) {
                        v.add(where + ": path " + e.getPath() + " is not /q/metrics");
                    }
                }
            }
        }
        return v;
    }

    private static void deployment(Deployment d, List<HasMetadata> objects, List<String> v) {
        String where = "Deployment/" + name(d);
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();

        String account = pod.getServiceAccountName();
        if (account == null || of(objects, ServiceAccount.class).stream().noneMatch(a -> account.equals(name(a)))) {
            v.add(where + ": serviceAccountName " + account + " is not a ServiceAccount of the kustomization");
        }
        if (!Boolean.TRUE.equals(pod.getAutomountServiceAccountToken())) {
            v.add(where + ": automountServiceAccountToken must be true (the Lease is held through the API)");
        }
        if (pod.getSecurityContext() == null || !Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot())) {
            v.add(where + ": the pod must run as non-root");
        }

        for (Container c : pod.getInitContainers() == null ? List.<Container> of() : pod.getInitContainers()) {
            image(where + " initContainer " + c.getName(), c.getImage(), v);
        }
        for (Container c : pod.getContainers()) {
            String cw = where + " container " + c.getName();
            image(cw, c.getImage(), v);
            Set<String> ports = c.getPorts() == null ? Set.of()
                    : c.getPorts().stream().map(ContainerPort::getName).filter(Objects::nonNull)
                            .collect(Collectors.toSet());
            probe(cw, "startupProbe", c.getStartupProbe(), ports, v);
            probe(cw, "readinessProbe", c.getReadinessProbe(), ports, v);
            probe(cw, "livenessProbe", c.getLivenessProbe(), ports, v);
            if (c.getStartupProbe() != null && c.getStartupProbe().getHttpGet() != null
                    && !"/q/health/started".equals(c.getStartupProbe().getHttpGet().getPath())) {
                v.add(cw + ": startupProbe must ask /q/health/started");
            }
            resources(cw, c.getResources(), v);
            if (c.getSecurityContext() == null
                    || !Boolean.TRUE.equals(c.getSecurityContext().getReadOnlyRootFilesystem())
                    || !Boolean.FALSE.equals(c.getSecurityContext().getAllowPrivilegeEscalation())) {
                v.add(cw + ": needs readOnlyRootFilesystem: true and allowPrivilegeEscalation: false");
            }
            leaseEnvironment(cw, c, v);
        }

        List<PodDisruptionBudget> budgets = of(objects, PodDisruptionBudget.class).stream()
                .filter(b -> selects(b.getSpec().getSelector(), podLabels)).toList();
        if (budgets.size() != 1) {
            v.add(where + ": " + budgets.size() + " PodDisruptionBudgets select its pods, expected 1");
        } else if (!new IntOrString(1).equals(budgets.get(0).getSpec().getMaxUnavailable())) {
            v.add("PodDisruptionBudget/" + name(budgets.get(0)) + ": maxUnavailable must be 1 (one leader, one standby)");
        }
    }

    /** The pod's namespace and name reach the cluster service through the downward API. */
    private static void leaseEnvironment(String where, Container c, List<String> v) {
        Map<String, String> fieldRefs = new HashMap<>();
        for (EnvVar e : c.getEnv() == null ? List.<EnvVar> of() : c.getEnv()) {
            if (e.getValueFrom() != null && e.getValueFrom().getFieldRef() != null) {
                fieldRefs.put(e.getName(), e.getValueFrom().getFieldRef().getFieldPath());
            }
        }
        if (!"metadata.namespace".equals(fieldRefs.get("SKILLSYNC_CLUSTER_KUBERNETES_NAMESPACE"))) {
            v.add(where + ": SKILLSYNC_CLUSTER_KUBERNETES_NAMESPACE must come from fieldRef metadata.namespace");
        }
        if (!"metadata.name".equals(fieldRefs.get("SKILLSYNC_CLUSTER_KUBERNETES_POD_NAME"))) {
            v.add(where + ": SKILLSYNC_CLUSTER_KUBERNETES_POD_NAME must come from fieldRef metadata.name");
        }
    }

    private static void rbac(List<HasMetadata> objects, List<String> v) {
        for (ClusterRole r : of(objects, ClusterRole.class)) {
            v.add("ClusterRole/" + name(r) + ": SkillSync needs no cluster-wide access");
        }
        for (ClusterRoleBinding b : of(objects, ClusterRoleBinding.class)) {
            v.add("ClusterRoleBinding/" + name(b) + ": SkillSync needs no cluster-wide access");
        }
        boolean leases = false;
        for (Role r : of(objects, Role.class)) {
            for (PolicyRule rule : r.getRules()) {
                String where = "Role/" + name(r);
                if (rule.getNonResourceURLs() != null && !rule.getNonResourceURLs().isEmpty()) {
                    v.add(where + ": grants nonResourceURLs " + rule.getNonResourceURLs());
                }
                for (String group : rule.getApiGroups()) {
                    for (String resource : rule.getResources()) {
                        Set<String> allowed = ALLOWED_RULES.get(group + "/" + resource);
                        if (allowed == null) {
                            v.add(where + ": grants " + rule.getVerbs() + " on " + resource + " in API group \"" + group
                                    + "\"; only the Lease (coordination.k8s.io leases) is needed");
                            continue;
                        }
                        for (String verb : rule.getVerbs()) {
                            if (!allowed.contains(verb)) {
                                v.add(where + ": grants " + verb + " on " + resource + "; allowed: " + new TreeSet<>(allowed)
                                        + ", what the Lease lock sends");
                            }
                        }
                        leases |= resource.equals("leases") && rule.getVerbs().containsAll(allowed);
                    }
                }
            }
        }
        if (!leases) {
            v.add("no Role grants " + new TreeSet<>(ALLOWED_RULES.get("coordination.k8s.io/leases")) + " on coordination.k8s.io leases");
        }
        for (RoleBinding b : of(objects, RoleBinding.class)) {
            String where = "RoleBinding/" + name(b);
            if (!"Role".equals(b.getRoleRef().getKind())
                    || of(objects, Role.class).stream().noneMatch(r -> name(r).equals(b.getRoleRef().getName()))) {
                v.add(where + ": must bind a Role of the kustomization, not " + b.getRoleRef().getKind() + "/"
                        + b.getRoleRef().getName());
            }
            for (Subject s : b.getSubjects()) {
                if (!"ServiceAccount".equals(s.getKind())
                        || of(objects, ServiceAccount.class).stream().noneMatch(a -> name(a).equals(s.getName()))) {
                    v.add(where + ": subject " + s.getKind() + "/" + s.getName()
                            + " is not a ServiceAccount of the kustomization");
                }
            }
        }
        if (of(objects, RoleBinding.class).isEmpty()) {
            v.add("no RoleBinding gives the ServiceAccount its Role");
        }
    }

    private static void image(String where, String image, List<String> v) {
        if (image == null || image.isBlank()) {
            v.add(where + ": no image");
            return;
        }
        if (image.contains("@sha256:")) {
            return;
        }
        String tag = tag(image);
        if (tag == null) {
            v.add(where + ": image " + image + " has no tag (that is latest): pin a release tag or a digest");
        } else if (tag.equals("latest")) {
            v.add(where + ": image " + image + " is latest: pin a release tag or a digest");
        }
    }

    /** The tag of an image reference, or null: registry:port/name:tag@digest. */
    static String tag(String image) {
        String ref = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = ref.lastIndexOf(':');
        return colon > ref.lastIndexOf('/') ? ref.substring(colon + 1) : null;
    }

    private static void probe(String where, String kind, Probe p, Set<String> ports, List<String> v) {
        if (p == null) {
            v.add(where + ": no " + kind);
            return;
        }
        if (p.getHttpGet() != null) {
            IntOrString port = p.getHttpGet().getPort();
            if (port != null && port.getStrVal() != null && !ports.contains(port.getStrVal())) {
                v.add(where + ": " + kind + " port " + port.getStrVal() + " is not a named port of the container");
            }
        }
    }

    private static void resources(String where, ResourceRequirements r, List<String> v) {
        if (r == null || r.getRequests() == null || !r.getRequests().containsKey("cpu")
                || !r.getRequests().containsKey("memory")) {
            v.add(where + ": resources.requests needs cpu and memory");
        }
        if (r == null || r.getLimits() == null || !r.getLimits().containsKey("memory")) {
            v.add(where + ": resources.limits needs memory (the heap is sized from it)");
        }
    }

    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null || labels == null) {
            return false;
        }
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            return false; // not used here; a selector we cannot judge does not count as a match
        }
        Map<String, String> match = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return !match.isEmpty() && match.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static Stream<Container> containers(PodSpec pod) {
        return pod.getContainers().stream();
    }

    static <T> List<T> of(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static String name(HasMetadata o) {
        return o.getMetadata() == null ? "?" : o.getMetadata().getName();
    }
}
