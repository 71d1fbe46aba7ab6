package dev.leviathan.engine.bootstrap.routes.jvm;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * JAX-RS resources ({@code javax.ws.rs} and {@code jakarta.ws.rs}): a root resource is a concrete
 * class with {@code @Path} (its own, or inherited from an interface or superclass); its methods
 * with {@code @GET}-style designators are routes under the class path and the method's own
 * {@code @Path}; a method with {@code @Path} and no designator is a sub-resource locator whose
 * returned class contributes its routes under the locator's path. A single
 * {@code @ApplicationPath} prefixes everything. MicroProfile {@code @RegisterRestClient}
 * interfaces are clients and never count; Retrofit's same-named annotations are told apart by
 * their imports (and by their arguments: JAX-RS designators take none).
 */
final class JaxRsRoutes {

    static final String FRAMEWORK = "jaxrs";

    private static final List<String> PACKAGES = List.of("javax.ws.rs.", "jakarta.ws.rs.");
    private static final Set<String> DESIGNATORS = qualified("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD",
            "OPTIONS");
    private static final Set<String> PATH = qualified("Path");
    private static final Set<String> APPLICATION_PATH = qualified("ApplicationPath");
    private static final Set<String> HTTP_METHOD = qualified("HttpMethod");
    private static final Set<String> JAXRS_METHOD_CONSTANTS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD",
            "OPTIONS");
    private static final int MAX_LOCATOR_DEPTH = 8;

    private final CodeBase code;
    private final ConstantEvaluator constants;
    private final FrameworkAnnotations frameworks;
    private final HttpClients clients = new HttpClients(Set.of("RegisterRestClient"));
    private final List<ApplicationPath> applicationPaths = new ArrayList<>();

    private record ApplicationPath(TypeNode type, PathValue path) {
    }

    JaxRsRoutes(CodeBase code, ConstantEvaluator constants) {
        this.code = code;
        this.constants = constants;
        this.frameworks = new FrameworkAnnotations(code);
        for (TypeNode type : code.types()) {
            AnnotationUse annotation = find(type.decl.annotations(), type, APPLICATION_PATH);
            if (annotation != null) {
                // `@ApplicationPath("/api/*")` is servlet-mapping style for `/api`.
                PathValue path = pathOf(annotation, type.scope());
                String text = path.text().endsWith("/*") ? path.text().substring(0, path.text().length() - 2)
                        : path.text();
                applicationPaths.add(new ApplicationPath(type, path.withText(text)));
            }
        }
    }

    private static Set<String> qualified(String... names) {
        List<String> all = new ArrayList<>();
        for (String pkg : PACKAGES) {
            for (String name : names) {
                all.add(pkg + name);
            }
        }
        return Set.copyOf(all);
    }

    List<Route> routes() {
        Set<TypeNode> subResources = ReportingTypes.identitySet();
        for (TypeNode type : code.types()) {
            for (MethodDecl method : type.decl.methods()) {
                markReached(locatorTargets(method, method, type, type), type, subResources);
            }
            // An override may narrow the locator's return type (`SubImpl sub()` for an interface's
            // `@Path("sub") SubApi sub()`): what it returns is reached, all its interfaces with it.
            for (Handler handler : Hierarchy.handlers(type, this::mappings)) {
                markReached(locatorTargets(handler.declared(), handler.annotated(), handler.annotatedIn(),
                        handler.declaredIn()), type, subResources);
            }
        }
        List<TypeNode> reporting = ReportingTypes.select(code.types(), type -> serves(type, subResources),
                type -> Hierarchy.declaresMappings(type, this::mappings),
                type -> clients.isClientContract(type) || subResources.contains(type));
        List<Route> routes = new ArrayList<>();
        for (TypeNode type : reporting) {
            ClassPath classPath = classPath(type);
            PathValue prefix = classPath == null ? PathValue.EMPTY
                    : pathOf(classPath.annotation(), classPath.node().scope());
            List<TypeNode> stack = new ArrayList<>(List.of(type));
            emit(type, RoutePaths.jaxrs(applicationPath(type), prefix), stack, routes);
        }
        return routes;
    }

    private static void markReached(List<TypeNode> returned, TypeNode locatorOwner, Set<TypeNode> reached) {
        for (TypeNode target : returned) {
            if (target == locatorOwner) {
                continue;
            }
            reached.addAll(Hierarchy.of(target));
            for (TypeNode below : Hierarchy.descendants(target)) {
                reached.addAll(Hierarchy.of(below));
            }
        }
    }

    /**
     * A concrete class with a class-level {@code @Path}, its own or inherited; but a class a locator
     * reaches is a root only with a {@code @Path} of its own. Camunda's history services declare
     * {@code @Path("/variable-instance")} on interfaces that only its engine roots' locators
     * return; their implementations, taken for roots through that inherited path, served every
     * history route a second time at the top level.
     */
    private boolean serves(TypeNode type, Set<TypeNode> subResources) {
        boolean ownPath = find(type.decl.annotations(), type, PATH) != null;
        return type.decl.isConcrete() && classPath(type) != null
                && (!clients.isClientDerived(type) || ownPath)
                && (!subResources.contains(type) || ownPath);
    }

    private record ClassPath(AnnotationUse annotation, TypeNode node) {
    }

    /** The class-level {@code @Path} in force: the type's own, else the first found up its hierarchy. */
    private ClassPath classPath(TypeNode type) {
        for (TypeNode node : Hierarchy.of(type)) {
            AnnotationUse path = find(node.decl.annotations(), node, PATH);
            if (path != null) {
                return new ClassPath(path, node);
            }
        }
        return null;
    }

    private AnnotationUse find(List<AnnotationUse> annotations, TypeNode where, Set<String> names) {
        for (AnnotationUse annotation : annotations) {
            if (frameworks.denotes(annotation, where.file, names)) {
                return annotation;
            }
        }
        return null;
    }

    private List<AnnotationUse> mappings(MethodDecl method, TypeNode owner) {
        List<AnnotationUse> found = List.of();
        for (AnnotationUse annotation : method.annotations()) {
            if (verbOf(annotation, owner) != null || frameworks.denotes(annotation, owner.file, PATH)) {
                found = found.isEmpty() ? new ArrayList<>() : found;
                found.add(annotation);
            }
        }
        return found;
    }

    /**
     * The HTTP method a request method designator stands for, or null when {@code annotation} is
     * none: JAX-RS's own ({@code @GET}...; they take no arguments, Retrofit's do), or an annotation
     * type of the repository annotated {@code @HttpMethod("PATCH")}, as code written before JAX-RS
     * 2.1 declares its {@code @PATCH}.
     */
    private String verbOf(AnnotationUse annotation, TypeNode owner) {
        boolean bare = annotation.arguments() == null || annotation.arguments().isEmpty();
        String standard = frameworks.denoted(annotation, owner.file, DESIGNATORS);
        if (standard != null) {
            return bare ? FrameworkAnnotations.simpleName(standard) : null;
        }
        TypeNode type = code.resolveType(annotation.name(), owner.scope());
        if (!bare || type == null || type.decl.kind() != TypeDecl.Kind.ANNOTATION) {
            return null;
        }
        AnnotationUse httpMethod = find(type.decl.annotations(), type, HTTP_METHOD);
        if (httpMethod == null) {
            return null;
        }
        Expr value = AnnotationArgs.of(httpMethod, type.file.source()).value();
        if (value == null) {
            return null;
        }
        PathValue method = constants.value(value, type.scope());
        if (method.resolved()) {
            return method.text().isEmpty() ? null : method.text();
        }
        // `@HttpMethod(HttpMethod.PATCH)`: JAX-RS's own constants, named as their values.
        String constant = value.raw().substring(value.raw().lastIndexOf('.') + 1).strip();
        return JAXRS_METHOD_CONSTANTS.contains(constant) ? constant : null;
    }

    /**
     * The resource classes a sub-resource locator returns: its declared return type when that is
     * in the repository, else the resource classes of the repository its body constructs
     * (locators declared to return {@code Object}); empty for a method that is no locator.
     */
    private List<TypeNode> locatorTargets(MethodDecl declared, MethodDecl annotated, TypeNode annotatedIn,
            TypeNode declaredIn) {
        List<AnnotationUse> mapped = mappings(annotated, annotatedIn);
        if (mapped.isEmpty() || mapped.stream().anyMatch(a -> verbOf(a, annotatedIn) != null)) {
            return List.of();
        }
        String returnType = declared.returnType() != null ? declared.returnType() : annotated.returnType();
        TypeNode declaredType = returnType == null ? null : code.resolveType(returnType, declaredIn.scope());
        if (declaredType != null) {
            return List.of(declaredType);
        }
        List<TypeNode> made = new ArrayList<>();
        for (String name : declared.constructedTypes()) {
            TypeNode type = code.resolveType(name, declaredIn.scope());
            if (type != null && !made.contains(type) && !Hierarchy.handlers(type, this::mappings).isEmpty()) {
                made.add(type);
            }
        }
        return made;
    }

    /**
     * A resource class ({@code …Resource}) a locator declared {@code Object} constructs that is not
     * in the repository; null when there is none or the declared return type is known.
     */
    private String madeOutside(MethodDecl declared, TypeNode declaredIn) {
        if (declared.returnType() != null && code.resolveType(declared.returnType(), declaredIn.scope()) != null) {
            return null;
        }
        for (String name : declared.constructedTypes()) {
            String simple = name.substring(name.lastIndexOf('.') + 1);
            // Named as resources are: a body also makes events, lists and exceptions on its way.
            if (code.resolveType(name, declaredIn.scope()) == null && simple.endsWith("Resource")) {
                return name;
            }
        }
        return null;
    }

    private void emit(TypeNode resource, PathValue prefix, List<TypeNode> stack, List<Route> routes) {
        emit(Hierarchy.handlers(resource, this::mappings), prefix, stack, routes);
    }

    /**
     * The handlers {@code subtype} declares beyond those of {@code base}, which are emitted already.
     * A method that implements one of the base's is not beyond it, even when annotated again on
     * its way down (Camunda's {@code VariableInstanceResourceImpl} gets {@code @GET getResource}
     * from an abstract provider as well as from the interface the locator returns): one route.
     */
    private void emitOwn(TypeNode subtype, TypeNode base, PathValue prefix, List<TypeNode> stack,
            List<Route> routes) {
        List<TypeNode> inherited = Hierarchy.of(base);
        Set<String> served = new HashSet<>();
        for (Handler handler : Hierarchy.handlers(base, this::mappings)) {
            served.add(handler.declared().key());
        }
        List<Handler> own = new ArrayList<>();
        for (Handler handler : Hierarchy.handlers(subtype, this::mappings)) {
            if (!inherited.contains(handler.annotatedIn()) && !served.contains(handler.declared().key())) {
                own.add(handler);
            }
        }
        emit(own, prefix, stack, routes);
    }


    private void emit(List<Handler> handlers, PathValue prefix, List<TypeNode> stack, List<Route> routes) {
        for (Handler handler : handlers) {
            TypeNode owner = handler.annotatedIn();
            List<String> verbs = new ArrayList<>();
            AnnotationUse designator = null;
            AnnotationUse path = null;
            for (AnnotationUse annotation : handler.annotations()) {
                String verb = verbOf(annotation, owner);
                if (verb != null) {
                    verbs.add(verb);
                    designator = designator == null ? annotation : designator;
                } else if (path == null) {
                    path = annotation;
                }
            }
            PathValue full = RoutePaths.jaxrs(prefix, path == null ? PathValue.EMPTY : pathOf(path, owner.scope()));
            AnnotationUse declaring = path != null ? path : designator;
            int line = handler.annotatedInPlace() ? declaring.line() : handler.declared().line();
            if (!verbs.isEmpty()) {
                for (String verb : verbs) {
                    routes.add(route(verb, full, handler, line));
                }
                continue;
            }
            int before = routes.size();
            for (TypeNode target : locatorTargets(handler.declared(), handler.annotated(), owner,
                    handler.declaredIn())) {
                if (!stack.contains(target) && stack.size() <= MAX_LOCATOR_DEPTH) {
                    stack.add(target);
                    emit(target, full, stack, routes);
                    // The locator may return any subclass (a Cd for an Item): what a subclass adds
                    // is served under the locator too.
                    for (TypeNode below : Hierarchy.descendants(target)) {
                        if (!stack.contains(below)) {
                            stack.add(below);
                            emitOwn(below, target, full, stack, routes);
                            stack.remove(stack.size() - 1);
                        }
                    }
                    stack.remove(stack.size() - 1);
                }
            }
            String outside = routes.size() == before ? null : madeOutside(handler.declared(), handler.declaredIn());
            if (routes.size() == before || outside != null) {
                // A locator whose resource is outside the repository (or has no routes we can
                // see, or is recursive), or that may return one beside those it does (Keycloak's
                // `info()` returning a preflight resource or the server-info one): the path up to
                // it is known, what lies below is not.
                String returned = outside != null ? outside : handler.declared().returnTypeText() != null
                        ? handler.declared().returnTypeText() : handler.declared().name() + "()";
                routes.add(route("ANY", full.withUnresolved(List.of(returned)), handler, line));
            }
        }
    }

    private PathValue pathOf(AnnotationUse annotation, Scope scope) {
        Expr value = AnnotationArgs.of(annotation, scope.file().source()).value();
        return value == null ? PathValue.EMPTY : constants.value(value, scope);
    }

    /**
     * The {@code @ApplicationPath} prefix of a root resource: none when the repository has none;
     * the only one when there is one (or all agree); otherwise the one whose file shares the
     * longest directory prefix with the resource (its module); a tie is reported unresolved.
     */
    private PathValue applicationPath(TypeNode resource) {
        if (applicationPaths.isEmpty()) {
            return PathValue.EMPTY;
        }
        List<ApplicationPath> best = new ArrayList<>();
        int bestShared = -1;
        for (ApplicationPath candidate : applicationPaths) {
            int shared = CodeBase.sharedDirectories(candidate.type().file.path(), resource.file.path());
            if (shared > bestShared) {
                best.clear();
                bestShared = shared;
            }
            if (shared == bestShared) {
                best.add(candidate);
            }
        }
        PathValue first = best.get(0).path();
        if (best.stream().allMatch(candidate -> candidate.path().equals(first))) {
            return first;
        }
        List<String> choices = new ArrayList<>();
        for (ApplicationPath candidate : best) {
            choices.add("@ApplicationPath(" + RoutePaths.finish(candidate.path()) + ")");
        }
        return new PathValue("", List.copyOf(choices));
    }

    private static Route route(String verb, PathValue path, Handler handler, int line) {
        return new Route(FRAMEWORK, verb, RoutePaths.finish(path), path.resolved(), path.raw(), handler.file(), line,
                handler.declared().name());
    }
}
