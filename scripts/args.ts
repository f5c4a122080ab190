// The model scripts' command lines (train, train:html, eval, bench): node's parseArgs with -h /
// --help, and a bad option answered with its message and the usage (exit 2, the CLI's usage
// error) instead of a stack trace.
import { parseArgs, type ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Prints `message` and the usage on stderr and exits 2. */
export function usageError(message: string, usage: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

/** The options' values; -h or --help prints `usage` and exits 0, a bad option is a usageError. */
export function scriptArgs<const O extends Options>(options: O, usage: string) {
  const argv = process.argv.slice(2);
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    return usageError((err as Error).message, usage);
  }
}

/** A whole-number option's value (undefined when not given); anything but a positive integer is a usageError. */
export function positiveInt(name: string, value: string | undefined, usage: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value)) usageError(`--${name} wants a positive whole number, not ${JSON.stringify(value)}`, usage);
  return Number(value);
}
