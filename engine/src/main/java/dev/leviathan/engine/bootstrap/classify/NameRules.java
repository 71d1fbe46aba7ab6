package dev.leviathan.engine.bootstrap.classify;

import static dev.leviathan.engine.bootstrap.classify.Category.BINARY;
import static dev.leviathan.engine.bootstrap.classify.Category.BUILD;
import static dev.leviathan.engine.bootstrap.classify.Category.CI;
import static dev.leviathan.engine.bootstrap.classify.Category.CONFIG;
import static dev.leviathan.engine.bootstrap.classify.Category.CONTAINER;
import static dev.leviathan.engine.bootstrap.classify.Category.INFRA;
import static dev.leviathan.engine.bootstrap.classify.Category.LEGAL;
import static dev.leviathan.engine.bootstrap.classify.Category.LOCK;
import static dev.leviathan.engine.bootstrap.classify.Category.OTHER;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Everything a path alone says, most specific first: places ({@code .github/workflows/}), exact
 * names whose case matters ({@code Makefile}, {@code BUILD}, {@code Gemfile}), exact names whose
 * case does not ({@code package.json}, {@code CMakeLists.txt}), name
 * patterns ({@code Dockerfile.prod}, {@code api.Dockerfile}, {@code requirements-dev.txt},
 * {@code LICENSE-MIT}), and last the extension. Every step is a map lookup or a prefix or suffix
 * test on the name, so the whole is linear in the path's length.
 */
final class NameRules {

    private static final Map<String, FileKind> EXACT = new HashMap<>();
    private static final Map<String, FileKind> LOWER = new HashMap<>();

    private static final FileKind DOCKERFILE = FileKind.text("dockerfile", CONTAINER);
    private static final FileKind COMPOSE = FileKind.text("docker-compose", CONTAINER);
    private static final FileKind MAKEFILE = FileKind.text("makefile", BUILD);
    private static final FileKind JENKINSFILE = new FileKind("jenkinsfile", "groovy", CI, false);
    private static final FileKind REQUIREMENTS = FileKind.text("requirements", BUILD);
    private static final FileKind LOCKFILE = FileKind.text("lockfile", LOCK);
    private static final FileKind LICENSE = FileKind.text("license", LEGAL);
    private static final FileKind IGNORE = FileKind.text("ignore", CONFIG);
    private static final FileKind GITHUB_WORKFLOW = FileKind.text("github-workflow", CI);
    private static final FileKind GITLAB_CI = FileKind.text("gitlab-ci", CI);
    private static final FileKind AZURE_PIPELINES = FileKind.text("azure-pipelines", CI);
    private static final FileKind CLOUDBUILD = FileKind.text("cloudbuild", CI);
    private static final FileKind HUSKY_HOOK = new FileKind("shell", "shell", CONFIG, false);
    private static final FileKind WEB_TEXT = FileKind.text("web-text", CONFIG);
    private static final FileKind WORD_LIST = FileKind.text("text", Category.DATA);

    /** Parts of {@code .txt} names that make them word lists (spell checkers, NLP), not prose. */
    private static final String[] WORD_LIST_WORDS = {"wordlist", "word_list", "word-list", "stopwords", "dictionary",
        "vocab", "spelling", "allowlist", "denylist", "blocklist", "whitelist", "blacklist"};

    /** Extensions that mark a file as a template or example of the name before them. */
    private static final Set<String> TEMPLATE_SUFFIXES = Set.of("in", "dist", "example", "sample", "tmpl", "tpl",
            "template", "j2", "jinja", "jinja2");


    /** Root directories whose YAML files are pipelines of one CI system. */
    private static final String[][] CI_DIRECTORIES = {
        {".circleci", "circleci"},
        {".buildkite", "buildkite"},
        {".azure-pipelines", "azure-pipelines"},
        {".azuredevops", "azure-pipelines"},
        {".gitlab/ci", "gitlab-ci"},
        {".woodpecker", "woodpecker"},
        {".tekton", "tekton"},
        {".semaphore", "semaphore"},
    };

