import type {
  DocumentInput,
  DocumentLive,
  DocumentStage,
  DocumentStageProps,
  DocumentStageView,
} from './contract.js';
import { documentFrame, type Rect } from './geometry.js';

/**
 * The document screen, drawn without a framework (it ships in the lazy chunk, apart from the page script's
 * Preact): the camera picture unmirrored (text reads the right way), a dimmed surround with a card- or
 * passport-shaped frame, the template inside it when `show_document_pattern` is on, the hint, the shutter,
 * and the review (retake / use photo). `render` is a pure function of the view: same view, same DOM.
 */
const CSS = `
.ol-doc-host { flex: 1; min-height: 0; display: flex; flex-direction: column; }
.ol-doc [hidden] { display: none !important; }
.ol-doc-frame { pointer-events: none; }
.ol-doc-mask { fill: rgba(0,0,0,.55); fill-rule: evenodd; }
.ol-doc-outline { fill: none; stroke: #FFFFFF; stroke-width: 4; }
.ol-doc[data-ready="true"] .ol-doc-outline { stroke: #00BCD5; }
.ol-doc-template { fill: none; stroke-width: 2; }
.ol-doc-title { position: absolute; left: 50%; top: 4%; transform: translateX(-50%); padding: .35em 1em; border-radius: 12px;
  background: #00717F; color: #FFFFFF; font-weight: 600; font-size: 1.15em; white-space: nowrap; }
.ol-doc .ol-hint { top: auto; bottom: 20%; transform: translateX(-50%); font-size: 1.15em; }
.ol-doc-shutter { position: absolute; left: 50%; bottom: 4%; transform: translateX(-50%); width: 68px; height: 68px; border-radius: 50%;
  border: 5px solid #FFFFFF; background: #00717F; cursor: pointer; z-index: 2; }
.ol-doc-kind { position: absolute; inset-inline-start: 12px; bottom: 12px; z-index: 2; min-width: 0; }
.ol-doc-kind[aria-pressed="true"] { outline: 2px solid #00717F; }
.ol-doc-shutter:disabled { opacity: .5; cursor: default; }
.ol-doc-review { position: absolute; inset: 0; z-index: 3; display: flex; flex-direction: column; align-items: center; justify-content: center;
  gap: 12px; padding: 16px; box-sizing: border-box; background: var(--oz-base-color-customization-background-color-primary, #FFFFFF); }
.ol-doc-review img { max-width: 100%; max-height: 62%; object-fit: contain; border-radius: 8px; box-shadow: 0 2px 10px rgba(0,0,0,.3); }
.ol-doc-review p { margin: 0; text-align: center; }
.ol-doc-shutter:focus-visible, .ol-doc-review .ol-button:focus-visible { outline: 3px solid #005FCC; outline-offset: 3px; }
`;

const SVG = 'http://www.w3.org/2000/svg';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls: string,
  parent: Element,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = cls;
  parent.append(e);
  return e;
}

function svg(tag: string, attrs: Record<string, string | number>, parent: Element): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  parent.append(e);
  return e;
}

/** Rounded-rectangle path (for the even-odd mask hole). */
function roundRect(r: Rect, radius: number): string {
  const k = Math.min(radius, r.width / 2, r.height / 2);
  const { x, y, width: w, height: h } = r;
  return `M${x + k} ${y}H${x + w - k}A${k} ${k} 0 0 1 ${x + w} ${y + k}V${y + h - k}A${k} ${k} 0 0 1 ${x + w - k} ${y + h}H${x + k}A${k} ${k} 0 0 1 ${x} ${y + h - k}V${y + k}A${k} ${k} 0 0 1 ${x + k} ${y}Z`;
}

