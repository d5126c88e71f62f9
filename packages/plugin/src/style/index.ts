/** `open({style})`: the schema, its normalisation and the CSS custom properties. Pure: no DOM, no Preact. */
export { cssVarName, lengthToPx, styleToCssVars } from './css.js';
export { defaultStyle, normalizeStyle, type StyleResult } from './normalize.js';
export { type NormalizedStyle, type SectionName, STYLE_SCHEMA, type StyleInput } from './schema.js';
export { type ColorCheck, colorSyntax } from './values.js';