    /** Stems of license and notice texts; {@code MIT-LICENSE} and {@code LICENSE-APACHE} are matched around them. */
    private static final Set<String> LICENSE_STEMS = Set.of("license", "licence", "licenses", "licences", "copying",
            "copyright", "notice", "notices", "unlicense", "patents", "third-party-notices", "third_party_notices",
            "thirdpartynotices", "third-party-licenses", "third_party_licenses", "thirdpartylicenses");

    private static final Set<String> JS_EXTENSIONS = Set.of("js", "mjs", "cjs", "ts", "mts", "cts");

    private NameRules() {
    }

    /** The kind the path names, or null when nothing about the path is known. */
    static FileKind match(PathParts p) {
        // A place outranks a name: .github/workflows/environment.yml is a workflow, not a conda file.
        FileKind kind = byPlace(p);
        if (kind == null) {
            kind = EXACT.get(p.name());
        }
        if (kind == null) {
            kind = LOWER.get(p.lowerName());
        }
        if (kind == null) {
            kind = byPattern(p);
        }
        if (kind == null) {
            kind = byExtension(p);
        }
        return kind;
    }

    private static FileKind byPlace(PathParts p) {
        String ext = p.ext();
        boolean yaml = ext.equals("yml") || ext.equals("yaml");
        if (yaml && p.directlyUnder(".github/workflows")) {
            return GITHUB_WORKFLOW;
        }
        if (yaml && (p.directlyUnder(".gitea/workflows") || p.directlyUnder(".forgejo/workflows"))) {
            return FileKind.text("gitea-workflow", CI);
        }
        if (yaml) {
            for (String[] directory : CI_DIRECTORIES) {
                if (p.below(directory[0])) {
                    return FileKind.text(directory[1], CI);
                }
            }
        }
        if (p.parent().equals(".husky") && ext.isEmpty() && !p.lowerName().startsWith(".")) {
            return HUSKY_HOOK;
        }
        if (p.parent().equals(".well-known") && !p.lowerName().startsWith(".")) {
            return WEB_TEXT;
        }
        if (p.parent().equals("vendor") && p.lowerName().equals("modules.txt")) {
            return FileKind.text("go-vendor-manifest", BUILD);
        }
        if (p.parent().equals(".mvn") && (ext.equals("config") || p.lowerName().equals("extensions.xml"))) {
            return FileKind.text(ext.equals("config") ? "config" : "xml", BUILD);
        }
        return null;
    }

    private static FileKind byPattern(PathParts p) {
        String lower = p.lowerName();
        String ext = p.ext();
        String stem = p.lowerStem();
        boolean yaml = ext.equals("yml") || ext.equals("yaml");

        if (ext.equals("dockerfile") || ext.equals("containerfile")
                || (prefixedName(lower, "dockerfile") || prefixedName(lower, "containerfile"))
                        && variantSuffix(ext, "")) {
            return DOCKERFILE;
        }
        if (yaml && (lower.contains("docker-compose") || stem.equals("compose"))) {
            return COMPOSE;
        }
        if ((p.name().startsWith("Makefile.") || p.name().startsWith("makefile.")
                || p.name().startsWith("GNUmakefile.")) && variantSuffix(ext, "")) {
            return MAKEFILE;
        }
        if (ext.equals("jenkinsfile") || prefixedName(lower, "jenkinsfile") && variantSuffix(ext, "groovy")) {
            return JENKINSFILE;
        }
        if ((ext.equals("txt") || ext.equals("in") || ext.equals("pip"))
                && (stem.contains("requirements") || stem.contains("constraints") || p.parent().equals("requirements"))) {
            return REQUIREMENTS;
        }
        if (yaml && (lower.endsWith(".gitlab-ci.yml") || lower.endsWith(".gitlab-ci.yaml"))) {
            return GITLAB_CI;
        }
        if (yaml && stem.equals("pulumi")) {
            return FileKind.text("pulumi", INFRA);
        }
        if (yaml && stem.startsWith("azure-pipelines")) {
            return AZURE_PIPELINES;
        }
        if ((yaml || ext.equals("json")) && stem.startsWith("cloudbuild")) {
            return CLOUDBUILD;
        }
        if (isLockName(lower, ext)) {
            return LOCKFILE;
        }
        if (isLicenseName(p)) {
            return LICENSE;
        }
        if (ext.equals("txt") && isWordList(stem)) {
            return WORD_LIST;
        }
        if (lower.startsWith(".") && ext.isEmpty() && lower.endsWith("ignore")) {
            return IGNORE;
        }
        if (JS_EXTENSIONS.contains(ext)) {
            FileKind script = ExtensionTable.simple(ext);
            if (stem.equals("gulpfile") || stem.equals("gruntfile")) {
                return script.withCategory(BUILD);
            }
            if (lower.contains(".config.") || lower.contains(".conf.")
                    || lower.startsWith(".") && stem.endsWith("rc")) {
                return script.withCategory(CONFIG);
            }
        }
        if (ext.equals("py") && (lower.equals("conf.py") || lower.endsWith(".conf.py") || lower.endsWith("_conf.py"))) {
            return new FileKind("python", "python", CONFIG, false);
        }
        if (lower.contains(".so.") && isVersionTail(lower, lower.indexOf(".so.") + 4)) {
            return FileKind.binaryOf("library", BINARY);
        }
        return null;
    }

