package dev.leviathan.engine.bootstrap.routes.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The declaration skeleton, on shapes that once confused it (checked against javac and kotlinc parses). */
class SourceParserTest {

    private static List<String> methods(TypeDecl type) {
        return type.methods().stream().map(m -> m.name() + "/" + m.arity() + " @" + m.annotations().size()).toList();
    }

    @Test
    void readsPackageImportsAndKotlinAliases() {
        ParsedFile file = SourceParser.parse("A.kt", """
                @file:JvmName("Api")
                package com.acme.web

                import org.springframework.web.bind.annotation.*
                import com.acme.Paths.USERS as U
                import com.acme.Other
                """);

        assertThat(file.packageName()).isEqualTo("com.acme.web");
        assertThat(file.imports()).containsExactly(
                new ImportDecl("org.springframework.web.bind.annotation", false, true, null),
                new ImportDecl("com.acme.Paths.USERS", false, false, "U"),
                new ImportDecl("com.acme.Other", false, false, null));
    }

    @Test
    void readsJavaStaticImportsAndNestedTypes() {
        ParsedFile file = SourceParser.parse("A.java", """
                package a;
                import static a.Paths.*;
                import static a.Paths.USERS;
                public sealed interface Shape permits Circle {
                    record Circle(double r) implements Shape {
                        static final String NAME = "circle";
                        double area() { return Math.PI * r * r; }
                    }
                    non-sealed class Open implements Shape { }
                }
                """);

        assertThat(file.imports()).extracting(ImportDecl::name, ImportDecl::isStatic, ImportDecl::wildcard)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a.Paths", true, true),
                        org.assertj.core.groups.Tuple.tuple("a.Paths.USERS", true, false));
        TypeDecl shape = file.types().get(0);
        assertThat(shape.nested()).extracting(TypeDecl::name, TypeDecl::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Circle", TypeDecl.Kind.RECORD),
                        org.assertj.core.groups.Tuple.tuple("Open", TypeDecl.Kind.CLASS));
        assertThat(shape.nested().get(0).fields()).extracting(FieldDecl::name).containsExactly("NAME");
        assertThat(shape.nested().get(0).supertypes()).containsExactly("Shape");
    }

    @Test
    void genericFieldInitializersKeepTheirCommas() {
        TypeDecl type = SourceParser.parse("A.java", """
                class A {
                    Map<String, Integer> counts = new HashMap<String, Integer>(), more = Map.of("a", 1);
                    static final String X = "x", Y = X + "y";
                }
                """).types().get(0);

        assertThat(type.fields()).extracting(FieldDecl::name).containsExactly("counts", "more", "X", "Y");
        assertThat(type.fields().get(3).initializer()).extracting(Token::text).containsExactly("X", "+", "y");
    }

    @Test
    void kotlinGetterBodiesAreNotMemberAnnotations() {
        TypeDecl type = SourceParser.parse("A.kt", """
                class Outer {
                    inner class Keys : AbstractMutableSet<String>() {
                        override val size: Int get() = this@Outer.size
                        override fun add(element: String): Boolean = noImpl()
                        var name: String = ""
                            private set
                        @GetMapping("/x") fun x() = map[key]!!
                        fun y() = 1
                    }
                }
                """).types().get(0).nested().get(0);

        assertThat(methods(type)).containsExactly("add/1 @0", "x/0 @1", "y/0 @0");
        assertThat(type.fields()).extracting(FieldDecl::name).containsExactly("size", "name");
        assertThat(type.fields().get(0).initializer()).isEmpty();
    }

    @Test
    void kotlinHeadersWithModifiedConstructorsAndFunctionSupertypesKeepTheirBodies() {
        List<TypeDecl> types = SourceParser.parse("A.kt", """
                internal actual class Safe<in T> internal actual constructor(private val delegate: Continuation<T>) : Base() {
                    fun a() = 1
                }
                interface Prop<out V> : KProperty<V>, () -> V {
                    fun get(): V
                }
                class Plain
                """).types();

        assertThat(types).extracting(TypeDecl::name).containsExactly("Safe", "Prop", "Plain");
        assertThat(methods(types.get(0))).containsExactly("a/0 @0");
        assertThat(methods(types.get(1))).containsExactly("get/0 @0");
        assertThat(types.get(1).supertypes()).containsExactly("KProperty");
    }

    @Test
    void kotlinExtensionPropertiesAreNamedAfterTheProperty() {
        ParsedFile file = SourceParser.parse("A.kt", """
                val <T> Array<out T>.lastIndex: Int get() = size - 1
                val String?.orBlank: String get() = this ?: ""
                const val BASE = "/api"
                """);

        assertThat(file.topLevelFields()).extracting(FieldDecl::name).containsExactly("lastIndex", "orBlank", "BASE");
    }

    @Test
    void kotlinLinesEndingInTypesOrNotNullAssertionsEndTheExpression() {
        TypeDecl type = SourceParser.parse("A.kt", """
                class A {
                    val a = b as List<String>
                    val c = d as String?
                    val e = f!!
                    @GetMapping("/g") fun g() = 1
                }
                """).types().get(0);

        assertThat(methods(type)).containsExactly("g/0 @1");
        assertThat(type.fields()).extracting(FieldDecl::name).containsExactly("a", "c", "e");
    }

    @Test
    void annotatedMethodBodiesNameTheTypesTheyConstruct() {
        TypeDecl type = SourceParser.parse("A.java", """
                class A {
                    @Path("x") public Object x() {
                        XResource made = new XResource(a);
                        return a ? made : new YResource<>();
                    }
                    public Object unannotated() { return new Ignored(); }
                }
                """).types().get(0);
        TypeDecl kotlin = SourceParser.parse("A.kt", """
                class A {
                    @Path("k") fun k(): Any = if (a) KResource(id) else other.Make(id)
                }
                """).types().get(0);

        assertThat(type.methods().get(0).constructedTypes()).containsExactly("XResource", "YResource");
        assertThat(type.methods().get(1).constructedTypes()).isEmpty();
        assertThat(kotlin.methods().get(0).constructedTypes()).containsExactly("KResource");
    }
}
