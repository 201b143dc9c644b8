/**
 * outturn-cli: the `outturn` command for programs. `main(argv, io)` runs the command with the
 * arguments and the input/output you give it and resolves to the exit code, never throwing.
 * The importers are in `outturn-cli/import`, the renderers in `outturn-cli/render`.
 *
 * @module outturn-cli
 */
export { type CliIO, EXIT } from './io.js';
export { main } from './main.js';