    private static FileKind byExtension(PathParts p) {
        String ext = p.ext();
        if (ext.isEmpty()) {
            return null;
        }
        // gcc's convention, kept in real trees (ROOT macros, old C++ code): upper-case .C and .H are C++.
        String exact = p.name().substring(p.name().length() - ext.length());
        if (exact.equals("C")) {
            return FileKind.code("cpp", "cpp");
        }
        if (exact.equals("H")) {
            return FileKind.code("cpp-header", "cpp");
        }
        FileKind kind = ExtensionTable.compound(p.ext2());
        if (kind == null && TEMPLATE_SUFFIXES.contains(ext)) {
            kind = innerOfTemplate(p);
        }
        if (kind == null) {
            kind = ExtensionTable.simple(ext);
        }
        return kind;
    }

    /** {@code config.yml.example} is configuration, {@code Makefile.in} a Makefile: classify what is templated. */
    private static FileKind innerOfTemplate(PathParts p) {
        String inner = p.path().substring(0, p.path().length() - p.ext().length() - 1);
        if (inner.endsWith("/") || inner.isEmpty()) {
            return null;
        }
        PathParts innerParts = PathParts.of(inner);
        FileKind secret = SecretNames.match(innerParts);
        if (secret != null) {
            // A template of a secret holds placeholders, not secrets.
            return secret.withCategory(CONFIG);
        }
        return match(innerParts);
    }

    /**
     * True when {@code ext}, after a {@code Dockerfile.}, {@code Makefile.} or {@code Jenkinsfile.}
     * prefix, names a variant ({@code .prod}, {@code .alpine}, {@code .node}, {@code .j2}) rather
     * than another format: {@code Dockerfile.md} is a document, {@code dockerfile_parser.go} and
     * {@code Dockerfile.java} code, {@code Dockerfile.dockerignore} an ignore file.
     */
    private static boolean variantSuffix(String ext, String allowed) {
        if (ext.isEmpty() || ext.equals(allowed) || TEMPLATE_SUFFIXES.contains(ext)) {
            return true;
        }
        FileKind kind = ExtensionTable.simple(ext);
        if (kind == null) {
            return true;
        }
        Category category = kind.category();
        return category != Category.CODE && category != Category.DOC && category != CONFIG
                && category != Category.DATA;
    }

    /** {@code dockerfile}, {@code dockerfile.prod}, {@code dockerfile-dev}, {@code dockerfile_ci}. */
    private static boolean prefixedName(String lower, String prefix) {
        if (!lower.startsWith(prefix)) {
            return false;
        }
        if (lower.length() == prefix.length()) {
            return true;
        }
        char next = lower.charAt(prefix.length());
        return next == '.' || next == '-' || next == '_';
    }

    /** {@code package-lock.json}, {@code pnpm-lock.yaml}, {@code packages.lock.json}, {@code .terraform.lock.hcl}. */
    private static boolean isLockName(String lower, String ext) {
        boolean structured = ext.equals("json") || ext.equals("yaml") || ext.equals("yml") || ext.equals("hcl")
                || ext.equals("toml");
        if (!structured) {
            return false;
        }
        String withoutExt = lower.substring(0, lower.length() - ext.length() - 1);
        return withoutExt.endsWith(".lock") || withoutExt.endsWith("-lock");
    }

