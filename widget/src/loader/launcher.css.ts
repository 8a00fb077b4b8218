/** The launcher only; the panel's CSS ships with the app. Custom properties are set from JS (CSP-safe). */
export const launcherCss = `:host{all:initial;position:fixed;z-index:2147483000;right:20px;bottom:20px;--closer-primary:#1f4e79;--closer-on-primary:#fff}
:host([hidden]){display:none}
:host([data-position=bottom-left]){right:auto;left:20px}
.launcher{all:unset;width:56px;height:56px;border-radius:50%;display:grid;place-items:center;cursor:pointer;position:relative;background:var(--closer-primary);color:var(--closer-on-primary);box-shadow:0 4px 14px #0005}
.launcher:focus-visible{box-shadow:0 0 0 3px #fff,0 0 0 6px #111}
svg{width:28px;fill:currentColor}
:host([data-label]) .launcher{width:auto;padding:0 20px 0 14px;border-radius:28px;grid-auto-flow:column;gap:8px;font:600 16px system-ui,sans-serif}`;
