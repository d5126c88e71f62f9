import type { AutomationRecord, EvidenceReason } from '@open-liveness/trust';

export interface AutomationInput {
  /** `navigator.webdriver` (true under WebDriver/CDP automation unless patched away). */
  readonly webdriver: boolean | undefined;
  readonly userAgent: string;
  /** `navigator.userAgentData.brands[].brand`, where available (Chromium). */
  readonly brands: readonly string[];
}

const HEADLESS_UA = /headlesschrome|phantomjs|slimerjs/i;

/**
 * Automation hints. Only catches automation that does not hide itself: stealth plugins patch
 * `webdriver` and the user agent, and Chrome's newer headless mode reports a normal user agent.
 */
export function automationRecord(input: AutomationInput): AutomationRecord {
  const reasons: EvidenceReason[] = [];
  if (input.webdriver === true) reasons.push('webdriver');
  if (HEADLESS_UA.test(input.userAgent) || input.brands.some((brand) => HEADLESS_UA.test(brand))) {
    reasons.push('headless_user_agent');
  }
  return {
    type: 'automation',
    webdriver: input.webdriver === true,
    user_agent: input.userAgent,
    brands: [...input.brands],
    reasons,
  };
}
