package dev.leviathan.engine.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathFilterTest {

    @ParameterizedTest(name = "{0}: excluded {1}")
    @CsvSource({
        "node_modules/left-pad/index.js, true",
        "web/dist/app.js, true",
        "build/libs/app.jar, true",
        "target/classes/App.class, true",
        "src/app.py, false",
        "pkg/egg.egg-info/PKG-INFO, true",
        "static/app.min.js, true",
        // Go packages named like output directories hold sources
        "api/server/router/build/build.go, false",
        "cmd/dist/main.go, false",
        "build/version.go, false",
        "build/Dockerfile, true",
        "vendor/github.com/gorilla/mux/mux.go, true",
    })
    void excludesVendoredAndBuiltTreesButNotGoPackagesSoNamed(String path, boolean excluded) {
        assertThat(PathFilter.excludedByDefault(path)).isEqualTo(excluded);
    }
}
