import { describe, expect, it } from 'vitest';
import { checkFields, DEFAULT_FIELDS_TO_CHECK, readMrzText } from './fields.js';
import { cleanLine, dropStrayLead, fitLength, mrzLines } from './lines.js';
import { locateMrz } from './locate.js';

// ICAO 9303 specimen lines (the "Utopia" examples of the standard).
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD1 = [
  'I<UTOD231458907<<<<<<<<<<<<<<<',
  '7408122F1204159UTO<<<<<<<<<<<6',
  'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
];

describe('MRZ lines from OCR text', () => {
  it('keeps only MRZ characters', () => {
    expect(cleanLine(' p<uto eriksson «<ANNA ')).toBe('P<UTOERIKSSON<ANNA');
  });

  it('fits a line by growing or shrinking its longest filler run', () => {
    expect(fitLength('AB<<<CD<<<<<<EF', 12)).toBe('AB<<<CD<<<EF');
    expect(fitLength('AB<<CD', 8)).toBe('AB<<<<CD');
    expect(fitLength('ABCDEF', 8)).toBe('ABCDEF<<');
    expect(fitLength('ABCDEFGH', 6)).toBe('ABCDEF');
  });

  it('drops a stray character read in front of the document code (the photographed LUX passport)', () => {
    const line = 'IP<LUXMAUS<<KETTY<<<<<<<<<<<<<<<<<<<<<<<<<<<<';
    expect(dropStrayLead(line, 44)).toBe('P<LUXMAUS<<KETTY<<<<<<<<<<<<<<<<<<<<<<<<<<<<');
    // A line that already starts right, or is not over length, is kept.
    expect(dropStrayLead('P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<<', 44)).toBe(
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<<',
    );
    expect(dropStrayLead('IP<LUXMAUS', 44)).toBe('IP<LUXMAUS');
  });

  it('recognises TD3, TD2 and TD1 shapes and drops other text', () => {
    const td3 = mrzLines(`PASSPORT UTOPIA\n${TD3[0]}<<\n${TD3[1]?.slice(0, 43)}\n`);
    expect(td3?.shape).toBe('TD3');
    expect(td3?.lines.every((l) => l.length === 44)).toBe(true);
    expect(mrzLines(`${TD1.join('\n')}`)?.shape).toBe('TD1');
    expect(
      mrzLines('I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6')?.shape,
    ).toBe('TD2');
    expect(mrzLines('GRAND DUCHY OF LUXEMBOURG\nPASSPORT')).toBeNull();
  });
});

describe('MRZ fields with check digits', () => {
  it('parses a TD3 page and flags each field', () => {
    const r = readMrzText(TD3.join('\n'));
    expect(r?.format).toBe('TD3');
    expect(r?.fields.documentNumber).toEqual({ value: 'L898902C3', valid: true });
    expect(r?.fields.birthDate).toEqual({ value: '740812', valid: true });
    expect(r?.fields.expirationDate).toEqual({ value: '120415', valid: true });
    expect(r?.fields.lastName?.value).toBe('ERIKSSON');
    expect(r?.fields.firstName?.value).toBe('ANNA MARIA');
    // UTO is the standard's fictional state: reported invalid, but not a default check.
    expect(r?.fields.issuingState?.valid).toBe(false);
    expect(r && checkFields(r, DEFAULT_FIELDS_TO_CHECK).failed).toEqual([]);
    expect(r && checkFields(r, ['issuingState']).failed).toEqual(['issuingState']);
  });

  it('fails the check digit when a digit is misread', () => {
    const bad = readMrzText([TD3[0], (TD3[1] as string).replace('740812', '740813')].join('\n'));
    expect(bad?.fields.birthDateCheckDigit?.valid).toBe(false);
    expect(bad?.fields.birthDate).toMatchObject({ value: '740813', valid: false });
    expect(bad && checkFields(bad, DEFAULT_FIELDS_TO_CHECK).failed).toContain('birthDate');
  });

  it('parses TD1 cards', () => {
    const r = readMrzText(TD1.join('\n'));
    expect(r?.format).toBe('TD1');
    expect(r?.fields.documentNumber).toEqual({ value: 'D23145890', valid: true });
    expect(r && checkFields(r, DEFAULT_FIELDS_TO_CHECK).failed).toEqual([]);
  });
});

describe('locating the zone', () => {
  /** A light page with dark "glyph" stripes: two long dense lines low on the page, short text above. */
  function page(tilt = 0): { width: number; height: number; data: Uint8Array } {
    const width = 400;
    const height = 260;
    const data = new Uint8Array(width * height).fill(230);
    const stroke = (x0: number, x1: number, y0: number, lineH: number) => {
      for (let x = x0; x < x1; x++) {
        if (x % 8 >= 3) continue; // a 3 px stroke every 8 px, like monospace glyphs
        const dy = Math.round(x * tilt);
        for (let y = y0; y < y0 + lineH; y++) {
          const yy = y + dy;
          if (yy >= 0 && yy < height) data[yy * width + x] = 20;
        }
      }
    };
    stroke(40, 140, 40, 10); // a short label
    stroke(40, 120, 70, 10);
    stroke(20, 380, 180, 6); // MRZ line 1
    stroke(20, 380, 196, 6); // MRZ line 2
    return { width, height, data };
  }

  it('finds two long lines at the bottom', () => {
    const c = locateMrz(page());
    expect(c?.lines).toBe(2);
    expect(c?.angle).toBe(0);
    expect(c?.region.y).toBeLessThanOrEqual(180);
    expect((c?.region.y ?? 0) + (c?.region.height ?? 0)).toBeGreaterThanOrEqual(202);
    expect(c?.region.width).toBeGreaterThan(300);
  });

  it('finds tilted lines and reports the tilt', () => {
    const c = locateMrz(page(Math.tan((4 * Math.PI) / 180)));
    expect(c?.angle).toBe(4);
  });

  it('finds nothing on a blank page', () => {
    expect(locateMrz({ width: 400, height: 260, data: new Uint8Array(400 * 260).fill(200) })).toBeNull();
  });
});
