/** The plugin's version, as package.json says (version.test.ts keeps the two equal); shown by the version label. */
export const PLUGIN_VERSION = '0.1.0';
