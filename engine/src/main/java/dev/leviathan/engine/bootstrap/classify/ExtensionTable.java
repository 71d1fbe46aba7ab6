package dev.leviathan.engine.bootstrap.classify;

import static dev.leviathan.engine.bootstrap.classify.Category.ASSET;
import static dev.leviathan.engine.bootstrap.classify.Category.BINARY;
import static dev.leviathan.engine.bootstrap.classify.Category.BUILD;
import static dev.leviathan.engine.bootstrap.classify.Category.CODE;
import static dev.leviathan.engine.bootstrap.classify.Category.CONFIG;
import static dev.leviathan.engine.bootstrap.classify.Category.DATA;
import static dev.leviathan.engine.bootstrap.classify.Category.DOC;
import static dev.leviathan.engine.bootstrap.classify.Category.INFRA;
import static dev.leviathan.engine.bootstrap.classify.Category.LOCK;
import static dev.leviathan.engine.bootstrap.classify.Category.OTHER;
import static dev.leviathan.engine.bootstrap.classify.Category.SECRET;

import java.util.HashMap;
import java.util.Map;

/**
 * File name extensions, matched in lower case: {@code README.MD} is Markdown, {@code IMG.PNG} an
 * image. Compound extensions ({@code d.ts}, {@code gradle.kts}, {@code tar.gz}) are looked up
 * before the last one. An extension is marked binary only when its format is binary by
 * definition; formats that come in text and binary flavours ({@code .obj}, {@code .stl},
 * {@code .dat}, {@code .lib}) are left to the content.
 */
final class ExtensionTable {

    private static final Map<String, FileKind> SIMPLE = new HashMap<>();
    private static final Map<String, FileKind> COMPOUND = new HashMap<>();

    private ExtensionTable() {
    }

    /** The kind an extension names, or null. */
    static FileKind simple(String ext) {
        return SIMPLE.get(ext);
    }

    /** The kind a compound extension ({@code d.ts}) names, or null. */
    static FileKind compound(String ext2) {
        return COMPOUND.get(ext2);
    }

    private static void code(String type, String language, String... exts) {
        put(SIMPLE, new FileKind(type, language, CODE, false), exts);
    }

    private static void text(String type, Category category, String... exts) {
        put(SIMPLE, new FileKind(type, null, category, false), exts);
    }

    private static void binary(String type, Category category, String... exts) {
        put(SIMPLE, new FileKind(type, null, category, true), exts);
    }

    private static void put(Map<String, FileKind> map, FileKind kind, String... exts) {
        for (String ext : exts) {
            FileKind previous = map.put(ext, kind);
            if (previous != null) {
                throw new IllegalStateException("extension ." + ext + " is listed twice");
            }
        }
    }

