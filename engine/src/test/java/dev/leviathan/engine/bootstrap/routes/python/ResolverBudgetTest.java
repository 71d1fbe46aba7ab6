package dev.leviathan.engine.bootstrap.routes.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolverBudgetTest {

    private final SourceFile file = new SourceFile("app.py", "PREFIX = '/api'\nBASE = PREFIX\n");
    private final PyModule module = PyModule.of(file);
    private final ModuleIndex index = new ModuleIndex(List.of(file), List.of(module));
    private final Expr base = new Expr.Name("BASE", 0, 4, 2);

    @Test
    void withinItsBudgetAResolverFollowsNames() {
        Resolver resolver = new Resolver(index, List.of(module), 1_000);
        assertThat(resolver.resolve(base, module.scope)).isNotInstanceOf(Sym.Unknown.class);
        assertThat(resolver.steps()).isPositive();
    }

    @Test
    void pastItsBudgetEveryExpressionIsUnknown() {
        Resolver resolver = new Resolver(index, List.of(module), 0);
        assertThat(resolver.resolve(base, module.scope)).isInstanceOf(Sym.Unknown.class);
    }
}
