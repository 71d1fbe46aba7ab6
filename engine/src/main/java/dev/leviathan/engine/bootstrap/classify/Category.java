package dev.leviathan.engine.bootstrap.classify;

/**
 * The role a file plays in its repository. One per file; where a file could claim two (a
 * {@code setup.py} is Python code and a build definition) the more specific role wins, and the
 * language stays visible in {@link FileKind#language()}.
 */
public enum Category {
    /** Source in a programming, markup, style, query, template or interface language. */
    CODE,
    /** Documentation people read; exactly the files {@link DocDetector#isDoc} accepts. */
    DOC,
    /** Configuration of applications, tools and editors, ignore and attribute files. */
    CONFIG,
    /** Build definitions, dependency manifests and build wrappers ({@code pom.xml}, {@code gradlew}). */
    BUILD,
    /** Dependency lock files. */
    LOCK,
    /** Data, translations and test fixtures. */
    DATA,
    /** Continuous-integration pipelines (GitHub Actions, GitLab CI, Jenkins…). */
    CI,
    /** Container images and their composition (Dockerfile, compose, dev containers). */
    CONTAINER,
    /** Infrastructure as code (Terraform, Kubernetes manifests, Helm, CloudFormation…). */
    INFRA,
    /** Images, fonts, audio, video, PDFs and office documents, diagram sources. */
    ASSET,
    /** License, copying and notice texts. */
    LEGAL,
    /** Files that may hold credentials (.env, private keys, key stores); never looked into. */
    SECRET,
    /** Binary files of no other category: archives, executables, libraries, unknown binaries. */
    BINARY,
    /** Anything else, such as text in a format nobody here recognises. */
    OTHER
}
