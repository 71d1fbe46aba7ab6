package dev.leviathan.engine.bootstrap.classify;

import java.util.Objects;

/**
 * What one file of a repository is.
 *
 * @param fileType a stable lower-case id of the file's format or role, e.g. {@code java},
 *     {@code tsx}, {@code dockerfile}, {@code maven-pom}, {@code lockfile}, {@code github-workflow},
 *     {@code text}, {@code binary}, {@code unknown} (no rule matched and no content was given)
 * @param language the programming language the content is written in, or null. Every
 *     {@link Category#CODE} file has one except Jupyter notebooks and extension-less templates;
 *     build and CI files written in a general-purpose language have one too ({@code setup.py} is
 *     {@code python}, {@code build.gradle.kts} is {@code kotlin}, {@code Jenkinsfile} is
 *     {@code groovy}); declarative formats (YAML, Dockerfile, Makefile, HCL) have none
 * @param category the file's role
 * @param binary true when the blob is not readable text of its format: a NUL byte in the first
 *     8000 bytes (git's rule), a format that is binary by definition, or a Git LFS pointer
 *     standing for a binary object
 */
public record FileKind(String fileType, String language, Category category, boolean binary) {

    public FileKind {
        Objects.requireNonNull(fileType, "fileType");
        Objects.requireNonNull(category, "category");
    }

    static FileKind code(String fileType, String language) {
        return new FileKind(fileType, language, Category.CODE, false);
    }

    static FileKind text(String fileType, Category category) {
        return new FileKind(fileType, null, category, false);
    }

    static FileKind binaryOf(String fileType, Category category) {
        return new FileKind(fileType, null, category, true);
    }

    FileKind withCategory(Category newCategory) {
        return newCategory == category ? this : new FileKind(fileType, language, newCategory, binary);
    }

    FileKind asBinary() {
        return binary ? this : new FileKind(fileType, language, category, true);
    }
}