/** The card's layout drawn as outlines: portrait, text lines, and the machine-readable zone at the bottom. */
function template(g: SVGElement, r: Rect, back: boolean): void {
  const at = (fx: number, fy: number, fw: number, fh: number) => ({
    x: r.x + fx * r.width,
    y: r.y + fy * r.height,
    width: fw * r.width,
    height: fh * r.height,
  });
  const line = (fx: number, fy: number, fw: number) => {
    const a = at(fx, fy, fw, 0);
    svg('line', { x1: a.x, y1: a.y, x2: a.x + a.width, y2: a.y }, g);
  };
  if (!back) {
    const p = at(0.05, 0.16, 0.27, 0.52);
    svg('rect', { x: p.x, y: p.y, width: p.width, height: p.height, rx: 6 }, g);
    for (let i = 0; i < 4; i++) line(0.38, 0.2 + i * 0.12, 0.55 - i * 0.08);
  } else {
    for (let i = 0; i < 3; i++) line(0.06, 0.14 + i * 0.11, 0.6);
  }
  for (let i = 0; i < (back ? 3 : 2); i++) line(0.05, 0.76 + i * 0.08, 0.9);
}

export function mountStage(host: HTMLElement, props: DocumentStageProps): DocumentStage {
  const { t } = props;
  // documentFrameCustomization as normalised: lengths in px, opacity as a percentage.
  const radius = Number.parseFloat(props.look?.cornersRadius ?? '20') || 0;
  const look = {
    cornersRadius: radius,
    templateColor: props.look?.templateColor ?? '#FFFFFF',
    templateOpacity: (Number.parseFloat(props.look?.templateOpacity ?? '100') || 0) / 100,
  };
  const root = host.getRootNode();
  let sheet: CSSStyleSheet | null = null;
  if (root instanceof ShadowRoot && 'replaceSync' in CSSStyleSheet.prototype) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
  const stage = el('div', 'ol-stage ol-doc', host);
  stage.dataset.fit = 'cover';
  stage.dataset.mirrored = 'false';
  stage.setAttribute('part', 'stage document-stage');
  const frame = svg('svg', { class: 'ol-doc-frame', role: 'img' }, stage);
  const title = el('div', 'ol-doc-title', stage);
  const hint = el('div', 'ol-hint', stage);
  hint.setAttribute('part', 'hint');
  const steps = el('div', 'ol-steps', stage);
  steps.setAttribute('aria-hidden', 'true');
  const shutter = el('button', 'ol-doc-shutter', stage);
  shutter.type = 'button';
  shutter.setAttribute('aria-label', t('action_photo_button'));
  shutter.dataset.autofocus = '';
  // ID card or passport page: the frame's shape follows the document the person holds.
  const shape = el('button', 'ol-button ol-button-secondary ol-doc-kind', stage);
  shape.type = 'button';
  shape.textContent = t('doc_kind_passport');
  shape.addEventListener('click', () =>
    props.input(shape.getAttribute('aria-pressed') === 'true' ? 'id1' : 'td3'),
  );
  const swap = el('button', 'ol-switch', stage);
  swap.type = 'button';
  swap.setAttribute('aria-label', t('action_camera_switch_button'));
  const icon = svg('svg', { viewBox: '0 0 24 24', width: 24, height: 24, 'aria-hidden': 'true' }, swap);
  svg('path', { d: 'M4 8h3l2-3h6l2 3h3v11H4zM9 13a3 3 0 0 0 5.5 1.5M15 12a3 3 0 0 0-5.5-1.5' }, icon);
  swap.addEventListener('click', () => {
    const next = swap.dataset.next;
    if (next) props.switchCamera(next);
  });
  const review = el('div', 'ol-doc-review', stage);
  review.setAttribute('role', 'group');
  const img = el('img', '', review);
  const question = el('p', '', review);
  const buttons = el('div', 'ol-actions', review);
  const retake = el('button', 'ol-button ol-button-secondary', buttons);
  retake.type = 'button';
  retake.textContent = t('action_repeat_button');
  const use = el('button', 'ol-button', buttons);
  use.type = 'button';
  use.textContent = t('doc_use_photo');
  question.id = 'ol-doc-question';
  review.setAttribute('aria-labelledby', question.id);
  question.textContent = t('doc_review_question');
  img.alt = t('doc_review_image');

  const press = (input: DocumentInput) => () => props.input(input);
  shutter.addEventListener('click', press('shutter'));
  retake.addEventListener('click', press('retake'));
  use.addEventListener('click', press('use'));

  let size = { width: 0, height: 0 };
  let last: DocumentStageView | null = null;
  let lastPhase: DocumentLive['phase'] | null = null;
  const measure = () => {
    const r = stage.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) {
      size = { width: r.width, height: r.height };
      props.viewport(r.width / r.height);
      if (last) render(last, true);
    }
  };
  const observer = new ResizeObserver(measure);
  observer.observe(stage);

  function drawFrame(doc: DocumentLive): void {
    const { width: w, height: h } = size;
    frame.setAttribute('viewBox', `0 0 ${w || 1} ${h || 1}`);
    frame.setAttribute('aria-label', t(doc.kind === 'td3' ? 'doc_frame_label_passport' : 'doc_frame_label'));
    frame.replaceChildren();
    if (!w || !h) return;
    const r = documentFrame(w, h, doc.kind);
    svg('path', { class: 'ol-doc-mask', d: `M0 0H${w}V${h}H0Z${roundRect(r, look.cornersRadius)}` }, frame);
    svg('path', { class: 'ol-doc-outline', d: roundRect(r, look.cornersRadius) }, frame);
    if (doc.pattern) {
      const g = svg(
        'g',
        { class: 'ol-doc-template', stroke: look.templateColor, 'stroke-opacity': look.templateOpacity },
        frame,
      );
      template(g, r, doc.action === 'photo_id_back');
    }
  }

  function render(view: DocumentStageView, force = false): void {
    const prev = last;
    const { doc } = view;
    if (!doc) return;
    last = view;
    const video = view.video;
    if (video && video.parentNode !== stage) {
      stage.prepend(video);
      // Taken over from the face stage, which removed it from the page: a removed video pauses.
      if (video.paused) void video.play().catch(() => undefined);
    }
    stage.dataset.docAction = doc.action;
    stage.dataset.docPhase = doc.phase;
    stage.dataset.ready = String(doc.hint === null && doc.phase !== 'review');
    if (
      force ||
      prev?.doc?.kind !== doc.kind ||
      prev?.doc?.pattern !== doc.pattern ||
      prev?.doc?.action !== doc.action
    )
      drawFrame(doc);
    title.textContent = t(doc.action === 'photo_id_back' ? 'doc_title_back' : 'doc_title_front');
    const hintKey = doc.phase === 'framing' ? (doc.hint ? `doc_hint_${doc.hint}` : 'doc_hint_ok') : null;
    hint.hidden = hintKey === null;
    hint.dataset.hint = doc.hint ?? '';
    hint.textContent = hintKey ? t(hintKey) : '';
    steps.hidden = view.actionCount < 2;
    steps.textContent = `${view.actionIndex + 1} / ${view.actionCount}`;
    // The next camera in the list (with two or more: the person may turn to the rear one for the document).
    const others = view.cameras.filter((c) => c.deviceId !== view.deviceId);
    swap.hidden = others.length === 0 || doc.phase !== 'framing';
    swap.dataset.next = others[0]?.deviceId ?? '';
    shape.setAttribute('aria-pressed', String(doc.kind === 'td3'));
    shape.hidden = doc.phase !== 'framing';
    shutter.hidden = doc.phase === 'review' || doc.phase === 'done';
    shutter.disabled = doc.phase !== 'framing';
    review.hidden = doc.phase !== 'review';
    if (doc.review && img.src !== doc.review) img.src = doc.review;
    if (doc.phase !== lastPhase) {
      lastPhase = doc.phase;
      if (doc.phase === 'review') use.focus();
      else if (doc.phase === 'framing') shutter.focus();
    }
  }

  measure();
  return {
    render,
    destroy() {
      observer.disconnect();
      if (sheet && root instanceof ShadowRoot)
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      stage.remove();
    },
  };
}