    static {
        // JVM
        code("java", "java", "java");
        code("kotlin", "kotlin", "kt", "kts");
        code("scala", "scala", "scala", "sc");
        code("groovy", "groovy", "groovy", "gvy", "gy", "gsh");
        code("jsp", "jsp", "jsp", "jspx");
        code("clojure", "clojure", "clj", "cljs", "cljc");
        // Python
        code("python", "python", "py", "pyi", "pyw");
        code("cython", "cython", "pyx", "pxd", "pxi");
        // JavaScript and TypeScript
        code("javascript", "javascript", "js", "mjs", "cjs", "es6");
        code("jsx", "javascript", "jsx");
        code("typescript", "typescript", "ts", "mts", "cts");
        code("tsx", "typescript", "tsx");
        code("coffeescript", "coffeescript", "coffee");
        code("vue", "vue", "vue");
        code("svelte", "svelte", "svelte");
        code("astro", "astro", "astro");
        // Systems
        code("go", "go", "go");
        code("rust", "rust", "rs");
        code("c", "c", "c");
        code("c-header", "c", "h");
        code("cpp", "cpp", "cc", "cpp", "cxx", "c++", "cppm", "ixx");
        code("cpp-header", "cpp", "hpp", "hh", "hxx", "h++", "inl", "ipp", "tpp", "tcc");
        code("cuda", "cuda", "cu", "cuh");
        code("arduino", "cpp", "ino");
        code("objective-c", "objective-c", "m");
        code("objective-cpp", "objective-c", "mm");
        code("swift", "swift", "swift");
        code("zig", "zig", "zig");
        code("nim", "nim", "nim");
        code("d", "d", "di");
        code("assembly", "assembly", "asm", "s", "nasm");
        code("fortran", "fortran", "f", "for", "f77", "f90", "f95", "f03", "f08");
        code("ada", "ada", "adb", "ads");
        code("pascal", "pascal", "pas", "dpr", "lpr");
        code("cobol", "cobol", "cob", "cbl");
        code("vhdl", "vhdl", "vhd", "vhdl");
        code("systemverilog", "systemverilog", "sv", "svh");
        code("glsl", "glsl", "glsl", "vert", "frag", "geom", "tesc", "tese");
        code("hlsl", "hlsl", "hlsl");
        code("wgsl", "wgsl", "wgsl");
        code("webassembly-text", "webassembly", "wat", "wast");
        // .NET
        code("csharp", "csharp", "cs", "csx");
        code("fsharp", "fsharp", "fs", "fsi", "fsx");
        code("vbnet", "vbnet", "vb");
        code("razor", "razor", "cshtml", "razor");
        // Scripting
        code("ruby", "ruby", "rb", "rake", "ru", "jbuilder");
        code("php", "php", "php", "phtml", "php3", "php4", "php5", "php7", "php8", "phps");
        code("perl", "perl", "pl", "pm");
        code("raku", "raku", "raku", "rakumod", "p6");
        code("lua", "lua", "lua");
        code("r", "r", "r");
        code("julia", "julia", "jl");
        code("dart", "dart", "dart");
        code("elixir", "elixir", "ex", "exs");
        code("erlang", "erlang", "erl", "hrl");
        code("haskell", "haskell", "hs", "lhs");
        code("ocaml", "ocaml", "ml", "mli");
        code("elm", "elm", "elm");
        code("purescript", "purescript", "purs");
        code("rescript", "rescript", "res", "resi");
        code("reason", "reason", "re", "rei");
        code("crystal", "crystal", "cr");
        code("common-lisp", "common-lisp", "lisp", "lsp");
        code("scheme", "scheme", "scm", "ss");
        code("racket", "racket", "rkt");
        code("emacs-lisp", "emacs-lisp", "el");
        code("vimscript", "vimscript", "vim");
        code("tcl", "tcl", "tcl");
        code("awk", "awk", "awk");
        code("haxe", "haxe", "hx");
        code("gdscript", "gdscript", "gd");
        code("solidity", "solidity", "sol");
        code("applescript", "applescript", "applescript");
        code("tex", "tex", "tex", "ltx");
        code("nix", "nix", "nix");
        code("rego", "rego", "rego");
        code("starlark", "starlark", "star");
        // Shells
        code("shell", "shell", "sh", "bash", "zsh", "ksh", "csh", "tcsh", "command", "bats");
        code("fish", "fish", "fish");
        code("powershell", "powershell", "ps1", "psm1", "psd1");
        code("batch", "batch", "bat", "cmd");
        code("vbscript", "vbscript", "vbs");
        // Query and interface languages
        code("sql", "sql", "sql", "psql", "pgsql", "plsql", "ddl", "dml");
        code("graphql", "graphql", "graphql", "gql", "graphqls");
        code("protobuf", "protobuf", "proto");
        code("thrift", "thrift", "thrift");
        code("flatbuffers", "flatbuffers", "fbs");
        code("capnproto", "capnproto", "capnp");
        code("prisma", "prisma", "prisma");
        // Web
        code("html", "html", "html", "htm", "xhtml", "shtml");
        code("css", "css", "css", "pcss", "postcss");
        code("scss", "scss", "scss");
        code("sass", "sass", "sass");
        code("less", "less", "less");
        code("stylus", "stylus", "styl");
        // Templates
        code("erb", "erb", "erb");
        code("ejs", "ejs", "ejs");
        code("handlebars", "handlebars", "hbs", "handlebars");
        code("mustache", "mustache", "mustache");
        code("jinja", "jinja", "j2", "jinja", "jinja2");
        code("nunjucks", "nunjucks", "njk");
        code("twig", "twig", "twig");
        code("liquid", "liquid", "liquid");
        code("pug", "pug", "pug", "jade");
        code("haml", "haml", "haml");
        code("slim", "slim", "slim");
        code("eex", "eex", "eex", "heex", "leex");
        text("template", OTHER, "tmpl", "tpl", "template");
        // Notebooks: the kernel's language sits in metadata at the end, past the 8000 bytes read.
        put(SIMPLE, new FileKind("jupyter-notebook", null, CODE, false), "ipynb");

        // Documentation formats
        text("markdown", DOC, "md", "markdown", "mdown", "mkd", "mkdn", "mdwn", "mkdown", "ronn", "mdc", "livemd");
        text("mdx", DOC, "mdx");
        text("rmarkdown", DOC, "rmd");
        text("quarto", DOC, "qmd");
        text("rst", DOC, "rst");
        text("asciidoc", DOC, "adoc", "asciidoc");
        text("org", DOC, "org");
        text("pod", DOC, "pod");
        text("rdoc", DOC, "rdoc");
        text("textile", DOC, "textile");
        text("text", DOC, "txt", "text");

        // Configuration and data formats
        text("yaml", CONFIG, "yml", "yaml");
        text("json", CONFIG, "json", "jsonc", "json5", "avsc");
        text("toml", CONFIG, "toml");
        text("xml", CONFIG, "xml", "xsd", "xsl", "xslt", "dtd", "wsdl", "xaml", "entitlements");
        text("ini", CONFIG, "ini", "cfg", "desktop");
        text("conf", CONFIG, "conf", "cnf");
        text("config", CONFIG, "config");
        text("properties", CONFIG, "properties");
        text("plist", CONFIG, "plist");
        text("editorconfig", CONFIG, "editorconfig");
        text("xcconfig", CONFIG, "xcconfig");
        text("iml", CONFIG, "iml");
        text("edn", CONFIG, "edn");
        text("citation", CONFIG, "cff");
        text("manifest", CONFIG, "mf");
        text("cue", CONFIG, "cue");
        text("jsonnet", CONFIG, "jsonnet", "libsonnet");
        text("dhall", CONFIG, "dhall");
        text("dockerignore", CONFIG, "dockerignore");
        text("certificate", CONFIG, "crt", "cer", "csr");
        binary("certificate", CONFIG, "der");
        text("public-key", CONFIG, "pub");
        text("csv", DATA, "csv");
        text("tsv", DATA, "tsv", "tab", "psv");
        text("jsonl", DATA, "jsonl", "ndjson");
        text("geojson", DATA, "geojson", "topojson");
        text("gettext", DATA, "po", "pot");
        binary("gettext", DATA, "mo");
        text("xliff", DATA, "xlf", "xliff");
        text("resx", DATA, "resx");
        text("strings", DATA, "strings", "stringsdict");
        text("arb", DATA, "arb");
        text("bibtex", DATA, "bib");
        text("subtitles", DATA, "srt", "vtt");
        text("source-map", DATA, "map");
        text("snapshot", DATA, "snap");
        text("log", DATA, "log");
        text("patch", OTHER, "patch", "diff");

        // Build
        put(SIMPLE, new FileKind("gradle", "groovy", BUILD, false), "gradle");
        text("cmake", BUILD, "cmake");
        text("makefile", BUILD, "mk", "mak", "make", "makefile");
        put(SIMPLE, new FileKind("bazel", "starlark", BUILD, false), "bzl", "bazel");
        text("maven-pom", BUILD, "pom");
        text("msbuild", BUILD, "csproj", "fsproj", "vbproj", "vcxproj", "vcproj", "proj", "props", "targets",
                "shproj", "sqlproj");
        text("visual-studio-solution", BUILD, "sln", "slnx");
        text("nuspec", BUILD, "nuspec");
        text("xcode-project", BUILD, "pbxproj", "xcworkspacedata");
        text("cabal", BUILD, "cabal");
        text("opam", BUILD, "opam");
        put(SIMPLE, new FileKind("sbt", "scala", BUILD, false), "sbt");
        put(SIMPLE, new FileKind("gemspec", "ruby", BUILD, false), "gemspec");
        put(SIMPLE, new FileKind("podspec", "ruby", BUILD, false), "podspec");
        text("lockfile", LOCK, "lock", "lockfile", "resolved", "freeze");
        binary("lockfile", LOCK, "lockb");

        // Infrastructure
        text("terraform", INFRA, "tf", "tfvars");
        text("hcl", INFRA, "hcl", "nomad");
        text("bicep", INFRA, "bicep");
        text("puppet", INFRA, "pp");
        text("salt", INFRA, "sls");

        // Secrets: never looked into
        text("private-key", SECRET, "pem", "key", "ppk", "p8");
        binary("keystore", SECRET, "p12", "pfx", "jks", "keystore", "kdbx");
        text("terraform-state", SECRET, "tfstate");
        text("dotenv", SECRET, "env");
        text("encrypted", SECRET, "enc", "gpg", "age");

        // Assets
        binary("image", ASSET, "png", "jpg", "jpeg", "jfif", "gif", "bmp", "ico", "icns", "cur", "tif", "tiff", "webp",
                "avif", "heic", "heif", "psd", "xcf", "dds", "tga", "exr", "jp2", "jxl", "cr2", "nef", "svgz", "ai",
                "sketch", "fig", "xd");
        text("svg", ASSET, "svg");
        binary("font", ASSET, "ttf", "otf", "woff", "woff2", "eot", "ttc", "pfb");
        binary("audio", ASSET, "mp3", "wav", "ogg", "oga", "flac", "aac", "m4a", "wma", "opus", "mid", "midi", "aiff",
                "aif");
        binary("video", ASSET, "mp4", "m4v", "mov", "avi", "mkv", "webm", "wmv", "flv", "mpg", "mpeg", "3gp");
        binary("pdf", ASSET, "pdf");
        binary("office-document", ASSET, "doc", "docx", "xls", "xlsx", "xlsm", "ppt", "pptx", "odt", "ods", "odp",
                "epub", "pages", "numbers");
        text("rtf", ASSET, "rtf");
        binary("3d-model", ASSET, "blend", "fbx", "glb", "usdz");
        text("3d-model", ASSET, "gltf");
        text("diagram", ASSET, "mmd", "mermaid", "puml", "plantuml", "iuml", "dot", "gv", "drawio", "excalidraw");

        // Binary data
        binary("data-binary", DATA, "parquet", "avro", "orc", "feather", "arrow", "sqlite", "sqlite3", "db", "mdb",
                "accdb", "h5", "hdf5", "npy", "npz", "pkl", "pickle", "joblib", "mat", "rds", "rdata", "sav", "dta",
                "xlsb", "mmdb");
        binary("model-weights", DATA, "pt", "pth", "ckpt", "safetensors", "onnx", "tflite", "gguf", "mlmodel", "pb");

        // Other binaries
        binary("archive", BINARY, "zip", "tar", "gz", "tgz", "bz2", "tbz", "tbz2", "xz", "txz", "7z", "rar", "zst",
                "lz", "lzma", "lz4", "cab", "iso", "dmg", "jar", "war", "ear", "aar", "apk", "aab", "ipa", "xapk",
                "whl", "egg", "nupkg", "gem", "crate", "vsix", "xpi", "deb", "rpm", "msi", "unitypackage");
        binary("executable", BINARY, "exe", "elf");
        binary("library", BINARY, "dll", "so", "dylib", "a", "node");
        binary("object-file", BINARY, "o", "ko");
        binary("bytecode", BINARY, "class", "pyc", "pyo", "pyd", "wasm", "beam", "dex", "elc", "luac");
        binary("binary", BINARY, "bin", "swf", "scpt");

        put(COMPOUND, FileKind.code("typescript-declaration", "typescript"), "d.ts", "d.mts", "d.cts");
        put(COMPOUND, new FileKind("gradle", "kotlin", BUILD, false), "gradle.kts");
        put(COMPOUND, FileKind.binaryOf("archive", BINARY), "tar.gz", "tar.bz2", "tar.xz", "tar.zst", "tar.lz",
                "tar.lz4", "tar.z");
        put(COMPOUND, FileKind.text("terraform", INFRA), "tf.json");
        put(COMPOUND, FileKind.text("hcl", INFRA), "pkr.hcl");
        put(COMPOUND, FileKind.text("terraform-state", SECRET), "tfstate.backup");
        put(COMPOUND, FileKind.code("blade", "php"), "blade.php");
    }
}
