/**
 * The command line: {@code build}, {@code check}, {@code new} and {@code serve}, their arguments
 * and exit codes. The top of the program: may depend on every other package, and none depends on
 * it.
 */
package org.briefing.cli;
