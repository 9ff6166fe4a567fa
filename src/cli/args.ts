/** Command-line flags of `npm run sim`; parsing never throws, every problem names the flag. */
export interface SimArgs {
  scenario: string;
  preset: string | null;
  durationMs: number | null;
  json: boolean;
  stdin: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run sim -- [options]

Runs the Kafka producer simulation headless and prints a summary (or JSON).

Options:
  --scenario '<query>'  the scenario as in the explorer's URL, without '?'
                        e.g. 'linger.ms=20&batch.size=65536&acks=all&keys=100'
  --preset <id>         start from a preset (default, high-throughput, high-durability, low-latency);
                        --scenario keys are applied on top
  --duration <ms>       simulated time to run (overrides duration.ms)
  --stdin               read records from standard input, one per line, like kafka-console-producer
                        (parse.key and key.separator come from the scenario); runs until every record completes
  --json                print one JSON document instead of the summary
  --help                this text

Exit status: 0 on success, 2 for an invalid scenario or invalid options.`;

export function parseArgs(argv: readonly string[]): { args: SimArgs; errors: string[] } {
  const args: SimArgs = {
    scenario: '',
    preset: null,
    durationMs: null,
    json: false,
    stdin: false,
    help: false,
  };
  const errors: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    const eq = raw.indexOf('=');
    const flag = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    const inline = raw.startsWith('--') && eq > 0 ? raw.slice(eq + 1) : null;
    const value = (): string | null => {
      if (inline !== null) return inline;
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        errors.push(`${flag} needs a value`);
        return null;
      }
      i++;
      return next;
    };
    switch (flag) {
      case '--scenario': {
        const v = value();
        if (v !== null) args.scenario = v.startsWith('?') ? v.slice(1) : v;
        break;
      }
      case '--preset': {
        const v = value();
        if (v !== null) args.preset = v;
        break;
      }
      case '--duration': {
        const v = value();
        if (v === null) break;
        const n = Number(v);
        if (!/^\d+(\.\d+)?$/.test(v.trim()) || !(n > 0) || n > 3_600_000) {
          errors.push(`--duration: invalid value '${v}': must be a number of ms in (0, 3600000]`);
        } else args.durationMs = n;
        break;
      }
      case '--json':
        args.json = true;
        break;
      case '--stdin':
        args.stdin = true;
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        errors.push(`unknown option '${raw}' (see --help)`);
    }
  }
  return { args, errors };
}
