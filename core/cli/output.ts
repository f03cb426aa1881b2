/** Where commands write: results to stdout, progress and errors to stderr (so stdout can be piped). */
export interface CommandOutput {
  result(line: string): void;
  info(line: string): void;
  error(line: string): void;
}

export const consoleOutput: CommandOutput = {
  result: (line) => process.stdout.write(line + '\n'),
  info: (line) => process.stderr.write(line + '\n'),
  error: (line) => process.stderr.write(line + '\n'),
};
