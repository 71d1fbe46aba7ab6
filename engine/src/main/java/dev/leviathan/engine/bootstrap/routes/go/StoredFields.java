package dev.leviathan.engine.bootstrap.routes.go;

import dev.leviathan.engine.bootstrap.routes.go.Ast.Assign;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Block;
import dev.leviathan.engine.bootstrap.routes.go.Ast.CaseClause;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Expr;
import dev.leviathan.engine.bootstrap.routes.go.Ast.For;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Ident;
import dev.leviathan.engine.bootstrap.routes.go.Ast.If;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Labeled;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Range;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Selector;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Stmt;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Switch;
import dev.leviathan.engine.bootstrap.routes.go.GoPackage.FuncDef;
import dev.leviathan.engine.bootstrap.routes.go.Value.AnyElem;
import dev.leviathan.engine.bootstrap.routes.go.Value.Bound;
import dev.leviathan.engine.bootstrap.routes.go.Value.ListVal;
import dev.leviathan.engine.bootstrap.routes.go.Value.ParamRef;
import dev.leviathan.engine.bootstrap.routes.go.Value.TypeRef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Slices that methods store in a field of their receiver's struct type and other methods read
 * back: the Docker engine's routers fill {@code r.routes = []router.Route{…}} in {@code
 * initRoutes()} and hand it out from {@code Routes()}. The analysis runs each function once, in
 * declaration order, so {@code Routes()} may run before {@code initRoutes()}; a read asks for the
 * methods of the type that assign the field to be analysed first. The table is known only when
 * every assignment in the program stores the same literal table: a field appended to, or given
 * two different tables, or a table whose entries are a function's parameters, is a collection
 * built at run time, left unknown.
 */
final class StoredFields {

    private record Key(TypeRef owner, String field) {
    }

    /** Null value: a field assigned something other than one literal table. */
    private final Map<Key, ListVal> tables = new HashMap<>();
    private final Set<Key> asked = new HashSet<>();
    private final Program program;
    private final Consumer<FuncDef> analyze;

    StoredFields(Program program, Consumer<FuncDef> analyze) {
        this.program = program;
        this.analyze = analyze;
    }

    /** Field {@code field} of a value of type {@code owner} (the type declaring it) is assigned {@code v}. */
    void assigned(TypeRef owner, String field, Value v) {
        Key key = new Key(owner, field);
        if (!(v instanceof ListVal l) || !concrete(l)) {
            tables.put(key, null);
            return;
        }
        if (!tables.containsKey(key)) {
            tables.put(key, l);
        } else if (tables.get(key) != null && !tables.get(key).equals(l)) {
            tables.put(key, null);
        }
    }

    /** The one table stored in the field, or null when there is none or it is built at run time. */
    ListVal read(TypeRef owner, String field) {
        Key key = new Key(owner, field);
        if (asked.add(key)) {
            for (FuncDef def : program.methods(owner)) {
                String receiver = def.decl().receiver().name();
                if (receiver != null && def.decl().body() != null
                        && assigns(def.decl().body().statements(), receiver, field)) {
                    analyze.accept(def);
                }
            }
            // A constructor filling the field of the literal it returns (the Docker system router).
            GoPackage pkg = program.packages.get(owner.dir());
            if (pkg != null) {
                pkg.funcs.values().stream().flatMap(List::stream)
                        .filter(def -> def.decl().body() != null && assigns(def.decl().body().statements(), null, field))
                        .forEach(analyze);
            }
        }
        return tables.get(key);
    }

    /** Entries standing for a parameter of the assigning function are filled in per call, which a field is not. */
    private static boolean concrete(ListVal l) {
        for (Bound b : l.elements()) {
            if (b.value() instanceof ParamRef || b.value() instanceof AnyElem) {
                return false;
            }
        }
        return true;
    }

    /** Whether the statements assign {@code receiver.field} anywhere, nested blocks included (any base when null). */
    private static boolean assigns(List<Stmt> statements, String receiver, String field) {
        for (Stmt s : statements) {
            boolean hit = switch (s) {
                case Assign a -> a.lhs().stream().anyMatch(e -> isField(e, receiver, field));
                case Block b -> assigns(b.statements(), receiver, field);
                case If i -> assigns(i.then().statements(), receiver, field)
                        || i.otherwise() != null && assigns(List.of(i.otherwise()), receiver, field);
                case For l -> assigns(l.body().statements(), receiver, field);
                case Range r -> assigns(r.body().statements(), receiver, field);
                case Switch sw -> sw.clauses().stream().map(CaseClause::body)
                        .anyMatch(body -> assigns(body, receiver, field));
                case Labeled l -> assigns(List.of(l.statement()), receiver, field);
                default -> false;
            };
            if (hit) {
                return true;
            }
        }
        return false;
    }

    /** {@code receiver.field}, or {@code anything.field} when {@code receiver} is null. */
    private static boolean isField(Expr e, String receiver, String field) {
        return e instanceof Selector sel && sel.name().equals(field) && sel.x() instanceof Ident id
                && (receiver == null || id.name().equals(receiver));
    }
}
