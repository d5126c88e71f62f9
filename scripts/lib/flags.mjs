/**
 * `--name value` pairs from the command line, as { name: 'value' } (the benchmark scripts' options). A name
 * not in `known` stops the script with the list: a mistyped option must not run a benchmark with defaults.
 */
export function flags(known, argv = process.argv.slice(2)) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    if (!known.includes(name) || argv[i + 1] === undefined) {
      console.error(`unknown option or missing value: ${argv[i]} (options: --${known.join(' --')})`);
      process.exit(2);
    }
    out[name] = argv[i + 1];
  }
  return out;
}
