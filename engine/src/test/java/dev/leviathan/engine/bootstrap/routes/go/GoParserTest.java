package dev.leviathan.engine.bootstrap.routes.go;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.go.Ast.FuncDecl;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoParserTest {

    @Test
    void readsRichValidSyntaxWithoutSkippingAnything() {
        ParsedFile f = GoParser.parse("syntax.go", GoSources.resource("syntax.go.txt"));
        assertThat(f.recoveries()).isZero();
        assertThat(f.decls()).filteredOn(d -> d instanceof FuncDecl).extracting(d -> ((FuncDecl) d).name())
                .containsExactly("Sum", "Swap", "run");
    }

    @Test
    void findsTheRouteInAChainedCallSplitAcrossLines() {
        List<String> routes = GoSources.summary(GoSources.extract("syntax.go", GoSources.resource("syntax.go.txt")));
        assertThat(routes).containsExactly("GET /chained <anonymous>");
    }

    @Test
    void keepsDeclarationsAroundABrokenOne() {
        ParsedFile f = GoParser.parse("x.go", """
                package x

                func a() {}

                func b( {
                	oops
                }

                func c() {}
                """);
        assertThat(f.decls()).filteredOn(d -> d instanceof FuncDecl).extracting(d -> ((FuncDecl) d).name())
                .contains("a", "c");
        assertThat(f.recoveries()).isPositive();
    }

    @Test
    void rendersExpressionTextOnOneLineWithoutComments() {
        ParsedFile f = GoParser.parse("x.go", """
                package x

                var v = handlers.New(db, // the store
                	"name",
                )
                """);
        Ast.GenDecl g = (Ast.GenDecl) f.decls().get(0);
        Ast.ValueSpec spec = (Ast.ValueSpec) g.specs().get(0);
        assertThat(f.text(spec.values().get(0))).isEqualTo("handlers.New(db, \"name\", )");
    }
}
