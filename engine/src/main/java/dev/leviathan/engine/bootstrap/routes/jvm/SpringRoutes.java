package dev.leviathan.engine.bootstrap.routes.jvm;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spring MVC / WebFlux annotated controllers: {@code @RequestMapping} and its
 * {@code @GetMapping}-style shortcuts on methods, combined with the type-level
 * {@code @RequestMapping} of the controller (its own, a meta-annotation's, or one inherited from
 * an interface or superclass). A controller is a concrete class with {@code @RestController},
 * {@code @Controller} or {@code @RequestMapping} (directly or as a meta-annotation), or one that
 * declares mapped methods itself and that nothing extends; handler methods are inherited from its interfaces and
 * superclasses as Spring merges them. Feign and {@code @HttpExchange} interfaces are HTTP clients
 * and their mappings never count.
 */
final class SpringRoutes {

    static final String FRAMEWORK = "spring";

    private static final String WEB = "org.springframework.web.bind.annotation.";
    private static final Set<String> REQUEST_MAPPING = Set.of(WEB + "RequestMapping");
    /** The shortcut annotations and the method each stands for. */
    private static final Map<String, String> SHORTCUTS = Map.of(WEB + "GetMapping", "GET", WEB + "PostMapping", "POST",
            WEB + "PutMapping", "PUT", WEB + "DeleteMapping", "DELETE", WEB + "PatchMapping", "PATCH");
    private static final Set<String> MAPPINGS = Set.of(WEB + "RequestMapping", WEB + "GetMapping",
            WEB + "PostMapping", WEB + "PutMapping", WEB + "DeleteMapping", WEB + "PatchMapping");
    private static final Set<String> STEREOTYPES = Set.of(WEB + "RestController", WEB + "RequestMapping",
            "org.springframework.stereotype.Controller");
    /**
     * Spring Boot Actuator's controller endpoints: their handler methods are served below the
     * management base path and the endpoint's id, not at the application's root.
     */
    private static final Set<String> CONTROLLER_ENDPOINTS = Set.of(
            "org.springframework.boot.actuate.endpoint.web.annotation.ControllerEndpoint",
            "org.springframework.boot.actuate.endpoint.web.annotation.RestControllerEndpoint");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE");
    private static final int MAX_META_DEPTH = 3;

    private final CodeBase code;
    private final ConstantEvaluator constants;
    private final FrameworkAnnotations frameworks;
    private final SpringProperties properties;
    private final ActuatorEndpoints actuator;
    private final HttpClients clients = new HttpClients(Set.of("FeignClient", "ReactiveFeignClient", "HttpExchange"));

    SpringRoutes(CodeBase code, ConstantEvaluator constants, SpringProperties properties) {
        this.code = code;
        this.constants = constants;
        this.properties = properties;
        this.frameworks = new FrameworkAnnotations(code);
        this.actuator = new ActuatorEndpoints(code, constants, frameworks, properties);
    }

