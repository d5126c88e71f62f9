/**
 * Styles live inside the shadow root, so host-page CSS cannot break them and ours cannot leak. Colours and
 * fonts are CSS custom properties named `--oz-<section>-<field>` after docs' customization sections, with the
 * light-theme defaults as fallbacks. Where a documented default fails WCAG AA text contrast (button
 * #FFFFFF on #00A5BA is 2.9:1, secondary text #8E8E93 on white 3.3:1) the fallback is a darker shade.
 */
export const STYLES = `
:host { all: initial; }
.ol-overlay { position: fixed; inset: 0; z-index: 2147483000;
  background: var(--oz-base-color-customization-background-color-primary, #FFFFFF);
  color: var(--oz-base-color-customization-text-color-primary, #000000);
  font-family: var(--oz-base-font-customization-text-font, Roboto, system-ui, -apple-system, "Segoe UI", sans-serif);
  font-size: var(--oz-base-font-customization-text-size, 16px);
  font-weight: var(--oz-base-font-customization-text-weight, 400);
  font-style: var(--oz-base-font-customization-text-style, normal);
  line-height: 1.4; display: flex; flex-direction: column;
  padding: env(safe-area-inset-top) env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left); }
/* hide() keeps everything running: the video must stay composited for frame callbacks, so no display:none. */
.ol-overlay[data-hidden="true"] { opacity: 0; pointer-events: none; }
.ol-stage { position: relative; flex: 1; min-height: 0; overflow: hidden; background: #000; }
.ol-stage > video, .ol-stage > svg { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; }
.ol-stage[data-fit="cover"] > video { object-fit: cover; }
.ol-stage[data-mirrored="true"] > video { transform: scaleX(-1); }
/* Operator mode on a desktop (use_for_liveness): the outline does not animate. */
.ol-stage[data-oval-animation="false"] .ol-oval { transition: none; }
.ol-oval { fill: none;
  stroke: var(--oz-face-frame-customization-stroke-default-color, #D51900);
  stroke-opacity: var(--oz-face-frame-customization-stroke-opacity, 100%); transition: stroke .15s; }
.ol-oval[data-ready="true"] { stroke: var(--oz-face-frame-customization-stroke-face-in-frame-color, #00BCD5); }
.ol-progress { fill: none; stroke: var(--oz-face-frame-customization-stroke-face-in-frame-color, #00BCD5);
  stroke-opacity: var(--oz-face-frame-customization-stroke-opacity, 100%); stroke-linecap: round; }
.ol-mask { fill: var(--oz-background-customization-background-color, #FFFFFF);
  fill-opacity: var(--oz-background-customization-background-opacity, 88%); }
.ol-hint { position: absolute; left: 50%; top: var(--oz-center-hint-customization-vertical-position, 38%);
  transform: translate(-50%, -50%); padding: .5em 1em; width: max-content; max-width: 86%; box-sizing: border-box; text-align: center;
  border-radius: var(--oz-center-hint-customization-background-corner-radius, 14px);
  color: var(--oz-center-hint-customization-text-color, #FFFFFF);
  background: color-mix(in srgb, var(--oz-center-hint-customization-background-color, #1C1C1E)
    var(--oz-center-hint-customization-background-opacity, 56%), transparent);
  font-family: var(--oz-center-hint-customization-text-font, inherit);
  font-size: var(--oz-center-hint-customization-text-size, 24px);
  font-weight: var(--oz-center-hint-customization-text-weight, 500);
  font-style: var(--oz-center-hint-customization-text-style, normal); }
.ol-prompt { position: absolute; left: 50%; top: 7%; transform: translateX(-50%); padding: .45em 1.1em;
  border-radius: 12px; background: #00717F; color: #FFFFFF; font-size: 1.4em; font-weight: 600; text-align: center;
  animation: ol-pop .3s ease-out; }
.ol-scan { position: absolute; inset: 7% 0 auto 0; height: 2.4em; overflow: hidden; }
.ol-scan span { position: absolute; white-space: nowrap; font-size: 1.3em; font-weight: 600; color: #FFFFFF;
  background: #00717F; padding: .3em .8em; border-radius: 8px; animation: ol-scan 5s linear forwards; }
.ol-confirm { position: absolute; left: 50%; bottom: 10%; transform: translateX(-50%); display: flex; gap: .5em;
  align-items: center; padding: .5em 1.2em; border-radius: 999px; background: #FFFFFF; color: #00616D;
  font-size: 1.3em; font-weight: 600; animation: ol-pop .3s ease-out; }
.ol-confirm svg path { fill: none; stroke: #00616D; stroke-width: 5; stroke-linecap: round; stroke-linejoin: round; }
.ol-steps { position: absolute; inset-inline-start: 16px; top: 18px; padding: .2em .7em; border-radius: 999px; background: rgba(0,0,0,.6);
  color: #FFFFFF; font-size: .9em; }
@keyframes ol-scan { from { left: 0; } to { left: calc(100% - 14em); } }
/* Right-to-left languages: the scan text runs the other way; the camera picture is never mirrored for it. */
[dir="rtl"] .ol-scan span { animation-name: ol-scan-rtl; }
@keyframes ol-scan-rtl { from { right: 0; } to { right: calc(100% - 14em); } }
@keyframes ol-pop { from { transform: translateX(-50%) scale(.85); opacity: 0; } to { transform: translateX(-50%) scale(1); opacity: 1; } }
@keyframes ol-spin { to { transform: rotate(360deg); } }
.ol-panel { margin: auto; padding: 24px; max-width: 30em; width: calc(100% - 48px); box-sizing: border-box;
  display: flex; flex-direction: column; align-items: center; gap: 12px; text-align: center; }
.ol-panel p { margin: 0; }
.ol-title { margin: 0; font-family: var(--oz-title-font-customization-text-font, inherit);
  font-size: min(var(--oz-title-font-customization-text-size, 36px), 8vw);
  font-weight: var(--oz-title-font-customization-text-weight, 500);
  font-style: var(--oz-title-font-customization-text-style, normal); line-height: 1.2; }
.ol-secondary { color: var(--oz-base-color-customization-text-color-secondary, #5F5F66); }
.ol-strong { font-weight: 600; }
.ol-list { margin: 0; padding-left: 1.4em; text-align: left; display: flex; flex-direction: column; gap: 6px; }
.ol-icon { fill: none; stroke: var(--oz-base-color-customization-icon-color, #00A5BA); stroke-width: 3;
  stroke-linecap: round; stroke-linejoin: round; }
.ol-icon[data-outcome="declined"], .ol-icon-error { stroke: #C41700; }
.ol-spinner { width: 44px; height: 44px; border-radius: 50%; border: 4px solid #DBF2F5;
  border-top-color: var(--oz-base-color-customization-icon-color, #00A5BA); animation: ol-spin 1s linear infinite; }
.ol-progress-bar, .ol-progress-slow { width: min(22em, 80vw); height: 10px; accent-color: #00A5BA; }
.ol-percent { font-variant-numeric: tabular-nums; font-weight: 600; }
.ol-actions { display: flex; gap: 12px; flex-wrap: wrap; justify-content: center; margin-top: 8px; }
.ol-button { min-height: 44px; min-width: 8em; padding: 0 1.4em; border: 0; cursor: pointer;
  border-radius: var(--oz-button-customization-corner-radius, 10px);
  color: var(--oz-button-customization-text-color-primary, #FFFFFF);
  background: var(--oz-button-customization-background-color-primary, #00717F);
  font-family: var(--oz-button-customization-text-font, inherit);
  font-size: var(--oz-button-customization-text-size, 14px);
  font-weight: var(--oz-button-customization-text-weight, 500);
  font-style: var(--oz-button-customization-text-style, normal); }
.ol-button-secondary { color: var(--oz-button-customization-text-color-secondary, #00616D);
  background: var(--oz-button-customization-background-color-secondary, #DBF2F5); }
.ol-tap { position: absolute; left: 50%; bottom: 12%; transform: translateX(-50%); z-index: 2; }
.ol-close { position: absolute; top: calc(10px + env(safe-area-inset-top)); inset-inline-end: calc(10px + env(safe-area-inset-right));
  z-index: 5; width: 44px; height: 44px; border-radius: 50%; border: 0; cursor: pointer; display: grid; place-items: center;
  background: rgba(255,255,255,.9); }
.ol-close path { stroke: var(--oz-toolbar-customization-icon-color, #707070); stroke-width: 2.5; stroke-linecap: round; }
.ol-switch { position: absolute; inset-inline-end: 12px; bottom: 12px; z-index: 2; width: 48px; height: 48px; border-radius: 50%;
  border: 0; background: rgba(255,255,255,.9); cursor: pointer; display: grid; place-items: center; }
.ol-switch path { fill: none; stroke: #00616D; stroke-width: 1.8; stroke-linejoin: round; }
.ol-camera-pick { position: absolute; inset-inline-end: 12px; bottom: 12px; z-index: 2; }
.ol-camera-pick select { min-height: 44px; border-radius: 10px; padding: 0 .6em; background: #FFFFFF; color: #000000; border: 1px solid #5F5F66; }
.ol-close:focus-visible, .ol-button:focus-visible, .ol-switch:focus-visible, .ol-camera-pick select:focus-visible {
  outline: 3px solid #005FCC; outline-offset: 2px; }
.ol-turn { display: none; }
/* Phones held sideways: capture needs portrait (plugin-api: "Phones still require portrait orientation"). */
@media (orientation: landscape) and (pointer: coarse) and (max-height: 500px) {
  .ol-turn { display: grid; place-items: center; position: absolute; inset: 0; z-index: 4; padding: 24px;
    background: var(--oz-base-color-customization-background-color-primary, #FFFFFF); font-size: 1.3em; text-align: center; }
}
@media (prefers-reduced-motion: reduce) {
  .ol-overlay *, .ol-overlay *::before, .ol-overlay *::after { animation: none !important; transition: none !important; }
  .ol-scan span { left: 50%; transform: translateX(-50%); }
}
.ol-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
