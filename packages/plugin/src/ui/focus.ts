const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Keeps Tab and Shift+Tab inside the dialog (the dialog lives in a shadow root, so we ask it, not document). */
export function trapTab(root: HTMLElement, ev: KeyboardEvent): void {
  const items = Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => el.offsetParent !== null || el === root.querySelector('.ol-close'),
  );
  if (items.length === 0) return;
  const first = items[0] as HTMLElement;
  const last = items[items.length - 1] as HTMLElement;
  const active = (root.getRootNode() as ShadowRoot).activeElement;
  if (ev.shiftKey && (active === first || !items.includes(active as HTMLElement))) {
    ev.preventDefault();
    last.focus();
  } else if (!ev.shiftKey && (active === last || !items.includes(active as HTMLElement))) {
    ev.preventDefault();
    first.focus();
  }
}
