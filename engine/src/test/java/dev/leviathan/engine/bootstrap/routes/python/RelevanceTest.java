package dev.leviathan.engine.bootstrap.routes.python;

import static dev.leviathan.engine.bootstrap.routes.python.PythonRepo.repo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelevanceTest {

    @Test
    void findsUsesOfADecoratorFactoryByName() {
        java.util.Set<String> factories = new java.util.TreeSet<>(java.util.Set.of("expose"));
        assertThat(Relevance.callsDecorator("@property\ndef x(): ...\n@expose(\"/a\")\ndef a(): ...\n", factories))
                .isTrue();
        assertThat(Relevance.callsDecorator("@api.expose(\"/a\")\ndef a(): ...\n", factories)).isTrue();
        assertThat(Relevance.callsDecorator("@property\ndef x(): ...\nx = expose(\"/a\")\n", factories)).isFalse();
    }

    @Test
    void findsCallsOfARouteHelperByNameNotLongerNamesHoldingIt() {
        java.util.Set<String> helpers = java.util.Set.of("do_init");
        assertThat(Relevance.calls("def init(app):\n    api_utils.do_init(app, 'task', [])\n", helpers)).isTrue();
        assertThat(Relevance.calls("do_init(app)\n", helpers)).isTrue();
        assertThat(Relevance.calls("redo_init(app)\nx = do_init\n", helpers)).isFalse();
    }

    @Test
    void aPlainModuleIsNotParsedUpFront() {
        assertThat(Relevance.mayMatter("lib/maths.py", "def add(a, b):\n    return a + b\n")).isFalse();
    }

    @Test
    void aFrameworkImportMakesAModuleMatter() {
        assertThat(Relevance.mayMatter("app/main.py", "from fastapi import FastAPI\n")).isTrue();
    }

    @Test
    void aRouteDecoratorOnAnImportedObjectMakesAModuleMatter() {
        assertThat(Relevance.mayMatter("app/views.py", "from .base import api\n\n\n@api.post(\"/x\")\ndef x(): ...\n"))
                .isTrue();
    }

    @Test
    void aDecoratorThatCallsNoRouteVerbDoesNot() {
        assertThat(Relevance.hasRouteDecorator("@functools.lru_cache(maxsize=None)\ndef f(): ...\n")).isFalse();
        assertThat(Relevance.hasRouteDecorator("x = a @ b.get(1)\n")).isFalse();
    }

    @Test
    void settingsModulesMatterByName() {
        assertThat(Relevance.mayMatter("proj/settings/base.py", "DEBUG = False\n")).isTrue();
    }

    @Test
    void aConstantInAModuleThatWasNotParsedUpFrontStillResolves() {
        assertThat(repo().file("app/main.py", """
                from fastapi import FastAPI
                from app.paths import PREFIX

                app = FastAPI()


                @app.get(PREFIX + "/health")
                def health(): ...
                """).file("app/paths.py", "PREFIX = \"/internal\"\n").endpoints())
                .containsExactly("GET /internal/health");
    }
}
