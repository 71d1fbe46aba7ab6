package dev.leviathan.console.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * The console's light and dark theme: AtlantaFX's Primer Light as the user-agent stylesheet, made
 * dark by a {@code :dark} pseudo-class on every window's root (rules from {@link DarkThemeRules}).
 *
 * <p>Switching the user-agent stylesheet instead, as AtlantaFX suggests, makes JavaFX match every
 * node against the 1,000-rule sheet afresh, 70–120 ms on the FX thread for a screen; a pseudo-class
 * on the root only makes each node compute its looked-up colours again. Windows opened later
 * (dialogs, menus, tooltips) get the pseudo-class as they appear.
 */
public final class Theme {

    /** On the root of every window while the theme is dark. */
    public static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    private static CompletableFuture<String> derived;
    private static String stylesheet;
    private static boolean dark;

    private Theme() {
    }

    /**
     * Starts deriving the stylesheet on a thread of its own (40–90 ms before the JIT has warmed up),
     * so that {@link #install} finds it ready: called as the application class loads, while the
     * JavaFX toolkit starts.
     */
    public static synchronized CompletableFuture<String> prepare() {
        if (derived == null) {
            derived = CompletableFuture.supplyAsync(Theme::userAgentStylesheet,
                    work -> Thread.ofPlatform().name("leviathan-theme").daemon().start(work));
        }
        return derived;
    }

    /** Once, on the FX thread, before the first window shows: the stylesheet and the window watch. */
    public static void install() {
        if (stylesheet != null) {
            return;
        }
        try {
            stylesheet = prepare().join();
        } catch (java.util.concurrent.CompletionException e) {
            throw new IllegalStateException("cannot build the console's theme from AtlantaFX's Primer stylesheets: "
                    + e.getCause().getMessage() + " (an AtlantaFX version whose light and dark sheets differ in"
                    + " more than values needs DarkThemeRules looked at)", e.getCause());
        }
        Application.setUserAgentStylesheet(stylesheet);
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(Theme::mark);
            }
        });
        Window.getWindows().forEach(Theme::mark);
    }

    /** Switches every open window, and those opened from now on, to the dark or the light theme. */
    public static void apply(boolean dark) {
        install();
        Theme.dark = dark;
        Window.getWindows().forEach(Theme::mark);
    }

    /** The user-agent stylesheet {@link #install} set, as a URL. */
    public static String stylesheet() {
        install();
        return stylesheet;
    }

    private static void mark(Window window) {
        Scene scene = window.getScene();
        Parent root = scene == null ? null : scene.getRoot();
        if (root != null) {
            root.pseudoClassStateChanged(DARK, dark);
        }
    }

    /**
     * Primer Light, imported so that JavaFX loads its precompiled binary form, followed by the dark
     * rules, as a {@code data:} URL: derived when the console starts, from the AtlantaFX version on
     * the class path, so an upgrade cannot leave them stale.
     */
    static String userAgentStylesheet() {
        URL light = resource(new PrimerLight().getUserAgentStylesheet());
        URL darkSheet = resource(new PrimerDark().getUserAgentStylesheet());
        String css = "@import url(\"" + light.toExternalForm() + "\");\n"
                + DarkThemeRules.derive(read(light), read(darkSheet), DARK.getPseudoClassName());
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }

    private static URL resource(String path) {
        return Objects.requireNonNull(PrimerLight.class.getResource(path), () -> "AtlantaFX stylesheet " + path);
    }

    private static String read(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the theme stylesheet " + url, e);
        }
    }
}
