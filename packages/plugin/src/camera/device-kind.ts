interface NavigatorLike {
  readonly userAgent: string;
  readonly maxTouchPoints?: number;
  readonly userAgentData?: { readonly mobile?: boolean };
}

/**
 * Phone or tablet: User-Agent Client Hints where the browser has them, else the user agent (iPadOS
 * reports a Mac, so a touch screen on "Macintosh" counts as a tablet).
 */
export function isMobileDevice(nav: NavigatorLike): boolean {
  if (nav.userAgentData?.mobile !== undefined && nav.userAgentData.mobile) return true;
  const ua = nav.userAgent;
  if (/Android|iPhone|iPad|iPod|Mobile|Tablet/i.test(ua)) return true;
  return /Macintosh/.test(ua) && (nav.maxTouchPoints ?? 0) > 1;
}
