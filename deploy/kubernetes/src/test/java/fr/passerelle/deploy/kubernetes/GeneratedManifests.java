package fr.passerelle.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Objects;

/**
 * The manifests base/services/ holds, one file per Quarkus module, as quarkus-kubernetes generated them, read with
 * fabric8's typed model; and the rules that tie them to their module's configuration. Each rule returns what is
 * wrong, in words, so a test can show that a rename on one side only is caught.
 */
final class GeneratedManifests {

    static final Path FOLDER = Manifests.BASE.resolve("services");
    /** dekorate's DeploymentResourceFactory adds it to every Deployment (the pod's namespace); no property is set by it. */
    static final String ADDED_BY_DEKORATE = "KUBERNETES_NAMESPACE";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private GeneratedManifests() {
    }

    static Path committed(String module) {
        return FOLDER.resolve(module + ".yaml");
    }

    static Path generated(String module) {
        return Manifests.REPOSITORY.resolve(module).resolve("target/kubernetes/kubernetes.yml");
    }

    /** The header generate.sh writes above the build's output. */
    static String header(String module) {
        return """
                # Generated: do not edit. quarkus-kubernetes wrote it from %1$s's configuration (%1$s/src/main/resources/
                # application.properties, and for the five services platform/src/main/resources/META-INF/microprofile-config.properties)
                # at build time, into %1$s/target/kubernetes/kubernetes.yml. To change it, change that configuration, then run
                #   deploy/kubernetes/generate.sh
                # GeneratedManifestsTest fails when this file is not the build's output.
                """.formatted(module);
    }

    static List<HasMetadata> resources(String module) {
        return resources(committed(module));
    }

