package io.ngxtime.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Instantiates ngxtime's command classes for picocli's generators, which build the command tree from a class
 * name: {@code picocli.AutoComplete} (the bash and zsh completion script) and picocli-codegen's
 * {@code ManPageGenerator} (the man pages), both given {@code --factory io.ngxtime.cli.CommandFactory} by the
 * Debian package's build ({@code packaging/deb/build-deb.sh}). The top-level {@link NgxtimeCommand} takes its
 * terminal and standard error in its constructor, which picocli's default factory cannot supply; every other
 * class goes to the default factory. The commands it makes describe options and are never run: they get no
 * terminal ({@link Terminal#none()}).
 */
public final class CommandFactory implements CommandLine.IFactory {
    private final CommandLine.IFactory defaults = CommandLine.defaultFactory();

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        if (cls == NgxtimeCommand.class) {
            return cls.cast(new NgxtimeCommand(Terminal.none(), new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
        }
        return defaults.create(cls);
    }
}
