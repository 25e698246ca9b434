package io.spotifyinsight.fetcher.cli;

import picocli.CommandLine.Command;

/**
 * What every fetcher command has: {@code -h/--help}, {@code -V/--version} and the exit-code section
 * of its help. A command takes it in with {@code @Mixin StandardCommand standard;} (every {@link
 * FetcherCommand} has it) rather than repeating the four attributes in its {@code @Command}.
 */
@Command(
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        exitCodeListHeading = HelpText.EXIT_CODES_HEADING,
        exitCodeList = {HelpText.EXIT_0, HelpText.EXIT_1, HelpText.EXIT_2, HelpText.EXIT_3})
public final class StandardCommand {}