    /**
     * {@code LICENSE}, {@code LICENSE.md}, {@code COPYING.LESSER}, {@code LICENSE-MIT},
     * {@code MIT-LICENSE}, {@code NOTICE.txt}, {@code LICENSES/Apache-2.0.txt}; never code or data
     * about licenses ({@code license.go}, {@code licenses.json}).
     */
    private static boolean isLicenseName(PathParts p) {
        String ext = p.ext();
        FileKind byExt = ext.isEmpty() ? null : ExtensionTable.simple(ext);
        boolean textual = byExt == null || byExt.fileType().equals("text") || byExt.category() == Category.DOC;
        if (!textual) {
            return false;
        }
        String stem = p.lowerStem();
        if (LICENSE_STEMS.contains(stem)) {
            return true;
        }
        for (String word : new String[] {"license", "licence", "copying"}) {
            if (stem.startsWith(word + "-") || stem.startsWith(word + "_") || stem.endsWith("-" + word)
                    || stem.endsWith("_" + word)) {
                return true;
            }
        }
        return p.dirs().licenses() && p.parent().equals("licenses");
    }

    private static boolean isWordList(String stem) {
        for (String word : WORD_LIST_WORDS) {
            if (stem.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code lower} from {@code from} on is a version such as {@code 1} or {@code 6.0.2}. */
    private static boolean isVersionTail(String lower, int from) {
        if (from >= lower.length()) {
            return false;
        }
        for (int i = from; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static void exact(FileKind kind, String... names) {
        for (String name : names) {
            if (EXACT.put(name, kind) != null) {
                throw new IllegalStateException(name + " is listed twice");
            }
        }
    }

    private static void lower(FileKind kind, String... names) {
        for (String name : names) {
            if (LOWER.put(name, kind) != null) {
                throw new IllegalStateException(name + " is listed twice");
            }
        }
    }

    private static FileKind of(String type, String language, Category category) {
        return new FileKind(type, language, category, false);
    }

    static {
        // Names whose case the tools that read them insist on.
        exact(MAKEFILE, "Makefile", "makefile", "GNUmakefile");
        exact(of("bazel", "starlark", BUILD), "BUILD", "WORKSPACE", "WORKSPACE.bzlmod");
        exact(of("buck", "starlark", BUILD), "BUCK");
        exact(of("gemfile", "ruby", BUILD), "Gemfile", "gems.rb");
        exact(of("rakefile", "ruby", BUILD), "Rakefile", "rakefile", "Rakefile.rb", "rakefile.rb");
        exact(of("vagrantfile", "ruby", INFRA), "Vagrantfile");
        exact(of("puppetfile", "ruby", INFRA), "Puppetfile");
        exact(of("podfile", "ruby", BUILD), "Podfile");
        exact(of("brewfile", "ruby", BUILD), "Brewfile");
        exact(of("ruby", "ruby", BUILD), "Berksfile", "Capfile", "Thorfile");
        exact(of("ruby", "ruby", CONFIG), "Guardfile");
        exact(of("fastlane", "ruby", CI), "Fastfile", "Appfile", "Matchfile", "Pluginfile", "Deliverfile",
                "Snapfile", "Gymfile", "Scanfile", "Dangerfile");
        exact(of("cartfile", null, BUILD), "Cartfile", "Cartfile.private");
        exact(of("procfile", null, CONFIG), "Procfile");
        exact(of("aptfile", null, BUILD), "Aptfile");
        exact(of("pipfile", null, BUILD), "Pipfile");
        exact(of("snakemake", "python", BUILD), "Snakefile");
        exact(of("coffeescript", "coffeescript", BUILD), "Cakefile");
        exact(of("javascript", "javascript", BUILD), "Jakefile");
        exact(of("scons", "python", BUILD), "SConstruct", "SConscript");
        exact(of("waf", "python", BUILD), "wscript");
        exact(of("tiltfile", "starlark", INFRA), "Tiltfile");
        exact(of("earthfile", null, BUILD), "Earthfile");
        exact(of("justfile", null, BUILD), "Justfile", "justfile", ".justfile");
        exact(of("r-package", null, BUILD), "DESCRIPTION", "NAMESPACE");
        exact(of("caddyfile", null, CONFIG), "Caddyfile");
        exact(of("doxygen", null, CONFIG), "Doxyfile");
        exact(LOCKFILE, "Manifest.toml", "JuliaManifest.toml");
        exact(of("shell", "shell", BUILD), "configure");

        // Names, any case.
        lower(of("cmake", null, BUILD), "cmakelists.txt");
        lower(of("meson", null, BUILD), "meson.build", "meson_options.txt", "meson.options");
        lower(of("autoconf", null, BUILD), "configure.ac", "configure.in");
        lower(of("automake", null, BUILD), "makefile.am");
        lower(of("maven-pom", null, BUILD), "pom.xml");
        lower(of("ant", null, BUILD), "build.xml");
        lower(of("ivy", null, BUILD), "ivy.xml");
        lower(of("properties", null, BUILD), "gradle.properties", "gradle-wrapper.properties",
                "maven-wrapper.properties");
        lower(of("toml", null, BUILD), "libs.versions.toml");
        lower(of("shell", "shell", BUILD), "gradlew", "mvnw");
        lower(of("batch", "batch", BUILD), "gradlew.bat", "mvnw.cmd");
        lower(of("npm-package", null, BUILD), "package.json");
        lower(of("json", null, BUILD), "lerna.json", "bower.json", "vcpkg.json", "global.json", "cmakepresets.json",
                "cmakeuserpresets.json");
        lower(of("yaml", null, BUILD), "pnpm-workspace.yaml");
        lower(of("javascript", "javascript", BUILD), ".pnpmfile.cjs");
        lower(LOCKFILE, "npm-shrinkwrap.json", "go.sum", "go.work.sum", "gradle.lockfile", "stack.yaml.lock",
                "cabal.project.freeze", "conda-lock.yml", "conda-lock.yaml");
        lower(FileKind.binaryOf("lockfile", LOCK), "bun.lockb");
        lower(of("composer", null, BUILD), "composer.json");
        lower(of("pyproject", null, BUILD), "pyproject.toml");
        lower(of("python", "python", BUILD), "setup.py", "conanfile.py");
        lower(of("ini", null, BUILD), "setup.cfg");
        lower(of("manifest-in", null, BUILD), "manifest.in");
        lower(of("conda-environment", null, BUILD), "environment.yml", "environment.yaml");
        lower(of("toml", null, BUILD), "pixi.toml", "hatch.toml", "gopkg.toml");
        lower(of("conan", null, BUILD), "conanfile.txt");
        lower(of("go-mod", null, BUILD), "go.mod");
        lower(of("go-work", null, BUILD), "go.work");
        lower(of("yaml", null, BUILD), "glide.yaml", "pubspec.yaml", "stack.yaml");
        lower(of("cargo-manifest", null, BUILD), "cargo.toml");
        lower(of("rust", "rust", BUILD), "build.rs");
        lower(of("zig", "zig", BUILD), "build.zig");
        lower(of("zon", null, BUILD), "build.zig.zon");
        lower(of("swift", "swift", BUILD), "package.swift");
        lower(of("elixir", "elixir", BUILD), "mix.exs");
        lower(of("erlang", "erlang", BUILD), "rebar.config");
        lower(of("cabal", null, BUILD), "cabal.project");
        lower(of("dune", null, BUILD), "dune", "dune-project");
        lower(of("nix", "nix", BUILD), "flake.nix", "default.nix", "shell.nix");
        lower(of("xml", null, BUILD), "packages.config", "directory.packages.props");
        lower(of("paket", null, BUILD), "paket.dependencies");
        lower(of("bazelrc", null, BUILD), ".bazelrc");
        lower(of("text", null, BUILD), ".bazelversion");
        lower(of("bazel", "starlark", BUILD), "module.bazel", "build.bazel", "workspace.bazel");
        lower(of("taskfile", null, BUILD), "taskfile.yml", "taskfile.yaml", "taskfile.dist.yml",
                "taskfile.dist.yaml");
        lower(of("xml", null, CONFIG), "nuget.config");

        lower(of("travis", null, CI), ".travis.yml", ".travis.yaml");
        lower(GITLAB_CI, ".gitlab-ci.yml", ".gitlab-ci.yaml");
        lower(of("drone", null, CI), ".drone.yml", ".drone.yaml");
        lower(of("drone", "starlark", CI), ".drone.star");
        lower(of("appveyor", null, CI), "appveyor.yml", ".appveyor.yml", "appveyor.yaml", ".appveyor.yaml");
        lower(of("bitbucket-pipelines", null, CI), "bitbucket-pipelines.yml", "bitbucket-pipelines.yaml");
        lower(of("codebuild", null, CI), "buildspec.yml", "buildspec.yaml");
        lower(of("codemagic", null, CI), "codemagic.yaml", "codemagic.yml");
        lower(of("bitrise", null, CI), "bitrise.yml", "bitrise.yaml");
        lower(of("cirrus", null, CI), ".cirrus.yml", ".cirrus.yaml", ".cirrus.star");
        lower(of("wercker", null, CI), "wercker.yml");
        lower(of("woodpecker", null, CI), ".woodpecker.yml", ".woodpecker.yaml");
        lower(of("goreleaser", null, CI), ".goreleaser.yml", ".goreleaser.yaml", "goreleaser.yml",
                "goreleaser.yaml");
        lower(of("github-action", null, CI), "action.yml", "action.yaml");

        lower(of("devcontainer", null, CONTAINER), "devcontainer.json", ".devcontainer.json");
        lower(of("docker-bake", null, CONTAINER), "docker-bake.hcl", "docker-bake.json");

        lower(of("helm-chart", null, INFRA), "chart.yaml");
        lower(of("helmfile", null, INFRA), "helmfile.yaml", "helmfile.yml");
        lower(of("kustomization", null, INFRA), "kustomization.yaml", "kustomization.yml", "kustomization");
        lower(of("skaffold", null, INFRA), "skaffold.yaml", "skaffold.yml");
        lower(of("serverless", null, INFRA), "serverless.yml", "serverless.yaml");
        lower(LOCKFILE, ".terraform.lock.hcl");
        lower(of("hcl", null, INFRA), "terragrunt.hcl");

        lower(of("gitignore", null, CONFIG), ".gitignore");
        lower(of("gitattributes", null, CONFIG), ".gitattributes");
        lower(of("gitmodules", null, CONFIG), ".gitmodules");
        lower(of("editorconfig", null, CONFIG), ".editorconfig");
        lower(of("dockerignore", null, CONFIG), ".dockerignore");
        lower(of("codeowners", null, CONFIG), "codeowners");
        lower(of("owners", null, CONFIG), "owners", "owners_aliases");
        lower(of("mailmap", null, CONFIG), ".mailmap");
        lower(of("dependabot", null, CONFIG), "dependabot.yml", "dependabot.yaml");
        lower(of("renovate", null, CONFIG), "renovate.json", "renovate.json5", ".renovaterc", ".renovaterc.json");
        lower(of("pre-commit", null, CONFIG), ".pre-commit-config.yaml", ".pre-commit-config.yml",
                ".pre-commit-hooks.yaml");
        lower(of("htaccess", null, CONFIG), ".htaccess");
        lower(of("cname", null, CONFIG), "cname");
        lower(of("marker", null, CONFIG), "py.typed", ".nojekyll");
        lower(of("placeholder", null, OTHER), ".gitkeep", ".keep", ".empty");
        lower(WEB_TEXT, "robots.txt", "humans.txt", "ads.txt", "app-ads.txt");
        lower(of("text", null, CONFIG), "runtime.txt", "version", "version.txt", ".version");
        lower(of("shell", "shell", CONFIG), ".bashrc", ".bash_profile", ".bash_logout", ".bash_aliases", ".profile",
                ".zshrc", ".zshenv", ".zprofile", ".zlogin", ".zlogout", ".kshrc");
        lower(of("vimscript", "vimscript", CONFIG), ".vimrc", ".gvimrc", ".exrc");
        lower(of("json", null, CONFIG), ".babelrc", ".eslintrc", ".jshintrc", ".swcrc");
        lower(FileKind.binaryOf("binary", BINARY), ".ds_store", "thumbs.db");
    }
}
