// Command-line syntax of Go's `flag` package, which nsq_to_http uses, so its command lines work
// unchanged: `-name` or `--name`; `-name=value` or `-name value`; a boolean is `-name` or
// `-name=false`; `--` ends the flags. Unlike Go, a stray positional argument is an error, not the
// silent end of parsing.

export interface FlagShape {
  name: string;
  boolean: boolean;
  repeatable: boolean;
}

export type FlagValues = Record<string, string | string[] | boolean | undefined>;

export class FlagSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlagSyntaxError';
  }
}

/** strconv.ParseBool's spellings. */
const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/**
 * Parses `argv` against `flags`; `aliases` maps extra names (e.g. `h`) to a flag's name. Errors name
 * the flag as it was typed.
 */
export function parseGoFlags(argv: readonly string[], flags: readonly FlagShape[], aliases: Readonly<Record<string, string>> = {}): FlagValues {
  const byName = new Map(flags.map((flag) => [flag.name, flag]));
  const values: FlagValues = {};
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--') {
      if (index + 1 < argv.length) throw new FlagSyntaxError(`unexpected argument "${argv[index + 1]}" after -- (this command takes flags only)`);
      break;
    }
    if (arg.length < 2 || !arg.startsWith('-')) throw new FlagSyntaxError(`unexpected argument "${arg}" (flags start with - or --; see --help)`);
    const dashes = arg.startsWith('--') ? 2 : 1;
    const body = arg.slice(dashes);
    if (body === '' || body.startsWith('-') || body.startsWith('=')) throw new FlagSyntaxError(`bad flag syntax: ${arg}`);
    const equals = body.indexOf('=');
    const typedName = equals < 0 ? body : body.slice(0, equals);
    const typed = `${'-'.repeat(dashes)}${typedName}`;
    const flag = byName.get(aliases[typedName] ?? typedName);
    if (!flag) throw new FlagSyntaxError(`unknown flag ${typed} (see --help)`);
    let value: string | boolean;
    if (flag.boolean) {
      if (equals < 0) value = true;
      else {
        const text = body.slice(equals + 1);
        if (TRUE.has(text)) value = true;
        else if (FALSE.has(text)) value = false;
        else throw new FlagSyntaxError(`${typed}: "${text}" is not a boolean (true or false)`);
      }
    } else if (equals >= 0) {
      value = body.slice(equals + 1);
    } else {
      if (index + 1 >= argv.length) throw new FlagSyntaxError(`${typed}: a value is required`);
      index += 1;
      value = argv[index]!;
    }
    if (flag.repeatable) {
      const list = values[flag.name];
      values[flag.name] = [...(Array.isArray(list) ? list : []), String(value)];
    } else {
      values[flag.name] = value; // as in Go, the last occurrence wins
    }
  }
  return values;
}
