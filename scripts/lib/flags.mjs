/** `--name value` pairs from the command line, as { name: 'value' } (the benchmark scripts' options). */
export function flags(argv = process.argv.slice(2)) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
  return out;
}
