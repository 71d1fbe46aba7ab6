package dev.leviathan.engine.bootstrap.routes.python;

import java.util.ArrayList;
import java.util.List;

/**
 * Values of {@code django.conf.settings.NAME}: the module-level constants of the repository's
 * settings modules (those that set {@code ROOT_URLCONF}, are named {@code settings}, or sit in a
 * {@code settings/} package). A value counts only when every settings module that sets it agrees,
 * since which one is active is decided at run time.
 */
final class DjangoSettings {

    static final String QUALIFIED_PREFIX = "django.conf.settings.";

    private final List<PyModule> settingsModules = new ArrayList<>();

    DjangoSettings(List<PyModule> modules) {
        for (PyModule m : modules) {
            String parentFolder = ModuleIndex.parent(m.stem);
            boolean inSettingsPackage = parentFolder.equals("settings") || parentFolder.endsWith("/settings");
            if (m.scope.binds("ROOT_URLCONF") || m.simpleName().equals("settings") || inSettingsPackage) {
                settingsModules.add(m);
            }
        }
    }

    Resolver.StrVal value(String name, Resolver resolver) {
        String found = null;
        for (PyModule m : settingsModules) {
            for (Binding b : m.scope.bindings(name)) {
                if (!(b instanceof Binding.Assigned a) || a.value() == null) {
                    return Resolver.StrVal.UNRESOLVED;
                }
                Resolver.StrVal v = resolver.string(a.value(), a.scope());
                if (!v.resolved() || (found != null && !found.equals(v.text()))) {
                    return Resolver.StrVal.UNRESOLVED;
                }
                found = v.text();
            }
        }
        return found == null ? Resolver.StrVal.UNRESOLVED : new Resolver.StrVal(found, true);
    }
}