    static List<HasMetadata> resources(Path file) {
        try {
            return SERIALIZATION.unmarshal(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Deployment deployment(String module) {
        return resources(module).stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .filter(deployment -> deployment.getMetadata().getName().equals(module)).findFirst()
                .orElseThrow(() -> new AssertionError(committed(module) + " has no Deployment " + module));
    }

    static Service service(String module) {
        return resources(module).stream().filter(Service.class::isInstance).map(Service.class::cast)
                .filter(service -> service.getMetadata().getName().equals(module)).findFirst()
                .orElseThrow(() -> new AssertionError(committed(module) + " has no Service " + module));
    }

    /** The module's container: named as the module (quarkus-kubernetes names it after the application). */
    static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(container -> container.getName().equals(deployment.getMetadata().getName())).findFirst()
                .orElseThrow(() -> new AssertionError(deployment.getMetadata().getName() + " has no container of its name"));
    }

    /** Liveness, readiness and start-up probes ask the module's health checks where and on the port it answers them. */
    static List<String> probeProblems(Deployment deployment, Service service, ServiceConfiguration config) {
        List<String> problems = new ArrayList<>();
        String name = deployment.getMetadata().getName();
        Container container = container(deployment);
        problems.addAll(probeProblems(name + " liveness", container.getLivenessProbe(), config, "live"));
        problems.addAll(probeProblems(name + " readiness", container.getReadinessProbe(), config, "ready"));
        problems.addAll(probeProblems(name + " start-up", container.getStartupProbe(), config, "started"));
        boolean declared = container.getPorts().stream()
                .anyMatch(port -> Objects.equals(port.getContainerPort(), config.httpPort()) && "http".equals(port.getName()));
        if (!declared) {
            problems.add(name + ": no container port http " + config.httpPort() + " (quarkus.http.port)");
        }
        for (ServicePort port : service.getSpec().getPorts()) {
            if (!matches(port.getTargetPort(), config.httpPort())) {
                problems.add("Service " + name + " port " + port.getName() + " sends to " + text(port.getTargetPort())
                        + ", the service answers on " + config.httpPort());
            }
        }
        if (!service.getSpec().getSelector().entrySet().stream().allMatch(label -> label.getValue().equals(
                deployment.getSpec().getTemplate().getMetadata().getLabels().get(label.getKey())))) {
            problems.add("Service " + name + " selects no pod of its Deployment");
        }
        return problems;
    }

    private static List<String> probeProblems(String what, Probe probe, ServiceConfiguration config, String check) {
        if (probe == null || probe.getHttpGet() == null) {
            return List.of(what + ": no HTTP probe");
        }
        HTTPGetAction get = probe.getHttpGet();
        List<String> problems = new ArrayList<>();
        if (!config.healthPath(check).equals(get.getPath())) {
            problems.add(what + " asks " + get.getPath() + ", the health check is at " + config.healthPath(check));
        }
        if (!matches(get.getPort(), config.healthPort())) {
            problems.add(what + " asks port " + text(get.getPort()) + ", health answers on " + config.healthPort());
        }
        return problems;
    }

    private static String text(IntOrString port) {
        return port == null ? "none" : port.getIntVal() != null ? port.getIntVal().toString() : port.getStrVal();
    }

    private static boolean matches(IntOrString port, int number) {
        return port != null && (Objects.equals(port.getIntVal(), number) || "http".equals(port.getStrVal()));
    }

    /** Every variable the Deployment sets is one its module reads (ServiceConfiguration); none hides behind envFrom. */
    static List<String> environmentProblems(Deployment deployment, ServiceConfiguration config) {
        List<String> problems = new ArrayList<>();
        Container container = container(deployment);
        if (container.getEnvFrom() != null && !container.getEnvFrom().isEmpty()) {
            problems.add(deployment.getMetadata().getName() + ": envFrom sets names this check cannot see");
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getName().equals(ADDED_BY_DEKORATE) && variable.getValueFrom() != null
                    && variable.getValueFrom().getFieldRef() != null) {
                continue;
            }
            if (!config.reads(variable.getName())) {
                problems.add(deployment.getMetadata().getName() + " sets " + variable.getName()
                        + ", which no property of " + config.module() + "'s configuration reads");
            }
        }
        return problems;
    }

    /**
     * No property left at an address of this machine (ServiceConfiguration.localAddresses): the Deployment replaces
     * each, but those named in {@code unused}, with the reason they may stay.
     */
    static List<String> localAddressProblems(Deployment deployment, ServiceConfiguration config, Map<String, String> unused) {
        Set<String> set = container(deployment).getEnv().stream().map(EnvVar::getName).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        config.localAddresses().forEach((property, replacements) -> {
            if (!unused.containsKey(property) && replacements.stream().noneMatch(set::contains)) {
                problems.add(deployment.getMetadata().getName() + " leaves " + property + " at this machine's address: set "
                        + String.join(" or ", replacements));
            }
        });
        return problems;
    }

    /**
     * A variable whose name says secret (or whose property is a Kafka JAAS configuration, which holds a password)
     * comes from a Secret's key, or is the path of a file in a Secret mounted in the container; never a value.
     */
    static List<String> plainSecretProblems(Deployment deployment) {
        List<String> problems = new ArrayList<>();
        for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
            List<String> secretMounts = new ArrayList<>();
            for (VolumeMount mount : container.getVolumeMounts()) {
                deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                        .filter(volume -> volume.getName().equals(mount.getName())).map(Volume::getSecret)
                        .filter(Objects::nonNull).forEach(secret -> secretMounts.add(mount.getMountPath() + "/"));
            }
            for (EnvVar variable : container.getEnv()) {
                if (!Manifests.SECRETISH.matcher(variable.getName()).matches()) {
                    continue;
                }
                boolean fromSecret = variable.getValue() == null && variable.getValueFrom() != null
                        && variable.getValueFrom().getSecretKeyRef() != null;
                boolean fileInSecret = variable.getValue() != null
                        && secretMounts.stream().anyMatch(variable.getValue()::startsWith);
                if (!fromSecret && !fileInSecret) {
                    problems.add(deployment.getMetadata().getName() + ": " + variable.getName()
                            + " is neither a Secret's key nor a file of a mounted Secret");
                }
            }
        }
        return problems;
    }
}