    List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        List<TypeNode> reporting = ReportingTypes.select(code.types(), this::serves,
                type -> Hierarchy.declaresMappings(type, this::mappings), clients::isClientContract);
        for (TypeNode type : reporting) {
            routesOf(type, routes);
        }
        routes.addAll(actuator.routes());
        return routes;
    }

    private boolean serves(TypeNode type) {
        if (!type.decl.isConcrete()) {
            return false;
        }
        // Without a stereotype a class is taken for a controller registered some other way
        // (a @Bean method) only when nothing in the repository extends it: a base class's
        // mappings are its subclasses' to serve.
        return hasStereotype(type.decl.annotations(), type, 0) || controllerEndpoint(type) != null
                || (type.subtypes.isEmpty() && !clients.isClientDerived(type)
                        && Hierarchy.declaresMappings(type, this::mappings));
    }

    private boolean hasStereotype(List<AnnotationUse> annotations, TypeNode where, int depth) {
        for (AnnotationUse annotation : annotations) {
            if (frameworks.denotes(annotation, where.file, STEREOTYPES)) {
                return true;
            }
        }
        if (depth >= MAX_META_DEPTH) {
            return false;
        }
        for (AnnotationUse annotation : annotations) {
            TypeNode meta = annotationType(annotation, where);
            if (meta != null && meta != where && hasStereotype(meta.decl.annotations(), meta, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private TypeNode annotationType(AnnotationUse annotation, TypeNode where) {
        TypeNode type = code.resolveType(annotation.name(), where.scope());
        return type != null && type.decl.kind() == TypeDecl.Kind.ANNOTATION ? type : null;
    }

    /** A mapping annotation of Spring's, and the type whose file it is written in. */
    private record Mapping(String fqn, AnnotationUse annotation, TypeNode where) {
    }

    /**
     * The Spring mapping {@code annotation} is or composes: itself, or for an annotation type of
     * the repository meta-annotated with one ({@code @GetJson} carrying {@code @GetMapping}), that
     * one, a few levels deep; null when it is neither.
     */
    private Mapping mapping(AnnotationUse annotation, TypeNode where, int depth) {
        String fqn = frameworks.denoted(annotation, where.file, MAPPINGS);
        if (fqn != null) {
            return new Mapping(fqn, annotation, where);
        }
        TypeNode meta = depth < MAX_META_DEPTH ? annotationType(annotation, where) : null;
        if (meta == null || meta == where) {
            return null;
        }
        for (AnnotationUse metaAnnotation : meta.decl.annotations()) {
            Mapping found = mapping(metaAnnotation, meta, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private List<AnnotationUse> mappings(MethodDecl method, TypeNode owner) {
        List<AnnotationUse> found = List.of();
        for (AnnotationUse annotation : method.annotations()) {
            if (mapping(annotation, owner, 0) != null) {
                found = found.isEmpty() ? new ArrayList<>() : found;
                found.add(annotation);
            }
        }
        return found;
    }

    /** The type-level mapping in force for a controller: paths and methods it adds to each handler's. */
    private record TypeMapping(List<PathValue> paths, Verbs verbs) {
        static final TypeMapping NONE = new TypeMapping(List.of(PathValue.EMPTY), Verbs.NONE);
    }

    private AnnotationUse controllerEndpoint(TypeNode type) {
        for (AnnotationUse annotation : type.decl.annotations()) {
            if (frameworks.denotes(annotation, type.file, CONTROLLER_ENDPOINTS)) {
                return annotation;
            }
        }
        return null;
    }

    private TypeMapping typeMapping(TypeNode type) {
        // An operation endpoint (`@Endpoint`) with request mappings is served like a controller
        // endpoint: CAS registers those of its `@Endpoint` classes below the endpoint's path.
        AnnotationUse endpoint = actuator.identified(type);
        if (endpoint != null) {
            return new TypeMapping(List.of(actuator.mount(actuator.idOf(endpoint, type), type.file.path())),
                    Verbs.NONE);
        }
        for (TypeNode node : Hierarchy.of(type)) {
            TypeMapping found = typeMapping(node.decl.annotations(), node, 0, type.file.path());
            if (found != null) {
                return found;
            }
        }
        return TypeMapping.NONE;
    }

    private TypeMapping typeMapping(List<AnnotationUse> annotations, TypeNode where, int depth, String reporting) {
        for (AnnotationUse annotation : annotations) {
            if (frameworks.denotes(annotation, where.file, REQUEST_MAPPING)) {
                AnnotationArgs args = AnnotationArgs.of(annotation, where.file.source());
                return new TypeMapping(paths(args, where.scope(), reporting), verbs(args));
            }
        }
        if (depth >= MAX_META_DEPTH) {
            return null;
        }
        for (AnnotationUse annotation : annotations) {
            TypeNode meta = annotationType(annotation, where);
            if (meta != null && meta != where) {
                TypeMapping found = typeMapping(meta.decl.annotations(), meta, depth + 1, reporting);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private void routesOf(TypeNode type, List<Route> routes) {
        List<Handler> handlers = Hierarchy.handlers(type, this::mappings);
        if (handlers.isEmpty()) {
            return;
        }
        TypeMapping typeMapping = typeMapping(type);
        for (Handler handler : handlers) {
            TypeNode owner = handler.annotatedIn();
            for (AnnotationUse annotation : handler.annotations()) {
                Mapping mapping = mapping(annotation, owner, 0);
                String fqn = mapping.fqn();
                AnnotationArgs metaArgs = AnnotationArgs.of(mapping.annotation(), mapping.where().file.source());
                AnnotationArgs args = AnnotationArgs.of(annotation, owner.file.source());
                Verbs verbs = SHORTCUTS.containsKey(fqn) ? Verbs.of(SHORTCUTS.get(fqn)) : verbs(metaArgs);
                verbs = verbs.union(typeMapping.verbs());
                int line = handler.annotatedInPlace() ? annotation.line() : handler.declared().line();
                // A composed annotation's own path (its `value`/`path`, aliased to the mapping's)
                // stands; without one, the path its meta-annotation writes.
                boolean ownPath = args.value() != null || args.get("path") != null
                        || mapping.annotation() == annotation;
                List<PathValue> methodPaths = ownPath ? paths(args, owner.scope(), type.file.path())
                        : paths(metaArgs, mapping.where().scope(), type.file.path());
                // `value = { "/", "" }` without a type path (spring-data-rest's RepositoryController)
                // joins to `/` twice: one mapping serves one path once. Two controllers inheriting
                // one mapping stay two routes (Pulsar's v1 and v2 admin resources, served under
                // servlet prefixes the sources do not name).
                Set<Route> ofThisMapping = new LinkedHashSet<>();
                for (PathValue typePath : typeMapping.paths()) {
                    for (PathValue methodPath : methodPaths) {
                        PathValue path = RoutePaths.spring(typePath, methodPath);
                        for (String verb : verbs.methods()) {
                            ofThisMapping.add(route(verb, path, handler, line));
                        }
                        if (!verbs.unresolved().isEmpty()) {
                            ofThisMapping.add(route("ANY", path.withUnresolved(verbs.unresolved()), handler, line));
                        } else if (verbs.methods().isEmpty()) {
                            ofThisMapping.add(route("ANY", path, handler, line));
                        }
                    }
                }
                routes.addAll(ofThisMapping);
            }
        }
    }

    private static Route route(String verb, PathValue path, Handler handler, int line) {
        return new Route(FRAMEWORK, verb, RoutePaths.finish(path), path.resolved(), path.raw(), handler.file(), line,
                handler.declared().name());
    }

    /** {@code reporting} is the file of the controller the route is reported for: its module's properties apply. */
    private List<PathValue> paths(AnnotationArgs args, Scope scope, String reporting) {
        Expr expr = args.value() != null ? args.value() : args.get("path");
        List<PathValue> values = constants.values(expr, scope);
        if (values.isEmpty()) {
            return List.of(PathValue.EMPTY);
        }
        List<PathValue> expanded = new ArrayList<>(values.size());
        for (PathValue value : values) {
            expanded.add(RoutePaths.springPlaceholders(value, key -> properties.value(key, reporting),
                    dotted -> constants.constant(dotted, scope)));
        }
        return expanded;
    }

    /** HTTP methods named by a {@code method} attribute, and the source of those that could not be read. */
    private record Verbs(List<String> methods, List<String> unresolved) {
        static final Verbs NONE = new Verbs(List.of(), List.of());

        static Verbs of(String method) {
            return new Verbs(List.of(method), List.of());
        }

        Verbs union(Verbs other) {
            if (other.methods.isEmpty() && other.unresolved.isEmpty()) {
                return this;
            }
            Set<String> all = new LinkedHashSet<>(methods);
            all.addAll(other.methods);
            return new Verbs(List.copyOf(all), PathValue.merge(unresolved, other.unresolved));
        }
    }

    private static Verbs verbs(AnnotationArgs args) {
        Expr method = args.get("method");
        if (method == null) {
            return Verbs.NONE;
        }
        List<Expr> elements = method instanceof Expr.Array array ? array.elements() : List.of(method);
        Set<String> methods = new LinkedHashSet<>();
        List<String> unresolved = new ArrayList<>();
        for (Expr element : elements) {
            String name = element instanceof Expr.Reference reference
                    ? reference.name().substring(reference.name().lastIndexOf('.') + 1) : null;
            if (name != null && HTTP_METHODS.contains(name)) {
                methods.add(name);
            } else {
                unresolved.add(element.raw());
            }
        }
        return new Verbs(List.copyOf(methods), List.copyOf(unresolved));
    }
}
