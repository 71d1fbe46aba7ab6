package dev.leviathan.engine.bootstrap.routes.javascript;

import dev.leviathan.engine.bootstrap.routes.javascript.Value.Unknown;

/**
 * What the analysis knows of a value's truthiness, type and equality, the way JavaScript
 * judges them. Only values it is sure of answer: anything that may be otherwise at run time
 * ({@code process.env.X}, a parameter nobody passed) is unknown, and code branching on it keeps
 * both ways.
 */
final class Truth {

    private Truth() {
    }

    /** True or false when {@code v} is certainly truthy or falsy; null when that depends on the run. */
    static Boolean of(Value v) {
        return switch (v) {
            case Value.Text t -> text(t);
            case Value.Scalar s -> scalar(s.text());
            case Unknown u -> u == Unknown.UNDEFINED ? Boolean.FALSE : null;
            default -> Boolean.TRUE; // functions, objects, arrays, apps, routers, modules, regular expressions
        };
    }

    private static Boolean text(Value.Text t) {
        if (t.complete()) {
            return Boolean.valueOf(!t.known().isEmpty());
        }
        // a string known to start with something is not empty, whatever follows
        return t.known().isEmpty() ? null : Boolean.TRUE;
    }

    private static Boolean scalar(String text) {
        switch (text) {
            case "true" -> {
                return Boolean.TRUE;
            }
            case "false", "null", "NaN" -> {
                return Boolean.FALSE;
            }
            default -> {
                Double number = number(text);
                return number == null ? null : Boolean.valueOf(number != 0.0);
            }
        }
    }

    private static Double number(String text) {
        if (text.isEmpty() || text.length() > 40) {
            return null;
        }
        try {
            String t = text.replace("_", "");
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return (double) Long.parseLong(t.substring(2), 16);
            }
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A value whose every bit the analysis knows and can compare: a whole string, a scalar, undefined. */
    static boolean isStatic(Value v) {
        return (v instanceof Value.Text t && t.complete()) || v instanceof Value.Scalar || v == Unknown.UNDEFINED;
    }

    /** {@code a === b} for two {@linkplain #isStatic static} values. */
    static boolean strictlyEqual(Value a, Value b) {
        if (a instanceof Value.Text x && b instanceof Value.Text y) {
            return x.known().equals(y.known());
        }
        if (a instanceof Value.Scalar x && b instanceof Value.Scalar y) {
            Double m = number(x.text());
            Double n = number(y.text());
            return m != null && n != null ? m.equals(n) && !x.text().equals("NaN") : x.text().equals(y.text());
        }
        return a == Unknown.UNDEFINED && b == Unknown.UNDEFINED;
    }

    /** {@code a == b} for two {@linkplain #isStatic static} values. */
    static boolean looselyEqual(Value a, Value b) {
        boolean aNullish = a == Unknown.UNDEFINED || (a instanceof Value.Scalar s && s.text().equals("null"));
        boolean bNullish = b == Unknown.UNDEFINED || (b instanceof Value.Scalar s && s.text().equals("null"));
        if (aNullish || bNullish) {
            return aNullish && bNullish;
        }
        if (strictlyEqual(a, b)) {
            return true;
        }
        String x = Value.staticText(a);
        String y = Value.staticText(b);
        Double m = x == null ? null : number(x.isBlank() ? "0" : x.trim());
        Double n = y == null ? null : number(y.isBlank() ? "0" : y.trim());
        return m != null && n != null && m.equals(n);
    }

    /** {@code typeof v}, or null when the analysis cannot tell. */
    static String typeOf(Value v) {
        return switch (v) {
            case Value.Text t -> "string";
            case Value.Scalar s -> switch (s.text()) {
                case "true", "false" -> "boolean";
                case "null" -> "object";
                default -> number(s.text()) != null || s.text().equals("NaN") ? "number" : null;
            };
            case Value.Pattern p -> "object";
            case Unknown u -> u == Unknown.UNDEFINED ? "undefined" : null;
            case Value.Fn fn -> "function";
            case Value.ClassVal c -> "function";
            case Value.Router r -> "function"; // an Express app or router is a function (req, res, next)
            case Value.ExpressModule x -> "function";
            case Value.ExpressMember m -> "function";
            case Value.Require r -> "function";
            case Value.ObjectBuiltin o -> "function";
            case Value.Obj o -> "object";
            case Value.Arr a -> "object";
            case Value.Namespace ns -> "object";
            case Value.ModuleObject mo -> "object";
            case Value.RouteHandle h -> "object";
            default -> null;
        };
    }

    /** The integer a static number stands for, or null. */
    static Long integer(Value v) {
        if (!(v instanceof Value.Scalar s)) {
            return null;
        }
        Double n = number(s.text());
        return n == null || n != Math.rint(n) || Math.abs(n) > 1e15 ? null : n.longValue();
    }
}
