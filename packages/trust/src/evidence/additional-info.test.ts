import { describe, expect, it } from 'vitest';
import { parseAdditionalInfo, serializeAdditionalInfo } from './additional-info.js';
import type { EvidenceRecord } from './types.js';

describe('additional_info', () => {
  const records: EvidenceRecord[] = [
    { type: 'automation', webdriver: true, user_agent: 'UA', brands: [], reasons: ['webdriver'] },
  ];
  const verdict = {
    virtual_camera_suspected: false,
    block: false,
    reasons: ['webdriver' as const],
    notes: [],
  };

  it('serialises a versioned envelope that parses back', () => {
    const text = serializeAdditionalInfo(records, verdict, new Date('2026-01-01T00:00:00Z'));
    const parsed = parseAdditionalInfo(text);
    expect(parsed.ok && parsed.value).toMatchObject({
      schema: 'open-liveness/evidence',
      version: 1,
      collected_at: '2026-01-01T00:00:00.000Z',
      virtual_camera_suspected: false,
      reasons: ['webdriver'],
      records,
    });
  });

  it('rejects foreign or broken strings', () => {
    expect(parseAdditionalInfo('not json')).toMatchObject({ code: 'evidence_malformed' });
    expect(parseAdditionalInfo('{"schema":"x","version":1}')).toMatchObject({ code: 'evidence_malformed' });
    const unknownReason = serializeAdditionalInfo(records, verdict).replace(
      '"reasons":["webdriver"]',
      '"reasons":["nope"]',
    );
    expect(parseAdditionalInfo(unknownReason)).toMatchObject({ code: 'evidence_malformed' });
  });
});
