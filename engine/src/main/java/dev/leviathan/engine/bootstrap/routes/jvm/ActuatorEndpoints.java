package dev.leviathan.engine.bootstrap.routes.jvm;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spring Boot Actuator endpoints. Every endpoint is served below the management base path
 * ({@code management.endpoints.web.base-path}, {@code /actuator} by default) and its id (or
 * {@code management.endpoints.web.path-mapping.<id>}). Operation endpoints ({@code @Endpoint},
 * {@code @WebEndpoint}, and {@code @EndpointWebExtension}s of an endpoint) serve their
 * {@code @ReadOperation} as GET, {@code @WriteOperation} as POST and {@code @DeleteOperation} as
 * DELETE, each {@code @Selector} parameter adding a {@code /{name}} segment ({@code /{*name}} when
 * it matches all remaining segments).
 */
final class ActuatorEndpoints {

    private static final String ANNOTATION = "org.springframework.boot.actuate.endpoint.annotation.";
    private static final String WEB_ANNOTATION = "org.springframework.boot.actuate.endpoint.web.annotation.";
    /** Endpoints whose id is their {@code id} (or {@code value}) element. */
    static final Set<String> IDENTIFIED = Set.of(ANNOTATION + "Endpoint", WEB_ANNOTATION + "WebEndpoint",
            WEB_ANNOTATION + "ControllerEndpoint", WEB_ANNOTATION + "RestControllerEndpoint");
    private static final Set<String> OPERATION_ENDPOINTS = Set.of(ANNOTATION + "Endpoint",
            WEB_ANNOTATION + "WebEndpoint");
    private static final Set<String> EXTENSIONS = Set.of(WEB_ANNOTATION + "EndpointWebExtension",
            ANNOTATION + "EndpointExtension");
    private static final Map<String, String> OPERATIONS = Map.of(ANNOTATION + "ReadOperation", "GET",
            ANNOTATION + "WriteOperation", "POST", ANNOTATION + "DeleteOperation", "DELETE");
    private static final Set<String> SELECTOR = Set.of(ANNOTATION + "Selector");
    /**
     * The ids of Spring Boot's own endpoints, which an application's web extension names by class
     * ({@code @EndpointWebExtension(endpoint = EnvironmentEndpoint.class)}): their sources are not
     * in the repository, and these ids are part of Spring Boot's documented API.
     */
    private static final Map<String, String> SPRING_BOOT_IDS = Map.ofEntries(Map.entry("AuditEventsEndpoint",
            "auditevents"), Map.entry("BeansEndpoint", "beans"), Map.entry("CachesEndpoint", "caches"),
            Map.entry("ConditionsReportEndpoint", "conditions"),
            Map.entry("ConfigurationPropertiesReportEndpoint", "configprops"), Map.entry("EnvironmentEndpoint",
                    "env"), Map.entry("FlywayEndpoint", "flyway"), Map.entry("HealthEndpoint", "health"),
            Map.entry("HeapDumpWebEndpoint", "heapdump"), Map.entry("HttpExchangesEndpoint", "httpexchanges"),
            Map.entry("InfoEndpoint", "info"), Map.entry("IntegrationGraphEndpoint", "integrationgraph"),
            Map.entry("LiquibaseEndpoint", "liquibase"), Map.entry("LogFileWebEndpoint", "logfile"),
            Map.entry("LoggersEndpoint", "loggers"), Map.entry("MappingsEndpoint", "mappings"),
            Map.entry("MetricsEndpoint", "metrics"), Map.entry("PrometheusScrapeEndpoint", "prometheus"),
            Map.entry("QuartzEndpoint", "quartz"), Map.entry("SbomEndpoint", "sbom"),
            Map.entry("ScheduledTasksEndpoint", "scheduledtasks"), Map.entry("SessionsEndpoint", "sessions"),
            Map.entry("ShutdownEndpoint", "shutdown"), Map.entry("StartupEndpoint", "startup"),
            Map.entry("ThreadDumpEndpoint", "threaddump"));
    private static final String MANAGEMENT_BASE_PATH = "management.endpoints.web.base-path";
    private static final String MANAGEMENT_PATH_MAPPING = "management.endpoints.web.path-mapping.";
    private static final String DEFAULT_MANAGEMENT_BASE_PATH = "/actuator";

    private final CodeBase code;
    private final ConstantEvaluator constants;
    private final FrameworkAnnotations frameworks;
    private final SpringProperties properties;

    ActuatorEndpoints(CodeBase code, ConstantEvaluator constants, FrameworkAnnotations frameworks,
            SpringProperties properties) {
        this.code = code;
        this.constants = constants;
        this.frameworks = frameworks;
        this.properties = properties;
    }

    /** The annotation that makes {@code type} an endpoint with an id of its own, or null. */
    AnnotationUse identified(TypeNode type) {
        return find(type.decl.annotations(), type, IDENTIFIED);
    }

    /**
     * Where an endpoint is mounted: the base path and the endpoint's path mapping or id, read in
     * the configuration of the module of {@code reporting}.
     */
    PathValue mount(PathValue id, String reporting) {
        String base = properties.value(MANAGEMENT_BASE_PATH, reporting).orElse(DEFAULT_MANAGEMENT_BASE_PATH);
        PathValue mapped = id.resolved()
                ? PathValue.of(properties.value(MANAGEMENT_PATH_MAPPING + id.text(), reporting).orElse(id.text()))
                : id;
        return RoutePaths.spring(PathValue.of(base), mapped);
    }

