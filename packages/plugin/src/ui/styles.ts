/** Styles live inside the shadow root, so host-page CSS cannot break them and ours cannot leak. */
export const STYLES = `
:host { all: initial; }
.ol-overlay { position: fixed; inset: 0; z-index: 2147483000; background: #0b0f14; color: #f5f7fa;
  font: 16px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; display: flex; flex-direction: column; }
/* hide() keeps everything running: the video must stay composited for frame callbacks, so no display:none. */
.ol-overlay[data-hidden="true"] { opacity: 0; pointer-events: none; }
.ol-stage { position: relative; flex: 1; min-height: 0; }
.ol-stage video, .ol-stage svg { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; }
.ol-stage video { transform: scaleX(-1); }
.ol-stage[data-mirror="false"] video { transform: none; }
.ol-stage[data-oval-animation="false"] .ol-oval { transition: none; }
.ol-stage[data-oval-animation="false"] .ol-progress { display: none; }
.ol-oval { fill: none; stroke-width: 4; stroke: #e5484d; transition: stroke .15s; }
.ol-oval[data-ready="true"] { stroke: #30a46c; }
.ol-progress { fill: none; stroke: #30a46c; stroke-width: 8; }
.ol-mask { fill: rgba(0,0,0,.55); }
.ol-hint { position: absolute; left: 50%; bottom: 8%; transform: translateX(-50%); padding: .6em 1.2em;
  border-radius: 999px; background: rgba(0,0,0,.7); font-size: 1.15em; text-align: center; max-width: 90%; }
.ol-prompt { position: absolute; left: 50%; top: 6%; transform: translateX(-50%); padding: .5em 1.2em;
  border-radius: 12px; background: #30a46c; color: #fff; font-size: 1.4em; font-weight: 600; text-align: center; }
.ol-scan { position: absolute; inset: 6% 0 auto 0; height: 2.4em; overflow: hidden; }
.ol-scan span { position: absolute; white-space: nowrap; font-size: 1.3em; font-weight: 600; color: #fff;
  background: rgba(48,164,108,.85); padding: .3em .8em; border-radius: 8px; animation: ol-scan 5s linear forwards; }
@keyframes ol-scan { from { left: 0; } to { left: calc(100% - 14em); } }
@media (prefers-reduced-motion: reduce) { .ol-scan span { animation-duration: 10s; } }
.ol-status { margin: auto; font-size: 1.1em; }
.ol-progress-bar { width: min(22em, 80vw); height: 10px; accent-color: #30a46c; }
.ol-status p { text-align: center; }
.ol-error { margin: auto; max-width: 28em; text-align: center; color: #ffb4b4; }
.ol-close { position: absolute; top: 12px; right: 12px; z-index: 2; width: 44px; height: 44px; border-radius: 50%;
  border: 0; background: rgba(255,255,255,.12); color: inherit; font-size: 24px; cursor: pointer; }
.ol-close:focus-visible { outline: 3px solid #8ec5ff; outline-offset: 2px; }
.ol-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
