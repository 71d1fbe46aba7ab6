package dev.leviathan.engine.target;

/** Why a registration form field is refused, with what to do: shown inline by the console. */
public record RegistrationProblem(String field, String message) {

    public String render() {
        return field + ": " + message;
    }
}