    /** The id an {@code @Endpoint}-style annotation gives. */
    PathValue idOf(AnnotationUse endpoint, TypeNode type) {
        AnnotationArgs args = AnnotationArgs.of(endpoint, type.file.source());
        Expr idExpr = args.get("id") != null ? args.get("id") : args.value();
        return idExpr == null ? PathValue.EMPTY : constants.value(idExpr, type.scope());
    }

    /** The operations of every concrete operation endpoint and web extension of the repository. */
    List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (TypeNode type : code.types()) {
            if (!type.decl.isConcrete()) {
                continue;
            }
            PathValue id = operationEndpointId(type);
            if (id == null) {
                continue;
            }
            PathValue mount = mount(id, type.file.path());
            for (Handler handler : Hierarchy.handlers(type, this::operations)) {
                routesOf(handler, mount, routes);
            }
        }
        return routes;
    }

    /** The id of an operation endpoint or extension, or null when {@code type} is neither. */
    private PathValue operationEndpointId(TypeNode type) {
        AnnotationUse endpoint = find(type.decl.annotations(), type, OPERATION_ENDPOINTS);
        if (endpoint != null) {
            return idOf(endpoint, type);
        }
        AnnotationUse extension = find(type.decl.annotations(), type, EXTENSIONS);
        if (extension == null) {
            return null;
        }
        Expr target = AnnotationArgs.of(extension, type.file.source()).get("endpoint");
        if (target == null) {
            return PathValue.unknown(extension.name());
        }
        String raw = target.raw().strip();
        String name = raw.replaceFirst("\\s*(\\.|::)\\s*class$", "");
        TypeNode extended = code.resolveType(name, type.scope());
        PathValue id = extended == null ? springBootId(name, type.file) : endpointIdUp(extended);
        return id != null ? id : PathValue.unknown(raw);
    }

    /** The id of the endpoint {@code type} is, found on it or on a supertype (its own or Spring Boot's). */
    private PathValue endpointIdUp(TypeNode type) {
        for (TypeNode node : Hierarchy.of(type)) {
            AnnotationUse endpoint = find(node.decl.annotations(), node, OPERATION_ENDPOINTS);
            if (endpoint != null) {
                return idOf(endpoint, node);
            }
        }
        for (TypeNode node : Hierarchy.of(type)) {
            for (String supertype : node.decl.supertypes()) {
                if (code.resolveType(supertype, node.scope()) == null) {
                    PathValue id = springBootId(supertype, node.file);
                    if (id != null) {
                        return id;
                    }
                }
            }
        }
        return null;
    }

    /** The id of one of Spring Boot's own endpoint classes, named as {@code file} imports it; else null. */
    private static PathValue springBootId(String written, ParsedFile file) {
        String qualified = written.indexOf('.') >= 0 ? written : null;
        if (qualified == null) {
            for (ImportDecl imp : file.imports()) {
                if (!imp.wildcard() && !imp.isStatic() && written.equals(imp.visibleName())) {
                    qualified = imp.name();
                }
            }
        }
        if (qualified == null || !qualified.startsWith("org.springframework.boot.")) {
            return null;
        }
        String id = SPRING_BOOT_IDS.get(FrameworkAnnotations.simpleName(qualified));
        return id == null ? null : PathValue.of(id);
    }

    private List<AnnotationUse> operations(MethodDecl method, TypeNode owner) {
        List<AnnotationUse> found = List.of();
        for (AnnotationUse annotation : method.annotations()) {
            if (frameworks.denotes(annotation, owner.file, OPERATIONS.keySet())) {
                found = found.isEmpty() ? new ArrayList<>() : found;
                found.add(annotation);
            }
        }
        return found;
    }

    private void routesOf(Handler handler, PathValue mount, List<Route> routes) {
        TypeNode owner = handler.annotatedIn();
        StringBuilder selectors = new StringBuilder();
        for (ParameterDecl parameter : handler.annotated().parameters()) {
            AnnotationUse selector = find(parameter.annotations(), owner, SELECTOR);
            if (selector != null) {
                Expr match = AnnotationArgs.of(selector, owner.file.source()).get("match");
                boolean remaining = match != null && match.raw().endsWith("ALL_REMAINING");
                selectors.append(remaining ? "/{*" : "/{").append(parameter.name()).append('}');
            }
        }
        PathValue path = RoutePaths.spring(mount, PathValue.of(selectors.toString()));
        for (AnnotationUse annotation : handler.annotations()) {
            String verb = OPERATIONS.get(frameworks.denoted(annotation, owner.file, OPERATIONS.keySet()));
            int line = handler.annotatedInPlace() ? annotation.line() : handler.declared().line();
            routes.add(new Route(SpringRoutes.FRAMEWORK, verb, RoutePaths.finish(path), path.resolved(), path.raw(),
                    handler.file(), line, handler.declared().name()));
        }
    }

    private AnnotationUse find(List<AnnotationUse> annotations, TypeNode where, Set<String> names) {
        for (AnnotationUse annotation : annotations) {
            if (frameworks.denotes(annotation, where.file, names)) {
                return annotation;
            }
        }
        return null;
    }
}
