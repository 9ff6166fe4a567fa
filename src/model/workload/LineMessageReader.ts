/**
 * Turns lines of text into records the way kafka-console-producer's LineMessageReader does: one record per line,
 * with `parse.key=true` the text before the first `key.separator` is the key (default separator: a tab).
 * Differs on purpose in one way: where the console producer stops at a line without a separator
 * ("No key separator found on line number N: '…'"), this reader reports that line with Kafka's message, skips it,
 * and keeps the rest. Left out: parse.headers, null.marker.
 */
export interface ConsoleLineOptions {
  readonly parseKey: boolean;
  readonly keySeparator: string;
}

export interface ConsoleRecord {
  /** 1-based line number in the input. */
  readonly line: number;
  readonly key: string | null;
  readonly value: string;
}

export interface ConsoleLineProblem {
  readonly line: number;
  readonly message: string;
}

export function readConsoleLines(
  text: string,
  options: ConsoleLineOptions,
): { records: ConsoleRecord[]; problems: ConsoleLineProblem[] } {
  const records: ConsoleRecord[] = [];
  const problems: ConsoleLineProblem[] = [];
  const lines = text.split(/\r?\n/);
  // A final newline ends the last line; it does not start an empty one (BufferedReader.readLine semantics).
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, i) => {
    const lineNumber = i + 1;
    if (!options.parseKey) {
      records.push({ line: lineNumber, key: null, value: line });
      return;
    }
    const at = options.keySeparator === '' ? -1 : line.indexOf(options.keySeparator);
    if (at < 0) {
      problems.push({
        line: lineNumber,
        message: `No key separator found on line number ${lineNumber}: '${line}'`,
      });
      return;
    }
    records.push({
      line: lineNumber,
      key: line.slice(0, at),
      value: line.slice(at + options.keySeparator.length),
    });
  });
  return { records, problems };
}
