/** Styles live inside the shadow root, so host-page CSS cannot break them and ours cannot leak. */
export const STYLES = `
:host { all: initial; }
.ol-overlay { position: fixed; inset: 0; z-index: 2147483000;
  background: var(--oz-base-color-customization-background-primary, #FFFFFF);
  color: var(--oz-base-color-customization-text-color-primary, #000000);
  font-family: var(--oz-base-font-customization-text-font, Roboto, sans-serif);
  font-size: var(--oz-base-font-customization-text-size, 16px);
  font-weight: var(--oz-base-font-customization-text-weight, 400);
  font-style: var(--oz-base-font-customization-text-style, normal);
  line-height: 1.4; display: flex; flex-direction: column; }
/* hide() keeps everything running: the video must stay composited for frame callbacks, so no display:none. */
.ol-overlay[data-hidden="true"] { opacity: 0; pointer-events: none; }
.ol-stage { position: relative; flex: 1; min-height: 0; }
.ol-stage video, .ol-stage svg { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; }
.ol-stage video { transform: scaleX(-1); }
/* The face frame: its shape and sizes come from faceFrameCustomization through FaceGuide; colours here. */
.ol-oval { fill: none; stroke: var(--oz-face-frame-customization-stroke-default-color, #D51900);
  stroke-opacity: var(--oz-face-frame-customization-stroke-opacity, 100%); transition: stroke .15s; }
.ol-oval[data-ready="true"] { stroke: var(--oz-face-frame-customization-stroke-face-in-frame-color, #00BCD5); }
.ol-progress { fill: none; stroke: var(--oz-face-frame-customization-stroke-face-in-frame-color, #00BCD5);
  stroke-opacity: var(--oz-face-frame-customization-stroke-opacity, 100%); }
.ol-mask { fill: var(--oz-background-customization-background-color, #FFFFFF);
  fill-opacity: var(--oz-background-customization-background-opacity, 88%); }
.ol-hint { position: absolute; left: 50%; top: var(--oz-center-hint-customization-vertical-position, 38%);
  transform: translate(-50%, -50%); padding: .4em .9em; text-align: center; max-width: 90%;
  border-radius: var(--oz-center-hint-customization-background-corner-radius, 14px);
  background: color-mix(in srgb, var(--oz-center-hint-customization-background-color, #1C1C1E)
    var(--oz-center-hint-customization-background-opacity, 56%), transparent);
  color: var(--oz-center-hint-customization-text-color, #FFFFFF);
  font-family: var(--oz-center-hint-customization-text-font, inherit);
  font-size: var(--oz-center-hint-customization-text-size, 24px);
  font-weight: var(--oz-center-hint-customization-text-weight, 500);
  font-style: var(--oz-center-hint-customization-text-style, normal); }
.ol-prompt { position: absolute; left: 50%; top: 6%; transform: translateX(-50%); padding: .3em .8em;
  border-radius: 12px; text-align: center; max-width: 90%;
  background: var(--oz-base-color-customization-background-secondary, #F2F2F7);
  color: var(--oz-base-color-customization-text-color-primary, #000000);
  font-family: var(--oz-title-font-customization-text-font, inherit);
  font-size: var(--oz-title-font-customization-text-size, 36px);
  font-weight: var(--oz-title-font-customization-text-weight, 500);
  font-style: var(--oz-title-font-customization-text-style, normal); }
.ol-scan { position: absolute; inset: 6% 0 auto 0; height: 2.4em; overflow: hidden; }
.ol-scan span { position: absolute; white-space: nowrap; padding: .3em .8em; border-radius: 8px;
  background: var(--oz-base-color-customization-background-secondary, #F2F2F7);
  color: var(--oz-base-color-customization-text-color-primary, #000000);
  font-family: var(--oz-title-font-customization-text-font, inherit);
  font-weight: var(--oz-title-font-customization-text-weight, 500);
  font-style: var(--oz-title-font-customization-text-style, normal);
  font-size: 1.3em; animation: ol-scan 5s linear forwards; }
@keyframes ol-scan { from { left: 0; } to { left: calc(100% - 14em); } }
[dir="rtl"] .ol-scan span { animation-name: ol-scan-rtl; }
@keyframes ol-scan-rtl { from { right: 0; } to { right: calc(100% - 14em); } }
@media (prefers-reduced-motion: reduce) { .ol-scan span { animation-duration: 10s; } }
.ol-status { margin: auto; font-size: 1.1em; color: var(--oz-base-color-customization-text-color-secondary, #8E8E93); }
.ol-progress-bar { width: min(22em, 80vw); height: 10px;
  accent-color: var(--oz-base-color-customization-icon-color, #00A5BA); }
.ol-status p { text-align: center; }
.ol-error { margin: auto; max-width: 28em; text-align: center;
  color: var(--oz-base-color-customization-text-color-primary, #000000); }
.ol-close { position: absolute; top: 12px; inset-inline-end: 12px; z-index: 2; width: 44px; height: 44px; border-radius: 50%;
  border: 0; background: transparent; color: var(--oz-toolbar-customization-icon-color, #707070);
  font-size: 28px; cursor: pointer; }
.ol-close:focus-visible { outline: 3px solid #8ec5ff; outline-offset: 2px; }
/* Buttons for the screens that have them (buttonCustomization). */
.ol-button { border: 0; cursor: pointer; padding: .75em 1.5em;
  border-radius: var(--oz-button-customization-corner-radius, 10px);
  font-family: var(--oz-button-customization-text-font, inherit);
  font-size: var(--oz-button-customization-text-size, 14px);
  font-weight: var(--oz-button-customization-text-weight, 500);
  font-style: var(--oz-button-customization-text-style, normal);
  color: var(--oz-button-customization-text-color-primary, #FFFFFF);
  background: var(--oz-button-customization-background-color-primary, #00A5BA); }
.ol-button[data-kind="secondary"] { color: var(--oz-button-customization-text-color-secondary, #00A5BA);
  background: var(--oz-button-customization-background-color-secondary, #DBF2F5); }
.ol-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
