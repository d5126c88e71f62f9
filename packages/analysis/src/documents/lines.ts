/**
 * From OCR text to MRZ lines of the right length. OCR of a machine-readable zone mostly goes wrong
 * in the filler runs (`<<<<`): a chevron too many or too few shifts every later character, which
 * breaks the check digits. The fix is to adjust the longest filler run, where the line has slack.
 */

export type MrzShape = 'TD1' | 'TD2' | 'TD3';

/** Line count and length of each ICAO 9303 format. */
export const MRZ_SHAPES: Record<MrzShape, { lines: number; length: number }> = {
  TD1: { lines: 3, length: 30 },
  TD2: { lines: 2, length: 36 },
  TD3: { lines: 2, length: 44 },
};

/** Keeps MRZ characters only; OCR word gaps become nothing. */
export function cleanLine(raw: string): string {
  return raw.toUpperCase().replace(/[^A-Z0-9<]/g, '');
}

/** Grows or shrinks the longest `<` run (or the end of the line) until the line has `length`. */
export function fitLength(line: string, length: number): string {
  let s = line;
  while (s.length !== length) {
    const runs = [...s.matchAll(/<{2,}/g)];
    const longest = runs.reduce<RegExpMatchArray | null>(
      (a, b) => (!a || b[0].length >= a[0].length ? b : a),
      null,
    );
    if (s.length > length) {
      if (longest && longest.index !== undefined) {
        s = s.slice(0, longest.index) + s.slice(longest.index + 1);
      } else {
        s = s.slice(0, length);
      }
    } else if (longest && longest.index !== undefined) {
      s = `${s.slice(0, longest.index)}<${s.slice(longest.index)}`;
    } else {
      s = s.padEnd(length, '<');
    }
  }
  return s;
}

/**
 * The first line of a TD2/TD3 zone starts with the document code and the issuing state: a letter, a
 * letter or `<`, then three letters. When the page's edge was read as a stray character in front of it
 * ("IP<LUX…" for "P<LUX…"), every field of the line shifts; one leading character too many is dropped
 * when the line is over length and only the shorter reading has a state code where one belongs.
 */
export function dropStrayLead(line: string, length: number): string {
  const head = /^[A-Z][A-Z<][A-Z]{3}/;
  if (line.length <= length || head.test(line) || !head.test(line.slice(1))) return line;
  return line.slice(1);
}

/**
 * The MRZ lines in OCR output, fitted to their format, or null when the text has no MRZ shape.
 * Uses the last lines that look like MRZ lines (the zone is at the bottom); three lines of about
 * 30 characters are TD1, two lines are TD2 or TD3 by their length.
 */
export function mrzLines(text: string): { shape: MrzShape; lines: string[] } | null {
  const candidates = text
    .split(/\r?\n/)
    .map(cleanLine)
    .filter((l) => l.length >= 24);
  if (candidates.length < 2) return null;
  const last3 = candidates.slice(-3);
  if (last3.length === 3 && last3.every((l) => Math.abs(l.length - 30) <= 3)) {
    return { shape: 'TD1', lines: last3.map((l) => fitLength(l, 30)) };
  }
  const last2 = candidates.slice(-2);
  const mean = ((last2[0] as string).length + (last2[1] as string).length) / 2;
  const fit = (length: number) =>
    last2.map((l, i) => fitLength(i === 0 ? dropStrayLead(l, length) : l, length));
  if (Math.abs(mean - 44) <= 4) return { shape: 'TD3', lines: fit(44) };
  if (Math.abs(mean - 36) <= 3) return { shape: 'TD2', lines: fit(36) };
  return null;
}
