package dev.leviathan.engine.cli;

import dev.leviathan.engine.artifact.ArtifactNotFoundException;
import dev.leviathan.engine.event.EventConflictException;
import dev.leviathan.engine.event.EventStoreException;
import dev.leviathan.engine.event.InvalidEventException;
import dev.leviathan.engine.target.Problem;
import dev.leviathan.engine.target.TargetFileException;
import dev.leviathan.engine.target.TargetRegistrationException;
import dev.leviathan.engine.target.TargetRepositoryException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code leviathanctl}: the engine from a terminal or a script. */
@Command(name = "leviathanctl", mixinStandardHelpOptions = true, versionProvider = Leviathanctl.Version.class,
        description = "Operate repositories under governance: targets, events, graph, attempts, artifacts.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done; for checks, nothing wrong found",
                "1:problems found (invalid file, broken chain, corrupt artifacts)",
                "2:bad usage",
                "3:not found (target, attempt, node, file)",
                "4:conflict with what is recorded",
                "5:store, repository or file unavailable",
                "70:internal error (rerun with --debug and report it)"})
public final class Leviathanctl implements Runnable {

    /**
     * The commands, in the order help lists them. Not in the annotation: picocli then models every
     * command of the tree on each start (reflection over some sixty classes, ~0.15 s of a short
     * command's cold start), while one invocation needs only the command it names.
     */
    static final List<Class<?>> COMMANDS = List.of(TargetsCommand.class, BootstrapCommand.class,
            BacklogCommand.class, GovernCommands.Approve.class, GovernCommands.Revoke.class,
            GovernCommands.Autonomy.class, GovernCommands.Circuit.class, GovernCommands.Schedule.class,
            GovernCommands.Dispatch.class, PrsCommand.class, EventsCommand.class, GraphCommand.class,
            AttemptsCommand.class, ArtifactsCommand.class, AegisCommand.class, BenchCommand.class,
            GovernCommands.WorkerRun.class);

    /** Global options that take a value: what follows them is not a command name. */
    private static final java.util.Set<String> OPTIONS_WITH_VALUES = java.util.Set.of("--home", "--store");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    GlobalOptions global;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs one invocation; tests call this with their own environment and streams. */
    public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        Output output = new Output(out, err);
        try (Cli cli = new Cli(env, output, Clock.systemUTC())) {
            CommandLine commandLine = new CommandLine(new Leviathanctl(), new Factory(cli));
            addCommands(commandLine, args);
            commandLine.setOut(out);
            commandLine.setErr(err);
            commandLine.setCaseInsensitiveEnumValuesAllowed(true);
            commandLine.setParameterExceptionHandler((e, arguments) -> {
                output.error("leviathanctl: " + e.getMessage() + " (see: leviathanctl "
                        + e.getCommandLine().getCommandSpec().qualifiedName(" ").replaceFirst("^leviathanctl ?", "")
                        + (e.getCommandLine().getCommandSpec().qualifiedName().equals("leviathanctl") ? "" : " ")
                        + "--help)");
                return ExitCode.USAGE;
            });
            commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> report(e, failed, output));
            return commandLine.execute(args);
        } catch (RuntimeException e) {
            output.error("leviathanctl: " + e.getMessage());
            return ExitCode.INTERNAL;
        }
    }

    /**
     * The command the arguments name, or every command when they name none that exists (help, a
     * typo, no command at all), so help and picocli's suggestions see them all; none for a bare
     * {@code --version}, which needs no command and would otherwise pay for modelling them all.
     */
    static void addCommands(CommandLine root, String[] args) {
        String named = commandName(args);
        if (named == null && asksOnlyForVersion(args)) {
            return;
        }
        for (Class<?> type : COMMANDS) {
            Command command = type.getAnnotation(Command.class);
            if (named != null && (command.name().equals(named) || List.of(command.aliases()).contains(named))) {
                root.addSubcommand(command.name(), type);
                return;
            }
        }
        for (Class<?> type : COMMANDS) {
            root.addSubcommand(type.getAnnotation(Command.class).name(), type);
        }
    }

    private static boolean asksOnlyForVersion(String[] args) {
        List<String> given = List.of(args);
        return (given.contains("--version") || given.contains("-V")) && !given.contains("--help")
                && !given.contains("-h");
    }

    /** The first argument that is not a global option or its value; null when there is none. */
    private static String commandName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (OPTIONS_WITH_VALUES.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return null;
    }

    private static int report(Exception e, CommandLine failed, Output output) {
        boolean debug = failed.getCommand() instanceof HasGlobalOptions command && command.global().debug;
        if (debug) {
            e.printStackTrace(new PrintWriter(failed.getErr(), true));
        }
        return switch (e) {
            case CliException cli -> {
                output.error("leviathanctl: " + cli.getMessage());
                yield cli.exitCode();
            }
            case dev.leviathan.engine.aegis.scenario.ScenarioException scenario -> {
                scenario.problems().stream().map(dev.leviathan.engine.aegis.scenario.ScenarioProblem::render)
                        .forEach(output::error);
                yield ExitCode.PROBLEMS;
            }
            case TargetFileException file -> {
                file.problems().stream().map(Problem::render).forEach(output::error);
                yield ExitCode.PROBLEMS;
            }
            case TargetRegistrationException registration -> {
                registration.problems().forEach(p -> output.error("leviathanctl: " + p.render()));
                yield registration.nameTaken() ? ExitCode.CONFLICT : ExitCode.PROBLEMS;
            }
            case EventConflictException conflict -> {
                output.error("leviathanctl: " + conflict.getMessage());
                yield ExitCode.CONFLICT;
            }
            case InvalidEventException invalid -> {
                output.error("leviathanctl: " + invalid.getMessage());
                yield ExitCode.PROBLEMS;
            }
            case ArtifactNotFoundException missing -> {
                output.error("leviathanctl: " + missing.getMessage());
                yield ExitCode.NOT_FOUND;
            }
            case dev.leviathan.engine.settings.SettingsFileException settings -> {
                output.error("leviathanctl: " + settings.getMessage() + " (correct the file, or save the console's"
                        + " Settings again)");
                yield ExitCode.PROBLEMS;
            }
            case EventStoreException store -> {
                output.error("leviathanctl: " + store.getMessage());
                yield ExitCode.UNAVAILABLE;
            }
            case dev.leviathan.engine.target.UnknownRefException unknownRef -> {
                output.error("leviathanctl: " + unknownRef.getMessage());
                yield ExitCode.NOT_FOUND;
            }
            case TargetRepositoryException repository -> {
                output.error("leviathanctl: " + repository.getMessage());
                yield ExitCode.UNAVAILABLE;
            }
            case UncheckedIOException io -> {
                output.error("leviathanctl: " + io.getMessage());
                yield ExitCode.UNAVAILABLE;
            }
            default -> {
                output.error("leviathanctl: internal error: " + e + (debug ? "" : " (rerun with --debug for details)"));
                yield ExitCode.INTERNAL;
            }
        };
    }

    /** Commands whose errors honour {@code --debug}. */
    interface HasGlobalOptions {
        GlobalOptions global();
    }

    /** Builds commands, handing each the shared {@link Cli} when its constructor asks for it. */
    record Factory(Cli cli) implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getDeclaredConstructor(Cli.class);
                constructor.setAccessible(true);
                return constructor.newInstance(cli);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Leviathanctl.class.getPackage().getImplementationVersion();
            return new String[] {"leviathanctl " + (version == null ? "development build" : version)};
        }
    }
}
