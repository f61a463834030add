/**
 * The command line: {@code scripts/mm <subcommand>}, built with picocli.
 */
package io.bitmm.app.cli;
